"""The calendar export: days, sessions at their planned times, follow-up due dates and 30/60/90-day reviews,
with UIDs that stay the same from one export to the next, so a calendar updates rather than duplicates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar

from facilitator.domain.agenda import SessionKind
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.export import export_event
from tests.export_support import kaizen_event

AWKWARD = "Order clamps, bolts; and \\ spares\nfor line 4"


def _entries(path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(entry["uid"]): entry for entry in calendar.walk("VEVENT")}


def test_a_blitz_as_a_calendar_with_stable_uids_and_text_as_typed(store, clock, tmp_path):
    event = kaizen_event(store)
    kickoff = store.agenda.add(event.id, 1, "Kick-off, charter; roles", SessionKind.OTHER, 45)
    gemba = store.agenda.add(event.id, 1, "Gemba walk", SessionKind.OTHER, 60)
    lunch = store.agenda.add(event.id, 1, "Lunch", SessionKind.BREAK, 30, fixed_start=datetime.strptime("12:00", "%H:%M").time())
    item = store.followups.add(FollowUp(event.id, AWKWARD, "Luis Ortega", date(2026, 12, 4)))

    first = export_event(store, event.id, "ics", tmp_path / "one.ics")
    assert first.suffix == ".ics"
    entries = _entries(first)
    day1 = event.day_date(1)
    expected = (
        {f"day-{day}-{event.id}@facilitator" for day in range(1, 6)}
        | {f"session-{session.id}@facilitator" for session in (kickoff, gemba, lunch)}
        | {f"followup-{item.id}@facilitator"}
        | {f"review-{days}-{event.id}@facilitator" for days in (30, 60, 90)}
    )
    assert set(entries) == expected

    # Text reads back exactly as typed; in the file, commas, semicolons, backslashes and breaks are escaped.
    followup = entries[f"followup-{item.id}@facilitator"]
    assert str(followup["summary"]) == f"Follow-up due: {AWKWARD} (Luis Ortega)"
    assert "Owner: Luis Ortega" in str(followup["description"])
    assert followup.decoded("dtstart") == date(2026, 12, 4)
    raw = first.read_text(encoding="utf-8").replace("\r\n ", "")
    assert r"Order clamps\, bolts\; and \\ spares\nfor line 4" in raw

    # Sessions one after another from 08:00 (local; UTC in tests), the lunch at its fixed time.
    at = lambda session: entries[f"session-{session.id}@facilitator"].decoded("dtstart")  # noqa: E731
    assert at(kickoff) == datetime.combine(day1, datetime.min.time(), UTC) + timedelta(hours=8)
    assert at(gemba) == at(kickoff) + timedelta(minutes=45)
    assert at(lunch) == datetime.combine(day1, datetime.min.time(), UTC) + timedelta(hours=12)
    assert str(entries[f"session-{kickoff.id}@facilitator"]["summary"]).startswith("Kick-off, charter; roles")
    reviews = {days: entries[f"review-{days}-{event.id}@facilitator"] for days in (30, 60, 90)}
    assert {days: entry.decoded("dtstart") for days, entry in reviews.items()} == {
        days: event.end_date + timedelta(days=days) for days in (30, 60, 90)
    }
    assert "Changeover time" in str(reviews[30]["description"]) and "Sam Reyes" in str(reviews[30]["description"])
    assert str(entries[f"day-1-{event.id}@facilitator"]["summary"]).endswith(": Day 1")

    # Nothing changed: the same bytes. A change: the same UID with a higher SEQUENCE and a later DTSTAMP.
    assert export_event(store, event.id, "ics", tmp_path / "two.ics").read_bytes() == first.read_bytes()
    clock.advance(minutes=90)
    store.followups.set_status(item.id, FollowUpStatus.DONE)
    changed = _entries(export_event(store, event.id, "ics", tmp_path / "three.ics"))
    assert set(changed) == expected
    before, after = followup, changed[f"followup-{item.id}@facilitator"]
    assert after["sequence"] > before["sequence"]
    assert after.decoded("dtstamp") > before.decoded("dtstamp")
    assert str(after["summary"]).endswith("(done)")


def test_control_characters_never_reach_the_calendar_raw(store, tmp_path):
    event = kaizen_event(store, title="Blitz \x1b[31mred\x07")
    text = export_event(store, event.id, "ics", tmp_path / "e.ics").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "Blitz \u241b[31mred\u2407" in text
