"""The effort/impact 2x2: high impact on top, low effort on the left, so the quick wins sit top left.

Each quadrant lists its countermeasures by rank with their dots (✓ marks a chosen one), as many as the
height allows (then "+N more"); dropped ones are left out. Sized for 80x24.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from facilitator.domain.countermeasures import Countermeasure, Quadrant, Status
from facilitator.domain.display import visible
from facilitator.widgets.countermeasure_table import QUICK_MARK
from facilitator.widgets.theme_styles import on_theme_change, theme_styles


DOT = "●"
CHOSEN_MARK = "✓"


class CountermeasureGrid(Widget, can_focus=True):
    DEFAULT_CSS = """
    CountermeasureGrid { height: 1fr; padding: 0 1; }
    CountermeasureGrid:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("g,escape", "back", "List", id="countermeasure_list", tooltip="Back to the ranked list"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[Countermeasure] = []

    def on_mount(self) -> None:
        on_theme_change(self, lambda widget: widget.refresh())

    def show(self, items: list[Countermeasure]) -> None:
        self.items = items
        self.refresh()

    def action_back(self) -> None:
        self.post_message(self.Closed())

    class Closed(Message):
        """The 2x2 was left for the list."""

    def render(self) -> RenderableType:
        styles = theme_styles(self.app)
        ranks = {item.id: rank for rank, item in enumerate(self.items, start=1)}
        cells: dict[Quadrant, list[Countermeasure]] = {quadrant: [] for quadrant in Quadrant}
        for item in self.items:
            if item.status is not Status.DROPPED:
                cells[item.quadrant].append(item)
        # Two rows of cells share the height left after the table's header and its three rules.
        per_cell = max(1, (self.size.height - 5) // 2 - 1)
        table = Table(expand=True, show_lines=True, padding=(0, 1))
        table.add_column("", width=6, style="bold")
        table.add_column(Text("Low effort (1-2)", style="bold"), ratio=1)
        table.add_column(Text("High effort (3-5)", style="bold"), ratio=1)
        for label, left, right in (
            ("High\nimpact\n(3-5)", Quadrant.QUICK_WIN, Quadrant.MAJOR),
            ("Low\nimpact\n(1-2)", Quadrant.FILL_IN, Quadrant.THANKLESS),
        ):
            table.add_row(Text(label), *(self._cell(q, cells[q], ranks, per_cell, styles) for q in (left, right)))
        return table

    def _cell(self, quadrant: Quadrant, items: list[Countermeasure], ranks: dict[str, int], lines: int, styles) -> Group:
        quick = quadrant is Quadrant.QUICK_WIN
        title = f"{QUICK_MARK} {quadrant.label.upper()}" if quick else quadrant.label
        shown = items if len(items) <= lines else items[: lines - 1]
        rows = [Text(title, style=styles["success"] + Style(bold=True) if quick else Style(bold=True), no_wrap=True, overflow="ellipsis")]
        for item in shown:
            # Rank and dots first, so a long text loses its end, never the numbers.
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{ranks[item.id]:>2} {item.dots:>2}{DOT} ", style=styles["muted"])
            if item.status is Status.CHOSEN:
                line.append(f"{CHOSEN_MARK} ", style=styles["success"] + Style(bold=True))
            line.append(visible(item.text))
            rows.append(line)
        if len(shown) < len(items):
            rows.append(Text(f"   +{len(items) - len(shown)} more", style=styles["muted"]))
        if not items:
            rows.append(Text("   -", style=styles["muted"]))
        return Group(*rows)
