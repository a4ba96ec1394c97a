"""``?``: every key of the screen, by area, read from the Binding objects themselves.

The footer has room for the keys of a session; this panel lists the rest. Nothing here repeats a
description: each line is the binding's key, its description and its tooltip, so the panel, the footer
and the command palette can never disagree.
"""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static, TabPane

from facilitator.keymap import as_user_sees

# Screen-level bindings are grouped by the first word of their id.
_SCREEN_GROUPS = {
    "timer": "Timer (the clock above every area)", "tab": "Areas",
    # After the timer's: the first screenful keeps the event's keys and the timer's together.
    "take": "Who was there and evidence", "attach": "Who was there and evidence",
}


def _described(bindings) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding) and b.description and b.id]


def key_groups(screen: Screen) -> list[tuple[str, list[Binding]]]:
    """(area title, bindings) for the screen, each area widget, then the app."""
    # The event's own keys first: on a small screen they are the ones in view without scrolling.
    groups: dict[str, list[Binding]] = {"Anywhere in the event": []}
    screen_bindings = _described(b for bs in screen._bindings.key_to_bindings.values() for b in bs)
    taken = _taken_here(screen)
    for binding in screen_bindings:
        title = _SCREEN_GROUPS.get(binding.id.split("_")[0], "Anywhere in the event")
        groups.setdefault(title, []).append(_as_here(binding, taken, screen_bindings))
    seen: set[type] = set()
    for widget in screen.query("*"):
        own = _described(type(widget).__dict__.get("BINDINGS", ()))
        if not own or type(widget) in seen:
            continue
        seen.add(type(widget))
        pane = next((a for a in widget.ancestors if isinstance(a, TabPane)), None)
        title = str(pane._title) if pane is not None else type(widget).__name__
        groups.setdefault(title, []).extend(b for b in own if b not in groups.get(title, ()))
    groups["The cockpit"] = _described(b for bs in screen.app._bindings.key_to_bindings.values() for b in bs)
    # The keys the user set in keymap.toml, as the footer and the palette show them.
    keymap = screen.app._keymap
    return [(title, as_user_sees(bindings, keymap)) for title, bindings in groups.items() if bindings]


def _taken_here(screen: Screen) -> dict[str, Binding]:
    """The keys the focused widget and its containers bind: there they win over the screen's own."""
    taken: dict[str, Binding] = {}
    node = screen.focused
    while node is not None and node is not screen:
        for binding in _described(b for bs in node._bindings.key_to_bindings.values() for b in bs):
            taken.setdefault(binding.key, binding)
        node = node.parent
    return taken


def _as_here(binding: Binding, taken: dict[str, Binding], screen_bindings: list[Binding]) -> Binding:
    """A screen key the area in focus binds to something else is listed saying so, and what reaches it here."""
    other = taken.get(binding.key)
    if other is None or other.action == binding.action:
        return binding
    instead = next((b.key for b in screen_bindings if b.action == binding.action and b.key not in taken), None)
    where = f"{instead} does it here" if instead else "press it with another area shown (1-7)"
    return replace(binding, tooltip=f"Not in this area, where {binding.key} is {other.description}: {where}")


class KeyHelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    KeyHelpScreen { align: center middle; }
    KeyHelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    KeyHelpScreen .help-area { text-style: bold; color: $accent; margin-top: 1; }
    KeyHelpScreen .help-area.-first { margin-top: 0; }
    """
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="close_key_help", tooltip="Close the key list"),
    ]

    def __init__(self, title: str, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.help_title = title
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="key-help"):
            for number, (title, bindings) in enumerate(self.groups):
                yield Static(Text(title), classes="help-area -first" if number == 0 else "help-area")
                table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
                table.add_column(no_wrap=True, style="bold", justify="right")
                table.add_column(no_wrap=True)
                # One line a key, so a screenful holds the event's keys and the timer's; the palette
                # (ctrl+p) shows each tooltip whole.
                table.add_column(ratio=1, style="dim", no_wrap=True, overflow="ellipsis")
                for binding in bindings:
                    tooltip = binding.tooltip if binding.tooltip != binding.description else ""
                    table.add_row(Text(self.app.get_key_display(binding)), Text(binding.description), Text(tooltip))
                yield Static(table)

    def on_mount(self) -> None:
        panel = self.query_one("#key-help")
        panel.border_title = f"Keys: {self.help_title}"
        panel.border_subtitle = "esc closes"
        panel.focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
