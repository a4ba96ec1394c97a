"""The method mirror, ready for the projector: which of the three ways the event behaves like, and why."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from facilitator.domain.clock import local_today
from facilitator.domain.errors import UserError
from facilitator.domain.mirror import Column, Mirror, too_early, too_early_words
from facilitator.widgets.footer import Footer
from facilitator.widgets.theme_styles import theme_styles

_LABEL = 22  # the element's name
_CELL = 17  # each column's mark, centred under its name


def render_mirror(mirror: Mirror, styles: dict[str, Style], too_early: str = "") -> RenderableType:
    """Per element: a mark under its closest column (the event's own column in the primary colour, another
    as a warning), then what the event shows and the reading. The texts are the mirror's own, not user text.

    ``too_early`` says why no overall reading is given yet (none of the event's days is over): the summary
    gives way to it and nothing is marked as a warning, since absence of records is all there is to read.
    """
    heading = styles["primary"] + Style(bold=True)
    muted = styles["muted"]
    own, stray = styles["primary"] + Style(bold=True), styles["warning"] + Style(bold=True)
    if too_early:
        stray = muted + Style(bold=True)
    tone = own if mirror.closest is mirror.own else stray
    header = Text(" " * _LABEL, style=heading)
    for column in Column:
        header.append(column.label.center(_CELL), style=heading)
    summary = Text(too_early, style=heading) if too_early else Text(mirror.summary, style=tone)
    parts: list[RenderableType] = [summary, Text(""), header]
    for row in mirror.rows:
        line = Text(row.element.label.ljust(_LABEL), style="bold")
        for column in Column:
            if row.closest is column:
                line.append("●".center(_CELL), style=own if column is mirror.own else stray)
            else:
                line.append("·".center(_CELL), style=muted)
        parts += [line, Padding(Text(row.measured), (0, 0, 0, 2)), Padding(Text(row.reading, style=muted), (0, 0, 0, 2))]
    changes = mirror.changes()
    if changes:
        parts += [Text(""), Text(f"What would make it read as {mirror.own.label}", style=heading)]
        parts += [Text(f"  - {change}") for change in changes]
    expected = Table(box=None, padding=(0, 1), expand=True, show_edge=False, header_style=heading)
    expected.add_column("What each column expects", no_wrap=True)
    for column in Column:
        expected.add_column(column.label, ratio=1)
    for row in mirror.rows:
        expected.add_row(Text(row.element.label, style="bold"), *(Text(row.expectations[c], style=muted) for c in Column))
    parts += [Text(""), expected]
    return Group(*parts)


class MirrorScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="close_mirror", tooltip="Back to the event"),
        Binding("x", "export", "Export", id="mirror_export", tooltip="Export the event (every format holds the mirror)"),
    ]

    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id
        self.mirror: Mirror | None = None
        self.too_early = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="mirror-scroll"):
            yield Static("", id="mirror-body")
        yield Footer()

    def on_mount(self) -> None:
        from facilitator.storage.mirror import days_past, event_mirror

        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show())
        try:
            event = self.app.store.events.get(self.event_id)
            self.mirror = event_mirror(self.app.store, event)
            if too_early(event.status, days_past(event, local_today(self.app.clock))):
                self.too_early = too_early_words(event.kind)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.title = event.title
        self.sub_title = f"Method mirror - planned as {event.kind.label}"
        self._show()
        self.query_one("#mirror-scroll").focus()

    def _show(self) -> None:
        if self.mirror is not None:
            self.query_one("#mirror-body", Static).update(render_mirror(self.mirror, theme_styles(self.app), self.too_early))

    def action_export(self) -> None:
        from facilitator.screens.export import ExportScreen, start_export

        def chosen(fmt: str | None) -> None:
            if fmt:
                start_export(self.app, self.event_id, fmt)

        self.app.push_screen(ExportScreen(self.title or ""), chosen)
