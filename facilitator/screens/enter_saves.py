"""Enter saves from every field of a quick dialog, as its hint promises.

Without this, Enter on a drop-down (Select) opened its list, which spilled past the dialog, and the
next keys typed overwrote the choice: a follow-up was saved with action "Tom Hale" and owner
"someday". The list still opens with space or the down arrow, and Enter picks from an open list.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, TextArea
from textual.widgets._select import SelectOverlay

ENTER_SAVES = Binding("enter", "enter_save", "Save", id="enter_saves", show=False, priority=True)


class EnterSaves(Screen):
    """Mixin for a dialog screen with an ``action_save``; list ENTER_SAVES in its BINDINGS."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_save":
            # Where Enter already means something else, it keeps that meaning.
            focused = self.focused
            return not isinstance(focused, (TextArea, Button, SelectOverlay))
        return super().check_action(action, parameters)

    def action_enter_save(self) -> None:
        self.action_save()
