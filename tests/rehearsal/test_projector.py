"""A real second screen (issue 10, part 3): `facilitator projector EVENT` in its own terminal follows the
cockpit, shows the countdown large enough for the back of the room, and changes no data."""

from __future__ import annotations

import time

import pytest

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER

GLYPHS = set("━┃┏┓┗┛┣┫╋╺╸╹╻█▀▄▌▐")


def digit_rows(screen: str) -> int:
    """Rows that carry the big digits: three or more block or line-drawing glyphs."""
    return sum(1 for row in screen.splitlines() if sum(ch in GLYPHS for ch in row) >= 3)


def test_the_projector_follows_the_cockpit_and_changes_nothing(terminal):
    cockpit = terminal(80, 24)
    seeded = seed.blitz(cockpit.db_path)
    kickoff = seeded.day(1)[0]
    seed.start_session(cockpit.db_path, kickoff.id, minutes_ago=2)
    projector = terminal(80, 24)
    projector.start("projector", seeded.event_id, ready="Kick-off")
    screen = projector.wait_for("Scope, targets")  # what is next
    assert digit_rows(screen) >= 24 // 3, screen
    assert "parking" in screen.lower(), screen

    cockpit.start()
    cockpit.keys(ENTER)
    cockpit.wait_for("RUNNING", "Kick-off")
    cockpit.keys("Space")
    cockpit.wait_for("PAUSED")
    projector.wait_for("PAUSED", timeout=3)

    logged = projector.scalar("select count(*) from timer_log")
    for key in ("Space", "n", "f", "k", "d", "+"):
        projector.keys(key)
        time.sleep(0.2)
    time.sleep(1)
    assert projector.scalar("select count(*) from timer_log") == logged
    assert projector.scalar("select count(*) from decisions") == 0
    assert projector.exit_status() is None
