"""The one SQLite file: created on first use, migrated, and refused plainly when it is not ours."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from facilitator.domain.clock import FakeClock
from facilitator.domain.event import CharterForm, EventStatus
from facilitator.storage.errors import CannotWrite, NewerSchema, NotADatabase, NotFound
from facilitator.storage.migrations import MIGRATIONS, known_names
from facilitator.storage.store import Store


def make_event(title="Paint shop flow", **changes):
    values = dict(title=title, kind="kaizen", start_date="2026-11-23", days="3", targets="Lead time; h; 30; 12")
    values.update(changes)
    return CharterForm(**values).to_event()


def test_empty_file_gets_the_whole_schema(tmp_path):
    path = tmp_path / "deep" / "er" / "cockpit.db"
    store = Store(path)
    assert path.exists()
    applied = {row["name"] for row in store.db.query("select name from _sqlite_migrations")}
    assert applied == known_names()
    assert store.db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    store.close()


def test_reopening_applies_nothing_twice(tmp_path):
    Store(tmp_path / "a.db").close()
    store = Store(tmp_path / "a.db")
    assert MIGRATIONS.pending(store.db) == []
    store.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "a.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) values ('facilitator', '9999_future', 'x')"
        )
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="newer facilitator"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 100)
    with pytest.raises(NotADatabase, match="not a facilitator database"):
        Store(path)
    assert path.read_text().startswith("These are my notes")


def test_unwritable_location_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CannotWrite, match="Cannot create the folder"):
        Store(blocker / "sub" / "cockpit.db")


def test_event_round_trips_with_targets(store):
    event = store.events.add(make_event(team="Dana\nLuis", in_bounds="[bold]booth[/]"))
    loaded = store.events.get(event.id)
    assert loaded == event
    assert loaded.in_bounds == ("[bold]booth[/]",)
    assert loaded.targets[0].metric == "Lead time"
    assert loaded.created_at == store.clock.now()


def test_events_listed_newest_first_and_archived_hidden(store, clock: FakeClock):
    old = store.events.add(make_event("Old", start_date="2026-01-05"))
    clock.advance(minutes=1)
    new = store.events.add(make_event("New", start_date="2026-11-23"))
    assert [e.title for e in store.events.list()] == ["New", "Old"]
    store.events.set_archived(old.id, True)
    assert [e.id for e in store.events.list()] == [new.id]
    assert [e.id for e in store.events.list(include_archived=True)] == [new.id, old.id]


def test_rename_keeps_everything_else(store):
    event = store.events.add(make_event())
    renamed = store.events.rename(event.id, "  Paint shop flow, take 2 ")
    assert renamed.title == "Paint shop flow, take 2"
    assert replace(renamed, title=event.title, updated_at=None) == replace(event, updated_at=None)


def test_status_change_is_saved(store):
    event = store.events.add(make_event())
    store.events.set_status(event.id, EventStatus.RUNNING)
    assert store.events.get(event.id).status is EventStatus.RUNNING


def test_resolve_by_unique_prefix(store):
    event = store.events.add(make_event())
    assert store.events.resolve(event.id[:6].upper()).id == event.id
    with pytest.raises(NotFound):
        store.events.resolve("zzzz")
    with pytest.raises(NotFound):
        store.events.resolve("%")


def test_targets_are_removed_when_dropped_from_the_charter(store):
    event = store.events.add(make_event())
    store.events.update(replace(event, targets=()))
    assert store.events.get(event.id).targets == ()
    assert store.db["targets"].count == 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.db.atomic():
            store.db["targets"].insert({"id": "t", "event_id": "missing", "position": 0, "metric": "m", "baseline": 1, "goal": 2})


def test_worker_connection_sees_committed_writes(store):
    event = store.events.add(make_event())
    other = store.for_thread()
    try:
        assert other.events.get(event.id).title == event.title
    finally:
        other.close()


def test_day_dates_by_kind():
    blitz = make_event(start_date="2026-11-23", days="5")
    assert blitz.day_on(date(2026, 11, 25)) == 3
    assert blitz.day_on(date(2026, 11, 28)) is None
    action_learning = make_event(kind="action_learning", start_date="2026-10-28", days="8")
    assert action_learning.day_date(2) == date(2026, 11, 4)
