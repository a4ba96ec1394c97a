"""Whatever an import let in (any text in any text column), every format still exports every section."""

from __future__ import annotations

import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Event, EventKind
from facilitator.export import export_event
from facilitator.storage.store import Store
from tests.export_support import fill_generic, text

SECTIONS = ("Charter and scope", "Agenda: planned vs actual", "Scope decisions", "Reflection summary",
            "Open follow-ups", "Targets", "Timeline")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), kind=st.sampled_from(list(EventKind)))
def test_every_format_exports_generated_records(tmp_path_factory, data, kind):
    folder = tmp_path_factory.mktemp("out")
    store = Store(":memory:", FakeClock())
    event = store.events.add(Event(title=data.draw(text), kind=kind, start_date=store.clock.now().date(), days=5))
    fill_generic(store.db, data.draw, event.id)
    markdown = export_event(store, event.id, "md", folder / "r.md").read_text(encoding="utf-8")
    html = export_event(store, event.id, "html", folder / "r.html").read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f"## {title}" in markdown
        assert f"<h2>{title}</h2>" in html
    assert "<script" not in html
    with zipfile.ZipFile(export_event(store, event.id, "csv", folder / "r.zip")) as archive:
        assert "events.csv" in archive.namelist()
    store.close()
