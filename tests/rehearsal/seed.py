"""Put an event into a rehearsal's database before the cockpit opens, as another laptop or an earlier
day would have. Quicker than typing the set-up each time; the typing is rehearsed in the walkthroughs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from facilitator.domain.agenda import Session
from facilitator.domain.agenda_templates import blitz_sessions, set_meeting_sessions
from facilitator.domain.clock import FakeClock, SystemClock, local_today
from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.domain.followup import FollowUp
from facilitator.storage.store import Store


@dataclass
class Seeded:
    event_id: str
    sessions: list[Session]

    def day(self, day: int) -> list[Session]:
        return [s for s in self.sessions if s.day == day]


def today() -> date:
    return local_today(SystemClock())


def blitz(db: Path, *, title: str = "Press 4 changeover blitz", days: int = 3, started_days_ago: int = 0,
          problem: str = "Changeover on press 4 takes 47 minutes.") -> Seeded:
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    try:
        event = store.events.add(Event(title=title, kind=EventKind.KAIZEN, days=days, problem=problem,
                                       start_date=today() - timedelta(days=started_days_ago)))
        sessions = store.agenda.add_many(blitz_sessions(event.id, days))
        return Seeded(event.id, sessions)
    finally:
        store.close()


def action_learning(db: Path, *, title: str = "Cross-site onboarding set", meetings: int = 6) -> Seeded:
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    try:
        event = store.events.add(Event(title=title, kind=EventKind.ACTION_LEARNING, days=meetings, start_date=today()))
        sessions = store.agenda.add_many(set_meeting_sessions(event.id, 1))
        return Seeded(event.id, sessions)
    finally:
        store.close()


def decide(db: Path, event_id: str, subject: str, verdict: str, *, day: int, by: str = "team",
           session_id: str | None = None, at: datetime | None = None) -> str:
    """A decision as if taken on `day` (stamped at `at`, default now)."""
    store = Store(db, FakeClock(at or datetime.now(UTC)))
    try:
        decision = store.decisions.capture(event_id, DecisionDraft(subject, verdict, by), day=day, session_id=session_id)
        return decision.id
    finally:
        store.close()


def followup(db: Path, event_id: str, action: str, *, due: date, owner: str = "Marek") -> None:
    store = Store(db)
    try:
        store.followups.add(FollowUp(event_id=event_id, action=action, owner=owner, due_date=due))
    finally:
        store.close()


def start_session(db: Path, session_id: str, *, minutes_ago: float = 0) -> None:
    store = Store(db, FakeClock(datetime.now(UTC) - timedelta(minutes=minutes_ago)))
    try:
        store.timer.start(session_id)
    finally:
        store.close()


def moment(day_date: date, hhmm: str) -> datetime:
    """A local wall-clock moment on a date (the rehearsals run with TZ=UTC)."""
    return datetime.combine(day_date, time.fromisoformat(hhmm), tzinfo=UTC)


def supersede(db: Path, old_id: str, subject: str, verdict: str, *, day: int, by: str = "sponsor",
              tags: str = "") -> str:
    """A change or reversal of an earlier decision, both kept and linked."""
    store = Store(db)
    try:
        return store.decisions.supersede(old_id, DecisionDraft(subject, verdict, by, tags=tags), day=day).id
    finally:
        store.close()
