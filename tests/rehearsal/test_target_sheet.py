"""The target sheet in a real terminal: each target's row, bar and trend show once the follow-up tab opens."""

from __future__ import annotations

import re


def test_target_rows_show_on_the_follow_up_tab(term):
    term.cli("demo")
    term.start()
    term.wait_for("Press line 4")
    term.keys("Enter")
    term.wait_for("1 Charter")
    term.keys("5")
    screen = term.wait_for("Target sheet", "Changeover time", "Changeovers per shift")
    row = next(line for line in screen.splitlines() if "Changeover time" in line)
    # Baseline, now, goal, a bar (Textual's ProgressBar draws with ━) and the share of the way.
    assert re.search(r"47 min  +\d+ min  +v 20 min +[━╸╺]+ +\d+%", row), row
    assert any(block in row for block in "▁▂▃▄▅▆▇█"), row  # the sparkline
    assert term.errors_logged() == ""
