"""The footer as a grid of two rows, so the keys of a session all show at 80 columns."""

from __future__ import annotations

from textual.app import ComposeResult
from facilitator.widgets.footer import Footer


class KeyBar(Footer):
    """Textual's Footer sets one grid column per key (a single row); this one wraps after COLUMNS."""

    COLUMNS = 6
    DEFAULT_CSS = """
    KeyBar { layout: grid; grid-columns: 1fr; grid-rows: 1; height: 2; overflow: hidden hidden; }
    KeyBar FooterKey { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.styles.grid_size_columns = self.COLUMNS
