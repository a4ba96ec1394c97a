"""Tables linked to their event through a parent (no event_id column) export and merge too."""

from __future__ import annotations

import json

import pytest

from facilitator.export import export_event, import_file, records
from facilitator.export.json_format import BadFile
from facilitator.storage.store import Store
from facilitator.storage.tables import EVENT_TABLES, EventTable
from tests.export_support import add_session, insert, kaizen_event

LINKS = ["sessions.session_id", "sessions.id:session_id", "sessions.id"]


def _note_table(db) -> None:
    db["session_notes"].create(
        {"id": str, "session_id": str, "text": str}, pk="id", foreign_keys=[("session_id", "sessions", "id")]
    )


@pytest.fixture(params=LINKS)
def linked(request, monkeypatch):
    monkeypatch.setattr(records, "EVENT_TABLES", [*EVENT_TABLES, EventTable("session_notes", request.param, "text")])
    return request.param


def test_rows_linked_through_a_parent_export_and_merge(linked, store, clock, tmp_path):
    _note_table(store.db)
    event = kaizen_event(store)
    other = kaizen_event(store, title="Another blitz")
    mine = add_session(store.db, event, 1, 0, "Gemba", 60)
    theirs = add_session(store.db, other, 1, 0, "Elsewhere", 60)
    insert(store.db, "session_notes", {"id": "n1", "session_id": mine, "text": "Film the changeover"})
    insert(store.db, "session_notes", {"id": "n2", "session_id": theirs, "text": "Not this event"})
    store.db.conn.commit()

    path = export_event(store, event.id, "json", tmp_path / "e.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [row["id"] for row in data["tables"]["session_notes"]] == ["n1"]

    empty = Store(tmp_path / "empty.db", clock)
    _note_table(empty.db)
    assert import_file(empty, path).added["session_notes"] == 1
    assert export_event(empty, event.id, "json", tmp_path / "again.json").read_bytes() == path.read_bytes()

    data["tables"]["session_notes"].append({"id": "n3", "session_id": theirs, "text": "Sneaked in"})
    store_path = tmp_path / "sneaky.json"
    store_path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BadFile, match="belongs to another event"):
        import_file(store, store_path)
    empty.close()
