"""What an Action Learning set learned, for its final report-out and its export: learning leads.

The questions the set worked on, the assumptions that changed (double-loop), what each member will carry
where (owner, place, by when), and what came of learning carried earlier. Plain data, no Textual, no SQL:
:func:`gather_learning` reads it, :func:`learning_sections` words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.domain.decision import DecisionFilter, LogState, Verdict
from facilitator.domain.followup import FollowUp, person_name

if TYPE_CHECKING:
    from facilitator.domain.event import Event
    from facilitator.storage.store import Store


@dataclass(frozen=True)
class CarriedLearning:
    text: str
    owner: str
    where: str
    followup: FollowUp | None


@dataclass(frozen=True)
class SetLearning:
    questions: tuple[str, ...] = ()
    assumptions: tuple[tuple[int | None, str], ...] = ()  # (meeting, assumption), oldest first
    carried: tuple[CarriedLearning, ...] = ()


def gather_learning(store: Store, event: Event | str) -> SetLearning:
    """The set's learning; ``event``: the event, or its id when the caller has not read it."""
    if isinstance(event, str):
        event = store.events.get(event)
    event_id = event.id
    questions = [event.problem] if event.problem else []
    # Every question the set took on, however long it ran (the log's page size is for screens, not reports).
    taken_on = DecisionFilter(verdict=Verdict.IN_SCOPE, state=LogState.CURRENT)
    questions += [d.subject for d in store.decisions.page(event_id, taken_on, limit=-1)][::-1]
    assumptions = tuple(
        (r.day, text)
        for r in store.reflections.history(event_id)
        if r.status.value == "done"
        for text in r.assumptions
    )
    followups = {item.id: item for item in store.followups.for_event(event_id)}
    carried = tuple(
        CarriedLearning(t.text, t.owner, t.where, followups.get(followup_id or ""))
        for t, followup_id in store.reflections.transfers(event_id)
    )
    return SetLearning(tuple(dict.fromkeys(questions)), tuple(dict.fromkeys(assumptions)), carried)


def learning_sections(learning: SetLearning) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(title, lines, what to say when empty) for each part, in the order a set reports them."""
    questions = learning.questions
    changed = tuple(f"Meeting {day}: {text}" if day else text for day, text in learning.assumptions)
    carry = []
    came_of = []
    for item in learning.carried:
        where = f" -> {item.where}" if item.where else ""
        when = f", by {item.followup.due_date.isoformat()}" if item.followup else ""
        carry.append(f"{person_name(item.owner)}: {item.text}{where}{when}")
        if item.followup is not None and item.followup.status.value != "open":
            outcome = f": {item.followup.outcome}" if item.followup.outcome else ""
            came_of.append(f"{item.text} ({person_name(item.owner)}) - {item.followup.status.label}{outcome}")
    return (
        ("Questions the set worked on", questions, "No question was written in the charter."),
        ("Assumptions that changed", changed, "No assumption was named in a double-loop reflection."),
        ("What each member will carry where", tuple(carry), "Nobody has said yet where they will carry the learning."),
        ("What came of earlier carried learning", tuple(came_of), "Nothing carried earlier has been followed up yet."),
    )
