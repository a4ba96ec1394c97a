"""Rehearsal: the cockpit open on the demo follows what a second shell commits, and space acts on it."""

from __future__ import annotations

import subprocess
import sys

from tests.rehearsal.terminal import ENTER, SPACE

# The cockpit checks once a second; the rest is repaint and tmux on a shared two-core machine.
FOLLOWS_WITHIN = 2.0

# Fifty `facilitator decide` calls through the command's own entry point, each with its own connection
# (one process for all of them: fifty interpreter start-ups would only measure the shared CI machine).
_DECIDES = """
import sys
from click.testing import CliRunner
from facilitator.cli import cli
for i in range(int(sys.argv[2])):
    result = CliRunner().invoke(cli, ["decide", sys.argv[1], f"From the shell {i}", "--verdict", "parked"])
    assert result.exit_code == 0, result.output
"""

_OPEN_PARKED = (
    "select count(*) from decisions d where event_id = ? and verdict = 'parked' "
    "and not exists (select 1 from decisions s where s.supersedes_id = d.id)"
)


def test_a_pause_and_fifty_decides_from_a_shell_show_in_the_open_cockpit(term):
    term.cli("demo")
    event = term.event_id("Press line 4 changeover blitz (SMED)")
    if "running:" not in term.cli("timer", event, "status").stdout.splitlines()[1]:
        term.cli("timer", event, "start")
    term.start()
    term.wait_for("Press line 4")
    term.keys(ENTER)
    term.wait_for("RUNNING", "Parking lot:")

    term.cli("timer", event, "pause")
    term.wait_for("PAUSED", timeout=FOLLOWS_WITHIN)
    term.keys(SPACE)
    term.wait_for("RUNNING", "Resumed")
    assert term.wait_db(
        "select action from timer_log where event_id = ? order by rowid desc limit 1",
        lambda action: action == "resume", [event],
    ) == "resume"

    term.keys("3")
    term.wait_for("decisions - verdict: all")
    subprocess.run([sys.executable, "-c", _DECIDES, event, "50"], env=term.env, check=True, timeout=120)
    total = term.scalar("select count(*) from decisions where event_id = ?", [event])
    parked = term.scalar(_OPEN_PARKED, [event])
    term.wait_for(f"{total} decisions", f"Parking lot: {parked} open", timeout=FOLLOWS_WITHIN)
    assert term.errors_logged() == ""
