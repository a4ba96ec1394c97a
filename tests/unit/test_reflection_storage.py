"""Reflections land in the database with every answer's prompt and framework, and owed ones are tracked."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Event, EventKind
from facilitator.domain.reflection import (
    Answer,
    Loop,
    Reflection,
    ReflectionForm,
    Scope,
    Status,
    Target,
)
from facilitator.storage.reflections import reversed_scope_decisions, save_reflection


@pytest.fixture
def event(store):
    return store.events.add(
        Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 1), days=8)
    )


def meeting(store, event, session_id):
    """The agenda's session a reflection is about (reflections.session_id is a foreign key)."""
    if not store.db.execute("select 1 from sessions where id = ?", [session_id]).fetchone():
        store.agenda.add(event.id, 1, f"Meeting {session_id}", id=session_id)


def reflect(store, event, session_id="s1", participant="Anja", loop="single", **kwargs):
    meeting(store, event, session_id)
    kwargs.setdefault("answers", (("What did we do best as a group?", "We asked better questions"),))
    reflection = ReflectionForm(participant=participant, loop=loop, **kwargs).to_reflection(
        event.id, Target(Scope.SESSION, session_id=session_id, day=1), "action-learning", "Action Learning end of session"
    )
    return store.reflections.add(reflection)


def test_answers_assumptions_and_transfers_are_stored_with_prompt_and_framework(store, event, clock):
    saved = reflect(
        store, event, loop="double", assumptions="People leave for pay",
        transfers="Meet starters at the gate; Kwame Mensah; plant 3",
    )
    rows = list(store.db.query("select * from reflection_answers"))
    assert [(r["framework"], r["prompt"], r["answer"], r["participant"], r["event_id"]) for r in rows] == [
        ("Action Learning end of session", "What did we do best as a group?", "We asked better questions", "Anja", event.id)
    ]
    assert [r["text"] for r in store.db.query("select text from assumptions")] == ["People leave for pay"]
    [transfer] = store.db.query("select * from learning_transfers")
    assert (transfer["text"], transfer["owner"], transfer["where_to"]) == ("Meet starters at the gate", "Kwame Mensah", "plant 3")
    again = store.reflections.get(saved.id)
    assert again.loop is Loop.DOUBLE and again.created_at == clock.now()
    assert again.answers[0].answer == "We asked better questions"


def test_several_participants_per_session_count_as_one_session(store, event):
    reflect(store, event, participant="Anja", loop="single")
    reflect(store, event, participant="Li Wei", loop="double", assumptions="Pay is why people leave")
    reflect(store, event, session_id="s2", participant="", loop="none")
    counts = store.reflections.counts(event.id)
    assert (counts.sessions_reflected, counts.reflections, counts.single_loop, counts.double_loop) == (2, 3, 1, 1)


def test_owed_until_done_and_skip_needs_a_reason(store, event):
    meeting(store, event, "s1")
    meeting(store, event, "s9")
    target = Target(Scope.SESSION, session_id="s1", day=1)
    assert store.reflections.mark_owed(event.id, target, "action-learning", "AL")
    assert not store.reflections.mark_owed(event.id, target, "action-learning", "AL")
    assert store.reflections.owed_session_ids(event.id) == {"s1"}
    with pytest.raises(ValidationError):
        store.reflections.skip(event.id, target, "   ", "action-learning", "AL")
    store.reflections.skip(event.id, target, "Sponsor [bold]arrived[/] early", "action-learning", "AL")
    assert store.reflections.owed_session_ids(event.id) == {"s1"}
    [skipped] = store.reflections.history(event.id)
    assert skipped.status is Status.SKIPPED and skipped.skipped_reason == "Sponsor [bold]arrived[/] early"
    reflect(store, event, session_id="s1")
    assert store.reflections.owed_session_ids(event.id) == set()
    statuses = sorted(r["status"] for r in store.db.query("select status from reflections"))
    assert statuses == ["done", "skipped"]  # the skip stays as history
    other = Target(Scope.SESSION, session_id="s9", day=1)
    store.reflections.mark_owed(event.id, other, "action-learning", "AL")
    reflect(store, event, session_id="s9")
    assert [r["status"] for r in store.db.query("select status from reflections where session_id = 's9'")] == ["done"]
    assert store.reflections.counts(event.id).sessions_owed == 0


