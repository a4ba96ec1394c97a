"""`facilitator reflections EVENT` prints the per-day summary, or every answer by session or framework."""

from __future__ import annotations

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo import charters


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, terminal_width=200)


def test_reflections_command_prints_summary_and_searches(tmp_path):
    db = str(tmp_path / "cli.db")
    assert run("--db", db, "demo").exit_code == 0
    summary = run("--db", db, "reflections", charters.ACTION_LEARNING_ID[:8])
    assert summary.exit_code == 0, summary.output
    assert "Meeting 2, " in summary.output
    assert "Assumptions that surfaced:" in summary.output
    assert "nobody meets them at the gate" in summary.output
    found = run("--db", db, "reflections", charters.BLITZ_ID[:8], "--by", "session", "--search", "shadow board")
    assert "Dana Whitfield" in found.output and "Day 1 reflection" not in found.output
    nothing = run("--db", db, "reflections", charters.BLITZ_ID[:8], "--search", "no such words")
    assert "No reflections match." in nothing.output


def test_unknown_event_is_one_line_error(tmp_path):
    result = run("--db", str(tmp_path / "cli.db"), "reflections", "zzz")
    assert result.exit_code == 1 and "No event with id 'zzz'" in result.stderr
