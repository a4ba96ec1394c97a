"""The target sheet: each charter target from baseline to its latest measurement, against the goal.

A bar (Textual's ``ProgressBar``) shows how far along the way to the goal the team is, in the target's
direction, and a ``Sparkline`` the measurements over the event, so the room can see the trend without
reading numbers. Rows are rebuilt only when the measurements change (a handful of targets), never on a
tick, so the widgets cost nothing while the timer runs. The colours are the theme's, through CSS.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ProgressBar, Sparkline, Static

from facilitator.domain.display import visible
from facilitator.domain.event import Direction, format_number
from facilitator.domain.measurement import TargetProgress

BAR_WIDTH = 12
NARROW_BAR_WIDTH = 8  # below NARROW columns the metric's name keeps its room
NARROW = 100
TREND_POINTS = 12
LEGEND = "v lower is better  ^ higher is better  trend: oldest to newest"
_COLUMNS = ("Baseline", "Now", "Goal")


def row_state(item: TargetProgress) -> str:
    """The CSS class that colours a row: met, moving the wrong way, on the way, or not measured yet."""
    if item.met:
        return "-met"
    if item.fraction is None:
        return "-unmeasured"
    return "-behind" if item.fraction < 0 else "-moving"


def cells(item: TargetProgress) -> tuple[str, str, str]:
    """Baseline, now and goal as shown."""
    target = item.target
    unit = f" {target.unit}" if target.unit else ""
    arrow = "v" if target.direction is Direction.LOWER else "^"
    actual = "-" if item.actual is None else f"{format_number(item.actual)}{unit}"
    # Each number carries its unit: "12 9 % v 5 %" read as one figure; "12 %  9 %  v 5 %" reads as three.
    return f"{format_number(target.baseline)}{unit}", actual, f"{arrow} {format_number(target.goal)}{unit}"


def share(item: TargetProgress) -> str:
    return "" if item.fraction is None else ("met" if item.met else f"{round(100 * item.fraction)}%")


class TargetSheet(Widget):
    DEFAULT_CSS = """
    TargetSheet { height: auto; padding: 0 1; layout: vertical; }
    TargetSheet .target-row { height: 1; }
    TargetSheet .target-row > Static { height: 1; margin-right: 1; }
    TargetSheet .target-head > Static { text-style: bold; }
    TargetSheet .target-name { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    TargetSheet .target-number { text-align: right; }
    TargetSheet .target-row > .target-number { margin-right: 2; }  /* two spaces keep the figures apart */
    TargetSheet .target-goal { text-align: left; }
    TargetSheet ProgressBar { width: 12; height: 1; }
    TargetSheet.-narrow ProgressBar { width: 8; }
    TargetSheet ProgressBar Bar { width: 1fr; }
    TargetSheet .target-bar-head { width: 12; }
    TargetSheet.-narrow .target-bar-head { width: 8; }
    TargetSheet .target-share { width: 5; text-align: right; }
    TargetSheet .target-trend { width: 13; height: 1; padding-left: 1; }
    TargetSheet .target-trend-head { width: 13; margin-right: 0; padding-left: 1; }
    TargetSheet .target-no-trend { width: 1; }
    TargetSheet .-met .target-now, TargetSheet .-met .target-share { color: $success; text-style: bold; }
    TargetSheet .-behind .target-now, TargetSheet .-behind .target-share { color: $error; text-style: bold; }
    TargetSheet .-moving .target-now, TargetSheet .-moving .target-share { color: $warning; }
    TargetSheet .-unmeasured .target-now, TargetSheet .target-no-trend { color: $text-muted; }
    TargetSheet .-met Bar > .bar--complete, TargetSheet .-met Bar > .bar--bar { color: $success; }
    TargetSheet .-moving Bar > .bar--bar { color: $warning; }
    TargetSheet .-behind Bar > .bar--bar { color: $error; }
    TargetSheet .-met Sparkline > .sparkline--max-color { color: $success; }
    TargetSheet .-met Sparkline > .sparkline--min-color { color: $success 50%; }
    TargetSheet .-moving Sparkline > .sparkline--max-color { color: $warning; }
    TargetSheet .-moving Sparkline > .sparkline--min-color { color: $warning 50%; }
    TargetSheet .-behind Sparkline > .sparkline--max-color { color: $error; }
    TargetSheet .-behind Sparkline > .sparkline--min-color { color: $error 50%; }
    TargetSheet .target-empty { color: $text-muted; }
    """

    # recompose: Textual rebuilds the rows once per refresh, however often the area reloads in between.
    progress: reactive[tuple[TargetProgress, ...]] = reactive((), recompose=True, always_update=True)

    def on_resize(self) -> None:
        self.set_class((self.size.width or self.app.size.width) < NARROW, "-narrow")

    def compose(self) -> ComposeResult:
        progress = self.progress
        if not progress:
            yield Static(
                "No targets in the charter: press e to add metric; unit; baseline; goal.",
                classes="target-empty", markup=False,
            )
            return
        widths = [max(len(title), *(len(cells(item)[n]) for item in progress)) for n, title in enumerate(_COLUMNS)]
        yield self._row("target-head", "Target", _COLUMNS, widths,
                        Static("Progress", classes="target-bar-head"), Static("", classes="target-share"),
                        Static("Trend", classes="target-trend-head"))
        for item in progress:
            yield self._row(row_state(item), visible(item.target.metric), cells(item), widths, *self._chart(item))

    @staticmethod
    def _row(classes: str, name: str, numbers, widths, *charts) -> Horizontal:
        parts = [Static(Text(name, no_wrap=True, overflow="ellipsis"), classes="target-name")]
        for n, (text, width) in enumerate(zip(numbers, widths, strict=True)):
            kind = "target-goal" if n == 2 else "target-number"
            part = Static(Text(text, no_wrap=True), classes=f"{kind} target-{_COLUMNS[n].lower()}")
            part.styles.width = width
            parts.append(part)
        return Horizontal(*parts, *charts, classes=f"target-row {classes}")

    @staticmethod
    def _chart(item: TargetProgress) -> tuple:
        # Progress only ever fills towards the goal: a target moving the wrong way shows an empty bar
        # in the error colour and its negative share beside it.
        bar = ProgressBar(total=100, show_eta=False, show_percentage=False)
        bar.progress = max(0.0, min(1.0, item.fraction or 0.0)) * 100
        values = [m.value for m in item.measurements][-TREND_POINTS:]
        if not values:
            chart = Static("-", classes="target-no-trend")
        else:
            chart = Sparkline(values)
            chart.styles.width = len(values)  # one cell per measurement: the sparkline never stretches one
        # A fixed-width slot, so rows with fewer measurements keep their columns under the heading.
        trend = Horizontal(chart, classes="target-trend")
        return bar, Static(Text(share(item), no_wrap=True), classes="target-share"), trend
