"""An Action Learning set's final report-out and export lead with learning; a blitz keeps its outline."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.domain.clock import to_iso
from facilitator.domain.event import Event, EventKind
from facilitator.export import export_event
from facilitator.report.gather import daily_report
from facilitator.report.learning import gather_learning


def test_the_sets_final_report_out_leads_with_learning_and_the_blitz_keeps_its_outline(store):
    load_demo(store)
    al_set = daily_report(store, ACTION_LEARNING_ID, 8)
    titles = [section.title for section in al_set.sections]
    assert titles[:4] == [
        "Questions the set worked on", "Assumptions that changed", "What each member will carry where",
        "What came of earlier carried learning",
    ]
    assert "Root causes" not in titles and "Changes made" not in titles
    assert "Actions agreed in the set" in titles
    markdown = al_set.to_markdown()
    assert "Meeting 2: We assumed people leave for pay" in markdown
    assert "Jonas Berg: Gate welcome by a named buddy on the first shift -> plant 3 logistics, by 20" in markdown
    assert "Kaizen newspaper" not in markdown
    blitz = [section.title for section in daily_report(store, BLITZ_ID, 5).sections]
    assert blitz[:4] == ["Problem and scope", "Current state", "Root causes", "Changes made"]


def test_the_sets_export_opens_with_what_the_set_learned(store, tmp_path):
    load_demo(store)
    text = export_event(store, ACTION_LEARNING_ID, "md", tmp_path / "set.md").read_text(encoding="utf-8")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections[0] == "## What the set learned"
    assert "### Assumptions that changed" in text
    blitz = export_event(store, BLITZ_ID, "md", tmp_path / "blitz.md").read_text(encoding="utf-8")
    assert "What the set learned" not in blitz


def test_a_long_set_lists_every_question_it_took_on_oldest_first(store):
    """The questions once came from the log's newest 500 decisions: a longer set lost its first ones."""
    event = store.events.add(Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING,
                                   start_date=date(2026, 10, 1), days=8))
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    rows = [
        {"id": str(uuid.uuid4()), "event_id": event.id, "day": 1 + index // 100, "subject": f"Question {index}",
         "verdict": ("in_scope", "parked")[index % 2], "rationale": "", "decided_by": "team", "tags": "[]",
         "decided_at": to_iso(start + timedelta(minutes=index))}
        for index in range(1_400)
    ]
    with store.db.atomic():
        store.db["decisions"].insert_all(rows)
    questions = gather_learning(store, event.id).questions
    assert questions == tuple(f"Question {index}" for index in range(0, 1_400, 2))
