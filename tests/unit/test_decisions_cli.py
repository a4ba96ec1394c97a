"""`facilitator decide` and `facilitator decisions`: the decision log from a shell, with one-line errors."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.event import Event, EventKind
from facilitator.storage.store import Store


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_decide_then_list_search_and_parking_lot(tmp_path):
    path = tmp_path / "cli.db"
    store = Store(path)
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date.today(), days=3))
    store.close()
    db = ("--db", str(path))
    logged = run(*db, "decide", event.id[:8], "Die cart [bold]redesign[/]", "--verdict", "in_scope", "--by", "team")
    assert logged.exit_code == 0 and "Logged on day 1" in logged.output
    run(*db, "decide", event.id[:8], "Move die storage", "--verdict", "parked", "--why", "floor space")
    listed = run(*db, "decisions", event.id[:8])
    assert "Decisions of Line 4: 2" in listed.output and "Die cart [bold]redesign[/]" in listed.output
    found = run(*db, "decisions", event.id[:8], "--search", "floor")
    assert "Move die storage" in found.output and "Die cart" not in found.output
    found = run(*db, "decisions", event.id[:8], "--search", "[bold]")
    assert "Die cart" in found.output and "Move die storage" not in found.output
    nothing = run(*db, "decisions", event.id[:8], "--search", 'floor "(')  # every piece must be there
    assert nothing.exit_code == 0 and "Move die storage" not in nothing.output
    parked = run(*db, "decisions", event.id[:8], "--parked")
    assert "Parking lot of Line 4: 1 open" in parked.output


def test_decide_with_empty_subject_is_one_line_error(tmp_path):
    path = tmp_path / "cli.db"
    store = Store(path)
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date.today(), days=3))
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "decide", event.id, "  ", "--verdict", "parked"])
    assert result.exit_code == 1
    assert "Subject is empty" in result.output and "Traceback" not in result.output
