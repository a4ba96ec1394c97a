"""Writers wait their turn (issue 10, part 2): two shells deciding in loops while the cockpit is open,
nothing refused and nothing lost."""

from __future__ import annotations

import subprocess
import sys

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER

PER_SHELL = 100

# The `decide` command through its own entry point, each call with its own connection, in one process
# per shell (a hundred interpreter start-ups would only measure the machine).
_DECIDES = """
import sys
from click.testing import CliRunner
from facilitator.cli import cli
refused = 0
for i in range(int(sys.argv[3])):
    result = CliRunner().invoke(cli, ["decide", sys.argv[1], f"{sys.argv[2]} {i}", "--verdict", "parked"])
    refused += result.exit_code != 0
    if result.exit_code:
        print(result.output, file=sys.stderr)
sys.exit(1 if refused else 0)
"""


def test_two_shells_deciding_at_once_under_an_open_cockpit_lose_nothing(term):
    seeded = seed.blitz(term.db_path)
    term.start()
    term.keys(ENTER)
    term.wait_for("Parking lot: 0 open")
    term.keys("3")
    term.wait_for("0 decisions")
    shells = [
        subprocess.Popen([sys.executable, "-c", _DECIDES, seeded.event_id, name, str(PER_SHELL)],
                         env=term.env, stderr=subprocess.PIPE, text=True)
        for name in ("Left shell", "Right shell")
    ]
    for shell in shells:
        _, errors = shell.communicate(timeout=240)
        assert shell.returncode == 0, errors
    total = 2 * PER_SHELL
    assert term.scalar("select count(*) from decisions") == total
    term.wait_for(f"{total} decisions", f"Parking lot: {total} open", timeout=5)
    assert term.errors_logged() == ""
