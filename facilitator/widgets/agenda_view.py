"""The agenda tab: one day at a time, planned vs actual per session, and the day's slip forecast.

Edits go straight to storage and then announce :class:`AgendaView.Changed`; the screen reloads the timer
state once and hands it back through :meth:`AgendaView.show`. The forecast is recomputed from memory.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static

from facilitator.domain.agenda import Session, format_minutes
from facilitator.domain.agenda_templates import blitz_sessions, set_meeting_sessions
from facilitator.domain.clock import local_time, local_today
from facilitator.domain.display import visible
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventKind
from facilitator.domain.forecast import DayForecast, ForecastRow, forecast_day, needs_replan, replans, verdict
from facilitator.domain.timer import AgendaState, TimerState
from facilitator.widgets.agenda_cells import column_widths, same_cell
from facilitator.widgets.row_key import key_under_cursor

_STATE_LABEL = {
    TimerState.PENDING: "",
    TimerState.RUNNING: "running",
    TimerState.PAUSED: "paused",
    TimerState.FINISHED: "done",
    TimerState.SKIPPED: "skipped",
}


def _hm(moment: datetime) -> str:
    return f"{local_time(moment):%H:%M}"


_COLUMNS = (
    ("Start", "start"), ("Session", "title"), ("Kind", "kind"), ("Plan", "plan"),
    ("Actual", "actual"), ("Status", "status"), ("End", "end"),
)


class AgendaView(Widget, can_focus=False):
    DEFAULT_CSS = """
    AgendaView { height: 1fr; }
    AgendaView #agenda-day { height: 1; padding: 0 1; text-style: bold; }
    AgendaView #agenda-table { height: 1fr; }
    AgendaView #agenda-forecast { height: auto; padding: 0 1; }
    AgendaView #agenda-forecast.-late { color: $error; text-style: bold; }
    AgendaView #agenda-help { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("left_square_bracket", "day(-1)", "Prev day", id="agenda_prev_day", show=False, key_display="[",
                tooltip="Show the previous day of the agenda"),
        Binding("right_square_bracket", "day(1)", "Next day", id="agenda_next_day", show=False, key_display="]",
                tooltip="Show the next day of the agenda"),
        Binding("i", "add", "Add session", id="agenda_add", show=False, tooltip="Add a session after the highlighted one"),
        Binding("g", "start_here", "Start this", id="agenda_start", show=False, tooltip="Start the highlighted session now"),
        Binding("delete,backspace", "delete", "Delete", id="agenda_delete", show=False, key_display="del",
                tooltip="Delete the highlighted session (asks first)"),
        Binding("shift+up", "shift(-1)", "Up", id="agenda_up", show=False, tooltip="Move the session up"),
        Binding("shift+down", "shift(1)", "Down", id="agenda_down", show=False, tooltip="Move the session down"),
        Binding("less_than_sign", "move_day(-1)", "To prev day", id="agenda_to_prev_day", key_display="<", show=False,
                tooltip="Move the highlighted session to the previous day"),
        Binding("greater_than_sign", "move_day(1)", "To next day", id="agenda_to_next_day", key_display=">",
                show=False, tooltip="Move the highlighted session to the next day"),
        Binding("L", "template", "Template", id="agenda_template", show=False, tooltip="Fill empty days from a published agenda template"),
        Binding("R", "replan", "Re-plan", id="agenda_replan", show=False, tooltip="Bring a late day back to its planned end"),
    ]

    class Changed(Message):
        """The agenda was edited; the screen reloads the timer state."""

    class StartRequested(Message):
        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.event: Event | None = None
        self.state: AgendaState | None = None
        self.day = 1
        self._day_chosen = False
        self._owed: set[str] = set()
        # What the table shows now: its columns, widths and rows, then every cell. A redraw every 15 s
        # that finds the same shape rewrites only the cells that changed (the running session's minutes).
        self._shape: tuple = ()
        self._shown: list[list[Text]] = []
        self._lines: dict[str, str] = {}  # the day and forecast lines as last written
        # A session just added: the cursor moves onto it once the reloaded state holds it, so the next
        # `i` adds after it and sessions typed one after another keep the order they were typed in.
        self._select_next: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="agenda-day", markup=False)
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agenda-forecast", markup=False)
        yield Static(
            "i add  enter edit  del delete  shift+up/down reorder  < > move day  [ ] change day  "
            "g start  L template  R re-plan  * fixed time",
            id="agenda-help", markup=False,
        )

    def on_mount(self) -> None:
        self.set_interval(15, self.redraw, name="agenda-forecast-tick")

    def on_show(self) -> None:
        # Pressing 2 lands on the table, so the agenda keys (i, enter, del...) work at once.
        self.query_one(DataTable).focus()

    # State in --------------------------------------------------------------------------------------

    def show(self, state: AgendaState, event: Event) -> None:
        self.state = state
        self.event = event
        if not self._day_chosen:
            current = state.current
            self.day = current.day if current else (event.day_on(local_today(self.app.clock)) or 1)
        self.day = max(1, min(self.day, event.days))
        self.refresh_view()

    def forecast(self) -> DayForecast | None:
        if self.state is None or self.event is None:
            return None
        now = self.app.clock.now()
        return forecast_day(self.state, self.day, self.event.day_date(self.day), now, local_time(now).tzinfo)

    def refresh_view(self) -> None:
        """Re-read the reflection marks (one query), then redraw from memory."""
        if self.event is not None:
            self._owed = self.app.store.reflections.owed_session_ids(self.event.id)
        self.redraw()

    def redraw(self) -> None:
        """Recompute the forecast from the in-memory state and the clock; no database query."""
        forecast = self.forecast()
        if forecast is None or self.event is None:
            return
        event = self.event
        today = " (today)" if event.day_date(self.day) == local_today(self.app.clock) else ""
        word = "Day" if event.kind is EventKind.KAIZEN else "Meeting"
        self._say("#agenda-day", f"{word} {self.day} of {event.days}  {event.day_date(self.day):%a %d %b}{today}")
        table = self.query_one(DataTable)
        owed = self._owed
        compact = 0 < self.size.width < 100  # at 80 columns the kind gives way to the title
        columns = [c for c in _COLUMNS if not (compact and c[1] == "kind")]
        rows = [(row, self._cells(row, row.session.id in owed, compact)) for row in forecast.rows]
        widths = column_widths([cells for _, cells in rows], [label for label, _ in columns], self.size.width)
        shape = (tuple(columns), tuple(widths), tuple(row.session.id for row in forecast.rows))
        if shape == self._shape and table.row_count == len(rows):
            for (row, cells), before in zip(rows, self._shown):
                for (_, key), cell, old in zip(columns, cells, before):
                    if not same_cell(cell, old):
                        table.update_cell(row.session.id, key, cell)
        else:
            selected = self.selected_id()
            if any(row.session.id == self._select_next for row in forecast.rows):
                selected, self._select_next = self._select_next, None
            table.clear(columns=True)
            for (label, key), width in zip(columns, widths):
                table.add_column(label, key=key, width=width)
            for row, cells in rows:
                table.add_row(*cells, key=row.session.id)
            if selected and any(row.session.id == selected for row in forecast.rows):
                table.move_cursor(row=table.get_row_index(selected))
            self._shape = shape
        self._shown = [cells for _, cells in rows]
        self._show_forecast(forecast)

    def _say(self, line_id: str, text: str) -> None:
        """Write a line only when its text changed: each write lays the area out again."""
        if self._lines.get(line_id) != text:
            self._lines[line_id] = text
            self.query_one(line_id, Static).update(text)

    def _cells(self, row: ForecastRow, reflection_owed: bool = False, compact: bool = False) -> list[Text]:
        session = row.session
        closed = row.state.is_closed
        start_text = Text(_hm(row.projected_start))
        if session.fixed_start:
            start_text.append("*", style="bold")  # a fixed-time session (the help line says so)
        actual = Text("")
        if row.actual_minutes is not None:
            actual = Text(format_minutes(round(row.actual_minutes)))
            if row.actual_minutes > session.planned_minutes + 0.5 and row.state is not TimerState.SKIPPED:
                actual.append(f" +{format_minutes(round(row.actual_minutes - session.planned_minutes))}", style="bold")
        status = Text(_STATE_LABEL[row.state], style="bold" if row.state.is_open else "")
        if reflection_owed:
            status.append(" - reflection owed", style="bold italic")
        if row.conflict.total_seconds() >= 60:  # earlier work runs into this fixed-time session
            status.append(f"clash {format_minutes(round(row.conflict.total_seconds() / 60))}", style="bold")
        cells = [
            start_text,
            Text(visible(session.title), style="dim" if closed else ""),
            Text(session.kind.label),
            Text(format_minutes(session.planned_minutes)),
            actual,
            status,
            Text(_hm(row.projected_end)),
        ]
        if compact:
            del cells[2]
        return cells

    def on_resize(self) -> None:
        self.redraw()

    def _show_forecast(self, forecast: DayForecast) -> None:
        line = self.query_one("#agenda-forecast", Static)
        if not forecast.rows:
            self._say("#agenda-forecast", "No sessions on this day: press i to add one, or L for a template.")
            line.set_class(False, "-late")
            return
        planned, projected = _hm(forecast.planned_end), _hm(forecast.projected_end)
        text = f"Planned end {planned}   projected end {projected}  ({verdict(forecast)})"
        if needs_replan(forecast):
            text += ": press R to re-plan"
        self._say("#agenda-forecast", text)
        line.set_class(needs_replan(forecast), "-late")

    def selected_id(self) -> str | None:
        return key_under_cursor(self.query_one(DataTable))

    def _selected(self) -> Session | None:
        session_id = self.selected_id()
        if session_id is None or self.state is None:
            self.notify("No session highlighted on this day.", severity="warning")
            return None
        return self.state.session(session_id)

    def _changed(self, message: str | None = None) -> None:
        if message:
            self.notify(message, markup=False)
        self.post_message(self.Changed())

    # Actions ---------------------------------------------------------------------------------------

    def action_day(self, offset: int) -> None:
        if self.event is None:
            return
        self.day = max(1, min(self.event.days, self.day + offset))
        self._day_chosen = True
        self.redraw()

    def action_start_here(self) -> None:
        if session := self._selected():
            self.post_message(self.StartRequested(session.id))

    @on(DataTable.RowSelected, "#agenda-table")
    def _row_selected(self) -> None:
        self.action_edit()

    @work
    async def action_add(self) -> None:
        from facilitator.screens.session_form import SessionFormScreen

        if self.event is None:
            return
        selected = self.selected_id()
        position = None
        if selected and self.state is not None:
            position = self.state.session(selected).position + 1
        base = Session(event_id=self.event.id, day=self.day, position=position or 0, title="", planned_minutes=30)
        store = self.app.store

        def save(session: Session) -> Session:
            return store.agenda.add(
                session.event_id, session.day, session.title, session.kind, session.planned_minutes,
                session.fixed_start, session.notes, position=position, id=session.id,
            )

        saved = await self.app.push_screen_wait(SessionFormScreen(f"Add a session to day {self.day}", base, save))
        if saved is not None:
            self._select_next = saved.id
            self._changed(f"Added {saved.title}")

    @work
    async def action_edit(self) -> None:
        from facilitator.screens.session_form import SessionFormScreen

        session = self._selected()
        if session is None:
            return
        saved = await self.app.push_screen_wait(
            SessionFormScreen("Edit the session", session, self.app.store.agenda.update)
        )
        if saved is not None:
            self._changed(f"Saved {saved.title}")

    @work
    async def action_delete(self) -> None:
        from facilitator.screens.agenda_choice import AgendaChoiceScreen

        session = self._selected()
        if session is None:
            return
        timer = self.state.timer(session.id) if self.state else None
        logged = bool(timer and (timer.state is not TimerState.PENDING or timer.extra_minutes))
        store = self.app.store
        logged = logged or store.agenda.has_log(session.id)
        if logged:
            spent = format_minutes(round(timer.actual_minutes(self.app.clock.now()))) if timer else "some"
            body = (f"{session.title!r} has logged time ({spent} on the clock, state {timer.state.value if timer else '?'})."
                    " Deleting it also deletes its timer log, so the day's actuals change.")
            choices = [("keep", "Keep it"), ("delete", "Delete it and its timer log")]
        else:
            body = f"Delete {session.title!r} ({format_minutes(session.planned_minutes)}) from day {session.day}?"
            choices = [("keep", "Keep it"), ("delete", "Delete it")]
        answer = await self.app.push_screen_wait(AgendaChoiceScreen("Delete session", body, choices))
        if answer != "delete":
            return
        try:
            store.agenda.delete(session.id, with_log=logged)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._changed(f"Deleted {session.title}")

    def action_shift(self, offset: int) -> None:
        session = self._selected()
        if session is None:
            return
        try:
            self.app.store.agenda.shift(session.id, offset)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._changed()

    def action_move_day(self, offset: int) -> None:
        session = self._selected()
        if session is None or self.event is None:
            return
        day = session.day + offset
        if not 1 <= day <= self.event.days:
            self.notify(f"There is no day {day}.", severity="warning")
            return
        try:
            self.app.store.agenda.move(session.id, day)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._changed(f"Moved {session.title} to day {day}")

    def action_template(self) -> None:
        if self.event is None or self.state is None:
            return
        event = self.event
        if event.kind is EventKind.KAIZEN:
            sessions = blitz_sessions(event.id, event.days)
        else:
            sessions = [s for day in range(1, event.days + 1) for s in set_meeting_sessions(event.id, day)]
        filled = {s.day for s in self.state.sessions}
        new = [s for s in sessions if s.day not in filled]
        if not new:
            self.notify("Every day already has sessions; the template only fills empty days.", severity="warning")
            return
        try:
            self.app.store.agenda.add_many(new)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        days = sorted({s.day for s in new})
        self._changed(f"Template added {len(new)} sessions to {len(days)} day(s); edit them as you like.")

    @work
    async def action_replan(self) -> None:
        from facilitator.screens.agenda_choice import AgendaChoiceScreen

        forecast = self.forecast()
        if forecast is None or self.event is None:
            return
        options = replans(forecast, self.event.days)
        if not options:
            self.notify("This day is on time; nothing to re-plan.")
            return
        body = (f"Day {forecast.day} is projected to end at {_hm(forecast.projected_end)} "
                f"({verdict(forecast)}); planned end {_hm(forecast.planned_end)}.")
        choices = [(str(index), option.label) for index, option in enumerate(options)]
        answer = await self.app.push_screen_wait(AgendaChoiceScreen("Re-plan the day", body, choices))
        if answer is None:
            return
        option = options[int(answer)]
        timer = self.app.store.timer
        note = f"Re-plan: {option.label}"
        try:
            if option.kind == "shorten":
                timer.replan_durations(self.event.id, option.durations, note)
            elif option.kind == "skip":
                timer.skip(self.event.id, option.session_id, note=note)
            else:
                timer.replan_move(option.session_id, option.to_day, note)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._changed(note)

