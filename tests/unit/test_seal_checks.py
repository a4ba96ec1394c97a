"""Opening an event rehashes its decision log only when the log may have changed since it last held."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.storage import seal_checks


@pytest.fixture
def hashed(monkeypatch):
    """How many whole checks ran (each rehashes every record of the event)."""
    runs: list[str] = []
    whole = seal_checks.check_event

    def counted(db, event_id):
        runs.append(event_id)
        return whole(db, event_id)

    monkeypatch.setattr(seal_checks, "check_event", counted)
    return runs


def _event_with_decisions(store, title="Press line 4 changeover blitz", count=3):
    event = store.events.add(Event(title=title, kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    for n in range(count):
        store.decisions.capture(event.id, DecisionDraft(f"Idea {n}", "in_scope", "team"), day=1)
    return event


def _check(store, event):
    return seal_checks.check_event_at_open(store.db, store.path, event.id)


def test_a_log_that_held_is_not_rehashed_until_it_changes(store, hashed):
    event = _event_with_decisions(store)
    assert _check(store, event) is None
    assert _check(store, event) is None
    assert hashed == [event.id]
    store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=1)
    assert _check(store, event) is None
    assert hashed == [event.id, event.id]


def test_a_decision_in_another_event_or_another_file_means_checking_again(store, hashed, tmp_path):
    event = _event_with_decisions(store)
    other = _event_with_decisions(store, "Weld cell 5S blitz")
    assert _check(store, event) is None and _check(store, other) is None
    store.decisions.capture(other.id, DecisionDraft("Shadow board", "in_scope", "team"), day=1)
    assert _check(store, event) is None
    assert hashed == [event.id, other.id, event.id]
    from facilitator.storage.store import Store

    copy = Store(tmp_path / "copy.db", store.clock)  # another file: remembered apart, even for the same id
    try:
        assert seal_checks.check_event_at_open(copy.db, copy.path, event.id) is None
    finally:
        copy.close()
    assert hashed[-1] == event.id and len(hashed) == 4


def test_a_log_changed_past_the_triggers_after_it_held_is_still_flagged(store, hashed):
    event = _event_with_decisions(store)
    victim = store.decisions.capture(event.id, DecisionDraft("Die cart [b]redesign[/]", "in_scope", "team"), day=1)
    assert _check(store, event) is None
    store.db.execute("drop trigger decisions_no_update")
    store.db.execute("update decisions set verdict = 'rejected' where id = ?", [victim.id])
    store.db.conn.commit()
    for _ in range(2):  # a broken log is never remembered: flagged at every open
        broken = _check(store, event)
        assert broken is not None and broken.id == victim.id and "was changed" in broken.reason
    assert len(hashed) == 3


def test_counters_put_back_by_hand_do_not_hide_a_dropped_trigger(store, hashed):
    event = _event_with_decisions(store)
    victim = store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=1)
    assert _check(store, event) is None
    before = dict(store.db.execute("select name, n from change_counters").fetchall())
    store.db.execute("drop trigger decisions_no_update")
    store.db.execute("update decisions set subject = 'Die trolley' where id = ?", [victim.id])
    store.db.execute("update change_counters set n = ? where name = 'decisions'", [before["decisions"]])
    store.db.conn.commit()
    broken = _check(store, event)  # the schema moved with the trigger
    assert broken is not None and broken.id == victim.id


def test_an_unreadable_or_unwritable_memory_only_means_checking_in_full(store, hashed, tmp_path, monkeypatch):
    event = _event_with_decisions(store)
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / f"{seal_checks.CHECKED}.json").write_text("{not json", encoding="utf-8")
    assert _check(store, event) is None  # rewritten whole
    assert _check(store, event) is None
    assert hashed == [event.id]
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("", encoding="utf-8")  # the data dir cannot be made
    assert _check(store, event) is None
    assert _check(store, event) is None
    assert hashed == [event.id, event.id, event.id]
