"""A yes/no offer: "the day is over; reflect with the debrief now?" Declining saves nothing and owes nothing."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ReflectionOfferScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ReflectionOfferScreen { align: center middle; }
    ReflectionOfferScreen > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    ReflectionOfferScreen #offer-title { text-style: bold; margin-bottom: 1; }
    ReflectionOfferScreen #offer-buttons { height: auto; margin-top: 1; }
    ReflectionOfferScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Reflect now", id="offer_yes", tooltip="Open the reflection for this day"),
        Binding("n,escape", "answer(False)", "Not now", id="offer_no", tooltip="Close; reflect later with r"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.offer_title = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.offer_title, id="offer-title", markup=False)
            yield Static(self.body, markup=False)
            with Horizontal(id="offer-buttons"):
                yield Button("Reflect now  y", variant="primary", id="yes")
                yield Button("Not now  n", id="no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, message: Button.Pressed) -> None:
        self.dismiss(message.button.id == "yes")
