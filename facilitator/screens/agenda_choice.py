"""A small dialog offering named choices (confirmations, re-plans); returns the chosen key or None."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class AgendaChoiceScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    AgendaChoiceScreen { align: center middle; }
    AgendaChoiceScreen > Vertical {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    AgendaChoiceScreen .choice-title { text-style: bold; }
    AgendaChoiceScreen .choice-body { margin-bottom: 1; }
    AgendaChoiceScreen OptionList { height: auto; max-height: 16; }
    AgendaChoiceScreen .choice-help { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_choice", tooltip="Close and change nothing")]

    def __init__(self, title: str, body: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.choice_title = title
        self.body = body
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.choice_title, classes="choice-title", markup=False)
            yield Static(self.body, classes="choice-body", markup=False)
            yield OptionList(*[Option(Text(label), id=key) for key, label in self.choices], id="choices")
            yield Static("enter chooses, esc cancels", classes="choice-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
