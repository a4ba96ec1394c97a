"""The reflection cadence of an Action Learning set, as a set adviser meets it (issue 11, item 11)."""

from __future__ import annotations

import time

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, ESC, TAB


def open_set(term, *, first_running_for: float = 0, state: str = "RUNNING") -> seed.Seeded:
    seeded = seed.action_learning(term.db_path)
    seed.start_session(term.db_path, seeded.day(1)[0].id, minutes_ago=first_running_for)
    term.start()
    term.keys("Enter")
    term.wait_for(state, "Check-in")
    return seeded


def skip_with_reason(term, reason: str) -> None:
    term.keys(ESC)
    term.wait_for("Skip this reflection?")
    term.write(reason)
    term.keys(ENTER)
    term.wait_for("Reflection skipped")


def test_the_clock_stays_in_sight_while_the_set_reflects(term):
    open_set(term)
    term.keys("n")
    # The next session runs and the reflection is open: both on screen at once.
    term.wait_for("Participant", "RUNNING", "Problem presented", timeout=5)


def test_leaving_an_owed_reflection_again_does_not_ask_the_reason_twice(term):
    seeded = open_set(term)
    term.keys("n")
    term.wait_for("Participant")
    skip_with_reason(term, "Sponsor arrived")
    term.wait_gone("Participant")
    term.keys("r")
    term.wait_for("Participant", "Check-in")
    term.keys(ESC)
    time.sleep(1)
    term.assert_absent("Skip this reflection?")
    term.wait_gone("Participant", timeout=3)
    reasons = term.query("select status, skipped_reason from reflections where session_id = ?", [seeded.day(1)[0].id])
    assert [tuple(r) for r in reasons] == [("skipped", "Sponsor arrived")]


def test_skipping_a_session_that_ran_asks_for_its_reflection(term):
    open_set(term, first_running_for=12)
    term.keys("k")
    term.wait_for("Participant", "Check-in", timeout=5)


def test_no_notice_covers_the_answers_of_the_reflection_next_opens(term):
    """`n` finishes the check-in and opens its reflection at once; the set adviser types the first answer
    straight away. The timer's notice waits for the form to close instead of covering that answer."""
    seeded = open_set(term, first_running_for=16, state="OVERRUN")
    term.burst(["n", TAB, "We listened before advising"])
    screen = term.wait_for("We listened before advising")
    assert "Finished Check-in" not in screen, screen
    time.sleep(1)
    term.assert_absent("Finished Check-in", "Started Check-in")
    term.keys("C-s")
    term.wait_for("Reflection saved")
    answers = term.query("select a.answer from reflection_answers a join reflections r on r.id = a.reflection_id"
                         " where r.session_id = ?", [seeded.day(1)[0].id])
    assert [row["answer"] for row in answers] == ["We listened before advising"]
