"""Lossless JSON: export, import into an empty database, export again gives the same bytes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Event, EventKind
from facilitator.export import export_event, import_file, json_format
from facilitator.export.merge import merge
from facilitator.export.records import read_event, registered
from facilitator.storage.migrations import schema_version
from facilitator.storage.store import Store
from facilitator.storage.tables import EVENT_TABLES
from tests.export_support import HOSTILE, add_session, assert_valid, fill_causes, fill_generic, kaizen_event, text


def _fresh() -> Store:
    return Store(":memory:", FakeClock())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), title=text.filter(str.strip))
def test_round_trip_is_byte_identical_for_generated_events(data, title):
    source = _fresh()
    event = source.events.add(Event(title=title, kind=EventKind.ACTION_LEARNING, start_date=source.clock.now().date(), days=8,
                                    problem=data.draw(text), team=tuple(data.draw(st.lists(text, max_size=3)))))
    fill_generic(source.db, data.draw, event.id)
    fill_causes(source.db, data.draw, event.id)
    first = json_format.dumps(read_event(source.db, event.id))
    assert_valid(json.loads(first))  # every generated export meets the published schema

    target = _fresh()
    report = merge(target.db, json_format.parse(json.loads(first)))
    second = json_format.dumps(read_event(target.db, event.id))

    assert second == first
    assert report.conflicts == []
    assert report.added_total == read_event(source.db, event.id).count()
    again = merge(target.db, json_format.parse(json.loads(first)))
    assert again.added_total == 0 and again.unchanged == report.added_total and again.conflicts == []


def test_envelope_holds_every_registered_table_with_ids(store, tmp_path):
    event = kaizen_event(store)
    add_session(store.db, event, 1, 0, "Kick-off <b>& charter</b>", 45)
    path = export_event(store, event.id, "json", tmp_path / "e.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "facilitator.event"
    assert data["schema"] == schema_version()
    assert data["event_id"] == event.id
    assert set(data["tables"]) == {table.name for table in registered(store.db)}
    assert [row["title"] for row in data["tables"]["sessions"]] == ["Kick-off <b>& charter</b>"]
    assert data["tables"]["targets"][0]["metric"] == "Changeover time"
    assert all(isinstance(row["id"], str) for rows in data["tables"].values() for row in rows)
    # Deterministic: sorted keys, and a second export of the same data is the same bytes.
    assert path.read_text(encoding="utf-8") == export_event(store, event.id, "json", tmp_path / "f.json").read_text(encoding="utf-8")


def test_round_trip_through_files_with_hostile_text(store, tmp_path):
    event = kaizen_event(store, title=HOSTILE[0])
    # What a session title can hold when typed (one line; a CR or a line break is refused on import too).
    titles = [hostile for hostile in HOSTILE if "\n" not in hostile and "\r" not in hostile]
    for position, hostile in enumerate(titles):
        add_session(store.db, event, 1 + position % 5, position, hostile, 30)
    first = export_event(store, event.id, "json", tmp_path / "one.json")
    empty = Store(tmp_path / "empty.db", store.clock)
    import_file(empty, first)
    second = export_event(empty, event.id, "json", tmp_path / "two.json")
    empty.close()
    assert first.read_bytes() == second.read_bytes()


def test_registry_lists_parents_before_children(store):
    seen: set[str] = set()
    for table in EVENT_TABLES:
        if table.name not in store.db.table_names():
            continue
        for key in store.db[table.name].foreign_keys:
            if key.other_table != table.name:
                assert key.other_table in seen, f"{table.name} is registered before its parent {key.other_table}"
        seen.add(table.name)
