"""The Markdown and HTML report-outs: every section, overruns, loops, follow-ups, targets, timeline."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from facilitator.domain.clock import to_iso
from facilitator.export import export_event
from facilitator.export.records import read_event
from facilitator.export.timeline import timeline
from tests.export_support import HOSTILE, add_session, insert, kaizen_event, log_timer

SECTIONS = [
    "Charter and scope", "Agenda: planned vs actual", "Scope decisions",
    "Root-cause analysis: fishbone and 5 Whys", "Countermeasures", "Reflection summary",
    "Open follow-ups", "Targets", "Method mirror: Action Learning, Kaizen event or task force?", "Timeline",
]


@pytest.fixture
def blitz(store, clock):
    """Day 1 ran long, day 3 is under way; a reflection, follow-ups and a measurement."""
    event = kaizen_event(store)
    db = store.db
    day1 = datetime.combine(event.day_date(1), datetime.min.time(), UTC) + timedelta(hours=8)
    kickoff = add_session(db, event, 1, 0, "Kick-off and charter", 45)
    gemba = add_session(db, event, 1, 1, "Gemba walk: line 4", 60)
    add_session(db, event, 1, 2, "Skipped video review", 30)
    trial = add_session(db, event, 3, 0, "Trial the die cart", 90)
    log_timer(db, event, kickoff, "start", day1)
    log_timer(db, event, kickoff, "pause", day1 + timedelta(minutes=20))
    log_timer(db, event, kickoff, "resume", day1 + timedelta(minutes=25))
    log_timer(db, event, kickoff, "extend", day1 + timedelta(minutes=40), minutes=10)
    log_timer(db, event, kickoff, "finish", day1 + timedelta(minutes=65))  # ran 60 of 45
    log_timer(db, event, gemba, "start", day1 + timedelta(minutes=70))
    log_timer(db, event, gemba, "finish", day1 + timedelta(minutes=120))  # ran 50 of 60
    log_timer(db, event, trial, "start", clock.now() - timedelta(minutes=30))
    reflection = str(uuid.uuid4())
    insert(db, "reflections", {
        "id": reflection, "event_id": event.id, "scope": "day", "day": 1, "framework": "double_loop",
        "framework_name": "Double-loop", "participant": "Dana Whitfield", "loop": "double", "status": "done",
        "created_at": to_iso(day1 + timedelta(hours=8)),
    })
    insert(db, "reflection_answers", {
        "id": str(uuid.uuid4()), "event_id": event.id, "reflection_id": reflection, "position": 0,
        "framework": "double_loop", "prompt": "What were we assuming?", "answer": "That dies must be set cold.",
    })
    insert(db, "assumptions", {"id": str(uuid.uuid4()), "event_id": event.id, "reflection_id": reflection,
                               "position": 0, "text": "Only the die setter may prepare the next die"})
    insert(db, "reflections", {
        "id": str(uuid.uuid4()), "event_id": event.id, "scope": "session", "framework": "aar", "loop": "single",
        "status": "done", "created_at": to_iso(day1 + timedelta(hours=3)),
    })
    for action, due, status in (
        ("Order quick clamps", "2026-11-20", "open"),
        ("Write SMED standard work", "2026-12-20", "in_progress"),
        ("Paint floor markings", "2026-11-24", "done"),
    ):
        insert(db, "followups", {
            "id": str(uuid.uuid4()), "event_id": event.id, "action": action, "owner": "Luis Ortega", "due_date": due,
            "status": status, "created_at": to_iso(day1 + timedelta(hours=6)), "updated_at": to_iso(day1 + timedelta(hours=6)),
        })
    insert(db, "measurements", {
        "id": str(uuid.uuid4()), "event_id": event.id, "target_id": event.targets[0].id, "value": 18.5,
        "measured_at": to_iso(clock.now() - timedelta(minutes=10)), "note": "trial 2",
    })
    db.conn.commit()
    return event


def _markdown(store, event, tmp_path) -> str:
    return export_event(store, event.id, "md", tmp_path / "r.md").read_text(encoding="utf-8")


def test_markdown_has_every_section_in_order(store, blitz, tmp_path):
    text = _markdown(store, blitz, tmp_path)
    positions = [text.index(f"## {title}") for title in SECTIONS]
    assert positions == sorted(positions)
    assert text.startswith("# Press line 4 changeover blitz (SMED)")


def test_agenda_shows_planned_vs_actual_and_overruns(store, blitz, tmp_path):
    text = _markdown(store, blitz, tmp_path)
    assert "| Kick-off and charter | 45 | 60 | +15 | finished, extended 10 min |" in text
    assert "| Gemba walk: line 4 | 60 | 50 | -10 | finished |" in text
    assert "| Skipped video review | 30 | - | - | not started |" in text
    assert "| Trial the die cart | 90 | 30 | -60 | running |" in text
    assert "### Day 1" in text and "### Day 3" in text


def test_reflections_followups_and_targets(store, blitz, tmp_path):
    text = _markdown(store, blitz, tmp_path)
    assert "- **Single loop (fix the action):** 1" in text
    assert "- **Double loop (question the assumptions):** 1" in text
    assert "Only the die setter may prepare the next die" in text
    followups = text.split("## Open follow-ups")[1].split("## Targets")[0]
    assert "| Order quick clamps | Luis Ortega | 2026-11-20 (overdue) | open |" in followups
    assert "| Write SMED standard work | Luis Ortega | 2026-12-20 | in progress |" in followups
    assert "Paint floor markings" not in followups and "1 follow-up(s) already done." in followups
    assert "| Changeover time | min | 47 | 20 | 18.5 | met |" in text


def test_timeline_is_chronological_with_days_sessions_and_local_times(store, blitz):
    entries = timeline(read_event(store.db, blitz.id))
    assert [e.time for e in entries] == sorted(e.time for e in entries)
    kinds = [(e.day, e.session, e.kind) for e in entries]
    assert (1, "Kick-off and charter", "timer start") in kinds
    assert (1, "Kick-off and charter", "timer extend") in kinds
    assert (1, "Gemba walk: line 4", "timer finish") in kinds
    assert (3, "Trial the die cart", "measurement") in kinds  # measured while the trial ran
    texts = [e.text for e in entries]
    assert "Timer extended by 10 min" in texts
    assert any(t.startswith("Reflection by Dana Whitfield (Double-loop, double loop)") for t in texts)
    assert (entries[0].clock_label(), entries[0].kind) == ("08:00", "timer start")
    assert entries[0].local_label() == f"{blitz.day_date(1).isoformat()} 08:00"


def test_an_empty_event_still_exports_every_section(store, tmp_path):
    event = kaizen_event(store)
    text = _markdown(store, event, tmp_path)
    for title in SECTIONS:
        assert f"## {title}" in text
    assert "No decisions were logged." in text and "No agenda was planned." in text
    html = export_event(store, event.id, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No reflections were recorded." in html and "Changeover time" in html


def test_html_escapes_hostile_text_and_fetches_nothing(store, tmp_path):
    event = kaizen_event(store, title="<script>alert('title')</script>")
    for position, hostile in enumerate(HOSTILE):
        add_session(store.db, event, 1, position, hostile, 30)
    store.db.conn.commit()
    html = export_event(store, event.id, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[bold]x[/]" in html
    assert not re.search(r"<[^>]*\b(src|href)\s*=|url\(|@import|<link|https?://", html.replace("http://evil", ""))
    assert html.count("<section>") == len(SECTIONS)


def test_markdown_shows_user_text_as_typed_not_as_markup(store, tmp_path):
    event = kaizen_event(store, title="**Bold** [link](http://x) <b>")
    add_session(store.db, event, 1, 0, "| pipe | *star* _u_ `tick`", 30)
    store.db.conn.commit()
    text = _markdown(store, event, tmp_path)
    assert text.startswith("# \\*\\*Bold\\*\\* \\[link](http://x) \\<b>")
    assert "| \\| pipe \\| \\*star\\* \\_u\\_ \\`tick\\` | 30 |" in text


def test_every_registered_table_is_in_the_timeline_or_deliberately_not(store):
    """A new area's table shows up in the session log, or is named here as part of another entry."""
    from facilitator.export.records import registered
    from facilitator.export.timeline import DESCRIBERS, NOT_IN_TIMELINE

    missing = {table.name for table in registered(store.db)} - set(DESCRIBERS) - NOT_IN_TIMELINE
    assert not missing, f"add a describer to facilitator/export/timeline.py for {sorted(missing)}"


def test_learning_transfers_appear_in_the_timeline(store, blitz):
    rows = read_event(store.db, blitz.id).rows("reflections")
    insert(store.db, "learning_transfers", {
        "id": str(uuid.uuid4()), "event_id": blitz.id, "reflection_id": rows[0]["id"], "position": 0,
        "text": "Shadow boards for bolts", "owner": "Grace Osei", "where_to": "press line 2",
        "created_at": rows[0]["created_at"],
    })
    store.db.conn.commit()
    texts = [e.text for e in timeline(read_event(store.db, blitz.id)) if e.kind == "learning"]
    assert texts == ["Learning to carry to press line 2 (Grace Osei): Shadow boards for bolts"]
