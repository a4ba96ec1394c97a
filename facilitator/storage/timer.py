"""The timer log: every start, pause, resume, extend, finish, skip and re-plan, appended with its moment.

Each action is committed before it returns, so what the cockpit shows after a key press survives a
crash. Elapsed and remaining time are derived (see :mod:`facilitator.domain.timer`), never stored.

The log is read in the order it was written (rowid), never sorted by moment, and a wall clock that
jumped by more than a minute since the last look is written down as a ``clock`` entry before the next
action: against the clock's monotonic reading where there is one (this process only), otherwise
against the last moment in the log (a clock set back behind it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from facilitator.domain.agenda import Session, format_minutes
from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.errors import UserError
from facilitator.domain.timer import (
    CLOCK_JUMP_THRESHOLD,
    AgendaState,
    TimerAction,
    TimerEntry,
    TimerState,
    describe_jump,
    effective_moments,
)
from facilitator.storage.agenda import AgendaRepository
from facilitator.storage.errors import saving


@dataclass(frozen=True)
class TimerChange:
    """What a timer action did: the new state, a one-line message, and the sessions it ended."""

    state: AgendaState
    message: str
    ended: tuple[tuple[str, str], ...] = ()  # (session_id, how) with how = finished | next | skipped
    started: str | None = None


def _under_lock(action: Callable) -> Callable:
    """Read the state and append to the log in one write transaction.

    The action then acts on what the database holds at that moment, even if a shell or a second
    cockpit paused or finished the session a moment ago, and two at once cannot both start a session.
    """

    @functools.wraps(action)
    def locked(self: TimerRepository, *args, **kwargs):
        with saving("the timer"), self.db.atomic():
            return action(self, *args, **kwargs)

    return locked


class TimerRepository:
    def __init__(self, db: Database, clock: Clock, agenda: AgendaRepository) -> None:
        self.db = db
        self.clock = clock
        self.agenda = agenda
        # Per event, the (wall, monotonic) readings at the last look: a clock set since then shows as
        # the two disagreeing.
        self._seen: dict[str, tuple[datetime, float]] = {}

    # Reading ------------------------------------------------------------------------------------

    def log(self, event_id: str) -> list[TimerEntry]:
        """The event's timer log in the order the actions happened (written), whatever the clock said."""
        rows = self.db.query("select * from timer_log where event_id = ? order by rowid", [event_id])
        return [_entry(row) for row in rows]

    def state(self, event_id: str) -> AgendaState:
        """Two queries: the sessions and their log. The cockpit ticks from this until the next action."""
        if event_id not in self._seen:
            self._look(event_id)
        return AgendaState.build(event_id, self.agenda.sessions(event_id), self.log(event_id))

    def clock_jumps(self, event_id: str) -> list[TimerEntry]:
        """The clock jumps noted in the event's log, oldest first."""
        return [entry for entry in self.log(event_id) if entry.action is TimerAction.CLOCK]

    def check_clock(self, event_id: str) -> bool:
        """Note a jump of the wall clock since the last look (the cockpit asks when its tick sees one)."""
        with saving("the timer"), self.db.atomic():  # under the write lock: one note however many ask
            jump = self._jump(event_id, self.clock.now())
            if jump is None:
                return False
            self.db["timer_log"].insert(_row(jump))
        return True

    def current(self, event_id: str) -> Session | None:
        """The session whose timer is running, else the one most recently paused."""
        return self.state(event_id).current

    # Actions ------------------------------------------------------------------------------------

    @_under_lock
    def start(self, session_id: str) -> TimerChange:
        """Start (or resume, or reopen) a session; a different running session is paused first."""
        session = self.agenda.get(session_id)
        state = self.state(session.event_id)
        timer = state.timer(session.id)
        if timer.state is TimerState.RUNNING:
            return TimerChange(state, f"{session.title} is already running.")
        entries: list[tuple[Session, TimerAction]] = []
        said = []
        running = state.running
        if running is not None:
            entries.append((running, TimerAction.PAUSE))
            said.append(f"Paused {running.title}")
        if timer.state is TimerState.PAUSED:
            entries.append((session, TimerAction.RESUME))
            said.append(f"resumed {session.title}")
        else:
            entries.append((session, TimerAction.START))
            again = " again" if timer.state.is_closed else ""
            said.append(f"started {session.title}{again}")
        self._append(entries)
        return TimerChange(self.state(session.event_id), _sentence(said), started=session.id)

    @_under_lock
    def pause(self, event_id: str) -> TimerChange:
        state = self.state(event_id)
        running = state.running
        if running is None:
            raise UserError("No session is running.")
        self._append([(running, TimerAction.PAUSE)])
        return TimerChange(self.state(event_id), f"Paused {running.title}.")

    @_under_lock
    def resume(self, event_id: str) -> TimerChange:
        current = self.state(event_id).current
        if current is None:
            raise UserError("No session is paused.")
        return self.start(current.id)

    @_under_lock
    def toggle(self, event_id: str, fallback: str | None = None, day: int | None = None) -> TimerChange:
        """space: pause the running session, resume the paused one, or start ``fallback`` / the next one."""
        state = self.state(event_id)
        if state.running is not None:
            return self.pause(event_id)
        if state.current is not None:
            return self.start(state.current.id)
        target = fallback or _id(state.first_pending(day)) or _id(state.first_pending())
        if target is None and not state.sessions:
            raise UserError("No sessions yet: press 2 for the agenda, then L for a template or i to add one.")
        if target is None:
            raise UserError("Nothing left to start: every session is finished or skipped. Add one in the agenda.")
        return self.start(target)

    @_under_lock
    def extend(self, event_id: str, minutes: int) -> TimerChange:
        current = self._current(event_id)
        self._append([(current, TimerAction.EXTEND)], minutes=minutes)
        return TimerChange(self.state(event_id), f"Extended {current.title} by {format_minutes(minutes)}.")

    @_under_lock
    def until(self, event_id: str, moment: datetime, label: str = "") -> TimerChange:
        """Count the current session down to a clock time (e.g. report-out at 11:00)."""
        current = self._current(event_id)
        if moment <= self.clock.now():
            raise UserError(f"{label or 'That time'} has already passed.")
        # Counting down to a clock time is running by nature: a paused session resumes, so the screen
        # never says PAUSED over moving digits.
        paused = self.state(event_id).timer(current.id).state is TimerState.PAUSED
        entries = [(current, TimerAction.RESUME)] if paused else []
        self._append([*entries, (current, TimerAction.UNTIL)], until=moment)
        said = "resumed and now counts" if paused else "now counts"
        return TimerChange(self.state(event_id), f"{current.title} {said} down to {label or moment}.")

    @_under_lock
    def finish(self, event_id: str) -> TimerChange:
        current = self._current(event_id)
        self._append([(current, TimerAction.FINISH)])
        return TimerChange(self.state(event_id), f"Finished {current.title}.", ended=((current.id, "finished"),))

    @_under_lock
    def skip(self, event_id: str, session_id: str | None = None, note: str = "") -> TimerChange:
        """Skip the current session, or a named one that has not run yet."""
        session = self.agenda.get(session_id) if session_id else self._current(event_id)
        if self.state(event_id).timer(session.id).state.is_closed:
            raise UserError(f"{session.title} is already finished or skipped.")
        self._append([(session, TimerAction.SKIP)], note=note)
        return TimerChange(self.state(event_id), f"Skipped {session.title}.", ended=((session.id, "skipped"),))

    @_under_lock
    def next(self, event_id: str) -> TimerChange:
        """Finish the current session and start the next one in the agenda."""
        state = self.state(event_id)
        current = state.current
        following = state.next_after(current)
        entries: list[tuple[Session, TimerAction]] = []
        said = []
        if current is not None:
            entries.append((current, TimerAction.FINISH))
            said.append(f"Finished {current.title}")
        if following is not None:
            entries.append((following, TimerAction.START))
            said.append(f"started {following.title}")
        if not entries:
            raise UserError("Nothing left to start: every session is finished or skipped.")
        if following is None:
            said.append("that was the last session")
        self._append(entries)
        ended = ((current.id, "next"),) if current is not None else ()
        return TimerChange(self.state(event_id), _sentence(said), ended=ended, started=_id(following))

    # Re-plans ------------------------------------------------------------------------------------

    def replan_durations(self, event_id: str, changes: dict[str, int], note: str) -> TimerChange:
        """Retime sessions (e.g. shorten the rest of the day) and log each change with why."""
        sessions = [self.agenda.get(session_id) for session_id in changes]
        with saving("the re-plan"), self.db.atomic():
            self.agenda.set_planned(changes, note)
            for session in sessions:
                self._append(
                    [(session, TimerAction.REPLAN)],
                    minutes=changes[session.id],
                    note=f"{note} ({format_minutes(session.planned_minutes)} -> {format_minutes(changes[session.id])})",
                    from_minutes=session.planned_minutes,
                    from_day=session.day,
                )
        return TimerChange(self.state(event_id), note)

    def replan_move(self, session_id: str, day: int, note: str) -> TimerChange:
        """Move a session to another day and log it."""
        session = self.agenda.get(session_id)
        with saving("the re-plan"), self.db.atomic():
            self.agenda.move(session_id, day)
            self._append(
                [(session, TimerAction.REPLAN)], minutes=session.planned_minutes, note=note,
                from_minutes=session.planned_minutes, from_day=session.day,
            )
        return TimerChange(self.state(session.event_id), note)

    # Helpers ------------------------------------------------------------------------------------

    def _current(self, event_id: str) -> Session:
        current = self.state(event_id).current
        if current is None:
            raise UserError("No session is running; press space to start one.")
        return current

    def _append(
        self,
        entries: Sequence[tuple[Session, TimerAction]],
        *,
        minutes: int | None = None,
        until: datetime | None = None,
        note: str = "",
        from_minutes: int | None = None,
        from_day: int | None = None,
    ) -> None:
        now = self.clock.now()
        with saving("the timer"), self.db.atomic():
            jump = self._jump(entries[0][0].event_id, now) if entries else None
            if jump is not None:
                self.db["timer_log"].insert(_row(jump))
            for session, action in entries:
                entry = TimerEntry(
                    event_id=session.event_id, session_id=session.id, action=action, at=now, minutes=minutes,
                    until=until if action is TimerAction.UNTIL else None, note=note,
                    from_minutes=from_minutes, from_day=from_day,
                )
                self.db["timer_log"].insert(_row(entry))
            if any(action is TimerAction.START for _, action in entries):
                # The first session started is the event starting: a planned event is now running.
                self.db.execute(
                    "update events set status = 'running', updated_at = ? where id = ? and status = 'planned'",
                    [to_iso(now), entries[0][0].event_id],
                )

    def _look(self, event_id: str) -> tuple[datetime, float] | None:
        """Remember the clock's readings now; return the ones from the previous look, if any."""
        previous = self._seen.get(event_id)
        monotonic = getattr(self.clock, "monotonic", lambda: None)()
        if monotonic is not None:
            self._seen[event_id] = (self.clock.now(), monotonic)
        return previous if monotonic is not None else None

    def _jump(self, event_id: str, now: datetime) -> TimerEntry | None:
        """A ``clock`` entry if the wall clock jumped by more than a minute since the last look."""
        monotonic = getattr(self.clock, "monotonic", lambda: None)()
        previous = self._look(event_id)
        expected: datetime | None = None
        if previous is not None and monotonic is not None:
            expected = previous[0] + timedelta(seconds=monotonic - previous[1])
        log = self.log(event_id)
        if not log:
            return None
        last = effective_moments([(e.action, e.at, e.until) for e in log])[-1]
        # Without a monotonic reading from before the jump (another process, or a clock set back
        # before this one looked), only a clock behind the log is visible, and how long really passed
        # since the last action is unknown, so none is counted.
        expected = max(expected or now, last)
        shift = now - expected
        if abs(shift) <= CLOCK_JUMP_THRESHOLD:
            return None
        return TimerEntry(
            event_id=event_id, session_id=log[-1].session_id, action=TimerAction.CLOCK, at=now,
            until=expected, note=f"clock {describe_jump(shift)}",
        )

    def record(self, entries: Sequence[TimerEntry]) -> None:
        """Insert entries as given (for the demo and imports)."""
        with saving("the timer log"), self.db.atomic():
            self.db["timer_log"].insert_all(_row(entry) for entry in entries)


def _id(session: Session | None) -> str | None:
    return session.id if session else None


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _row(entry: TimerEntry) -> dict[str, Any]:
    row = {
        "id": entry.id,
        "event_id": entry.event_id,
        "session_id": entry.session_id,
        "action": entry.action.value,
        "at": to_iso(entry.at),
        "minutes": entry.minutes,
        "until_at": to_iso(entry.until) if entry.until else None,
        "note": entry.note,
    }
    if entry.from_minutes is not None or entry.from_day is not None:  # only re-plans carry these
        row.update(from_minutes=entry.from_minutes, from_day=entry.from_day)
    return row


def _entry(row: dict[str, Any]) -> TimerEntry:
    return TimerEntry(
        id=row["id"],
        event_id=row["event_id"],
        session_id=row["session_id"],
        action=TimerAction(row["action"]),
        at=from_iso(row["at"]),
        minutes=row["minutes"],
        until=from_iso(row["until_at"]) if row["until_at"] else None,
        note=row["note"] or "",
        from_minutes=row.get("from_minutes"),
        from_day=row.get("from_day"),
    )
