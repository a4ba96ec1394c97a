"""Tampering with the decision log shows: digests chained per event, checked by verify, export and import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner
from sqlite_utils import Database

from facilitator.cli import cli
from facilitator.domain.decision import AmendedField, DecisionDraft, DecisionFilter
from facilitator.domain.digest import canonical, digest
from facilitator.domain.event import Event, EventKind
from facilitator.export import export_event, import_file
from facilitator.export.json_format import BadFile
from facilitator.storage.digests import check_event, seals
from facilitator.storage.migrations import MIGRATIONS
from facilitator.storage.store import Store


def _event(store) -> Event:
    return store.events.add(Event(title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))


def _decide(store, event, subject, verdict="in_scope"):
    return store.decisions.capture(event.id, DecisionDraft(subject, verdict, "team"), day=1)


def _verify(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), "verify", *args])


@pytest.fixture
def logged(store, clock):
    event = _event(store)
    first = _decide(store, event, "Die cart redesign")
    clock.advance(minutes=1)
    second = _decide(store, event, "Move die storage", "parked")
    clock.advance(minutes=1)
    store.decisions.amend(first.id, AmendedField.RATIONALE, "saves 12 minutes a changeover")
    clock.advance(minutes=1)
    third = _decide(store, event, "Paint the floor")
    return event, first, second, third


def test_each_record_follows_the_one_before(store, logged):
    event, first, second, third = logged
    chain = seals(store.db, event.id)
    assert [seal.id for seal in chain][:2] == [first.id, second.id] and chain[-1].id == third.id
    assert chain[0].prev == "" and all(later.prev == earlier.digest for earlier, later in zip(chain, chain[1:]))
    row = dict(next(iter(store.db.query("select * from decisions where id = ?", [first.id]))))
    assert canonical("decisions", row, "").startswith(b'["facilitator/decision/1","","' + first.id.encode())
    assert chain[0].digest == digest("decisions", row, "")
    assert check_event(store.db, event.id) is None


def test_a_subject_changed_past_the_trigger_is_named(store, logged, tmp_path):
    event, first, second, third = logged
    path = tmp_path / "cockpit.db"
    assert _verify(path).exit_code == 0
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop trigger decisions_no_update")
        conn.execute("update decisions set subject = 'Nothing to see' where id = ?", [second.id])
    result = _verify(path, event.id[:8])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert f"decision {second.id[:8]} 'Nothing to see' was changed after it was logged" in result.output


@pytest.mark.parametrize("how", ["record", "record and its digest", "added"])
def test_removed_or_slipped_in_records_are_named(store, logged, tmp_path, how):
    event, first, second, third = logged
    store.close()
    with sqlite3.connect(tmp_path / "cockpit.db") as conn:
        conn.execute("drop trigger decisions_no_delete")
        conn.execute("drop trigger decision_digests_no_delete")
        if how == "added":
            conn.execute(
                "insert into decisions (id, event_id, day, subject, verdict, decided_by, decided_at) "
                "values ('f00dfeed-0000', ?, 1, 'Backdated', 'in_scope', 'sponsor', '2026-11-24T08:00:00.000000+00:00')",
                [event.id],
            )
        else:
            conn.execute("delete from decisions where id = ?", [second.id])
            if how == "record and its digest":
                conn.execute("delete from decision_digests where id = ?", [second.id])
    result = _verify(tmp_path / "cockpit.db")
    assert result.exit_code == 1
    expected = {
        "record": f"decision {second.id[:8]} is missing",
        "record and its digest": "follows a record that is no longer in the log",
        "added": "decision f00dfeed 'Backdated' was added outside facilitator",
    }[how]
    assert expected in result.output


def test_the_digest_log_is_append_only(store, logged):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("update decision_digests set prev = ''")


def test_export_import_keeps_the_chain_and_a_tampered_file_is_refused(store, logged, tmp_path, clock):
    event, *_ = logged
    path = export_event(store, event.id, "json", tmp_path / "a.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["tables"]["decision_digests"]) == 4
    other = Store(tmp_path / "other.db", clock)
    try:
        import_file(other, path)
        assert seals(other.db, event.id) == seals(store.db, event.id)
        assert check_event(other.db, event.id) is None
        data["tables"]["decisions"][1]["subject"] = "Quietly rewritten"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        third = Store(tmp_path / "third.db", clock)
        with pytest.raises(BadFile, match="digest chain is broken: decision .* 'Quietly rewritten' was changed"):
            import_file(third, bad)
        assert list(third.db.query("select count(*) as n from decisions"))[0]["n"] == 0
        third.close()
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "fourth.db"), "import", str(bad)])
        assert result.exit_code == 1 and "digest chain is broken" in result.output
    finally:
        other.close()


def test_a_file_from_before_digests_is_sealed_on_import(store, logged, tmp_path, clock):
    event, *_ = logged
    path = export_event(store, event.id, "json", tmp_path / "a.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["tables"]["decision_digests"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    other = Store(tmp_path / "other.db", clock)
    try:
        import_file(other, old)
        assert len(seals(other.db, event.id)) == 4 and check_event(other.db, event.id) is None
    finally:
        other.close()


def test_two_laptops_appending_to_one_event_merge_and_verify(store, logged, tmp_path, clock):
    event, first, *_ = logged
    shared = export_event(store, event.id, "json", tmp_path / "shared.json")
    laptop_b = Store(tmp_path / "b.db", clock)
    try:
        import_file(laptop_b, shared)
        clock.advance(minutes=5)
        _decide(store, event, "A: buy a second die cart")  # both follow the same latest record
        _decide(laptop_b, event, "B: trial the quick-release clamps")
        laptop_b.decisions.amend(first.id, AmendedField.TAGS, "capex")
        from_a = export_event(store, event.id, "json", tmp_path / "from-a.json")
        from_b = export_event(laptop_b, event.id, "json", tmp_path / "from-b.json")
        report = import_file(store, from_b)
        assert report.conflicts == []
        import_file(laptop_b, from_a)
        for db in (store, laptop_b):
            assert check_event(db.db, event.id) is None
            assert len(db.decisions.page(event.id, DecisionFilter())) == 5
        clock.advance(minutes=1)
        _decide(store, event, "After the merge")
        assert check_event(store.db, event.id) is None
        assert _verify(tmp_path / "cockpit.db").exit_code == 0
    finally:
        laptop_b.close()


def test_a_database_from_before_digests_and_trigrams_is_upgraded(tmp_path, clock):
    path = tmp_path / "old.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="0007_decision_search_any_text")
    db["events"].insert({"id": "e1", "title": "Old", "kind": "kaizen", "start_date": "2026-11-23", "days": 3,
                         "status": "running", "area": "product", "archived": 0, "created_at": "2026-11-20T08:00:00+00:00", "updated_at": "2026-11-20T08:00:00+00:00"})
    for number, subject in enumerate(["Fix [/] on the board", "Torque \N{WRENCH}"]):
        db["decisions"].insert({"id": f"d{number}", "event_id": "e1", "day": 1, "subject": subject, "verdict": "parked",
                                "rationale": "", "decided_by": "team", "tags": "",
                                "decided_at": f"2026-11-23T08:0{number}:00.000000+00:00"})
    db.close()
    store = Store(path, clock)
    try:
        assert [d.subject for d in store.decisions.page("e1", DecisionFilter(text="[/]"))] == ["Fix [/] on the board"]
        assert [s.id for s in seals(store.db, "e1")] == ["d0", "d1"]
        assert check_event(store.db, "e1") is None
    finally:
        store.close()
    assert _verify(path, "e1").output.startswith("OK: 2 decisions and amendments of 'Old' are sealed")


def test_the_canonical_form_stays_as_documented():
    """Digests written by every earlier version must still verify: the hashed bytes never change."""
    decision = {"id": "d1", "event_id": "e1", "session_id": None, "day": 2, "subject": "Die cart \N{WRENCH} [/]",
                "verdict": "parked", "rationale": 'é "q"', "decided_by": "team", "tags": '["smed", "5s"]',
                "decided_at": "2026-11-25T08:00:00Z", "supersedes_id": None}
    amendment = {"id": "a1", "event_id": "e1", "decision_id": "d1", "field": "tags", "text": '["smed"]',
                 "amended_at": "2026-11-25T09:00:00Z"}
    assert canonical("decisions", decision, "") == (
        '["facilitator/decision/1","","d1","e1",null,2,"Die cart \N{WRENCH} [/]","parked","é \\"q\\"","team",'
        '"smed 5s","2026-11-25T08:00:00Z",null]'
    ).encode("utf-8")
    assert digest("decisions", decision, "") == "fa0cd8b9e7c6f04290bf9cc7f4912862c16988ae575f3c920143aafc78b1cdaa"
    assert digest("decision_amendments", amendment, "p") == (
        "b4d413c710798ed1b58e81b04539c001227eec5e3e5ab17ece9bcc68b2e7b214"
    )
    assert digest("decision_amendments", {**amendment, "field": "subject"}, "p") != digest("decision_amendments", amendment, "p")



@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.text(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
                                 st.floats(), st.booleans()), max_size=12))
def test_the_encoder_made_once_writes_the_bytes_json_writes(values):
    from facilitator.domain.digest import _ENCODE, _encode

    assert _encode(["facilitator/decision/1", "p", *values]) == _ENCODE(["facilitator/decision/1", "p", *values])


def test_a_value_json_cannot_write_is_still_refused():
    from facilitator.domain.digest import _encode

    with pytest.raises(TypeError):
        _encode(["facilitator/decision/1", "", b"bytes"])
