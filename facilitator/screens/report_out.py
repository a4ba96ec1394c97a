"""The daily report-out, ready for the projector: assembled by facilitator.report, only rendered here."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Static

from facilitator.domain.display import shown, visible
from facilitator.domain.errors import UserError
from facilitator.report.daily import BAD, GOOD, DailyReport
from facilitator.report.gather import daily_report
from facilitator.widgets.footer import Footer
from facilitator.widgets.theme_styles import on_theme_change, theme_styles


def render_report(report: DailyReport, styles: dict[str, Style]) -> RenderableType:
    """The report as Rich renderables; user text stays data (Text objects, never markup), control
    characters visible."""
    report = shown(report)
    heading = styles["primary"] + Style(bold=True)
    muted = styles["muted"]
    tones = {BAD: styles["error"] + Style(bold=True), GOOD: styles["success"] + Style(bold=True)}
    parts: list[RenderableType] = [Text(report.title, style="bold"), Text(report.subtitle, style=muted)]
    for section in report.sections:
        box = f"  ({section.minutes} min)" if section.minutes else ""
        parts += [Text(""), Text.assemble((section.title, heading), (box, muted))]
        if not section.lines:
            parts.append(Text(f"  {section.empty}", style=muted + Style(italic=True)))
        for line in section.lines:
            parts.append(Text.assemble("  - ", (line.text, tones.get(line.tone, Style()))))
    return Group(*parts)


class ReportOutScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="close_report_out", tooltip="Back to the event"),
        Binding("left", "day(-1)", "Previous day", id="report_previous_day", tooltip="Report-out of the day before", priority=True),
        Binding("right", "day(1)", "Next day", id="report_next_day", tooltip="Report-out of the day after", priority=True),
        Binding("x", "export", "Export", id="report_export", tooltip="Export the event (its Markdown holds the report-out)"),
    ]

    day: var[int] = var(1, init=False)

    def __init__(self, event_id: str, day: int) -> None:
        super().__init__()
        self.event_id = event_id
        # Set without the watcher: on_mount loads the report itself. Assigning the start day there would
        # not fire the watcher when it equals the default (day 1), which left day 1's report-out blank.
        self.set_reactive(ReportOutScreen.day, day)
        self.report: DailyReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-scroll"):
            yield Static("", id="report-body")
        yield Footer()

    def on_mount(self) -> None:
        on_theme_change(self, lambda screen: screen._show())
        self._load()
        self.query_one("#report-scroll").focus()

    def watch_day(self) -> None:
        self._load()

    def _load(self) -> None:
        try:
            self.report = daily_report(self.app.store, self.event_id, self.day)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.title = visible(self.report.event_title)
        self.sub_title = self.report.title.rpartition(": ")[2]  # "Report-out, day 3 of 5"
        self._show()
        self.query_one("#report-scroll").scroll_home(animate=False)

    def _show(self) -> None:
        if self.report is not None:
            self.query_one("#report-body", Static).update(render_report(self.report, theme_styles(self.app)))

    def action_export(self) -> None:
        from facilitator.screens.export import open_export

        open_export(self.app, self.event_id, self.report.event_title if self.report else "")

    def action_day(self, step: int) -> None:
        if self.report is None:
            return
        wanted = self.day + step
        if not 1 <= wanted <= self.report.days:
            self.notify(f"This is the {'first' if step < 0 else 'last'} one: the event has {self.report.days}.", severity="warning")
            return
        self.day = wanted
