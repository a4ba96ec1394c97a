"""A second screen in a real terminal: the projector follows what the cockpit and the CLI commit."""

from __future__ import annotations

import re
import time

from tests.rehearsal.terminal import ENTER, SPACE


def open_parked(screen: str) -> int:
    match = re.search(r"Parking lot: (\d+) open", screen)
    return int(match.group(1)) if match else 0


def test_projector_in_a_second_terminal_follows_the_cockpit(terminal):
    projector, cockpit = terminal(80, 24), terminal(80, 24)
    projector.cli("demo")
    event_id = projector.scalar("select id from events where title like 'Press line 4%'")
    projector.start("projector", event_id[:8], ready="Parking lot")
    # The first paint on a busy machine can be caught half done: wait for the whole display.
    projector.wait_for("RUNNING", "Day 3 of 5", "Next:", "q Quit")
    # The big digits fill at least a third of the 24 rows.
    projector.wait_until(lambda s: sum(1 for line in s.splitlines() if "█" in line) >= 8,
                         what="digits a third of the window high")
    before = projector.scalar("select count(*) from timer_log")

    cockpit.start(ready="Press line 4")
    cockpit.burst([ENTER])
    cockpit.wait_for("RUNNING")
    cockpit.burst([SPACE])  # the facilitator pauses in the cockpit
    cockpit.wait_db("select action from timer_log order by rowid desc limit 1", lambda a: a == "pause")
    assert cockpit.scalar("select count(*) from timer_log") > before
    started = time.monotonic()
    projector.wait_for("PAUSED", timeout=5)
    assert time.monotonic() - started < 1.5  # within a second, give or take a capture-pane

    parked = open_parked(projector.screen())
    projector.cli("decide", event_id[:8], "A second crane for die changes", "--verdict", "parked")
    projector.wait_until(lambda s: open_parked(s) == parked + 1, timeout=5, what="the new parked item counted")

    # Keys that act in the cockpit do nothing on the projector: the database is as it was.
    rows = projector.scalar("select count(*) from timer_log")
    projector.burst([SPACE, "nfk+d", ENTER])
    time.sleep(0.5)
    assert projector.scalar("select count(*) from timer_log") == rows
    projector.keys("q")
    projector.wait_until(lambda _: projector.exit_status() is not None, what="the projector to quit")
    assert projector.exit_status() == 0
    assert projector.errors_logged() == ""