def test_end_of_event_review_owed_until_done(store, event):
    review = Target(Scope.EVENT)
    store.reflections.mark_owed(event.id, review, "aar", "After-Action Review")
    assert store.reflections.event_review_owed(event.id)
    assert store.reflections.counts(event.id).event_review_owed
    store.reflections.add(
        Reflection(event_id=event.id, scope=Scope.EVENT, framework="aar", framework_name="After-Action Review",
                   answers=(Answer("What actually happened?", "Changeover fell to 24 min"),))
    )
    assert not store.reflections.event_review_owed(event.id)
    assert store.reflections.counts(event.id).event_review_done


def test_history_search_matches_answers_assumptions_and_names_literally(store, event):
    reflect(store, event, participant="Anja", answers=(("Q", "100% of [bold] starters"),))
    reflect(store, event, participant="Jonas", assumptions="Nobody meets them at the gate")
    reflect(store, event, participant="Li_Wei")
    history = store.reflections.history
    assert [r.participant for r in history(event.id, search="100%")] == ["Anja"]
    assert [r.participant for r in history(event.id, search="[bold]")] == ["Anja"]
    assert [r.participant for r in history(event.id, search="GATE")] == ["Jonas"]
    assert [r.participant for r in history(event.id, search="_")] == ["Li_Wei"]
    assert len(history(event.id)) == 3
    assert history(event.id, framework="aar") == []
    assert len(history(event.id, framework="action-learning", search="anja")) == 1


def test_reversed_scope_decision_is_quoted_but_a_resolved_parking_lot_item_is_not(store, event):
    from facilitator.domain.decision import DecidedBy, DecisionDraft, Verdict

    store.agenda.add(event.id, 1, "Meeting 1", id="s1")
    store.agenda.add(event.id, 2, "Meeting 2", id="s2")
    decisions = store.decisions
    first = decisions.capture(event.id, DecisionDraft(subject="Buddy scheme [bold]only[/] at plant 2", verdict="in_scope", decided_by="team"), day=1)
    parked = decisions.capture(event.id, DecisionDraft(subject="Exit interviews", verdict="parked", decided_by="team"), day=1)
    decisions.supersede(first.id, DecisionDraft(subject=first.subject, verdict="out_of_scope", decided_by="team"), day=2, session_id="s2")
    decisions.resolve_parked(parked.id, Verdict.IN_SCOPE, DecidedBy.TEAM, day=2, session_id="s2")
    assert reversed_scope_decisions(store, "s2") == ("Buddy scheme [bold]only[/] at plant 2 (in scope)",)
    assert reversed_scope_decisions(store, "s1") == ()
    assert reversed_scope_decisions(store, None) == ()


def test_where_else_items_become_followups_with_their_owner(store, event, clock):
    meeting(store, event, "s1")
    reflection = ReflectionForm(
        participant="Jonas", answers=(("Q", "A"),),
        transfers="Meet starters at the gate; Kwame Mensah; plant 3 logistics\nBuddy list; Li Wei",
    ).to_reflection(event.id, Target(Scope.SESSION, session_id="s1", day=1), "action-learning", "AL")
    saved, created = save_reflection(store, reflection)
    assert created == 2
    items = store.followups.for_event(event.id)
    assert sorted((i.owner, i.action) for i in items) == [
        ("Kwame Mensah", "Carry on (plant 3 logistics): Meet starters at the gate"),
        ("Li Wei", "Carry on: Buddy list"),
    ]
    assert all(i.source_kind.value == "reflection" and i.source_id == saved.id for i in items)
    linked = {row["followup_id"] for row in store.db.query("select followup_id from learning_transfers")}
    assert linked == {i.id for i in items}
