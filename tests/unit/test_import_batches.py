"""A big import goes in through a staging table: the same rows, the same search index, the same counters."""

from __future__ import annotations

import json

import pytest

from facilitator.domain.decision import AmendedField, DecisionDraft, DecisionFilter
from facilitator.export import export_event, import_file
from facilitator.export.json_format import BadFile
from facilitator.storage.digests import check_event
from facilitator.storage.store import Store
from tests.export_support import kaizen_event, snapshot
from tests.unit.test_export_decisions import staging  # noqa: F401  (the fixture: staged and row by row)

ODD = ["[/] on the board", "]]]][[[", "torque wrench \N{WRENCH}", "Die cart redesign", "50% of_the line"]


def _found(store, event_id, text):
    return sorted(decision.subject for decision in store.decisions.page(event_id, DecisionFilter(text=text)))


def test_imported_decisions_round_trip_and_are_found_at_once(store, clock, tmp_path, staging):  # noqa: F811
    event = kaizen_event(store)
    for subject in ODD:
        store.decisions.capture(event.id, DecisionDraft(subject, "in_scope", "team", tags="smed"), day=1)
        clock.advance(minutes=1)
    first = store.decisions.capture(event.id, DecisionDraft("Cart", "parked", "team"), day=1)
    store.decisions.amend(first.id, AmendedField.SUBJECT, "Cart \N{WRENCH} [v2]")
    path = export_event(store, event.id, "json", tmp_path / "a.json")
    empty = Store(tmp_path / "empty.db", clock)

    report = import_file(empty, path)

    assert report.added["decisions"] == 6 and report.added["decision_amendments"] == 1
    for typed, subjects in (("[/]", ["[/] on the board"]), ("]]]][[[", ["]]]][[["]),
                            ("ar", ["Cart \N{WRENCH} [v2]", "Die cart redesign", "[/] on the board"]),
                            ("\N{WRENCH}", ["Cart \N{WRENCH} [v2]", "torque wrench \N{WRENCH}"]),
                            ("[v2]", ["Cart \N{WRENCH} [v2]"]), ("CART DIE", ["Die cart redesign"])):
        assert _found(empty, event.id, typed) == _found(store, event.id, typed) == subjects
    assert empty.db.execute("select n from change_counters where name = 'decisions'").fetchone()[0] == 6
    assert check_event(empty.db, event.id) is None
    assert export_event(empty, event.id, "json", tmp_path / "b.json").read_bytes() == path.read_bytes()
    staged = "select name from sqlite_temp_master where name not like 'evidence_released%'"  # evidence_release.py's own
    assert list(empty.db.execute(staged)) == []  # the staging table is gone
    empty.close()


def test_a_reimport_judges_only_what_would_be_written(store, clock, tmp_path):
    event = kaizen_event(store)
    store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=1)
    path = export_event(store, event.id, "json", tmp_path / "a.json")
    other = Store(tmp_path / "other.db", clock)
    import_file(other, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    before = snapshot(other.db)
    # A row already here but with a value of another type (1.0 for 1) is judged, and refused, as before.
    as_float = json.loads(json.dumps(data))
    as_float["tables"]["targets"][0]["position"] = float(data["tables"]["targets"][0]["position"])
    # A new row is judged by the domain's rules, whatever sits beside it unchanged.
    bad_new = json.loads(json.dumps(data))
    bad_new["tables"]["targets"].append({**data["tables"]["targets"][0], "id": "new-one", "metric": ""})
    for changed, message in ((as_float, "position should be a whole number"), (bad_new, "targets row new-one, field")):
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(changed), encoding="utf-8")
        with pytest.raises(BadFile, match=message):
            import_file(other, bad)
        assert snapshot(other.db) == before
    assert import_file(other, path).unchanged == sum(len(rows) for rows in data["tables"].values())
    other.close()


@pytest.mark.parametrize(("here", "found"), [
    ({"id": "a", "n": 1, "t": "x"}, True),
    ({"id": "a", "n": 1.0, "t": "x"}, False),  # 1.0 is not 1: written, it would read back otherwise
    ({"id": "a", "n": 1}, False),
    ({"id": "a", "n": 1, "t": "x", "u": None}, False),
    ({"id": "a", "n": 2, "t": "x"}, False),
    ({"id": "b", "n": 1, "t": "x"}, False),
])
def test_a_row_is_already_here_only_with_every_value_and_type_the_same(here, found):
    from facilitator.export.merge import _unchanged

    rows = [{"id": "a", "n": 1, "t": "x"}]
    assert (_unchanged(rows, {here["id"]: here}) == {"a"}) is found
    floats = [{"id": "a", "n": 1.5, "t": "x"}]
    assert _unchanged(floats, {"a": {"id": "a", "n": 1.5, "t": "x"}}) == {"a"}
