"""The clock for the room: the session, a countdown as large as the window, what is next, and the day.

Shared by the cockpit's ``p`` screen and the read-only ``facilitator projector`` display. It renders
from state handed down with :meth:`RoomClock.show` and the app clock; a tick never queries the
database.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from facilitator.domain.agenda import format_minutes
from facilitator.domain.clock import local_time, local_today
from facilitator.domain.display import visible
from facilitator.domain.event import Event, EventKind
from facilitator.domain.forecast import forecast_day
from facilitator.domain.timer import AgendaState, TimerState
from facilitator.widgets.big_digits import BigDigits
from facilitator.widgets.timer_bar import TimerView, timer_view

MODES = ("idle", "running", "warning", "overrun", "paused")


def local_today_of(now: datetime) -> date:
    return local_time(now).date()


def day_line(state: AgendaState | None, event: Event | None, now: datetime) -> str:
    """'Day 3 of 5: 4 of 9 sessions done, projected end 17:05 (20m late)', or why there is none."""
    if state is None or event is None:
        return ""
    day = event.day_on(local_today_of(now))
    word = "Day" if event.kind is EventKind.KAIZEN else "Meeting"
    if day is None:
        return f"{event.title}: not one of its {event.kind.day_word} today"
    forecast = forecast_day(state, day, event.day_date(day), now, local_time(now).tzinfo)
    if not forecast.rows:
        return f"{word} {day} of {event.days}: no sessions planned"
    done = sum(1 for row in forecast.rows if row.state.is_closed)
    text = f"{word} {day} of {event.days}: {done} of {len(forecast.rows)} sessions done"
    if forecast.projected_end is not None:
        text += f", projected end {local_time(forecast.projected_end):%H:%M}"
        slip = forecast.slip_minutes
        if slip > 0:
            text += f" ({format_minutes(slip)} late)"
        elif slip < 0 and done < len(forecast.rows):
            text += f" ({format_minutes(-slip)} early)"
    return text


def next_line(state: AgendaState | None, event: Event | None, now: datetime, view: TimerView) -> str:
    """The next session and when it is projected to start."""
    if state is None or event is None or view.mode == "idle" and view.status == "NO AGENDA":
        return view.next_up
    current = state.current
    day = event.day_on(local_today_of(now))
    following = state.next_after(current) if current else (state.first_pending(day) or state.first_pending())
    if following is None:
        return "Next: nothing left today"
    text = f"Next: {following.title} ({format_minutes(following.planned_minutes)})"
    if following.day == day:
        forecast = forecast_day(state, day, event.day_date(day), now, local_time(now).tzinfo)
        for row in forecast.rows:
            if row.session.id == following.id and row.state is TimerState.PENDING:
                text += f" at {local_time(row.projected_start):%H:%M}"
    elif following.day is not None:
        text += f" on {'day' if event.kind is EventKind.KAIZEN else 'meeting'} {following.day}"
    return text


class RoomClock(Widget):
    """Everything the room reads from across the room; colours only through theme variables."""

    DEFAULT_CSS = """
    RoomClock { layout: vertical; height: 1fr; width: 1fr; background: $background; }
    RoomClock Static { width: 100%; height: auto; text-align: center; }
    RoomClock #room-status { text-style: bold; color: $text-muted; }
    RoomClock #room-title { text-style: bold; }
    RoomClock #room-digits { color: $primary; height: 1fr; margin: 1 2 0 2; }
    RoomClock #room-next { margin-top: 1; }
    RoomClock #room-day, RoomClock #room-parked { color: $text-muted; }
    RoomClock.-running #room-status { color: $success; }
    RoomClock.-warning #room-digits, RoomClock.-warning #room-status { color: $warning; }
    RoomClock.-overrun #room-digits, RoomClock.-overrun #room-status { color: $error; }
    RoomClock.-paused #room-status { color: $warning; text-style: bold reverse; }
    RoomClock.-parked #room-parked { color: $warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state: AgendaState | None = None
        self.event: Event | None = None
        self.parked = 0
        self._last: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="room-status", markup=False)
        yield Static("", id="room-title", markup=False)
        yield BigDigits(id="room-digits")
        yield Static("", id="room-next", markup=False)
        yield Static("", id="room-day", markup=False)
        yield Static("", id="room-parked", markup=False)

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick, name="room-clock-tick")
        self.tick()

    def show(self, state: AgendaState | None, event: Event | None, parked: int) -> None:
        self.state, self.event, self.parked = state, event, parked
        self._last = None
        self.tick()

    @property
    def view(self) -> TimerView:
        now = self.app.clock.now()
        day = self.event.day_on(local_today(self.app.clock)) if self.event else None
        return timer_view(self.state, now, self.app.settings.warn_minutes, day)

    def tick(self) -> None:
        now = self.app.clock.now()
        view = self.view
        # The day line and the next start move by the minute; the digits by the second.
        shown = (view, now.replace(second=0, microsecond=0), self.parked)
        if shown == self._last:
            return
        self._last = shown
        for mode in MODES:
            self.set_class(mode in view.mode.split(), f"-{mode}")
        self.set_class(self.parked > 0, "-parked")
        self.query_one("#room-status", Static).update(view.status)
        self.query_one("#room-title", Static).update(Text(view.title, justify="center"))
        self.query_one("#room-digits", BigDigits).update(view.countdown)
        # Titles come from the database: a control character shows as a symbol, never reaches the terminal.
        upcoming = visible(next_line(self.state, self.event, now, view))
        self.query_one("#room-next", Static).update(Text(upcoming, justify="center"))
        self.query_one("#room-day", Static).update(Text(visible(day_line(self.state, self.event, now)), justify="center"))
        parked = f"Parking lot: {self.parked} open" if self.parked else "Parking lot: empty"
        self.query_one("#room-parked", Static).update(parked)
