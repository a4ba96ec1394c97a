"""A big import goes in through a staging table: the same rows, the same search index, the same counters."""

from __future__ import annotations

from facilitator.domain.decision import AmendedField, DecisionDraft, DecisionFilter
from facilitator.export import export_event, import_file
from facilitator.storage.digests import check_event
from facilitator.storage.store import Store
from tests.export_support import kaizen_event
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
