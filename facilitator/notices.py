"""Notices that never cover what the facilitator is typing into, and never pile up.

A toast sits in the bottom-right corner, exactly where the quick dialogs put their fields: "Time is
up" covered the Tags field of an open decision, the "Open follow-ups" notice covered the verdict
choices, and three stacked toasts hid half the newspaper. So, for the whole app:

- while a dialog (a modal screen: the quick captures sit where toasts appear) is open, notices wait
  and show when it closes; a notice already showing when a dialog opens is taken down and waits with
  them, with the time it had left (pressing ``d`` right after a "Logged" notice must not leave it over
  the verdict choices);
- a full-screen form the facilitator types into (a reflection, the charter) counts as a dialog: it
  says so with ``HOLDS_NOTICES = True``. "Finished ...; started ..." landed over the first answer of
  the reflection that `n` opens in an Action Learning set;
- at most ``MAX_SHOWN`` notices show at once; a new one retires the oldest.

The timer's alarms are shown by the timer bar itself, not as notices.
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, Notify
from textual.screen import ModalScreen

MAX_SHOWN = 2
MIN_SECONDS_BACK = 3  # a notice taken down just before it would have gone still shows long enough to read


class QuietNotices(App):
    """Mixin for the App."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_notices: list[Notification] = []

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)

    def notices_held(self) -> list[str]:
        return [notice.message for notice in self._held_notices]

    def _dialog_open(self) -> bool:
        try:
            screen = self.screen
        except Exception:
            return False
        return isinstance(screen, ModalScreen) or getattr(screen, "HOLDS_NOTICES", False)

    def _on_notify(self, event: Notify) -> None:
        if self._dialog_open():
            event.prevent_default()  # Textual's own handler would show it now
            self._held_notices.append(event.notification)
            return
        self._make_room()

    def _screen_changed(self, _screen=None) -> None:
        if self._dialog_open():
            self._hold_shown_notices()
        else:
            self._show_held_notices()

    def _hold_shown_notices(self) -> None:
        shown = list(self._notifications)
        if not shown:
            return
        for notice in shown:
            self._unnotify(notice, refresh=False)
        waiting = [_again(notice, max(MIN_SECONDS_BACK, notice.time_left)) for notice in shown]
        self._held_notices = waiting + self._held_notices  # they were raised first
        self._refresh_notifications()

    def _show_held_notices(self) -> None:
        if not self._held_notices or self._dialog_open():
            return
        held, self._held_notices = [_again(notice, notice.timeout) for notice in self._held_notices], []
        # Shown at once rather than posted, and before what already shows: a notice raised as the
        # dialog closed ("Logged: ...") is the newest, so it is the one that stays.
        shown = list(self._notifications)
        for notice in shown:
            self._unnotify(notice, refresh=False)
        for notice in (held + shown)[-MAX_SHOWN:]:
            self._notifications.add(notice)
        self._refresh_notifications()

    def _make_room(self) -> None:
        """Retire the oldest shown notices so that one more fits."""
        shown = list(self._notifications)
        for old in shown[: max(0, len(shown) - MAX_SHOWN + 1)]:
            self._unnotify(old, refresh=False)


def _again(notice: Notification, timeout: float) -> Notification:
    # A fresh notice, so its time on screen starts when it shows rather than when it was raised.
    return Notification(notice.message, notice.title, notice.severity, timeout, markup=notice.markup)
