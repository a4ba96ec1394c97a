"""The counts beside the log, moved by one capture at a time, always equal a recount of the database."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.decision import DecidedBy, DecisionDraft, Verdict
from facilitator.domain.decision_tally import DecisionTally
from facilitator.domain.event import Event, EventKind

# One step: a verdict, who decided, the day, and which current decision it changes (None: a new one).
_steps = st.lists(
    st.tuples(st.sampled_from(list(Verdict)), st.sampled_from(list(DecidedBy)), st.integers(1, 3),
              st.none() | st.integers(0, 20)),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_steps)
def test_captures_and_changes_move_the_tally_as_a_recount_would(store, steps):
    event = store.events.add(Event(title="Tally", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3))
    decisions = store.decisions
    tally = decisions.tally(event.id)
    assert tally == DecisionTally()
    current = []
    for number, (verdict, by, day, changes) in enumerate(steps):
        draft = DecisionDraft(f"item {number}", verdict.value, by.value)
        if changes is None or not current:
            decision, superseded = decisions.capture(event.id, draft, day=day), None
        else:
            old = current.pop(changes % len(current))
            decision = decisions.supersede(old.id, draft, day=day)
            superseded = decisions.get(old.id)
        current.append(decision)
        tally = tally.after(decision, superseded)
        assert tally == decisions.tally(event.id)
        assert tally.parked == decisions.parked_count(event.id) == len(decisions.parked(event.id))
