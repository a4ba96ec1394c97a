"""The damaged-database screen: the one line that says the file is damaged and how to recover, then quit.

Shown over whatever was open when SQLite reported the damage, so the cockpit never crashes on it and
nothing more is read from or written to the file.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class DamagedScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    DamagedScreen { align: center middle; }
    DamagedScreen > Vertical {
        width: 76; max-width: 98%; height: auto;
        border: thick $error; background: $surface; padding: 1 2;
    }
    DamagedScreen #damaged-title { text-style: bold; color: $error; margin-bottom: 1; }
    DamagedScreen #damaged-help { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("q,escape,enter", "leave", "Quit", id="damaged_quit", tooltip="Close facilitator; the file stays as it is"),
    ]

    def __init__(self, message: str, title: str = "The database is damaged") -> None:
        super().__init__()
        self.message = message
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="damaged-title", markup=False)
            yield Static(Text(self.message), id="damaged-message")
            yield Static("Press q to quit.", id="damaged-help", markup=False)

    def action_leave(self) -> None:
        self.app.exit(return_code=1, message=Text(self.message))
