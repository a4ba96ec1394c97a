"""The demo holds reflections: four AL meetings with double-loop learning, and the blitz's day-end reviews."""

from __future__ import annotations

from facilitator.demo import charters, load_demo
from facilitator.domain.reflection import Scope


def test_demo_reflections(store):
    load_demo(store)
    reflections = store.reflections
    al = reflections.counts(charters.ACTION_LEARNING_ID)
    assert al.sessions_reflected == 4 and al.double_loop >= 3 and al.sessions_owed == 0
    history = reflections.history(charters.ACTION_LEARNING_ID, search="nobody meets them at the gate")
    assert history and history[0].assumptions
    blitz = reflections.history(charters.BLITZ_ID)
    assert {r.day for r in blitz} == {1, 2} and all(r.scope is Scope.DAY for r in blitz)
    assert all(r.framework == "aar" for r in blitz)
    assert reflections.counts(charters.BLITZ_ID).days_reflected == 2
    linked = list(store.db.query("select followup_id from learning_transfers where followup_id is not null"))
    assert len(linked) == 3
    sessions = {s.id: s for s in store.agenda.sessions(charters.ACTION_LEARNING_ID)}
    assert all(sessions[r.session_id].day == r.day for r in reflections.history(charters.ACTION_LEARNING_ID))


def test_seeding_twice_changes_nothing(store):
    from facilitator.demo import reflections as demo_reflections
    from facilitator.domain.clock import local_today

    load_demo(store)
    before = store.db["reflection_answers"].count
    demo_reflections.seed(store, local_today(store.clock))
    assert store.db["reflection_answers"].count == before
