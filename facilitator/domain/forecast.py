"""The day view: planned vs actual per session, the planned end of the day and where it is heading.

The projection takes what really happened (closed sessions' stop moments), the running session's
remaining time, and the plan for what is left (fixed-time sessions never start early). When it passes
the planned end, :func:`replans` offers concrete ways back: shorten what remains proportionally, skip a
named session, or move it to another day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from facilitator.domain.agenda import Session, SessionKind, format_minutes
from facilitator.domain.timer import AgendaState, TimerState

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

    @property
    def planned_end(self) -> datetime | None:
        """The day's end as planned before any re-plan (a re-plan must not move the goalposts)."""
        return self.baseline_end or (self.rows[-1].planned_end if self.rows else None)

    @property
    def projected_end(self) -> datetime | None:
        return self.rows[-1].projected_end if self.rows else None

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


def forecast_day(state: AgendaState, day: int, day_date: date, now: datetime, tz: tzinfo) -> DayForecast:
    sessions = state.day(day)

    def at(clock_time: time) -> datetime:
        return datetime.combine(day_date, clock_time, tzinfo=tz)

    first_fixed = sessions[0].fixed_start if sessions else None
    planned_cursor = at(first_fixed or DEFAULT_DAY_START)
    timers = [state.timer(session.id) for session in sessions]
    started = [timer.started_at for timer in timers if timer.started_at]
    projected_cursor = min(started) if started else planned_cursor
    floor_now = now.astimezone(tz).date() == day_date
    rows = []
    for session, timer in zip(sessions, timers, strict=True):
        planned = timedelta(minutes=session.planned_minutes)
        planned_start = max(planned_cursor, at(session.fixed_start)) if session.fixed_start else planned_cursor
        planned_cursor = planned_start + planned
        actual = timer.actual_minutes(now) if timer.started_at else None
        if timer.state.is_closed:
            start = timer.started_at or projected_cursor
            end = max(timer.ended_at or start, start) if timer.started_at else start
        elif timer.state.is_open:
            start = timer.started_at  # type: ignore[assignment]
            end = now + max(timer.remaining(now), timedelta())
        else:
            start = max(projected_cursor, at(session.fixed_start)) if session.fixed_start else projected_cursor
            if floor_now:
                start = max(start, now)
            end = start + planned
        projected_cursor = max(projected_cursor, end)
        rows.append(
            ForecastRow(session, timer.state, planned_start, planned_cursor, start, end, actual)
        )
    baseline_end = None
    plan = state.baseline(day)
    if plan:
        cursor = at(plan[0][1] or DEFAULT_DAY_START)  # type: ignore[arg-type]
        for minutes, fixed in plan:
            cursor = max(cursor, at(fixed)) if fixed else cursor  # type: ignore[arg-type]
            cursor += timedelta(minutes=minutes)
        baseline_end = cursor
    return DayForecast(day, day_date, tuple(rows), now, baseline_end)


@dataclass(frozen=True)
class Replan:
    """One concrete way to bring the day back to its planned end; the facilitator picks one."""

    kind: str  # "shorten" | "skip" | "move"
    label: str
    durations: dict[str, int] = field(default_factory=dict)
    session_id: str | None = None
    to_day: int | None = None


def replans(forecast: DayForecast, days: int) -> list[Replan]:
    """Options when the day is projected to end late; empty when it is on time."""
    if not forecast.late:
        return []
    slip = forecast.slip_minutes
    end = forecast.planned_end.strftime("%H:%M") if forecast.planned_end else ""
    options: list[Replan] = []
    flexible = [s for s in forecast.pending if s.kind is not SessionKind.BREAK]
    total = sum(s.planned_minutes for s in flexible)
    if flexible and total - slip >= MIN_SHORTENED_MINUTES * len(flexible):
        factor = (total - slip) / total
        durations = {s.id: max(MIN_SHORTENED_MINUTES, int(s.planned_minutes * factor)) for s in flexible}
        # Rounding down may cut slightly more than needed, never less.
        options.append(
            Replan(
                "shorten",
                f"Shorten the {len(flexible)} remaining session(s) by {round((1 - factor) * 100)}% "
                f"({format_minutes(slip)} in all) to end by {end}",
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
