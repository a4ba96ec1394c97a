"""Countermeasures: the 2x2, the dot budget, and choosing or dropping one through the decision log."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.countermeasures import (
    Countermeasure,
    CountermeasureForm,
    Quadrant,
    Status,
    check_budget,
    dots_per_member,
    members,
    quadrant,
    ranked,
)
from facilitator.domain.decision import Verdict
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.followup import SourceKind
from facilitator.storage.changes import ChangeWatcher
from facilitator.storage.store import Store
from tests.countermeasure_support import add_cause
from tests.export_support import kaizen_event


@pytest.mark.parametrize(
    ("effort", "impact", "expected"),
    [(1, 5, Quadrant.QUICK_WIN), (2, 3, Quadrant.QUICK_WIN), (3, 3, Quadrant.MAJOR), (5, 2, Quadrant.THANKLESS),
     (2, 2, Quadrant.FILL_IN), (1, 1, Quadrant.FILL_IN)],
)
def test_a_three_counts_as_high_on_both_axes(effort, impact, expected):
    assert quadrant(effort, impact) is expected


def test_dots_follow_the_number_of_options_never_fewer_than_three():
    assert [dots_per_member(n) for n in (0, 3, 9, 10, 15)] == [3, 3, 3, 4, 5]


def test_members_are_the_team_by_name_each_once(store):
    event = kaizen_event(store)
    from dataclasses import replace

    event = replace(event, team=("Dana Whitfield (operator)", "Luis Ortega", "dana whitfield", " "))
    assert members(event) == ["Dana Whitfield", "Luis Ortega"]


def test_form_checks_every_field_at_once():
    with pytest.raises(ValidationError) as caught:
        CountermeasureForm(text=" ", effort="6", impact="x", cause_ids=("nope",)).validate(["a"])
    assert set(caught.value.errors) == {"text", "effort", "impact", "causes"}
    with pytest.raises(ValidationError) as caught:
        CountermeasureForm(text="Kit the dies", cause_ids=()).validate([])
    assert "verify a cause" in caught.value.errors["causes"]


def test_budget_names_the_member_who_goes_over():
    with pytest.raises(ValidationError) as caught:
        check_budget({"Dana": 2, "Luis": 1}, {"Dana": 2}, 3)
    assert list(caught.value.errors) == ["Dana"]
    assert "1 left" in caught.value.errors["Dana"]


def test_ranking_most_dots_then_impact_then_effort_dropped_last():
    def cm(text, effort, impact, votes=(), status=Status.PROPOSED):
        return Countermeasure(event_id="e", text=text, effort=effort, impact=impact, day=1, votes=votes, status=status)

    items = [cm("a", 3, 3), cm("b", 1, 5, (("x", 2),)), cm("c", 1, 4, (("x", 2),)), cm("d", 1, 5, (("x", 9),), Status.DROPPED)]
    assert [item.text for item in ranked(items)] == ["b", "c", "a", "d"]


def _proposals(store):
    event = kaizen_event(store)
    root = add_cause(store, event.id, "No die pre-staging")
    other = add_cause(store, event.id, "Clamp bolts vary")
    unverified = add_cause(store, event.id, "Crane busy", verified=False)
    repo = store.countermeasures
    kit = repo.add(event.id, CountermeasureForm("Die cart staged before stop", "2", "5", (root,)), day=2)
    clamp = repo.add(event.id, CountermeasureForm("Quick clamps", "4", "4", (other, root)), day=2)
    return event, repo, kit, clamp, unverified


def test_a_countermeasure_answers_verified_causes_only(store):
    event, repo, kit, clamp, unverified = _proposals(store)
    with pytest.raises(ValidationError) as caught:
        repo.add(event.id, CountermeasureForm("Second crane", "5", "2", (unverified,)), day=2)
    assert "verified causes only" in caught.value.errors["causes"]
    assert [item.text for item in repo.for_event(event.id)] == ["Die cart staged before stop", "Quick clamps"]
    assert repo.get(clamp.id).cause_ids == clamp.cause_ids and len(clamp.cause_ids) == 2


def test_votes_stay_within_each_members_dots(store):
    event, repo, kit, clamp, _ = _proposals(store)
    repo.set_votes(kit.id, {"Dana Whitfield": 2, "Luis Ortega": 3})
    with pytest.raises(ValidationError):
        repo.set_votes(clamp.id, {"Dana Whitfield": 1, "Luis Ortega": 1})  # Luis has spent his 3
    assert repo.get(clamp.id).votes == ()  # refused whole: Dana's dot was not saved either
    repo.set_votes(clamp.id, {"Dana Whitfield": 1, "Luis Ortega": 0})
    repo.set_votes(kit.id, {"Luis Ortega": 0})
    assert repo.get(kit.id).votes == (("Dana Whitfield", 2),)
    assert repo.spent(event.id) == {"Dana Whitfield": 3}
    assert [item.text for item in repo.for_event(event.id)] == ["Die cart staged before stop", "Quick clamps"]


def test_choosing_logs_an_in_scope_decision_and_a_followup_in_one_step(store):
    event, repo, kit, _, _ = _proposals(store)
    chosen, decision, followup = repo.choose(kit.id, owner="Luis Ortega", due="+2w", day=2)
    assert chosen.status is Status.CHOSEN and chosen.decision_id == decision.id and chosen.followup_id == followup.id
    assert decision.verdict is Verdict.IN_SCOPE and decision.tags == ("countermeasure",)
    assert decision.subject == "Countermeasure: Die cart staged before stop"
    assert followup.owner == "Luis Ortega" and followup.due_date == date(2026, 12, 9)
    assert (followup.source_kind, followup.source_id) == (SourceKind.DECISION, decision.id)
    assert store.followups.get(followup.id).action == "Die cart staged before stop"
    from facilitator.storage.digests import check_event

    assert check_event(store.db, event.id) is None  # sealed into the log's chain like any decision
    with pytest.raises(UserError, match="already chosen"):
        repo.choose(kit.id, owner="Luis Ortega", due="+2w", day=2)


def test_a_bad_owner_or_date_writes_nothing(store):
    event, repo, kit, _, _ = _proposals(store)
    with pytest.raises(ValidationError) as caught:
        repo.choose(kit.id, owner="", due="someday", day=2)
    assert set(caught.value.errors) == {"owner", "due"}
    assert store.decisions.count(event.id) == 0 and store.followups.for_event(event.id) == []
    assert repo.get(kit.id).status is Status.PROPOSED


def test_a_failure_halfway_leaves_no_decision_behind(store, monkeypatch):
    event, repo, kit, _, _ = _proposals(store)
    from facilitator.storage import followups

    def broken(self, item, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(followups.FollowUpRepository, "add", broken)
    with pytest.raises(UserError, match="Nothing was changed"):
        repo.choose(kit.id, owner="Luis Ortega", due="+2w", day=2)
    assert store.decisions.count(event.id) == 0
    assert store.db.execute("select count(*) from decision_digests").fetchone()[0] == 0
    assert repo.get(kit.id).status is Status.PROPOSED


def test_dropping_logs_its_verdict_and_choosing_it_later_supersedes_the_drop(store):
    event, repo, kit, clamp, _ = _proposals(store)
    dropped, decision = repo.drop(clamp.id, verdict=Verdict.PARKED, rationale="Needs capital", day=2)
    assert dropped.status is Status.DROPPED and decision.verdict is Verdict.PARKED
    assert decision.rationale == "Needs capital"
    with pytest.raises(UserError, match="already dropped"):
        repo.drop(clamp.id, day=2)
    chosen, again, _ = repo.choose(clamp.id, owner="Dana Whitfield", due="fri", day=3)
    assert again.supersedes_id == decision.id
    assert not store.decisions.get(decision.id).current
    with pytest.raises(UserError):
        repo.drop(kit.id, verdict=Verdict.IN_SCOPE, day=2)


def test_another_connection_sees_which_tables_moved(store, tmp_path):
    event, repo, kit, _, _ = _proposals(store)
    watcher_store = Store(store.path, store.clock)
    watcher = ChangeWatcher(watcher_store.db)
    repo.set_votes(kit.id, {"Dana Whitfield": 1})
    changes = watcher.check()
    watcher_store.close()
    assert changes.touches("countermeasure_votes") and not changes.touches("countermeasures", "decisions")


@given(effort=st.text(max_size=4), impact=st.text(max_size=4))
def test_effort_and_impact_are_one_to_five_or_a_message(effort, impact):
    try:
        _, parsed_effort, parsed_impact, _ = CountermeasureForm("Kit the dies", effort, impact).validate(None)
    except ValidationError as error:
        assert set(error.errors) <= {"effort", "impact"} and all("1 (low) to 5 (high)" in m for m in error.errors.values())
    else:
        assert (parsed_effort, parsed_impact) == (int(effort.strip()), int(impact.strip()))
        assert {parsed_effort, parsed_impact} <= {1, 2, 3, 4, 5}


@given(votes=st.dictionaries(st.sampled_from(["Dana", "Luis", "Priya"]), st.integers(0, 6)),
       spent=st.dictionaries(st.sampled_from(["Dana", "Luis", "Priya"]), st.integers(0, 6)), budget=st.integers(3, 6))
def test_the_budget_refuses_exactly_the_members_who_go_over(votes, spent, budget):
    over = {member for member, dots in votes.items() if dots + spent.get(member, 0) > budget}
    try:
        assert check_budget(votes, spent, budget) == votes and not over
    except ValidationError as error:
        assert set(error.errors) == over
