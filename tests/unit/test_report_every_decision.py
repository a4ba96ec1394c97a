"""A day's report-out accounts for every decision of that day, however many the event holds: it once read
only the newest 5,000, so day 1 of a 6,000-decision event said "No scope decisions today"."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.decision import DecidedBy, Verdict
from facilitator.domain.event import Event, EventKind
from facilitator.report.gather import daily_report, daily_reports_markdown
from facilitator.storage.store import Store

COUNT = 6_000  # 2,000 a day over three days; more than the old cap of 5,000
NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def _event(tmp_path) -> tuple[Store, str]:
    store = Store(tmp_path / "f.db", FakeClock(NOW))
    event = store.events.add(Event(title="Press 4 SMED", kind=EventKind.KAIZEN, start_date=NOW.date() - timedelta(days=2), days=3))
    start = NOW - timedelta(days=2, hours=6)
    rows = [
        {
            "id": str(uuid.uuid4()), "event_id": event.id, "day": 1 + index * 3 // COUNT,
            "subject": f"Idea {index}", "verdict": ("in_scope", "parked")[index % 2], "rationale": "",
            "decided_by": "team", "tags": "[]", "decided_at": to_iso(start + timedelta(seconds=20 * index)),
        }
        for index in range(COUNT)
    ]
    with store.db.atomic():
        store.db["decisions"].insert_all(rows, batch_size=1000)  # one batch: the digests are not what is tested
    return store, event.id


def _scope(report) -> tuple[str, ...]:
    section = next(s for s in report.sections if s.title == "Scope changes of the day")
    return tuple(line.text for line in section.lines)


def test_day_one_lists_all_its_decisions_first_to_last(tmp_path):
    store, event_id = _event(tmp_path)
    day_one = _scope(daily_report(store, event_id, 1))
    assert len(day_one) == 2_000
    assert day_one[0] == "In scope: Idea 0 (decided by team)"
    assert day_one[-1] == "Parked: Idea 1999 (decided by team)"
    day_two = _scope(daily_report(store, event_id, 2))
    assert (len(day_two), day_two[0], day_two[-1]) == (2_000, "In scope: Idea 2000 (decided by team)", "Parked: Idea 3999 (decided by team)")
    # The parking lot as day 1 ended: its 1,000 parked items, none of day 2's.
    parked = next(s for s in daily_report(store, event_id, 1).sections if "arking" in s.title)
    assert len(parked.lines) == 1_000


def test_export_lists_every_decision_of_every_day(tmp_path):
    store, event_id = _event(tmp_path)
    text = daily_reports_markdown(store, event_id)
    assert "No scope decisions today" not in text
    for index in (0, 1999, 2000, 3999):  # day 3 is the final outline, worded differently
        assert f"Idea {index} (decided by team)" in text


def test_rows_read_whole_match_the_log_page_for_amended_and_superseded_decisions(tmp_path):
    from facilitator.domain.decision import AmendedField, DecisionDraft
    from facilitator.storage.decision_reads import event_decision_rows

    store = Store(tmp_path / "f.db", FakeClock(NOW))
    event = store.events.add(Event(title="Press 4 SMED", kind=EventKind.KAIZEN, start_date=NOW.date(), days=2))
    draft = DecisionDraft(subject="Die cart", verdict="parked", decided_by="team", rationale="", tags="smed")
    first = store.decisions.capture(event.id, draft, day=1)
    store.decisions.amend(first.id, AmendedField.SUBJECT, "Die cart v1", at=NOW)
    store.decisions.amend(first.id, AmendedField.SUBJECT, "Die cart v2", at=NOW)  # same moment: the later one wins
    store.decisions.amend(first.id, AmendedField.TAGS, "smed cart", at=NOW + timedelta(minutes=1))
    store.decisions.carry_to_debrief(first.id, 1)
    store.decisions.resolve_parked(first.id, Verdict.IN_SCOPE, DecidedBy.SPONSOR, "cheap", day=2)
    paged = list(reversed(store.decisions.page(event.id)))
    rows = event_decision_rows(store.db, event.id)
    assert [(r.id, r.subject, r.verdict, r.rationale, r.decided_by, r.tags, r.day, r.supersedes_id,
             r.superseded_by_id, r.amended, r.carried_to_debrief) for r in rows] == [
        (d.id, d.subject, d.verdict.value, d.rationale, d.decided_by.value, d.tags, d.day, d.supersedes_id,
         d.superseded_by_id, d.amended, d.carried_to_debrief) for d in paged
    ]
    assert rows[0].subject == "Die cart v2" and rows[0].tags == ("smed", "cart")


def test_an_export_folds_the_rows_it_read_as_the_log_reads_them(tmp_path):
    """The Markdown export hands the report-outs the decision rows it already read; they must come out as
    the query's: same order (time, then id, where the export orders by insertion), amendments, successors."""
    from facilitator.domain.decision import AmendedField, DecisionDraft
    from facilitator.export import read_event
    from facilitator.storage.decision_reads import event_decision_rows

    store = Store(tmp_path / "f.db", FakeClock(NOW))  # the clock stands still: every decision at one moment
    event = store.events.add(Event(title="Press 4 SMED", kind=EventKind.KAIZEN, start_date=NOW.date(), days=2))
    made = [
        store.decisions.capture(event.id, DecisionDraft(subject=f"Idea {n}", verdict="parked", decided_by="team",
                                                        rationale="", tags="smed" if n % 2 else ""), day=1)
        for n in range(12)
    ]
    store.decisions.amend(made[3].id, AmendedField.SUBJECT, "Idea 3, renamed", at=NOW)
    store.decisions.amend(made[3].id, AmendedField.RATIONALE, "cheap", at=NOW)
    store.decisions.carry_to_debrief(made[5].id, 1)
    store.decisions.resolve_parked(made[7].id, Verdict.IN_SCOPE, DecidedBy.SPONSOR, "quick win", day=2)
    exported = read_event(store.db, event.id).rows("decisions")
    assert [row["id"] for row in exported] != sorted(row["id"] for row in exported)  # the orders differ
    assert event_decision_rows(store.db, event.id, exported) == event_decision_rows(store.db, event.id)
    assert daily_reports_markdown(store, event.id, decisions=exported) == daily_reports_markdown(store, event.id)


def test_an_export_reads_the_event_once_and_hands_it_on(tmp_path, monkeypatch):
    from facilitator.export import export_event

    store, event_id = _event(tmp_path)
    read = store.events.get
    calls: list[str] = []
    monkeypatch.setattr(store.events, "get", lambda wanted: calls.append(wanted) or read(wanted))
    for fmt in ("md", "ics"):  # the report-outs and the calendar each read it again before
        calls.clear()
        export_event(store, event_id, fmt, tmp_path / f"out.{fmt}")
        assert calls == [event_id], fmt
