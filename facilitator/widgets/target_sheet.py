"""The target sheet: each charter target from baseline to its latest measurement, against the goal.

A bar shows how far along the way to the goal the team is (in the target's direction), and a sparkline
the measurements over the event, so the room can see the trend without reading numbers.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.domain.event import Direction, format_number
from facilitator.domain.display import visible
from facilitator.domain.measurement import TargetProgress, sparkline
from facilitator.widgets.theme_styles import on_theme_change, theme_styles

BAR_WIDTH = 12
TREND_POINTS = 12
LEGEND = "v lower is better  ^ higher is better  trend: oldest to newest"


def progress_bar(fraction: float | None, width: int = BAR_WIDTH) -> str:
    """``█████░░░░░░░`` filled to ``fraction`` of the way (clamped to 0..1)."""
    if fraction is None:
        return "·" * width
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


class TargetSheet(Static):
    DEFAULT_CSS = """
    TargetSheet { height: auto; padding: 0 1; }
    """

    progress: reactive[tuple[TargetProgress, ...]] = reactive((), layout=True)

    def on_mount(self) -> None:
        on_theme_change(self, lambda sheet: sheet.refresh())

    def on_resize(self) -> None:
        self.refresh()

    def render(self) -> RenderableType:
        styles = theme_styles(self.app)
        muted = styles["muted"]
        if not self.progress:
            return Text("No targets in the charter: press e to add metric; unit; baseline; goal.", style=muted)
        narrow = (self.size.width or self.app.size.width) < 100
        bar_width = 8 if narrow else BAR_WIDTH
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold", expand=True)
        table.add_column("Target", overflow="ellipsis", no_wrap=True, ratio=1)
        table.add_column("Baseline", no_wrap=True, justify="right")
        table.add_column("Now", no_wrap=True, justify="right")
        table.add_column("Goal", no_wrap=True)
        table.add_column("Progress", no_wrap=True)
        table.add_column("Trend", no_wrap=True)
        for item in self.progress:
            target = item.target
            unit = f" {target.unit}" if target.unit else ""
            arrow = "v" if target.direction is Direction.LOWER else "^"
            if item.met:
                style = styles["success"] + Style(bold=True)
            elif item.fraction is not None and item.fraction < 0:
                style = styles["error"] + Style(bold=True)
            elif item.fraction is not None:
                style = styles["warning"]
            else:
                style = muted
            actual = "-" if item.actual is None else f"{format_number(item.actual)}{unit}"
            share = "" if item.fraction is None else (" met" if item.met else f" {round(100 * item.fraction):>3}%")
            values = [m.value for m in item.measurements][-TREND_POINTS:]
            table.add_row(
                Text(visible(target.metric)),
                Text(format_number(target.baseline)),
                Text(actual, style=style),
                Text(f"{arrow} {format_number(target.goal)}{unit}"),
                Text.assemble((progress_bar(item.fraction, bar_width), style), (share, style)),
                Text(sparkline(values) or "-", style=style),
            )
        return table
