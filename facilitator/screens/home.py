"""Home: the list of events, newest first, and the way into each."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator.domain.errors import UserError
from facilitator.domain.clock import local_today
from facilitator.domain.display import visible
from facilitator.domain.event import Event, EventKind
from facilitator.messages import DatabaseChanged
from facilitator.screens import home_readings
from facilitator.widgets.footer import Footer

# The charter form and the rename prompt are imported when first opened: the list paints without them.

_COLUMNS = (("Title", "title"), ("Kind", "kind"), ("Dates", "dates"), ("Status", "status"), ("Today", "today"))
_TITLE_ROOM = 32  # below this the other columns take their short forms
_SHORT_KIND = {EventKind.KAIZEN: "blitz", EventKind.ACTION_LEARNING: "AL set"}


def date_range(start: date, end: date, compact: bool = False, this_year: int = 0) -> str:
    """"2026-11-25 to 2026-11-29", or in short "25-29 Nov" (the month once if shared, the year only when it
    is not ``this_year``)."""
    if not compact:
        return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    year = "" if start.year == end.year == this_year else f" {end.year}"
    if start == end:
        return f"{start.day} {start:%b}{year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {end:%b}{year}"
    if start.year == end.year:
        return f"{start.day} {start:%b}-{end.day} {end:%b}{year}"
    return f"{start.day} {start:%b %Y}-{end.day} {end:%b %Y}"


def empty_message() -> Group:
    """What a first-time user sees: the two ways to start, as keys."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("n", "Create your first event: a Kaizen blitz or an Action Learning set.")
    grid.add_row("D", "Load the demo: a press-line changeover blitz running today, and an Action Learning set on cross-site onboarding.")
    grid.add_row("ctrl+p", "List every command.")
    return Group(Text("No events yet.", style="bold"), Text(""), grid)


def _raise(error: Exception) -> None:
    raise error


