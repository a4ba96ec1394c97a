"""Whatever an import let in (any text in any text column), every format still exports every section."""

from __future__ import annotations

import json
import zipfile

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Event, EventKind
from facilitator.domain.errors import UserError
from facilitator.export import export_event, import_file, json_format
from facilitator.export.records import read_event
from facilitator.storage.store import Store
from tests.export_support import assert_valid, fill_generic, text

SECTIONS = ("Charter and scope", "Agenda: planned vs actual", "Scope decisions", "Countermeasures", "Reflection summary",
            "Open follow-ups", "Targets", "Timeline")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), kind=st.sampled_from(list(EventKind)))
def test_every_format_exports_whatever_an_import_let_in(tmp_path_factory, data, kind):
    folder = tmp_path_factory.mktemp("out")
    source = Store(":memory:", FakeClock())
    event = source.events.add(Event(title=data.draw(text), kind=kind, start_date=source.clock.now().date(), days=5))
    fill_generic(source.db, data.draw, event.id)
    dump = folder / "generated.json"
    dump.write_text(json_format.dumps(read_event(source.db, event.id)), encoding="utf-8")
    source.close()
    assert_valid(json.loads(dump.read_text(encoding="utf-8")))

    store = Store(folder / "target.db", FakeClock())
    try:
        import_file(store, dump)
    except UserError as refused:
        # A record the domain cannot read is refused whole, in one line, and nothing is left behind.
        assert "nothing imported" in str(refused) and "\n" not in str(refused)
        assert store.db["events"].count == 0
        store.close()
        return
    markdown = export_event(store, event.id, "md", folder / "r.md").read_text(encoding="utf-8")
    html = export_event(store, event.id, "html", folder / "r.html").read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f"## {title}" in markdown
        assert f"<h2>{title}</h2>" in html
    assert "<script" not in html
    with zipfile.ZipFile(export_event(store, event.id, "csv", folder / "r.zip")) as archive:
        assert "events.csv" in archive.namelist()
    calendar = icalendar.Calendar.from_ical(export_event(store, event.id, "ics", folder / "r.ics").read_bytes())
    assert len({str(entry["uid"]) for entry in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT"))
    store.close()


def test_an_unreadable_timer_record_is_refused_whole(tmp_path):
    source = Store(":memory:", FakeClock())
    event = source.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=source.clock.now().date(), days=2))
    records = read_event(source.db, event.id)
    source.close()
    session = {"id": "s1", "event_id": event.id, "day": 1, "position": 0, "title": "Gemba", "kind": "observation",
               "planned_minutes": 45, "fixed_start": None, "notes": "", "created_at": None, "updated_at": None}
    records.tables["sessions"] = [session]
    log_columns = Store(tmp_path / "probe.db").db["timer_log"].columns
    bad = {column.name: None for column in log_columns}
    bad.update(id="t1", event_id=event.id, session_id="s1", action="explode", at="not a time")
    records.tables["timer_log"] = [bad]
    dump = tmp_path / "bad.json"
    dump.write_text(json_format.dumps(records), encoding="utf-8")
    store = Store(tmp_path / "target.db", FakeClock())
    try:
        import_file(store, dump)
    except UserError as refused:
        assert "cannot read" in str(refused)
    else:
        raise AssertionError("an unreadable timer record was imported")
    assert store.db["events"].count == 0 and store.db["timer_log"].count == 0
