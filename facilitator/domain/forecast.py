"""The day view: planned vs actual per session, the planned end of the day and where it is heading.

The projection starts from what really happened (closed sessions' moments), puts the running session's
remaining time from now, then lays what remains (paused and pending sessions, in agenda order, whatever
order the others were run in) after it. Fixed-time sessions (``*``) keep their time: work that runs into
one is a conflict to re-plan, and the work still to do is pushed past it rather than lost, so the projected
end is never before now plus the time that remains. When it passes the planned end, :func:`replans`
offers concrete ways back: shorten what remains proportionally, skip a named session, or move it.

A day whose agenda was loaded after its planned start begins from that moment: the forecast says
"starting 4h42 after the planned 08:00" once, and measures lateness from there. A fixed-time session whose
time had already passed when the day was loaded (Lunch at 12:30, loaded at 16:00) stays at its time: it
is neither moved to now nor a clash (nothing ran into it), and the day's work goes on around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from facilitator.domain.agenda import Session, SessionKind, format_minutes
from facilitator.domain.timer import AgendaState, SessionTimer, TimerState

DEFAULT_DAY_START = time(8, 0)
MIN_SHORTENED_MINUTES = 5


@dataclass(frozen=True)
class ForecastRow:
    session: Session
    state: TimerState
    planned_start: datetime
    planned_end: datetime
    projected_start: datetime
    projected_end: datetime
    actual_minutes: float | None  # time on the clock so far; None if never started
    conflict: timedelta = timedelta()  # how far earlier work runs into this fixed-time session

    @property
    def projected_minutes(self) -> float:
        return (self.projected_end - self.projected_start).total_seconds() / 60


@dataclass(frozen=True)
class DayForecast:
    day: int
    date: date
    rows: tuple[ForecastRow, ...]
    now: datetime

    baseline_end: datetime | None = None
    end: datetime | None = None  # when the last of the day's work is projected to finish
    planned_start: datetime | None = None
    start_offset: timedelta = timedelta()  # the agenda was loaded this long after the planned start

    @property
    def planned_end(self) -> datetime | None:
        """The day's end as planned before any re-plan (a re-plan must not move the goalposts)."""
        return self.baseline_end or (self.rows[-1].planned_end if self.rows else None)

    @property
    def projected_end(self) -> datetime | None:
        if not self.rows:
            return None
        return self.end or max(row.projected_end for row in self.rows)

    @property
    def slip(self) -> timedelta:
        if not self.rows or self.planned_end is None:
            return timedelta()
        return self.projected_end - self.planned_end  # type: ignore[operator]

    @property
    def slip_minutes(self) -> int:
        return round(self.slip.total_seconds() / 60)

    @property
    def late(self) -> bool:
        return self.slip_minutes > 0

    @property
    def pending(self) -> list[Session]:
        return [row.session for row in self.rows if row.state is TimerState.PENDING]

    @property
    def conflicts(self) -> list[ForecastRow]:
        """Fixed-time sessions that earlier work runs into by a minute or more."""
        return [row for row in self.rows if row.conflict >= timedelta(minutes=1)]

    @property
    def late_start_note(self) -> str:
        """'starting 4h42 after the planned 08:00' for a day loaded after its start, else ''."""
        if self.start_offset < timedelta(minutes=1) or self.planned_start is None:
            return ""
        minutes = round(self.start_offset.total_seconds() / 60)
        return f"starting {format_minutes(minutes)} after the planned {self.planned_start:%H:%M}"


