"""Read what the method mirror needs for one event: a handful of aggregate queries, no Textual.

The mirror is computed from the records alone (never the clock), so an export and its re-import read
the same; only the drift nudge asks how many days are already over.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from facilitator.domain.attendance import continuity, team_names
from facilitator.domain.event import Event
from facilitator.domain.measurement import progress_for
from facilitator.domain.mirror import Mirror, MirrorFacts, drift, mirror

if TYPE_CHECKING:
    from facilitator.storage.store import Store


def gather_facts(store: Store, event: Event | str) -> MirrorFacts:
    if isinstance(event, str):
        event = store.events.get(event)
    db, event_id = store.db, event.id
    held: set[int] = {
        row["day"]
        for row in db.query(
            "select distinct s.day from timer_log t join sessions s on s.id = t.session_id "
            "where t.event_id = ? and t.action = 'start' and s.kind != 'break'",
            [event_id],
        )
    }
    sessions_run = next(iter(db.query(
        "select count(distinct t.session_id) as n from timer_log t join sessions s on s.id = t.session_id "
        "where t.event_id = ? and t.action = 'start' and s.kind != 'break'",
        [event_id],
    )))["n"]
    session_days = {session.id: session.day for session in store.agenda.sessions(event_id)}
    reflected: set[int] = set()
    session_reflected: set[int] = set()
    history = store.reflections.history(event_id)
    done = [r for r in history if r.status.value == "done"]
    for reflection in done:
        day = reflection.day if reflection.day is not None else session_days.get(reflection.session_id or "")
        if day is None:
            continue
        reflected.add(day)
        if reflection.scope.value == "session":
            session_reflected.add(day)
    held |= reflected
    transfers = store.reflections.transfers(event_id)
    followups = store.followups.for_event(event_id)
    progress = [p for p in progress_for(event.targets, store.measurements.for_event(event_id)) if p.actual is not None]
    fractions = [p.fraction for p in progress if p.fraction is not None]
    return MirrorFacts(
        kind=event.kind,
        status=event.status,
        area=event.area,
        planned_days=event.days,
        span_days=(event.end_date - event.start_date).days,
        units_held=len(held),
        sessions_run=sessions_run,
        units_reflected=len(reflected & held),
        units_session_reflected=len(session_reflected),
        day_reflections=sum(1 for r in done if r.scope.value == "day"),
        event_review_done=any(r.scope.value == "event" for r in done),
        reflections=len(done),
        individual_reflections=sum(1 for r in done if r.participant not in ("", "Group")),
        skips=tuple(r.skipped_reason for r in history if r.status.value == "skipped"),
        double_loop=sum(1 for r in done if r.loop.value == "double"),
        assumptions=sum(len(r.assumptions) for r in done),
        targets=len(event.targets),
        targets_measured=len(progress),
        mean_progress=sum(fractions) / len(fractions) if fractions else None,
        transfers=len(transfers),
        transfer_places=len({(t.where or t.owner).strip().lower() for t, _ in transfers}),
        followups=len(followups),
        followups_done=sum(1 for f in followups if not f.status.is_open),
        facilitator_named=bool(event.facilitator.strip()),
        decisions=Counter({who.value: n for who, n in store.decisions.decided_by_counts(event_id).items()}),
        continuity=continuity(store.attendance.present_by_day(event_id), team_names(event)),
    )


def event_mirror(store: Store, event: Event | str) -> Mirror:
    return mirror(gather_facts(store, event))


def days_past(event: Event, today: date) -> int:
    """How many of the event's days (or meetings) are over by ``today``."""
    return sum(1 for day in range(1, event.days + 1) if event.day_date(day) < today)


def event_drift(store: Store, event: Event, today: date, decided_by: Counter | None = None) -> str:
    """The nudge for a running event that drifts from its own kind, or empty.

    It is re-checked after every decision, so it reads only the decisions and reflections tables
    (never the timer log or the follow-ups): who decided, and whether anyone reflected. A screen that
    already holds who decided how often (moved by one with each capture) passes it as ``decided_by``.
    """
    if event.status.value != "running":
        return ""
    counts = store.reflections.counts(event.id)
    if decided_by is None:
        decided_by = store.decisions.decided_by_counts(event.id)
    facts = MirrorFacts(
        kind=event.kind,
        status=event.status,
        planned_days=event.days,
        units_reflected=counts.sessions_reflected + counts.days_reflected,
        day_reflections=counts.days_reflected,
        event_review_done=counts.event_review_done,
        decisions=Counter({who.value: n for who, n in decided_by.items()}),
    )
    return drift(facts, days_past=days_past(event, today))


def readings(store: Store, events: list[Event]) -> dict[str, Mirror]:
    """Every listed event's mirror, for the home screen (run off the UI thread)."""
    return {event.id: event_mirror(store, event) for event in events}

