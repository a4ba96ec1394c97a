"""Session timers derived from an append-only log of timer actions and a clock.

Nothing here counts ticks: a timer is the list of its running segments (start and stop moments), so
elapsed and remaining time are always ``f(log, now)``. A crash, a ``kill -9`` or a sleeping laptop
loses nothing: the moments are in the log and "now" comes from the clock.

The log is read in the order its actions happened (the order they were written), not sorted by their
moments: a wall clock set back mid-event would otherwise put a pause before the start it follows. A
jump of the wall clock is itself a ``clock`` entry saying what the old clock would have read; the fold
moves every earlier moment into the new clock's frame, so a session's elapsed time stays the time that
really passed (see :func:`effective_moments`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from facilitator.domain.agenda import Session
from facilitator.domain.event import new_id


class TimerAction(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    UNTIL = "until"
    FINISH = "finish"
    SKIP = "skip"
    REPLAN = "replan"
    CLOCK = "clock"  # the wall clock jumped; ``until`` holds what the old clock would have read


# A jump of the wall clock smaller than this is ordinary drift and not noted.
CLOCK_JUMP_THRESHOLD = timedelta(minutes=1)


class TimerState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    SKIPPED = "skipped"

    @property
    def is_open(self) -> bool:
        """Started and not yet finished or skipped."""
        return self in (TimerState.RUNNING, TimerState.PAUSED)

    @property
    def is_closed(self) -> bool:
        return self in (TimerState.FINISHED, TimerState.SKIPPED)


@dataclass(frozen=True)
class TimerEntry:
    """One line of the timer log; ``minutes`` for extend/replan, ``until`` for a count-down to a time."""

    event_id: str
    session_id: str
    action: TimerAction
    at: datetime
    minutes: int | None = None
    until: datetime | None = None
    note: str = ""
    from_minutes: int | None = None  # replan: what the plan said before
    from_day: int | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class SessionTimer:
    session_id: str
    planned_minutes: int
    state: TimerState = TimerState.PENDING
    segments: tuple[tuple[datetime, datetime | None], ...] = ()
    extra_minutes: int = 0
    until: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    last_action_at: datetime | None = None
    baseline_minutes: int | None = None  # before the first re-plan, if any
    baseline_day: int | None = None
    paused_at: datetime | None = None

    @property
    def allowed(self) -> timedelta:
        return timedelta(minutes=self.planned_minutes + self.extra_minutes)

    def elapsed(self, now: datetime) -> timedelta:
        total = timedelta()
        for start, stop in self.segments:
            # A clock set back and not yet noted must not make a running session's time run backwards.
            end = stop if stop is not None else max(now, self.last_action_at or now)
            if end > start:
                total += end - start
        return total

    def remaining(self, now: datetime) -> timedelta:
        """Time left; negative once the session runs over.

        A pause freezes every countdown, one to a clock time too: PAUSED on screen means the digits stand
        still, and resuming moves that clock time on by the length of the pause.
        """
        if self.until is not None:
            frozen = self.paused_at if self.state is TimerState.PAUSED else None
            return self.until - (self.ended_at or frozen or now)
        return self.allowed - self.elapsed(now)

    def progress(self, now: datetime) -> float:
        """0.0 at the start, 1.0 at the planned end (may exceed 1.0 in overrun)."""
        elapsed = self.elapsed(now).total_seconds()
        total = elapsed + self.remaining(now).total_seconds() if self.until else self.allowed.total_seconds()
        if total <= 0:
            return 1.0
        return max(0.0, elapsed / total)

    def actual_minutes(self, now: datetime) -> float:
        return self.elapsed(now).total_seconds() / 60


def fold(session: Session, entries: Iterable[TimerEntry]) -> SessionTimer:
    """The timer of ``session`` after its log ``entries`` (in the order they happened)."""
    state = TimerState.PENDING
    segments: list[tuple[datetime, datetime | None]] = []
    extra = 0
    until: datetime | None = None
    started_at = ended_at = last = paused_at = None
    baseline_minutes = baseline_day = None

    def close(at: datetime) -> None:
        if segments and segments[-1][1] is None:
            segments[-1] = (segments[-1][0], max(at, segments[-1][0]))

    for entry in entries:
        at = entry.at
        action = entry.action
        if action is TimerAction.CLOCK:
            continue
        if last is not None and at < last:  # an unnoted step back of the clock: keep the order anyway
            at = last
        if action in (TimerAction.START, TimerAction.RESUME):
            if state is TimerState.PAUSED and until is not None and paused_at is not None:
                until += at - paused_at  # the pause froze the countdown to a clock time
            paused_at = None
            if state is not TimerState.RUNNING:
                segments.append((at, None))
                state = TimerState.RUNNING
                started_at = started_at or at
                ended_at = None
        elif action is TimerAction.PAUSE:
            if state is TimerState.RUNNING:
                close(at)
                state = TimerState.PAUSED
                paused_at = at
        elif action is TimerAction.EXTEND:
            if until is not None:
                until += timedelta(minutes=entry.minutes or 0)
            else:
                extra += entry.minutes or 0
        elif action is TimerAction.UNTIL:
            until = entry.until
        elif action in (TimerAction.FINISH, TimerAction.SKIP):
            close(at)
            state = TimerState.FINISHED if action is TimerAction.FINISH else TimerState.SKIPPED
            ended_at = at
        else:  # a re-plan changes the plan, not the timer; remember the plan it replaced
            if baseline_minutes is None:
                baseline_minutes = entry.from_minutes
                baseline_day = entry.from_day
            continue
        last = at
    return SessionTimer(
        session_id=session.id,
        planned_minutes=session.planned_minutes,
        state=state,
        segments=tuple(segments),
        extra_minutes=extra,
        until=until,
        started_at=started_at,
        ended_at=ended_at,
        last_action_at=last,
        baseline_minutes=baseline_minutes,
        baseline_day=baseline_day,
        paused_at=paused_at if state is TimerState.PAUSED else None,
    )


@dataclass(frozen=True)
class AgendaState:
    """An event's sessions in agenda order and each one's timer: everything the cockpit ticks from."""

    event_id: str
    sessions: tuple[Session, ...]
    timers: dict[str, SessionTimer]

    @classmethod
    def build(cls, event_id: str, sessions: Sequence[Session], entries: Sequence[TimerEntry]) -> AgendaState:
        """``entries`` in the order they were written (the log's order), whatever their moments say."""
        moments = effective_moments([(e.action, e.at, e.until) for e in entries])
        by_session: dict[str, list[TimerEntry]] = {}
        for entry, at in zip(entries, moments, strict=True):
            if at != entry.at:
                entry = replace(entry, at=at)
            by_session.setdefault(entry.session_id, []).append(entry)
        ordered = tuple(sorted(sessions, key=lambda s: (s.day, s.position)))
        return cls(event_id, ordered, {s.id: fold(s, by_session.get(s.id, ())) for s in ordered})

    def timer(self, session_id: str) -> SessionTimer:
        return self.timers[session_id]

    def session(self, session_id: str) -> Session:
        for session in self.sessions:
            if session.id == session_id:
                return session
        raise KeyError(session_id)

    def day(self, day: int) -> list[Session]:
        return [session for session in self.sessions if session.day == day]

    def baseline(self, day: int) -> list[tuple[int, object]]:
        """(minutes, fixed start) of the day as planned before any re-plan: the day's committed end."""
        kept, moved_out = [], []
        for session in self.sessions:
            timer = self.timers[session.id]
            was_day = timer.baseline_day or session.day
            minutes = timer.baseline_minutes or session.planned_minutes
            if was_day != day:
                continue
            (kept if session.day == day else moved_out).append((minutes, session.fixed_start))
        return kept + moved_out

    @property
    def running(self) -> Session | None:
        for session in self.sessions:
            if self.timers[session.id].state is TimerState.RUNNING:
                return session
        return None

    @property
    def current(self) -> Session | None:
        """The running session, else the most recently paused one."""
        if running := self.running:
            return running
        paused = [s for s in self.sessions if self.timers[s.id].state is TimerState.PAUSED]
        if not paused:
            return None
        return max(paused, key=lambda s: self.timers[s.id].last_action_at)  # type: ignore[arg-type, return-value]

    def next_after(self, session: Session | None) -> Session | None:
        """The first session after ``session`` in agenda order that has not been started or closed."""
        index = -1 if session is None else self.sessions.index(session)
        for candidate in self.sessions[index + 1 :]:
            if self.timers[candidate.id].state is TimerState.PENDING:
                return candidate
        return None

    def first_pending(self, day: int | None = None) -> Session | None:
        for session in self.sessions:
            if (day is None or session.day == day) and self.timers[session.id].state is TimerState.PENDING:
                return session
        return None


def clock_shift(at: datetime, expected: datetime | None) -> timedelta:
    """How far a ``clock`` entry says the wall clock jumped (negative: set back)."""
    return at - expected if expected is not None else timedelta()


def effective_moments(log: Sequence[tuple[str, datetime, datetime | None]]) -> list[datetime]:
    """Each entry's moment in the frame of the clock as it reads now, never earlier than the one before.

    ``log`` is (action, moment, until) in the order written. Each ``clock`` entry shifts every moment
    before it by the jump it records, so time that really passed is counted once: a start at 10:00,
    a clock set back ten minutes at 10:05 and a pause at 09:57 is a session of seven minutes. What no
    clock entry explains (a step back noticed by nobody) is held at the moment before.
    """
    shift = timedelta()
    later_shift: list[timedelta] = [timedelta()] * len(log)
    for index in range(len(log) - 1, -1, -1):
        later_shift[index] = shift
        action, at, until = log[index]
        if action == TimerAction.CLOCK:
            shift += clock_shift(at, until)
    moments: list[datetime] = []
    for (_action, at, _until), moved in zip(log, later_shift, strict=True):
        moment = at + moved
        if moments and moment < moments[-1]:
            moment = moments[-1]
        moments.append(moment)
    return moments


def describe_jump(shift: timedelta) -> str:
    """'moved back 10 min' / 'moved forward 1 h 05 min'."""
    seconds = abs(round(shift.total_seconds()))
    hours, minutes = divmod(round(seconds / 60), 60)
    amount = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    return f"moved {'back' if shift < timedelta() else 'forward'} {amount}"
