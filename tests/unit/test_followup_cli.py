"""`facilitator report-out EVENT [--day N]` prints the day's report-out as Markdown."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.event import Event, EventKind, Target
from facilitator.domain.followup import FollowUp
from facilitator.storage.store import Store


def test_report_out_prints_markdown_and_refuses_a_day_outside_the_event(tmp_path):
    path = tmp_path / "x.db"
    store = Store(path)
    event = store.events.add(
        Event(title="Weld cell *5S*", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3,
              targets=(Target(metric="Search time", unit="min", baseline=6, goal=1),))
    )
    store.followups.add(FollowUp(event_id=event.id, action="Shadow boards", owner="Luis", due_date=date(2026, 12, 1)))
    store.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(path), "report-out", event.id[:8], "--day", "3"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Weld cell \\*5S\\*: Final report-out, day 3 of 3\n")
    assert "## Open actions (3 min)" in result.output and "Shadow boards - Luis, due 2026-12-01" in result.output
    bad = runner.invoke(cli, ["--db", str(path), "report-out", event.id[:8], "--day", "4"], catch_exceptions=False)
    assert bad.exit_code == 1
    assert "Day 4 is not in the event: it has 3 days." in bad.stderr


def test_followups_command_groups_by_review(tmp_path):
    from facilitator.domain.followup import FollowUpStatus

    path = tmp_path / "x.db"
    store = Store(path)
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date(2020, 1, 6), days=5))
    store.followups.add(FollowUp(event_id=event.id, action="Tape the floor", owner="Luis", due_date=date(2020, 1, 20)))
    store.followups.add(FollowUp(event_id=event.id, action="Buy a cart", owner="Marek", due_date=date(2020, 3, 1),
                                 status=FollowUpStatus.DONE, outcome="Bought"))
    store.close()
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(path), "followups", event.id[:8]], catch_exceptions=False).output
    assert shown.splitlines()[0] == "30-day review (2020-02-09)"
    assert "Luis: Tape the floor (" in shown and "days overdue)" in shown
    assert "60-day review (2020-03-10)" in shown and "Marek: Buy a cart (Bought)" in shown
    only_open = runner.invoke(cli, ["--db", str(path), "followups", event.id[:8], "--open"], catch_exceptions=False).output
    assert "Buy a cart" not in only_open


def test_report_out_on_a_terminal_is_rendered_and_piped_is_markdown(tmp_path, monkeypatch):
    import facilitator.cli as cli_module

    path = tmp_path / "x.db"
    store = Store(path)
    event = store.events.add(
        Event(title="Press 2 kaizen!", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3,
              targets=(Target(metric="Scrap", unit="%", baseline=14, goal=9),))
    )
    store.close()
    runner = CliRunner()
    args = ["--db", str(path), "report-out", event.id[:8], "--day", "1"]
    piped = runner.invoke(cli, args, catch_exceptions=False)
    assert piped.output.startswith("# Press 2 kaizen")
    assert "## Target progress" in piped.output
    monkeypatch.setattr(cli_module, "stdout_is_terminal", lambda: True)
    shown = runner.invoke(cli, args, catch_exceptions=False).output
    assert "Press 2 kaizen!: Report-out, day 1 of 3" in shown
    assert "\\" not in shown and "#" not in shown
    assert "Target progress" in shown and "Scrap:" in shown
