"""Notices that never cover what the facilitator is typing into, and never pile up.

A toast sits in the bottom-right corner, exactly where the quick dialogs put their fields: "Time is
up" covered the Tags field of an open decision, the "Open follow-ups" notice covered the verdict
choices, and three stacked toasts hid half the newspaper. So, for the whole app:

- while a dialog (a modal screen: the quick captures sit where toasts appear) is open, notices wait
  and show when it closes;
- at most ``MAX_SHOWN`` notices show at once; a new one retires the oldest.

The timer's alarms are shown by the timer bar itself, not as notices.
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, Notify
from textual.screen import ModalScreen

MAX_SHOWN = 2


class QuietNotices(App):
    """Mixin for the App."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_notices: list[Notification] = []

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._show_held_notices)

    def notices_held(self) -> list[str]:
        return [notice.message for notice in self._held_notices]

    def _dialog_open(self) -> bool:
        try:
            screen = self.screen
        except Exception:
            return False
        return isinstance(screen, ModalScreen)

    def _on_notify(self, event: Notify) -> None:
        if self._dialog_open():
            event.prevent_default()  # Textual's own handler would show it now
            self._held_notices.append(event.notification)
            return
        shown = list(self._notifications)
        for old in shown[: max(0, len(shown) - MAX_SHOWN + 1)]:
            self._unnotify(old, refresh=False)

    def _show_held_notices(self, _screen=None) -> None:
        if not self._held_notices or self._dialog_open():
            return
        held, self._held_notices = self._held_notices[-MAX_SHOWN:], []
        for notice in held:
            # A fresh notice, so its time on screen starts now rather than when it was raised.
            self.post_message(Notify(Notification(notice.message, notice.title, notice.severity, notice.timeout, markup=notice.markup)))
