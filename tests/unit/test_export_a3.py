"""The A3: one self-contained landscape page with every section, every piece of user text escaped."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.countermeasures import CountermeasureForm
from facilitator.domain.measurement import Measurement
from facilitator.export import export_event
from facilitator.export.a3 import SECTIONS
from tests.countermeasure_support import add_cause
from tests.export_support import kaizen_event

EVIL = '<script>alert("x")</script> & [bold]'


def filled(store):
    event = kaizen_event(store, title=f"Line 4 {EVIL}")
    problem = add_cause(store, event.id, "Changeover takes 47 min", kind="problem", category=None, verified=False)
    root = add_cause(store, event.id, f"Dies fetched late {EVIL}", category="method", parent_id=problem)
    add_cause(store, event.id, "Clamp bolts of four sizes", category="machine", verified=False, parent_id=problem)
    why = add_cause(store, event.id, "Die arrives 18 min after the stop", kind="why", category=None, verified=False, parent_id=problem)
    add_cause(store, event.id, "No visual schedule", kind="why", category=None, parent_id=why, is_root=True)
    repo = store.countermeasures
    cart = repo.add(event.id, CountermeasureForm(f"Die cart {EVIL}", "2", "5", (root,)), day=2)
    crane = repo.add(event.id, CountermeasureForm("Second crane", "5", "3", (root,)), day=2)
    repo.set_votes(cart.id, {"Dana Whitfield": 3})
    repo.choose(cart.id, owner="Luis Ortega", due="+2w", day=2)
    repo.drop(crane.id, day=2)
    target = event.targets[0]
    for hours, value in ((1, 40), (20, 31), (44, 26)):
        store.measurements.add(Measurement(event.id, target.id, value, store.clock.now() - timedelta(hours=50 - hours)))
    return event


def test_a3_holds_every_section_on_a_landscape_page_with_text_escaped(store, tmp_path):
    event = filled(store)
    page = export_event(store, event.id, "a3", tmp_path / "a3.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    headings = re.findall(r'<h2><span class="n">\d</span>([^<]+)</h2>', page)
    assert headings == list(SECTIONS)
    assert "@page { size: A3 landscape" in page
    # Escaped everywhere: no tag a user typed survives, in the text or in the SVG drawing.
    assert "<script" not in page and page.count("&lt;script&gt;") >= 4
    assert "[bold]" in page  # markup is text here too
    # Nothing fetched: no links, sources or URLs; the drawings are inline SVG.
    assert not re.search(r"\bhref=|url\(|https?://", page) and "<img" not in page
    assert page.count('<svg class="fishbone"') == 1 and '<svg class="spark"' in page and "<polyline" in page
    assert "Die arrives 18 min after the stop &rarr; No visual schedule (root cause, verified)" in page
    assert ">chosen<" in page and ">dropped<" in page and "Luis Ortega" in page  # countermeasures and the plan
    assert "<b>26</b> min" in page  # the latest measurement


def test_a3_of_an_event_with_nothing_yet_says_so_in_each_section(store, tmp_path):
    from facilitator.domain.event import Event, EventKind

    event = store.events.add(Event(title="Empty", kind=EventKind.KAIZEN, start_date=store.clock.now().date(), days=3))
    page = export_event(store, event.id, "a3", tmp_path / "a3.html").read_text(encoding="utf-8")
    for phrase in ("No problem statement", "No targets", "No causes were recorded", "No countermeasures", "No follow-ups"):
        assert phrase in page


def test_the_command_line_writes_the_a3(store, tmp_path, monkeypatch):
    event = filled(store)
    monkeypatch.setenv("FACILITATOR_DB", str(store.path))
    result = CliRunner().invoke(cli, ["export", event.id[:8], "--format", "a3", "-o", str(tmp_path / "a3.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a3.html").read_text(encoding="utf-8").count("<section>") == len(SECTIONS)


def test_the_report_out_lists_the_ranking(store, tmp_path):
    event = filled(store)
    markdown = export_event(store, event.id, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    section = markdown.split("## Countermeasures")[1].split("## ")[0]
    assert "Second crane" in section and "dropped" in section and "chosen" in section


def test_the_demo_a3_prints_on_one_page(tmp_path, monkeypatch):
    """Printed (WeasyPrint, when installed), the demo blitz's A3 is one page, A3 or A4 landscape."""
    weasyprint = pytest.importorskip("weasyprint")
    from facilitator.demo import load_demo
    from facilitator.demo.charters import BLITZ_ID
    from facilitator.storage.store import Store

    store = Store(tmp_path / "demo.db")
    load_demo(store)
    page = export_event(store, BLITZ_ID, "a3", tmp_path / "a3.html")
    store.close()
    for size in ("A3 landscape", "A4 landscape"):
        document = weasyprint.HTML(filename=str(page)).render(stylesheets=[weasyprint.CSS(string=f"@page {{ size: {size} }}")])
        assert len(document.pages) == 1, size


def test_a3_embeds_the_photos_of_sessions_and_targets_and_names_none_it_cannot_show(store, tmp_path):
    import base64
    import hashlib

    from facilitator.demo.people import after_photo, before_photo

    event = filled(store)
    (tmp_path / "after.png").write_bytes(after_photo())
    (tmp_path / "notes.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    store.evidence.attach(event.id, "target", event.targets[0].id, tmp_path / "after.png", f"Board after {EVIL}")
    store.evidence.attach(event.id, "target", event.targets[0].id, tmp_path / "notes.svg")
    page = export_event(store, event.id, "a3", tmp_path / "a3.html").read_text(encoding="utf-8")
    # The PNG travels in the page (opens offline); the policy lets data: images in and nothing else.
    assert f'src="data:image/png;base64,{base64.b64encode(after_photo()).decode()}"' in page
    assert "img-src data:" in page and page.count("<img ") == 1  # an SVG could carry a script: never inlined
    assert "Board after &lt;script&gt;" in page
    assert not re.search(r"https?://|href=|url\(", page)
    # A photo whose file left the evidence folder is skipped, not drawn broken.
    (tmp_path / "before.png").write_bytes(before_photo())
    store.evidence.attach(event.id, "target", event.targets[0].id, tmp_path / "before.png")
    store.evidence.file_path(hashlib.sha256(before_photo()).hexdigest()).unlink()
    page = export_event(store, event.id, "a3", tmp_path / "a3.html").read_text(encoding="utf-8")
    assert page.count("<img ") == 1