def forecast_day(state: AgendaState, day: int, day_date: date, now: datetime, tz: tzinfo) -> DayForecast:
    sessions = state.day(day)

    def at(clock_time: time) -> datetime:
        return datetime.combine(day_date, clock_time, tzinfo=tz)

    day_start = at((sessions[0].fixed_start if sessions else None) or DEFAULT_DAY_START)
    timers = {session.id: state.timer(session.id) for session in sessions}
    offset = _late_load(sessions, timers, day_start)
    fixed_at = _fixed_times(day_start, day_start + offset, at)
    planned = _planned(sessions, day_start + offset, fixed_at)
    today = now.astimezone(tz).date() == day_date
    floor = now if today else None

    # What has happened so far: the last moment any session started or ended.
    happened = max((t.ended_at or t.started_at for t in timers.values() if t.started_at is not None), default=None)
    projected: dict[str, tuple[datetime, datetime, timedelta]] = {}
    # A running session ends its remaining time from now, even one started before the day's planned start
    # (a gemba walk before the 08:00 kick-off): flooring it at the day's start ran it into the kick-off.
    queue = max(now, happened or now)
    for session in sessions:
        timer = timers[session.id]
        if timer.state is TimerState.RUNNING:
            # One session runs at a time: a second one running (a log merged from two laptops) queues after.
            end = queue + max(timer.remaining(now), timedelta())
            projected[session.id] = (timer.started_at or now, end, timedelta())  # type: ignore[assignment]
            queue = end
    # Where the work still to do can start: after everything that already happened, and not before now.
    cursor = max(day_start + offset, happened or day_start, queue if projected else day_start)
    if floor is not None:
        cursor = max(cursor, floor)
    for session in sessions:
        timer = timers[session.id]
        if session.id in projected:
            continue
        if timer.state.is_closed:
            start = timer.started_at or timer.ended_at or cursor
            end = max(timer.ended_at or start, start) if timer.started_at else start
            projected[session.id] = (start, end, timedelta())
            continue
        remaining = max(timer.remaining(now), timedelta()) if timer.state is TimerState.PAUSED else (
            timedelta(minutes=session.planned_minutes)
        )
        if timer.state is TimerState.PENDING and session.fixed_start is not None:
            fixed, passed = fixed_at(session.fixed_start)
            if passed:
                projected[session.id] = (fixed, fixed + remaining, timedelta())
                continue
            start = fixed if floor is None else max(fixed, floor)
            clash = max(cursor - start, timedelta())
            # The fixed session keeps its time; the work that ran into it still has to be done after it.
            projected[session.id] = (start, start + remaining, clash)
            cursor = max(cursor, start) + remaining
            continue
        start = timer.started_at if timer.state is TimerState.PAUSED else cursor
        end = cursor + remaining
        projected[session.id] = (start or cursor, end, timedelta())
        cursor = end
    rows = []
    for session, (planned_start, planned_end) in zip(sessions, planned, strict=True):
        timer = timers[session.id]
        start, end, clash = projected[session.id]
        actual = timer.actual_minutes(now) if timer.started_at else None
        rows.append(ForecastRow(session, timer.state, planned_start, planned_end, start, end, actual, clash))
    ends = [row.projected_end for row in rows]
    if any(not timer.state.is_closed for timer in timers.values()):
        ends.append(cursor)
    return DayForecast(
        day, day_date, tuple(rows), now, _baseline_end(state, day, day_start + offset, fixed_at),
        max(ends) if ends else None, day_start, offset,
    )


def _fixed_times(day_start: datetime, loaded: datetime, at):
    """``fixed_at(clock_time) -> (moment, passed)`` for the day's fixed-time sessions.

    The fixed time that starts the day moves with a day loaded late (the note says so). Any later fixed
    time that had already gone by when the day was loaded is ``passed``: it stays where it is, off the
    path of the day's work, neither moved to now nor counted as a clash.
    """

    def fixed_at(clock_time: time) -> tuple[datetime, bool]:
        moment = at(clock_time)
        if moment == day_start:
            return loaded, False
        return moment, day_start < moment < loaded

    return fixed_at


def _planned(sessions: list[Session], start: datetime, fixed_at) -> list[tuple[datetime, datetime]]:
    """Each session's place in the plan, in agenda order; fixed-time sessions never start early."""
    cursor, planned = start, []
    for session in sessions:
        minutes = timedelta(minutes=session.planned_minutes)
        if session.fixed_start is None:
            begin = cursor
        else:
            fixed, passed = fixed_at(session.fixed_start)
            if passed:
                planned.append((fixed, fixed + minutes))
                continue
            begin = max(cursor, fixed)
        cursor = begin + minutes
        planned.append((begin, cursor))
    return planned


def _late_load(sessions: list[Session], timers: dict[str, SessionTimer], day_start: datetime) -> timedelta:
    """How long after the planned start the day's agenda was loaded, if nothing ran before that."""
    created = [session.created_at for session in sessions if session.created_at is not None]
    if not created or len(created) != len(sessions):
        return timedelta()
    loaded = min(created)
    if loaded <= day_start or loaded.astimezone(day_start.tzinfo).date() != day_start.date():
        return timedelta()
    started = [timer.started_at for timer in timers.values() if timer.started_at is not None]
    if started and min(started) < loaded:
        return timedelta()  # the day really began on time; the agenda was typed in afterwards
    return loaded - day_start


