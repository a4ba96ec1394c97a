"""Decisions in the exports: scope sections, supersede links, parking-lot moves, and merging two laptops."""

from __future__ import annotations

import json

import pytest

from facilitator.domain.decision import AmendedField, DecidedBy, DecisionDraft, DecisionFilter, Verdict
from facilitator.export import export_event, import_file
from facilitator.export.records import read_event
from facilitator.export.timeline import timeline
from facilitator.storage import bulk
from facilitator.storage.store import Store
from tests.export_support import kaizen_event, snapshot



@pytest.fixture(params=["staged", "row by row"])
def staging(request, monkeypatch):
    """Every batch of an import staged (even one row), or none: both ways must give the same database."""
    monkeypatch.setattr(bulk, "STAGE_FROM", 1 if request.param == "staged" else 10**9)
    return request.param


def _decide(store, event, subject, verdict, **kwargs):
    return store.decisions.capture(event.id, DecisionDraft(subject=subject, verdict=verdict, decided_by="team", **kwargs), day=3)


def _blitz_with_decisions(store, clock):
    event = kaizen_event(store)
    _decide(store, event, "Die carts with roller tops", "in_scope", rationale="Cuts 12 min of crane time")
    clock.advance(minutes=5)
    hydraulic = _decide(store, event, "Hydraulic quick clamps", "parked", rationale="Needs a quote")
    clock.advance(minutes=5)
    store.decisions.carry_to_debrief(hydraulic.id, 3)
    clock.advance(minutes=5)
    store.decisions.resolve_parked(hydraulic.id, Verdict.OUT_OF_SCOPE, DecidedBy.SPONSOR, "Over 5,000 EUR", day=3)
    clock.advance(minutes=5)
    _decide(store, event, "Paint shop scheduling", "parked")
    return event


def test_report_shows_scope_decisions_as_they_stand(store, clock, tmp_path):
    event = _blitz_with_decisions(store, clock)
    text = export_event(store, event.id, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    decisions = text.split("## Scope decisions")[1].split("## Reflection summary")[0]
    assert "### In scope (1)" in decisions
    assert "- Die carts with roller tops (decided by team, day 3): Cuts 12 min of crane time" in decisions
    assert "### Out of scope (1)" in decisions
    assert "- Hydraulic quick clamps (decided by sponsor, day 3): Over 5,000 EUR (was parked: Hydraulic quick clamps)" in decisions
    assert "### Parked (1)" in decisions and "Paint shop scheduling" in decisions
    assert "1 earlier decision(s) were superseded" in decisions


def test_timeline_has_decisions_supersede_links_and_parking_lot_moves(store, clock):
    event = _blitz_with_decisions(store, clock)
    entries = [(e.kind, e.text) for e in timeline(read_event(store.db, event.id))]
    assert ("decision", "Decision: Die carts with roller tops - in scope (decided by team). Why: Cuts 12 min of crane time") in entries
    assert ("parking lot", "Parked: Hydraulic quick clamps - parked (parking lot) (decided by team). Why: Needs a quote") in entries
    assert ("parking lot", "'Hydraulic quick clamps' carried to the day 3 debrief") in entries
    assert (
        "parking lot",
        "Decision 'Hydraulic quick clamps' is now out of scope (decided by sponsor); supersedes 'Hydraulic quick clamps' "
        "(parked (parking lot)). Why: Over 5,000 EUR",
    ) in entries


def test_decisions_round_trip_byte_identical(store, clock, tmp_path, staging):
    event = _blitz_with_decisions(store, clock)
    first = export_event(store, event.id, "json", tmp_path / "a.json")
    empty = Store(tmp_path / "empty.db", clock)
    report = import_file(empty, first)
    assert report.added["decisions"] == 4 and report.added["decision_amendments"] == 1
    second = export_event(empty, event.id, "json", tmp_path / "b.json")
    empty.close()
    assert first.read_bytes() == second.read_bytes()


def test_a_successor_listed_before_its_predecessor_still_imports(store, clock, tmp_path):
    event = _blitz_with_decisions(store, clock)
    data = json.loads(export_event(store, event.id, "json", tmp_path / "a.json").read_text(encoding="utf-8"))
    data["tables"]["decisions"].reverse()
    path = tmp_path / "reversed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    empty = Store(tmp_path / "empty.db", clock)
    assert import_file(empty, path).added["decisions"] == 4
    empty.close()


def test_two_laptops_superseding_the_same_decision_keep_the_first(store, clock, tmp_path, staging):
    event = kaizen_event(store)
    parked = _decide(store, event, "Second forklift for die moves", "parked")
    shared = export_event(store, event.id, "json", tmp_path / "shared.json")
    laptop_b = Store(tmp_path / "b.db", clock)
    import_file(laptop_b, shared)
    clock.advance(minutes=10)
    # Both laptops resolve the same parked item, differently; B also amends its own successor.
    mine = store.decisions.resolve_parked(parked.id, Verdict.OUT_OF_SCOPE, DecidedBy.SPONSOR, day=3)
    theirs = laptop_b.decisions.resolve_parked(parked.id, Verdict.IN_SCOPE, DecidedBy.TEAM, day=3)
    laptop_b.decisions.amend(theirs.id, AmendedField.RATIONALE, "Rent one for the trial")
    other = _decide(laptop_b, event, "Label die positions", "in_scope")
    _decide(laptop_b, event, "Label die carts", "in_scope")  # a batch of two, the clash between them
    from_b = export_event(laptop_b, event.id, "json", tmp_path / "from-b.json")
    laptop_b.close()

    report = import_file(store, from_b)

    assert report.added == {"decisions": 2, "decision_digests": 4}  # the seal of what clashed stays, marked
    assert sorted((c.table, c.how) for c in report.conflicts) == [
        ("decision_amendments", "depends on"),
        ("decisions", "clashes on"),
    ]
    assert [c.id for c in report.conflicts if c.table == "decisions"] == [theirs.id]
    ids = {row["id"] for row in store.db["decisions"].rows}
    assert mine.id in ids and other.id in ids and theirs.id not in ids
    from facilitator.storage.digests import check_event

    assert check_event(store.db, event.id) is None  # the merged log still verifies
    found = store.decisions.page(event.id, DecisionFilter(text="Label die"))  # searchable at once
    assert sorted(decision.subject for decision in found) == ["Label die carts", "Label die positions"]
    before = snapshot(store.db)
    again = import_file(store, from_b)
    assert again.added_total == 0 and snapshot(store.db) == before
