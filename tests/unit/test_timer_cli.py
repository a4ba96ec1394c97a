"""`facilitator timer`: today's agenda and the session timer from a shell, with one-line errors."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.event import Event, EventKind
from facilitator.storage.store import Store


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_timer_status_start_extend_and_next(tmp_path):
    path = tmp_path / "cli.db"
    store = Store(path)
    today = date.today()
    event = store.events.add(Event(title="Line 4 [bold]SMED[/]", kind=EventKind.KAIZEN, start_date=today, days=2))
    store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    store.agenda.add(event.id, 1, "Gemba", "observation", 90)
    store.close()

    status = run("--db", str(path), "timer", event.id[:8])
    assert status.exit_code == 0
    assert "Line 4 [bold]SMED[/]" in status.output and "Day 1 of 2" in status.output
    assert "Kick-off" in status.output and "pending" in status.output

    started = run("--db", str(path), "timer", event.id[:8], "start")
    assert started.output.startswith("Started Kick-off.")
    assert "running: Kick-off  30:00" in started.output or "running: Kick-off  29:5" in started.output

    extended = run("--db", str(path), "timer", event.id[:8], "extend", "--minutes", "10")
    assert extended.output.startswith("Extended Kick-off by 10m.")

    following = run("--db", str(path), "timer", event.id[:8], "next")
    assert following.output.startswith("Finished Kick-off; started Gemba.")

    reopened = Store(path)
    assert [e.action.value for e in reopened.timer.log(event.id)] == ["start", "extend", "finish", "start"]
    reopened.close()


def test_timer_errors_are_one_line(tmp_path):
    path = tmp_path / "cli.db"
    store = Store(path)
    event = store.events.add(Event(title="Empty", kind=EventKind.KAIZEN, start_date=date.today(), days=2))
    store.close()
    result = run("--db", str(path), "timer", event.id[:8], "finish")
    assert result.exit_code == 1
    assert "No session is running" in result.stderr and "Traceback" not in result.output