def _baseline_end(state: AgendaState, day: int, start: datetime, fixed_at) -> datetime | None:
    plan = state.baseline(day)
    if not plan:
        return None
    cursor = start
    for minutes, fixed in plan:
        if fixed:
            moment, passed = fixed_at(fixed)
            if passed:
                continue
            cursor = max(cursor, moment)
        cursor += timedelta(minutes=minutes)
    return cursor


@dataclass(frozen=True)
class Replan:
    """One concrete way to bring the day back to its planned end; the facilitator picks one."""

    kind: str  # "shorten" | "skip" | "move"
    label: str
    durations: dict[str, int] = field(default_factory=dict)
    session_id: str | None = None
    to_day: int | None = None


def replans(forecast: DayForecast, days: int) -> list[Replan]:
    """Options when the day is projected to end late, or runs into a fixed-time session; else empty."""
    clash = forecast.conflicts[0] if forecast.conflicts else None
    if forecast.late:
        slip = forecast.slip_minutes
        end = forecast.planned_end.strftime("%H:%M") if forecast.planned_end else ""
        goal = f"to end by {end}"
        flexible = [s for s in forecast.pending if s.kind is not SessionKind.BREAK]
    elif clash is not None:
        slip = max(1, round(clash.conflict.total_seconds() / 60))
        goal = f"to start {clash.session.title} at {clash.projected_start:%H:%M}"
        before = [row.session for row in forecast.rows[: forecast.rows.index(clash)]]
        flexible = [s for s in forecast.pending if s in before and s.kind is not SessionKind.BREAK and not s.fixed_start]
    else:
        return []
    options: list[Replan] = []
    total = sum(s.planned_minutes for s in flexible)
    if flexible and total - slip >= MIN_SHORTENED_MINUTES * len(flexible):
        factor = (total - slip) / total
        durations = {s.id: max(MIN_SHORTENED_MINUTES, int(s.planned_minutes * factor)) for s in flexible}
        # Rounding down may cut slightly more than needed, never less.
        options.append(
            Replan(
                "shorten",
                f"Shorten the {len(flexible)} remaining session(s) by {round((1 - factor) * 100)}% "
                f"({format_minutes(slip)} in all) {goal}",
                durations=durations,
            )
        )
    candidates = sorted(flexible, key=lambda s: (s.planned_minutes < slip, abs(s.planned_minutes - slip)))
    for session in candidates[:3]:
        options.append(Replan("skip", f"Skip {session.title!r} ({format_minutes(session.planned_minutes)})", session_id=session.id))
        if forecast.day < days:
            options.append(
                Replan(
                    "move",
                    f"Move {session.title!r} ({format_minutes(session.planned_minutes)}) to day {forecast.day + 1}",
                    session_id=session.id,
                    to_day=forecast.day + 1,
                )
            )
    return options


def verdict(forecast: DayForecast) -> str:
    """'13m late', 'on time', '3h01 early', with a late-loaded start and a fixed-time clash said once."""
    parts = [forecast.late_start_note] if forecast.late_start_note else []
    slip = forecast.slip_minutes
    parts.append(f"{format_minutes(slip)} late" if slip > 0 else f"{format_minutes(-slip)} early" if slip < 0 else "on time")
    for row in forecast.conflicts[:1]:
        minutes = round(row.conflict.total_seconds() / 60)
        parts.append(f"runs {format_minutes(minutes)} into {row.session.title} at {row.projected_start:%H:%M}")
    return "; ".join(parts)


def needs_replan(forecast: DayForecast) -> bool:
    return forecast.late or bool(forecast.conflicts)


def format_countdown(delta: timedelta) -> str:
    """Remaining time as ``mm:ss`` (``h:mm:ss`` past an hour); overrun as ``+mm:ss``."""
    seconds = int(delta.total_seconds())
    sign = ""
    if seconds < 0:
        sign = "+"
        seconds = -seconds
    elif delta.total_seconds() > seconds:
        seconds += 1  # counting down rounds up: 59.2 s left shows 01:00
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
