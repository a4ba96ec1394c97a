"""The report-out on the projector (issue 11, item 1): day 1 renders, the arrows move between days, and
a past day shows that day as it was."""

from __future__ import annotations

from datetime import timedelta

from tests.rehearsal import seed
from tests.rehearsal.terminal import LEFT, RIGHT


def test_the_report_out_of_day_one_shows_the_day_and_the_arrows_move(term):
    seeded = seed.blitz(term.db_path)
    kickoff = seeded.day(1)[0]
    seed.start_session(term.db_path, kickoff.id, minutes_ago=10)
    seed.decide(term.db_path, seeded.event_id, "Die cart redesign", "in_scope", day=1, session_id=kickoff.id)
    term.start()
    term.keys("Enter")
    term.wait_for("RUNNING", "Kick-off")
    term.keys("o")
    term.wait_for("Die cart redesign", "Kick-off", "Report-out, day 1", timeout=5)
    term.keys(RIGHT)
    term.wait_until(lambda s: "Report-out, day 2" in s and "Die cart redesign" not in s, 5, what="day 2 alone")
    term.keys(LEFT)
    term.wait_for("Die cart redesign", "Report-out, day 1", timeout=5)


def test_a_past_days_report_out_lists_only_what_was_parked_by_then(term):
    seeded = seed.blitz(term.db_path, started_days_ago=2)
    first_day = seed.today() - timedelta(days=2)
    seed.decide(term.db_path, seeded.event_id, "Paint the press guards", "parked", day=1,
                at=seed.moment(first_day, "10:00"))
    seed.decide(term.db_path, seeded.event_id, "New press for line 5", "parked", day=3)
    term.start()
    term.keys("Enter")
    term.wait_for("Parking lot: 2 open")
    term.keys("o")
    term.wait_for("report-out, day 3", timeout=5)
    term.keys(LEFT)
    term.wait_for("Report-out, day 2", timeout=5)
    term.keys(LEFT)
    screen = term.wait_for("Report-out, day 1", "Paint the press guards", timeout=5)
    assert "New press for line 5" not in screen, screen
