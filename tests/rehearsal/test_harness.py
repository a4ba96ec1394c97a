"""The rehearsal harness itself: a real cockpit in tmux, typed at, read back from screen and database."""

from __future__ import annotations

import pytest

from tests.rehearsal.terminal import ENTER, RehearsalFailure


def test_a_new_facilitator_creates_an_event_and_a_second_process_sees_it(term):
    term.start()
    term.wait_for("No events yet.", "n New event")
    term.keys("n")
    term.wait_for("New event", "Problem statement")
    # The title typed as one burst, then saved with Enter from the title field.
    term.burst(["Line 4 changeover", ENTER])
    term.wait_for("1 Charter", "Line 4 changeover")
    assert term.wait_db("select count(*) from events", lambda n: n == 1) == 1
    assert term.scalar("select title from events") == "Line 4 changeover"
    listed = term.cli("events")
    assert "Line 4 changeover" in listed.stdout
    with pytest.raises(RehearsalFailure, match="waited 0.2s for 'never on screen'"):
        term.wait_for("never on screen", timeout=0.2)
    term.keys("C-q")
    term.wait_until(lambda _: term.exit_status() is not None, what="the cockpit to quit")
    assert term.exit_status() == 0
    assert term.errors_logged() == ""
