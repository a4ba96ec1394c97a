"""A one-line choice picked with a single key per option (or left/right), for fast dialogs."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


@dataclass(frozen=True)
class Choice:
    value: str
    key: str
    label: str


class ChoicePicker(Widget, can_focus=True):
    """Shows ``[i] in scope  [o] out of scope ...``; the option's key picks it, left/right move."""

    DEFAULT_CSS = """
    ChoicePicker { height: auto; width: 1fr; }
    ChoicePicker:focus { background: $boost; }
    ChoicePicker.-invalid { background: $error 20%; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Previous", show=False, id="choice_previous"),
        Binding("right", "move(1)", "Next", show=False, id="choice_next"),
    ]

    value: reactive[str | None] = reactive(None)

    @dataclass
    class Picked(Message):
        picker: ChoicePicker
        value: str

        @property
        def control(self) -> ChoicePicker:
            return self.picker

    def __init__(self, choices: list[Choice], value: str | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.set_reactive(ChoicePicker.value, value)

    def render(self) -> Text:
        # Options are laid out by hand so that, when they wrap, a key never parts from its label.
        width = self.size.width or 80
        line = Text(no_wrap=True, overflow="ellipsis")
        used = 0
        for choice in self.choices:
            chosen = choice.value == self.value
            option = Text.assemble(
                (f" {choice.key} ", "reverse bold" if chosen else "bold underline"),
                (f"{choice.label} ", "reverse bold" if chosen else ""),
            )
            if used and used + 1 + option.cell_len > width:
                line.append("\n")
                used = 0
            elif used:
                line.append(" ")
                used += 1
            line.append_text(option)
            used += option.cell_len
        return line

    def get_content_height(self, container, viewport, width: int) -> int:
        lines, used = 1, 0
        for choice in self.choices:
            size = len(choice.key) + len(choice.label) + 3
            if used and used + 1 + size > width:
                lines, used = lines + 1, size
            else:
                used += size + (1 if used else 0)
        return lines

    def pick(self, value: str) -> None:
        self.value = value
        self.post_message(self.Picked(self, value))

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character == choice.key:
                event.stop()
                event.prevent_default()
                self.pick(choice.value)
                return

    def action_move(self, step: int) -> None:
        values = [choice.value for choice in self.choices]
        index = values.index(self.value) if self.value in values else (-1 if step > 0 else 0)
        self.pick(values[(index + step) % len(values)])
