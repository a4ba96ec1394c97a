"""An import reads each decision and amendment it wrote as the decision log does, and refuses what no screen can read."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.clock import FakeClock, local_time
from facilitator.domain.decision import AmendedField, DecidedBy, DecisionDraft, Verdict
from facilitator.export import export_event, import_file
from facilitator.export.json_format import BadFile
from facilitator.export.verify import check_log_rows
from facilitator.storage.decisions import _amendment, _decision
from facilitator.storage.store import Store
from tests.export_support import insert, kaizen_event, snapshot

# Moments as a screen meets them: written by the app, by hand, by another program, at the ends of time.
MOMENTS = st.one_of(
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.sampled_from(["garbage", "", "2026-13-01T08:00:00", "0001-01-01T00:00:00+05:00",
                     "9999-12-31T23:59:59-05:00", "2026-11-25T08:00:00.000000+00:00", "2026-11-25"]),
    st.text(max_size=12),
)
TAGS = st.one_of(st.text(max_size=12), st.lists(st.text(max_size=6), max_size=3).map(json.dumps), st.just("[1, 2]"))


def _older_file(store, tmp_path, change) -> object:
    """The event exported as a version without digests writes it (so a changed row is not refused for
    its broken seal before anything reads it), with ``change`` applied to its tables."""
    event = kaizen_event(store)
    decision = store.decisions.capture(event.id, DecisionDraft("Stage dies on the cart", "in_scope", "team"), day=1)
    store.decisions.amend(decision.id, AmendedField.RATIONALE, "Cheap and quick")
    data = json.loads(export_event(store, event.id, "json", tmp_path / "e.json").read_text(encoding="utf-8"))
    del data["tables"]["decision_digests"]
    change(data["tables"])
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("decisions", "decided_at", "yesterday after lunch"),
        ("decisions", "decided_at", "0001-01-01T00:00:00+05:00"),  # before year 1 in UTC: no screen can show it
        ("decision_amendments", "amended_at", "2026-13-01T08:00:00"),
    ],
)
def test_a_log_record_no_screen_can_read_is_refused_whole(store, tmp_path, clock, table, column, value):
    def change(tables):
        tables[table][0][column] = value

    path = _older_file(store, tmp_path, change)
    other = Store(tmp_path / "other.db", clock)
    before = snapshot(other.db)
    with pytest.raises(BadFile, match="cannot read") as refused:
        import_file(other, path)
    assert "\n" not in str(refused.value) and "nothing imported" in str(refused.value)
    assert snapshot(other.db) == before
    other.close()


def test_a_readable_older_file_is_imported_sealed_and_readable(store, tmp_path, clock):
    path = _older_file(store, tmp_path, lambda tables: None)
    other = Store(tmp_path / "other.db", clock)
    report = import_file(other, path)
    assert report.added["decisions"] == 1 and report.added["decision_amendments"] == 1
    event_id = json.loads(path.read_text(encoding="utf-8"))["event_id"]
    [decision] = other.decisions.page(event_id)
    assert decision.rationale == "Cheap and quick"
    assert other.db["decision_digests"].count == 2
    other.close()


@pytest.fixture(scope="module")
def log_db():
    store = Store(":memory:", FakeClock())
    event = kaizen_event(store)
    yield store, event.id
    store.close()


def _reads(read, row: dict, moment: str) -> bool:
    try:
        local_time(getattr(read(row), moment))
    except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
        return False
    return True


def _checks(store, written) -> bool:
    try:
        check_log_rows(store, written)
    except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
        return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(decided_at=MOMENTS, tags=TAGS, amended_at=MOMENTS, field=st.sampled_from(list(AmendedField)), text=TAGS,
       verdict=st.sampled_from(list(Verdict)), decided_by=st.sampled_from(list(DecidedBy)))
def test_the_check_refuses_exactly_what_the_log_cannot_read(log_db, decided_at, tags, amended_at, field, text,
                                                            verdict, decided_by):
    """check_log_rows reads the columns storage/decisions.py reads, not through it: held to it here."""
    store, event_id = log_db
    decision = {"id": str(uuid.uuid4()), "event_id": event_id, "session_id": None, "day": 1, "subject": "x",
                "verdict": verdict.value, "rationale": "", "decided_by": decided_by.value, "tags": tags,
                "decided_at": decided_at, "supersedes_id": None}
    amendment = {"id": str(uuid.uuid4()), "event_id": event_id, "decision_id": decision["id"],
                 "field": field.value, "text": text, "amended_at": amended_at}
    insert(store.db, "decisions", decision)
    insert(store.db, "decision_amendments", amendment)
    assert _checks(store, {"decisions": [decision["id"]]}) == _reads(_decision, decision, "decided_at")
    assert _checks(store, {"decision_amendments": [amendment["id"]]}) == _reads(_amendment, amendment, "amended_at")
