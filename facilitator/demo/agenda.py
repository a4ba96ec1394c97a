"""Demo agendas: the press-line blitz (days 1-2 done with real overruns, day 3 running now) and the
Action Learning set's meetings (past ones done).

The timer log holds start/stop moments at plausible local times, so the day view shows planned vs
actual and the slip forecast exactly as it would on the shop floor.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID, demo_id
from facilitator.domain.agenda import Session
from facilitator.domain.agenda_templates import blitz_sessions, set_meeting_sessions
from facilitator.domain.clock import local_time
from facilitator.domain.timer import TimerAction, TimerEntry
from facilitator.storage.store import Store

# Actual minutes per session, day by day: the gemba ran long, the current-state map longer still.
_BLITZ_ACTUALS = {
    1: [35, 38, 50, 20, 132, 30, 100, 40, 22],
    2: [17, 88, 71, 15, 66, 34, 74, 52, 24],
    3: [16, 168, 18, 71, 30, 95, 60, 25],
}
_NOTES = {
    (1, 4): "Die cart for the door-hinge die arrived 14 min late; observed the wait and timed it.",
    (2, 1): "Fishbone: 41 causes; hydraulic clamp adjustments and missing bolt kits stand out.",
    (3, 1): "Quick-release clamps from the tool room; bolt kits on shadow boards at the press.",
}


def _at(day_date: date, clock_time: time, tz) -> datetime:
    return datetime.combine(day_date, clock_time, tzinfo=tz)


def seed(store: Store, today: date) -> None:
    _seed_blitz(store, today)
    _seed_action_learning(store, today)


def _session_ids(prefix: str):
    return lambda day, position: demo_id(f"session:{prefix}:{day}:{position}")


def _seed_blitz(store: Store, today: date) -> None:
    sessions = blitz_sessions(BLITZ_ID, 5, ids=_session_ids("blitz"))
    sessions = [replace(s, notes=_NOTES.get((s.day, s.position), s.notes)) for s in sessions]
    store.agenda.add_many(sessions)
    now = store.clock.now()
    tz = local_time(now).tzinfo
    start_date = today - timedelta(days=2)
    entries: list[TimerEntry] = []

    def log(session: Session, action: TimerAction, at: datetime, n: int, minutes: int | None = None, note: str = "") -> None:
        entries.append(
            TimerEntry(BLITZ_ID, session.id, action, at, minutes=minutes, note=note,
                       id=demo_id(f"timer:{session.id}:{n}"))
        )

    for day in (1, 2):
        day_date = start_date + timedelta(days=day - 1)
        cursor = _at(day_date, time(7, 58), tz)
        for session, actual in zip([s for s in sessions if s.day == day], _BLITZ_ACTUALS[day], strict=True):
            if session.fixed_start:
                cursor = max(cursor, _at(day_date, session.fixed_start, tz))
            log(session, TimerAction.START, cursor, 0)
            if actual > session.planned_minutes + 10:
                log(session, TimerAction.EXTEND, cursor + timedelta(minutes=session.planned_minutes), 1, minutes=10)
            if (day, session.position) == (2, 4):
                # A fire drill: paused for 12 minutes, then resumed.
                log(session, TimerAction.PAUSE, cursor + timedelta(minutes=25), 2)
                log(session, TimerAction.RESUME, cursor + timedelta(minutes=37), 3)
                cursor += timedelta(minutes=12)
            end = cursor + timedelta(minutes=actual)
            log(session, TimerAction.FINISH, end, 4)
            cursor = end + timedelta(minutes=2)

    # Day 3: the sessions before "now" are finished; the one whose slot holds "now" is running, with an
    # extension when it is already past its plan, so opening the demo shows a live countdown.
    day_date = start_date + timedelta(days=2)
    day3 = list(zip([s for s in sessions if s.day == 3], _BLITZ_ACTUALS[3], strict=True))
    cursor = min(_at(day_date, time(7, 58), tz), now - timedelta(minutes=12))
    for index, (session, actual) in enumerate(day3):
        if session.fixed_start:
            cursor = max(cursor, _at(day_date, session.fixed_start, tz))
        end = cursor + timedelta(minutes=actual)
        if end + timedelta(minutes=2) <= now and index < len(day3) - 1:
            log(session, TimerAction.START, cursor, 0)
            log(session, TimerAction.FINISH, end, 4)
            cursor = end + timedelta(minutes=2)
            continue
        if cursor > now - timedelta(minutes=5):
            cursor = now - timedelta(minutes=5)
        if now - cursor > timedelta(minutes=session.planned_minutes + 30):
            cursor = now - timedelta(minutes=12)  # loaded after the day's end: the debrief is still going
        log(session, TimerAction.START, cursor, 0)
        planned_end = cursor + timedelta(minutes=session.planned_minutes)
        if planned_end - now < timedelta(minutes=8):
            late = int((now - planned_end).total_seconds() // 60)
            extra = (late // 5 + 1) * 5 + 10
            log(session, TimerAction.EXTEND, planned_end - timedelta(minutes=3), 1, minutes=extra,
                note="Trial parts still on the press")
        break
    store.timer.record(entries)


def _seed_action_learning(store: Store, today: date) -> None:
    ids = _session_ids("set")
    first_meeting = today - timedelta(weeks=4)
    sessions = []
    for meeting in range(1, 9):
        for session in set_meeting_sessions(ACTION_LEARNING_ID, meeting, ids=ids):
            if session.position == 0:
                session = replace(session, fixed_start=time(14, 0))
            sessions.append(session)
    store.agenda.add_many(sessions)
    tz = local_time(store.clock.now()).tzinfo
    actuals = [[18, 14, 52, 22, 15], [15, 17, 48, 25, 14], [21, 15, 44, 20, 19], [14, 16, 55, 18, 16]]
    entries = []
    for meeting, minutes in enumerate(actuals, start=1):
        cursor = _at(first_meeting + timedelta(weeks=meeting - 1), time(14, 2), tz)
        for session, actual in zip([s for s in sessions if s.day == meeting], minutes, strict=True):
            entries.append(TimerEntry(ACTION_LEARNING_ID, session.id, TimerAction.START, cursor,
                                      id=demo_id(f"timer:{session.id}:0")))
            cursor += timedelta(minutes=actual)
            entries.append(TimerEntry(ACTION_LEARNING_ID, session.id, TimerAction.FINISH, cursor,
                                      id=demo_id(f"timer:{session.id}:4")))
    store.timer.record(entries)
