"""`facilitator decisions EVENT` and `facilitator decide EVENT SUBJECT`: the decision log from a shell."""

from __future__ import annotations

from facilitator.domain.clock import local_time, local_today
from facilitator.domain.decision import DecisionDraft, DecisionFilter, LogState, Verdict, decision_day
from facilitator.storage.store import Store


def listing(store: Store, event_ref: str, *, search: str = "", current: bool = False, parked: bool = False) -> str:
    """Newest first, one decision a line; --parked gives the open parking lot instead."""
    event = store.events.resolve(event_ref)
    decisions = store.decisions
    if parked:
        found = decisions.parked(event.id)
        header = f"Parking lot of {event.title}: {len(found)} open"
    else:
        filters = DecisionFilter(text=search, state=LogState.CURRENT if current else LogState.ALL)
        found = decisions.page(event.id, filters, limit=-1)  # the whole log, as the header counts it
        header = f"Decisions of {event.title}: {len(found)}"
    lines = [header]
    for decision in found:
        marks = "".join(
            mark for mark, on in (
                (" [changes an earlier one]", decision.supersedes_id), (" [superseded]", not decision.current),
                (" [amended]", decision.amended), (" [to debrief]", decision.carried_to_debrief),
            ) if on
        )
        lines.append(
            f"  d{decision.day} {local_time(decision.decided_at):%H:%M}  {decision.verdict.label:<12}  "
            f"{decision.decided_by.value:<11}  {decision.subject}{marks}  ({decision.id[:8]})"
        )
    return "\n".join(lines)


def decide(store: Store, event_ref: str, subject: str, verdict: str, decided_by: str, why: str = "", tags: str = "") -> str:
    """Log a decision now, in the running session if there is one; committed before this returns."""
    event = store.events.resolve(event_ref)
    session = store.timer.current(event.id)
    day = decision_day(event, local_today(store.clock), session.day if session else None)
    draft = DecisionDraft(subject=subject, verdict=verdict, decided_by=decided_by, rationale=why, tags=tags)
    decision = store.decisions.capture(event.id, draft, day=day, session_id=session.id if session else None)
    where = f" in {session.title}" if session else ""
    return f"Logged on day {decision.day}{where}: {decision.subject} ({Verdict(decision.verdict).label}, {decision.id[:8]})"
