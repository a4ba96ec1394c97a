"""Migration 0012: the missing foreign keys, and tags stored as a JSON array like every other list.

A database written by the previous version (tags as text separated by spaces, sealed that way) is
migrated in place and its decision log still verifies; an export from the previous version imports as
the same records.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.decision import AmendedField, DecisionFilter
from facilitator.export import export_event, import_file
from facilitator.storage.migrations import MIGRATIONS
from facilitator.storage.store import Store
from tests.export_support import as_version_1

OLD = "0012_foreign_keys_and_tags"  # the first migration this version adds


def _as_previous_version(path) -> None:
    """Write tags back as the previous version stored them: text separated by spaces."""
    with sqlite3.connect(path) as conn:
        for table, column in (("decisions", "tags"), ("decision_amendments", "text")):
            (trigger,) = conn.execute("select sql from sqlite_master where name = ?", [f"{table}_no_update"]).fetchone()
            conn.execute(f"drop trigger {table}_no_update")
            for record_id, text in conn.execute(f"select id, {column} from {table} where {column} like '[%'").fetchall():
                conn.execute(f"update {table} set {column} = ? where id = ?", [" ".join(json.loads(text)), record_id])
            conn.execute(trigger)
    conn.close()


def previous_version_db(tmp_path, clock, stop_before=OLD):
    """A demo database as the previous version left it, with a few links already broken."""
    path = tmp_path / "old.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before=stop_before)
    db.close()
    store = Store(path, clock, migrate=False)
    load_demo(store)
    first = store.decisions.page(BLITZ_ID, DecisionFilter(), limit=1000)[-1]
    store.decisions.amend(first.id, AmendedField.TAGS, "gemba  video")
    tags = {d.id: d.tags for d in store.decisions.page(BLITZ_ID, DecisionFilter(), limit=1000)}
    store.db.execute("update reflections set session_id = 'gone' where id = (select id from reflections limit 1)")
    store.db.execute("insert into learning_transfers (id, event_id, reflection_id, position, text, owner, followup_id) "
                     "select 'lt-gone', event_id, id, 9, 'Carry it', 'Dana', 'no-such-followup' from reflections limit 1")
    store.db.conn.commit()
    store.close()
    _as_previous_version(path)
    return path, tags


@pytest.mark.parametrize("stop_before", ["0011_query_views", OLD])
def test_a_database_of_the_previous_version_migrates_and_still_verifies(tmp_path, clock, stop_before):
    path, tags = previous_version_db(tmp_path, clock, stop_before)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select tags from decisions where tags <> '' limit 1").fetchone()[0][0] != "["
    conn.close()
    store = Store(path, clock)  # migrates
    try:
        stored = [row["tags"] for row in store.db.query("select tags from decisions")]
        assert stored and all(isinstance(json.loads(text), list) for text in stored)
        amended = [row["text"] for row in store.db.query("select text from decision_amendments where field = 'tags'")]
        assert amended == ['["gemba", "video"]']
        assert {d.id: d.tags for d in store.decisions.page(BLITZ_ID, DecisionFilter(), limit=1000)} == tags
        keys = {(key.table, key.column): (key.other_table, key.on_delete) for table in ("reflections", "learning_transfers")
                for key in store.db[table].foreign_keys}
        assert keys[("reflections", "session_id")] == ("sessions", "SET NULL")
        assert keys[("learning_transfers", "followup_id")] == ("followups", "SET NULL")
        assert store.db.execute("pragma foreign_key_check").fetchall() == []
        assert store.db.execute("select count(*) from reflections where session_id = 'gone'").fetchone()[0] == 0
        with sqlite3.connect(path) as conn:  # the log is append-only again, and the change counters still count
            before = conn.execute("select n from change_counters where name = 'reflections'").fetchone()[0]
            conn.execute("update reflections set participant = 'Dana' where id = (select id from reflections limit 1)")
            assert conn.execute("select n from change_counters where name = 'reflections'").fetchone()[0] == before + 1
            try:
                conn.execute("update decisions set tags = '[]'")
                raise AssertionError("the decision log took an UPDATE")
            except sqlite3.IntegrityError as error:
                assert "append-only" in str(error)
        conn.close()
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "verify"])
    assert result.exit_code == 0 and result.output.startswith("OK: "), result.output


def test_an_export_of_the_previous_version_imports_as_the_same_records(tmp_path, clock, store):
    load_demo(store)
    path = export_event(store, BLITZ_ID, "json", tmp_path / "new.json")
    data = as_version_1(json.loads(path.read_text(encoding="utf-8")))  # before arrays and booleans in files
    data["schema"] = MIGRATIONS._migrations.index(next(m for m in MIGRATIONS._migrations if m.name == OLD))
    for row in data["tables"]["decisions"]:
        row["tags"] = " ".join(json.loads(row["tags"]))
    orphan = dict(data["tables"]["reflections"][0], id="r-orphan", session_id="deleted-session")
    data["tables"]["reflections"].append(orphan)  # its session was deleted from the agenda before 0012
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    report = import_file(store, old)  # into the database it came from: nothing differs, the orphan is new
    assert report.conflicts == [] and report.added == {"reflections": 1}
    assert store.db.execute("select session_id from reflections where id = 'r-orphan'").fetchone()[0] is None
    data["tables"]["reflections"].pop()
    old.write_text(json.dumps(data), encoding="utf-8")
    other = Store(tmp_path / "other.db", clock)
    try:
        import_file(other, old)
        assert export_event(other, BLITZ_ID, "json", tmp_path / "again.json").read_bytes() == path.read_bytes()
    finally:
        other.close()
    assert CliRunner().invoke(cli, ["--db", str(tmp_path / "other.db"), "verify"]).exit_code == 0


def test_deleting_a_session_keeps_its_reflection_without_the_link(store):
    load_demo(store)
    row = next(iter(store.db.query(
        "select r.id, r.session_id from reflections r where r.session_id is not null "
        "and not exists (select 1 from decisions d where d.session_id = r.session_id) limit 1")))
    store.agenda.delete(row["session_id"], with_log=True)
    assert store.db.execute("select session_id from reflections where id = ?", [row["id"]]).fetchone()[0] is None
