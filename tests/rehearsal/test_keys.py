"""Keys that must do the expected thing (issue 11, items 6, 8, 9, 10), in a real terminal at 80x24."""

from __future__ import annotations

import time

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, ESC, TAB, RehearsalFailure

# What shows on each tab of the event screen, to tell which one is in front.
TABS = {
    "1": "Problem statement",
    "2": "Day 1 of 3",
    "3": "search decisions",
    "4": "search answers",
    "5": "Kaizen newspaper",
}


def open_event(term, **kwargs):
    seeded = seed.blitz(term.db_path, **kwargs)
    term.start()
    term.keys("Enter")
    term.wait_for("1 Charter", "Parking lot: 0 open")
    return seeded


def test_every_digit_switches_tabs_from_every_tab(term):
    open_event(term)
    for here in TABS:
        for there in TABS:
            if here == there:
                continue
            # Generous waits: on a loaded CI machine a switch can take seconds; what matters here is
            # that every digit lands on its tab and none goes into a field.
            term.keys(here)
            term.wait_for(TABS[here], timeout=8)
            term.keys(there)
            term.wait_for(TABS[there], timeout=8)
    term.keys("3")
    term.wait_for(TABS["3"])
    term.assert_absent("12345")  # no digit went into the decision search


def test_esc_in_the_decision_search_clears_it_and_stays_in_the_event(term):
    seeded = seed.blitz(term.db_path)
    seed.decide(term.db_path, seeded.event_id, "Die cart redesign", "in_scope", day=1)
    term.start()
    term.keys("Enter")
    term.wait_for("1 Charter")
    term.keys("3")
    term.wait_for("search decisions", "1 decision")
    term.keys("/")
    time.sleep(1)  # today "/" takes a moment to reach the search field (10.4 covers fast typing)
    term.write("die")
    term.keys(ESC)
    term.wait_gone("die ", timeout=3)  # cleared or left, but still on the event
    term.wait_for("1 Charter", "search decisions", timeout=3)


def test_esc_on_a_half_typed_decision_keeps_the_text(term):
    open_event(term)
    term.keys("d")
    term.wait_for("Log a decision")
    term.write("Quick-release clamps on the die")
    term.keys(ESC)
    # Either the dialog stays (the text in it) or it asks before discarding; never silently gone.
    try:
        term.wait_gone("Log a decision", timeout=5)
    except RehearsalFailure:
        return  # still open, the text in it
    screen = term.settle()
    assert "Quick-release clamps" in screen, screen


def test_the_footer_shows_the_core_keys_and_question_mark_lists_them_all(term):
    seeded = open_event(term)
    seed.start_session(term.db_path, seeded.day(1)[0].id)
    term.restart(ready="Press 4 changeover blitz")
    term.keys("Enter")
    # The footer is two rows at 80 columns (no room for the palette label: ctrl+p still opens it).
    screen = term.wait_until(lambda s: "RUNNING" in s and "? Help" in s, what="the running session")
    footer = "\n".join(screen.splitlines()[-2:])
    for key, label in (("d", "Decide"), ("P", "Parking"), ("o", "Report")):
        assert f"{key} {label}" in footer, footer
    term.keys("?")
    help_panel = term.wait_for("Decide", "Export", "Parking lot", "Reflect", "Measure", "Status", "Report-out",
                               "follow-up", timeout=3)
    assert "Timer" in help_panel
    # The timer's rarer keys sit below the fold at 80x24: the panel scrolls like any long list.
    term.keys("End")
    term.wait_for("Extend", timeout=3)


def test_enter_on_any_follow_up_field_saves_it(term):
    open_event(term)
    term.keys("a")
    term.wait_for("Add a follow-up")
    term.write("Order quick-release clamps")
    term.step(TAB)
    term.write("Priya Nair")
    term.step(TAB)
    term.write("2026-12-18")
    term.step(TAB)  # the From field
    term.keys(ENTER)
    term.wait_db("select count(*) from followups", lambda n: n == 1, timeout=5)
    term.wait_gone("Add a follow-up", timeout=3)
    rows = term.query("select action, owner, due_date from followups")
    assert [tuple(r) for r in rows] == [("Order quick-release clamps", "Priya Nair", "2026-12-18")]
    # The keys after the save go to the event, not into a still-open form.
    term.keys("5")
    term.wait_for("Order quick-release clamps", "Kaizen newspaper")
    assert term.scalar("select count(*) from followups") == 1
