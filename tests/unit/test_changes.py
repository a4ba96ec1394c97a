"""Noticing other connections' commits: cheap when idle, precise about which tables moved."""

from __future__ import annotations

import sqlite3

from facilitator.domain.event import CharterForm
from facilitator.storage.changes import EVERYTHING, NOTHING, ChangeWatcher, Changes
from facilitator.storage.store import Store


def make_event(title="Paint shop flow"):
    form = CharterForm(title=title, kind="kaizen", start_date="2026-11-23", days="3", targets="Lead time; h; 30; 12")
    return form.to_event()


def test_nothing_changed_reads_no_table(store):
    watcher = ChangeWatcher(store.db)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        assert watcher.check() == NOTHING
        assert not watcher.changed()
    finally:
        store.db.conn.set_trace_callback(None)
    assert statements == ["PRAGMA data_version", "PRAGMA data_version"]


def test_another_connections_commit_is_seen_once_with_its_tables(store):
    watcher = ChangeWatcher(store.db)
    other = Store(store.path, store.clock)
    try:
        other.events.add(make_event())
        changes = watcher.check()
        assert changes.tables is not None and "events" in changes.tables and "targets" in changes.tables
        assert changes.touches("events") and not changes.touches("decisions", "followups")
        assert watcher.check() == NOTHING
    finally:
        other.close()


def test_changed_answers_since_the_last_ask(store):
    watcher = ChangeWatcher(store.db)
    with sqlite3.connect(store.path) as conn:
        conn.execute("update change_counters set n = n + 1 where name = 'events'")
    assert watcher.changed()
    assert not watcher.changed()


def test_own_commits_are_not_reported(store):
    watcher = ChangeWatcher(store.db)
    store.events.add(make_event())
    assert watcher.check() == NOTHING


def test_a_table_without_counters_reloads_everything(store):
    watcher = ChangeWatcher(store.db)
    with sqlite3.connect(store.path) as conn:
        conn.execute("create table notes (text)")
        conn.execute("insert into notes values ('x')")
    assert watcher.check() == EVERYTHING
    assert EVERYTHING.touches("anything") and bool(EVERYTHING)


def test_an_edit_by_hand_is_counted(store):
    event = store.events.add(make_event())
    watcher = ChangeWatcher(store.db)
    with sqlite3.connect(store.path) as conn:  # Datasette, or the sqlite3 shell
        conn.execute("update events set title = 'Renamed' where id = ?", [event.id])
    assert watcher.check() == Changes(frozenset({"events"}))


def test_a_database_without_counters_reloads_everything(store):
    store.db.execute("drop table change_counters")
    watcher = ChangeWatcher(store.db)
    with sqlite3.connect(store.path) as conn:
        conn.execute("create table notes (text)")
    assert watcher.check() == EVERYTHING
    assert not NOTHING and not NOTHING.touches("events")
