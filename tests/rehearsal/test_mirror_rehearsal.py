"""Rehearsal: the method mirror and the sustain watch in the real cockpit at 80x24, typed at in bursts."""

from __future__ import annotations

import json

from tests.rehearsal import seed


def test_mirror_sustain_and_the_drift_nudge_on_the_demo(term):
    term.cli("demo")
    term.start()
    term.wait_for("Reads as", "Task force! 1 s")  # the 5S blitz: read as a task force, a target slipping
    # The 5S blitz (third, oldest): its follow-up tab, then its mirror.
    term.keys("Down", "Down", "Enter")
    term.wait_for("1 Charter")
    term.keys("5")
    term.wait_for("Since the event: gains kept", "5S audit score 42 -> 88 -> 66 %: 48% of the gain lost")
    term.keys("M")
    term.wait_for("Reads as Task force (4 of 6 elements); it was planned as Kaizen blitz.", "Second-loop learning")
    term.keys("Escape", "Escape")
    term.wait_for("Reads as")
    # The Action Learning set: the facilitator takes six decisions in a row, and the nudge appears.
    term.keys("Up", "Enter")
    term.wait_for("1 Charter")
    term.assert_absent("Mirror:")
    # Typed decisions race the dialog's focus at burst speed (see the decisions area); a shell logs them instead,
    # and the open cockpit follows the database.
    set_id = term.event_id("New-starter onboarding across three sites")
    for number in range(6):
        term.cli("decide", set_id, f"Agenda item {number}", "--verdict", "in_scope", "--by", "facilitator")
    term.wait_for("Mirror: The facilitator took")
    assert term.scalar(
        "select count(*) from decisions d join events e on e.id = d.event_id "
        "where e.kind = 'action_learning' and d.decided_by = 'facilitator'"
    ) == 7
    profile = json.loads(term.cli("profile", set_id, "--json").stdout)
    assert [row["element"] for row in profile["rows"]][4] == "facilitator_role"
    assert profile["rows"][4]["closest"] == "kaizen"  # the set's facilitator now decides like a blitz's
    sustain = json.loads(term.cli("sustain", "--json").stdout)
    assert [row["slipping"] for row in sustain] == [False, True]
    assert term.errors_logged() == ""


def test_a_blitz_on_its_first_day_reads_too_early_in_the_list(term):
    seed.blitz(term.db_path, title="Line 2 changeover blitz")  # starts today: nothing could be read from it yet
    seed.blitz(term.db_path, title="Press 4 changeover blitz", started_days_ago=1)  # day 1 is over, unlogged
    term.start()
    term.wait_for("Reads as", "too early", "Task force!")
    assert term.errors_logged() == ""
