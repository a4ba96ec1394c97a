"""The compact live timer docked above every tab: session title, countdown, progress and what is next.

It ticks from the in-memory :class:`AgendaState` and the app clock: a tick re-renders, it never queries
the database. The screen hands it a fresh state after every timer action. A tick that sees the wall
clock jump (against the clock's monotonic reading) says so with :class:`TimerBar.ClockJumped`, so the
screen can note it in the log before the countdown runs backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Digits, Static

from facilitator.domain.agenda import format_minutes
from facilitator.domain.clock import local_time
from facilitator.domain.display import shown
from facilitator.domain.forecast import format_countdown
from facilitator.domain.timer import CLOCK_JUMP_THRESHOLD, AgendaState, SessionTimer, TimerState
from facilitator.widgets.progress_line import ProgressLine

ALARM_SECONDS = 10  # how long the status flashes when the time is up or nearly up


@dataclass(frozen=True)
class TimerView:
    """What any timer display shows at one moment; computed from state and now only."""

    mode: str  # "idle" | "running" | "paused" | "warning" | "overrun"
    status: str
    title: str
    countdown: str
    progress: float
    next_up: str
    session_id: str | None = None
    timer_key: tuple | None = None


def timer_view(state: AgendaState | None, now: datetime, warn_minutes: int, day: int | None = None) -> TimerView:
    """The view for the timer bar and the projector; titles typed elsewhere never reach the screen raw."""
    return shown(_timer_view(state, now, warn_minutes, day))


def _timer_view(state: AgendaState | None, now: datetime, warn_minutes: int, day: int | None) -> TimerView:
    if state is None or not state.sessions:
        return TimerView("idle", "NO AGENDA", "No sessions yet", "--:--", 0.0, "Press 2 for the agenda, then L for a template")
    current = state.current
    following = state.next_after(current) if current else (state.first_pending(day) or state.first_pending())
    next_up = _describe_next(state, following)
    if current is None:
        if following is None:
            return TimerView("idle", "READY", "All sessions done", "--:--", 0.0, "Add a session in the agenda (2)")
        # The title already names the ready session, so the line under it gives its length and what follows it.
        then = state.next_after(following)
        hint = f"space starts it ({_length_and_start(following)})"
        if then is not None:
            hint += f"   Then: {then.title} ({_length_and_start(then)})"
        return TimerView("idle", "READY", f"Ready: {following.title}", "--:--", 0.0, hint)
    timer = state.timer(current.id)
    remaining = timer.remaining(now)
    seconds = remaining.total_seconds()
    paused = timer.state is TimerState.PAUSED
    if seconds <= 0:
        mode = "overrun"
    elif seconds <= warn_minutes * 60:
        mode = "warning"
    else:
        mode = "running"
    status = "PAUSED" if paused else {"overrun": "OVERRUN", "warning": "ENDING", "running": "RUNNING"}[mode]
    if paused:
        mode = f"paused {mode}"
    title = current.title
    if timer.until is not None:
        title += f"  (until {local_time(timer.until):%H:%M})"
    elif timer.extra_minutes:
        title += f"  (+{format_minutes(timer.extra_minutes)})"
    return TimerView(
        mode, status, title, format_countdown(remaining), min(timer.progress(now), 1.0), next_up,
        current.id, _key(timer),
    )


def _key(timer: SessionTimer) -> tuple:
    """Identifies one countdown target: an extension or a new 'until' makes the alarms ring again."""
    return (timer.session_id, timer.extra_minutes, timer.until, timer.planned_minutes)


def _describe_next(state: AgendaState, following) -> str:
    if following is None:
        return "Next: nothing left today"
    return f"Next: {following.title} ({_length_and_start(following)})"


def _length_and_start(session) -> str:
    text = format_minutes(session.planned_minutes)
    if session.fixed_start:
        text += f" at {session.fixed_start:%H:%M}"
    return text


class TimerBar(Widget):
    """Docked at the top of the event screen; ``state`` is set by the screen after each action."""

    DEFAULT_CSS = """
    TimerBar {
        dock: top;
        height: 4;
        padding: 0 1;
        background: $panel;
        border-bottom: solid $primary;
    }
    TimerBar #timer-main { height: 3; }
    TimerBar #timer-text { width: 1fr; height: 3; }
    TimerBar #timer-line { height: 1; }
    TimerBar #timer-status { width: 10; text-style: bold; color: $text-muted; }
    TimerBar #timer-title { width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    TimerBar #timer-countdown { width: auto; min-width: 14; height: 3; margin-left: 2; text-style: bold; }
    TimerBar #timer-progress { height: 1; }
    TimerBar #timer-foot { height: 1; }
    TimerBar #timer-next { width: 1fr; height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    TimerBar #timer-keys { width: auto; height: 1; color: $text-muted; }
    TimerBar.-running #timer-status { color: $success; }
    TimerBar.-warning #timer-status, TimerBar.-warning #timer-countdown { color: $warning; }
    TimerBar.-overrun { border-bottom: heavy $error; }
    TimerBar.-overrun #timer-status, TimerBar.-overrun #timer-countdown { color: $error; }
    TimerBar.-overrun #timer-progress > .bar--complete { color: $error; }
    TimerBar.-paused #timer-status { color: $warning; text-style: bold reverse; }
    TimerBar.-alarm #timer-status, TimerBar.-alarm #timer-countdown { text-style: bold reverse; }
    """

    class ClockJumped(Message):
        """The wall clock moved by more than a minute between two ticks without that time passing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clock_seen: tuple[datetime, float] | None = None
        self.state: AgendaState | None = None
        self.day: int | None = None
        self._alarmed: set[tuple] = set()
        self._last: TimerView | None = None
        # The first tick, at mount, has no state yet: idle. Set before mount, that tick changes no class
        # and so does not restyle the bar and its ten widgets a second time.
        self.add_class("-idle", update=False)

    def compose(self) -> ComposeResult:
        with Horizontal(id="timer-main"):
            with Vertical(id="timer-text"):
                with Horizontal(id="timer-line"):
                    yield Static("", id="timer-status", markup=False)
                    yield Static("", id="timer-title", markup=False)
                yield ProgressLine(id="timer-progress")
                with Horizontal(id="timer-foot"):
                    yield Static("", id="timer-next", markup=False)
                    yield Static("space start/pause  n next  f finish  + 5 min  p projector", id="timer-keys", markup=False)
            # Big digits: the one number the room looks for, readable from the back of a projected room.
            yield Digits("--:--", id="timer-countdown")

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick, name="timer-tick")
        self.tick()

    def on_resize(self) -> None:
        # The key hints only where there is room for them beside "Next: ...".
        self.query_one("#timer-keys").display = self.size.width >= 130

    def show(self, state: AgendaState, day: int | None = None) -> None:
        """A fresh state after a timer or agenda action, or on opening.

        Alarms already due at this moment are not rung: opening the cockpit onto a late session, or
        extending one that is still over, should not ring for the past. Only a tick that crosses the
        threshold rings.
        """
        self.state = state
        self.day = day
        view = timer_view(state, self.app.clock.now(), self._warn_minutes(), day)
        if view.timer_key is not None:
            if "overrun" in view.mode:
                self._alarmed.update({(view.timer_key, "warning"), (view.timer_key, "zero")})
            elif "warning" in view.mode:
                self._alarmed.add((view.timer_key, "warning"))
        self._last = None
        self.tick()

    def _warn_minutes(self) -> int:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "warn_minutes", 2)

    def tick(self) -> None:
        """Re-render from memory: no database query here."""
        self._watch_clock()
        view = timer_view(self.state, self.app.clock.now(), self._warn_minutes(), self.day)
        if view == self._last:
            return
        self._render_view(view)
        self._check_alarms(view)
        self._last = view

    def _watch_clock(self) -> None:
        clock = self.app.clock
        monotonic = getattr(clock, "monotonic", lambda: None)()
        if monotonic is None:
            return
        now = clock.now()
        seen, self._clock_seen = self._clock_seen, (now, monotonic)
        if seen is not None and abs((now - seen[0]).total_seconds() - (monotonic - seen[1])) > CLOCK_JUMP_THRESHOLD.total_seconds():
            self.post_message(self.ClockJumped())

    def _render_view(self, view: TimerView) -> None:
        previous = self._last
        if previous is None or previous.mode != view.mode:
            for mode in ("idle", "running", "warning", "overrun", "paused"):
                self.set_class(mode in view.mode.split(), f"-{mode}")
        if previous is None or previous.status != view.status:
            self.query_one("#timer-status", Static).update(view.status)
        if previous is None or previous.title != view.title:
            self.query_one("#timer-title", Static).update(Text(view.title, overflow="ellipsis", no_wrap=True))
        if previous is None or previous.countdown != view.countdown:
            self.query_one("#timer-countdown", Digits).update(view.countdown)
        if previous is None or previous.next_up != view.next_up:
            self.query_one("#timer-next", Static).update(Text(view.next_up, overflow="ellipsis", no_wrap=True))
        self.query_one("#timer-progress", ProgressLine).done = view.progress

    def _check_alarms(self, view: TimerView) -> None:
        if view.timer_key is None or view.mode.startswith("paused"):
            return
        for kind in ("warning", "zero"):
            due = view.mode == "overrun" if kind == "zero" else view.mode in ("warning", "overrun")
            key = (view.timer_key, kind)
            if due and key not in self._alarmed:
                self._alarmed.add(key)
                # The alarm is the bar itself (a toast would cover an open dialog's fields): the bell,
                # then the status flashes in reverse for ALARM_SECONDS on top of the bar's colour.
                if kind == "zero":
                    self.app.bell()
                if kind == "zero" or view.mode == "warning":
                    self.add_class("-alarm")
                    self.set_timer(ALARM_SECONDS, lambda: self.remove_class("-alarm"))

    @property
    def view(self) -> TimerView | None:
        return self._last