class HomeScreen(Screen[None]):
    # Its stylesheet, home.tcss, is read with the app's (app.py): it is the app's first screen.
    BINDINGS = [
        Binding("n", "new_event", "New event", id="new_event", tooltip="Create an event and write its charter"),
        Binding("enter", "open_event", "Open", id="open_event", tooltip="Open the highlighted event"),
        Binding("r", "rename_event", "Rename", id="rename_event", tooltip="Rename the highlighted event"),
        Binding("a", "toggle_archive", "Archive", id="archive_event", tooltip="Archive (or restore) the highlighted event"),
        Binding("h", "toggle_show_archived", "Show archived", id="show_archived", tooltip="Show or hide archived events"),
        Binding("D", "load_demo", "Demo", id="load_demo", tooltip="Load the demo blitz and Action Learning set"),
    ]

    show_archived: var[bool] = var(False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(empty_message(), id="empty")
        yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Events"
        self._laid_out_for = -1  # the width the columns were last fitted to
        # The list is read here, not in the resume that follows the mount: reading in both read it twice
        # before the first paint, and a record that cannot be read must meet the screen while it mounts
        # (raised from that first resume, it left the header half-built and the app crashed).
        self._skip_next_resume = True
        if self.size.width:
            try:
                self.refresh_events()
            except Exception as error:
                # The app's first screen must finish mounting before the app can show anything, even the
                # screen that names a damaged file or a record it cannot read: the error meets it just after.
                self._laid_out_for = self.size.width
                self.call_after_refresh(_raise, error)

    def on_resize(self) -> None:
        # The first layout fits the columns (and starts the readings) once; later, only a new width refits.
        if self.size.width != self._laid_out_for:
            self.refresh_events()

    def on_screen_resume(self) -> None:
        if self._skip_next_resume:
            self._skip_next_resume = False
            return
        self.refresh_events()

    def on_database_changed(self, message: DatabaseChanged) -> None:
        # An event added or renamed from a shell or a second cockpit; behind another screen, resume re-reads.
        if self.is_current and message.changes.touches("events"):
            self.refresh_events()

    def watch_show_archived(self) -> None:
        if self.is_mounted:
            self.refresh_events()

    def refresh_events(self, select: str | None = None) -> None:
        table = self.query_one("#events", DataTable)
        previous = select or self._highlighted_id()
        events = self.app.store.events.list(include_archived=self.show_archived)
        # When the long forms leave the title too little room, the kind, the dates and the day take their
        # short forms, so "day 3 of 5" stays in view; the widths are given to the table, the title taking
        # what the other columns leave.
        self._laid_out_for = self.size.width
        year = local_today(self.app.clock).year
        columns = list(_COLUMNS)
        for compact in (False, True):
            rows = [self._cells(event, compact, year) for event in events]
            widths = [max([len(label), *(row[index].cell_len for row in rows)]) for index, (label, _) in enumerate(columns)]
            room = self.size.width - sum(width + 2 for width in widths[1:]) - home_readings.WIDTH - 2 - 2 - 2
            if not self.size.width or room >= _TITLE_ROOM:
                break
        if self.size.width:
            # Still too narrow for a whole title: the status goes ("ended" under Today says the same of a done
            # event), then the kind (the reading beside it names the kind the event behaves as).
            for key in ("status", "kind"):
                if room >= min(widths[0], _TITLE_ROOM):
                    break
                index = [k for _, k in columns].index(key)
                room += widths[index] + 2
                del columns[index], widths[index]
                rows = [row[:index] + row[index + 1:] for row in rows]
            widths[0] = max(16, min(widths[0], room))
        table.clear(columns=True)
        keys = [key for _, key in columns]
        after = keys.index("kind") if "kind" in keys else 0  # the reading sits beside the kind it is read against
        for index, ((label, key), width) in enumerate(zip(columns, widths)):
            table.add_column(label, key=key, width=width)
            if index == after:
                home_readings.add_column(table)
        for event, cells in zip(events, rows):
            table.add_row(*cells[: after + 1], home_readings.placeholder(), *cells[after + 1 :], key=event.id)
        empty = not events
        self.query_one("#empty").display = empty
        table.display = not empty
        if previous and previous in {event.id for event in events}:
            table.move_cursor(row=table.get_row_index(previous))
        if not empty:
            table.focus()
        home_readings.start(self, table, [event.id for event in events])

    def _cells(self, event: Event, compact: bool = False, year: int = 0) -> tuple[Text, ...]:
        title = Text(visible(event.title), overflow="ellipsis", no_wrap=True)
        if event.archived:
            title.append("  (archived)", style="italic dim")
        kind = _SHORT_KIND[event.kind] if compact else event.kind.label
        dates = date_range(event.start_date, event.end_date, compact, year)
        return (title, Text(kind), Text(dates), Text(event.status.value), Text(self._today(event, compact)))

    def _today(self, event: Event, compact: bool = False) -> str:
        """Where today falls in the event, the first thing a facilitator looks for."""
        today = local_today(self.app.clock)
        day = event.day_on(today)
        if day is not None:
            word = "day" if event.kind is EventKind.KAIZEN else ("mtg" if compact else "meeting")
            return f"{word} {day} of {event.days}"
        if today < event.start_date:
            days = (event.start_date - today).days
            return "starts tomorrow" if days == 1 else f"starts in {days} days"
        if today <= event.end_date:
            return "between meetings"
        return "ended"

    def _highlighted_id(self) -> str | None:
        table = self.query_one("#events", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _highlighted_event(self) -> Event | None:
        event_id = self._highlighted_id()
        if event_id is None:
            self.notify("No event selected. Press n to create one.", severity="warning")
            return None
        return self.app.store.events.get(event_id)

    @on(DataTable.RowSelected, "#events")
    def _row_selected(self, message: DataTable.RowSelected) -> None:
        self.open_event(message.row_key.value)

    def action_open_event(self) -> None:
        if event := self._highlighted_event():
            self.open_event(event.id)

    def open_event(self, event_id: str) -> None:
        # Imported here: the event screen brings every area with it, which the first paint does not need.
        from facilitator.screens.event import EventScreen

        self.app.push_screen(EventScreen(event_id))

    @work
    async def action_new_event(self) -> None:
        from facilitator.screens.charter_form import CharterFormScreen

        event = await self.app.push_screen_wait(CharterFormScreen(None))
        if event is None:
            return
        self.refresh_events(select=event.id)
        self.notify(f"Created {event.title}", markup=False)
        self.open_event(event.id)

    @work
    async def action_rename_event(self) -> None:
        event = self._highlighted_event()
        if event is None:
            return

        from facilitator.screens.text_prompt import TextPromptScreen

        def rename(title: str) -> str:
            return self.app.store.events.rename(event.id, title).title

        title = await self.app.push_screen_wait(
            TextPromptScreen("Rename event", "Title", event.title, rename)
        )
        if title is not None:
            self.refresh_events(select=event.id)
            self.notify(f"Renamed to {title}", markup=False)

    def action_toggle_archive(self) -> None:
        event = self._highlighted_event()
        if event is None:
            return
        try:
            updated = self.app.store.events.set_archived(event.id, not event.archived)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if updated.archived:
            self.notify(f"Archived {updated.title}. Press h to show archived events.", markup=False)
        else:
            self.notify(f"Restored {updated.title}.", markup=False)
        self.refresh_events()

    def action_toggle_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify("Showing archived events" if self.show_archived else "Hiding archived events")

    def action_load_demo(self) -> None:
        from facilitator.demo import load_demo

        try:
            summary = load_demo(self.app.store)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.refresh_events()
        self.notify(summary, markup=False)
