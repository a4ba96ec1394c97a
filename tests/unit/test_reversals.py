"""Which decisions a day reversed, and which a session changed: each old decision as the log shows it now."""

from __future__ import annotations

from datetime import date

from facilitator.domain.decision import AmendedField, DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.storage.reversals import reversed_on_day


def _draft(subject: str, verdict: str, by: str = "team") -> DecisionDraft:
    return DecisionDraft(subject=subject, verdict=verdict, decided_by=by)


def test_reversals_of_a_day_quote_each_old_decision_once_as_amended_oldest_first(store, clock):
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    session = store.agenda.add(event.id, 2, "Try-storm", planned_minutes=60)
    decisions = store.decisions
    cart = decisions.capture(event.id, _draft("Die cart", "in_scope"), day=1)
    decisions.amend(cart.id, AmendedField.SUBJECT, "Second die cart")
    crane = decisions.capture(event.id, _draft("Crane", "out_of_scope"), day=1)
    kept = decisions.capture(event.id, _draft("Bolts", "deferred"), day=1)
    clock.advance(hours=20)
    back = decisions.supersede(crane.id, _draft("Crane", "in_scope"), day=2, session_id=session.id)
    clock.advance(minutes=5)
    decisions.supersede(cart.id, _draft("Die cart", "rejected"), day=2, session_id=session.id)
    clock.advance(minutes=5)
    decisions.supersede(kept.id, _draft("Bolts, sized", "deferred"), day=2)  # same verdict: no reversal
    clock.advance(minutes=5)
    decisions.supersede(back.id, _draft("Crane", "out_of_scope"), day=2)  # reversed again: quoted as it was
    assert reversed_on_day(store, event.id, 2) == ("Crane (out of scope)", "Second die cart (in scope)", "Crane (in scope)")
    assert reversed_on_day(store, event.id, 3) == () and reversed_on_day(store, event.id, None) == ()
    pairs = decisions.reversals_during(session.id)
    assert [(old.subject, old.verdict.value, new.verdict.value) for old, new in pairs] == [
        ("Crane", "out_of_scope", "in_scope"), ("Second die cart", "in_scope", "rejected"),
    ]
    assert pairs[0][0].superseded_by_id == back.id and pairs[0][1] == decisions.get(back.id)
