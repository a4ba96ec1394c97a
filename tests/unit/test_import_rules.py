"""Import accepts exactly what capture accepts: the same domain rules, record by record, nothing written
when a record breaks one; a UTF-8 byte-order mark is read; one field's size is capped."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.decision import DecisionDraft
from facilitator.domain.errors import UserError, ValidationError
from facilitator.export import export_event, import_file
from facilitator.storage.store import Store
from tests.export_support import snapshot


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory):
    """The demo blitz as a JSON export (parsed), made once for the module."""
    folder = tmp_path_factory.mktemp("demo")
    store = Store(folder / "source.db")
    load_demo(store)
    path = export_event(store, BLITZ_ID, "json", folder / "blitz.json")
    store.close()
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def target(tmp_path, clock):
    store = Store(tmp_path / "target.db", clock)
    yield store
    store.close()


def _import(store, tmp_path, data, *, prefix: bytes = b""):
    path = tmp_path / "in.json"
    path.write_bytes(prefix + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return import_file(store, path)


def _changed(data, table, column, value, index=0):
    """The export with one field changed, as a file from a version without digests (else the broken
    digest chain, not the field, is what refuses it)."""
    copy = json.loads(json.dumps(data))
    copy["tables"].pop("decision_digests", None)
    row = copy["tables"][table][index]
    row[column] = value
    return copy, row["id"]


CASES = [
    ("decisions", "subject", "x" * 50_000, "holds 50,000 characters; at most 20,000"),
    ("decisions", "subject", "x" * 301, "too long (301 of at most 300"),
    ("decisions", "subject", "Clamp\x00kit", "control characters"),
    ("decisions", "subject", "Clamp\x1b[31mkit", "control characters"),
    ("decisions", "rationale", "Because\x07", "control characters"),
    ("decisions", "subject", "Clamp\rkit", "control characters"),
    ("decisions", "day", 99, "Day 99 is not in the event"),
    ("decisions", "verdict", "maybe", "Pick a verdict"),
    ("events", "days", -5, "has 2-5 days"),
    ("events", "days", 0, "has 2-5 days"),
    ("events", "title", "Blitz\x1b]0;pwned\x07", "control characters"),
    ("events", "team", '["Dana\x1b[31m"]', "field team: Team members contains control characters"),
    ("sessions", "title", "Gemba\x07", "control characters"),
    ("sessions", "day", 6, "Day 6 is not in the event"),
    ("followups", "action", "Order\x1bclamps", "control characters"),
    ("followups", "owner", "", "Owner is required"),
    ("measurements", "note", "n" * 600, "too long"),
    ("reflection_answers", "answer", "We\x00learned", "control characters"),
    ("targets", "metric", "Changeover\x1b", "control characters"),
    ("decision_amendments", "text", "y" * 5_000, "too long"),
]


@pytest.mark.parametrize("table, column, value, message", CASES, ids=lambda v: str(v)[:12])
def test_a_record_capture_would_refuse_refuses_the_whole_file(demo_export, target, tmp_path, table, column, value, message):
    data, record_id = _changed(demo_export, table, column, value)
    before = snapshot(target.db)
    with pytest.raises(UserError) as refused:
        _import(target, tmp_path, data)
    line = str(refused.value)
    assert "\n" not in line and message in line
    assert f"{table} row {record_id}" in line and "nothing imported" in line.lower()
    assert snapshot(target.db) == before


def test_the_demo_export_itself_is_accepted(demo_export, target, tmp_path):
    report = _import(target, tmp_path, demo_export)
    assert report.added["decisions"] == len(demo_export["tables"]["decisions"])


def test_a_file_with_a_byte_order_mark_is_read(demo_export, target, tmp_path):
    report = _import(target, tmp_path, demo_export, prefix="\ufeff".encode("utf-8"))
    assert report.added["events"] == 1


def test_a_field_without_a_rule_of_its_own_is_still_capped(demo_export, target, tmp_path):
    data, record_id = _changed(demo_export, "timer_log", "action", "a" * 30_000)
    with pytest.raises(UserError, match=rf"timer_log row {record_id}, field action: holds 30,000 characters; at most 20,000"):
        _import(target, tmp_path, data)


def _capture_accepts(subject: str, rationale: str) -> bool:
    try:
        DecisionDraft(subject=subject, verdict="parked", rationale=rationale).validate()
    except ValidationError:
        return False
    return True


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    subject=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=320),
    rationale=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
)
def test_import_accepts_a_decision_exactly_when_capture_does(demo_export, tmp_path_factory, subject, rationale):
    data, _ = _changed(demo_export, "decisions", "subject", subject)
    data["tables"]["decisions"][0]["rationale"] = rationale
    folder = tmp_path_factory.mktemp("parity")
    store = Store(folder / "t.db")
    try:
        try:
            _import(store, folder, data)
            imported = True
        except UserError as refused:
            assert "decisions row" in str(refused) and "\n" not in str(refused)
            imported = False
            assert store.db["events"].count == 0
        assert imported == _capture_accepts(subject, rationale)
    finally:
        store.close()
