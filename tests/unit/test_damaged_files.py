"""A damaged database or another program's SQLite file: one line that says so, exit 1, the file untouched."""

from __future__ import annotations

import os
import sqlite3

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.storage import database
from facilitator.storage.store import Store

COMMANDS = [
    ("events",), ("demo",), ("decide", "{e}", "Clamp kit", "--verdict", "parked"), ("timer", "{e}"),
    ("export", "{e}", "--format", "md", "-o", "{tmp}/out.md"), ("report-out", "{e}"), ("decisions", "{e}"),
    ("followups", "{e}"), ("show", "{e}"), ("reflections", "{e}"),
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def damage(path, tables=("decisions", "followups", "reflections", "sessions", "measurements")) -> bytes:
    """Overwrite the root page of each of these tables: the header and the list of events stay readable."""
    with sqlite3.connect(path) as conn:
        roots = [conn.execute("select rootpage from sqlite_master where name = ?", [t]).fetchone()[0] for t in tables]
    conn.close()
    with path.open("r+b") as stream:
        for page in roots:
            stream.seek((page - 1) * 4096)
            stream.write(bytes([0xA5]) * 4096)
    return path.read_bytes()


@pytest.fixture
def damaged(tmp_path):
    """A demo database with a few pages in the middle overwritten; the header still valid."""
    path = tmp_path / "damaged.db"
    store = Store(path)
    load_demo(store)
    event_id = store.events.list()[0].id
    store.close()  # the last connection checkpoints the WAL into the file
    return path, event_id, damage(path)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_answers_a_damaged_file_in_one_line(damaged, tmp_path, monkeypatch, command):
    # A busy test machine must not run out of the budget the check has on a laptop.
    monkeypatch.setattr(database, "QUICK_CHECK_BUDGET", 30)
    path, event_id, before = damaged
    args = [part.format(e=event_id[:8], tmp=tmp_path) for part in command]
    line = one_line(run("--db", str(path), *args))
    assert "is damaged" in line and ".recover" in line and "import" in line
    assert path.read_bytes() == before
    assert not (tmp_path / "data" / "logs" / "errors.log").exists()  # damage is not a bug: nothing to log


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] not in ("events", "demo", "show")],
                         ids=lambda c: c[0])
def test_damage_met_after_opening_is_the_same_line(damaged, tmp_path, monkeypatch, command):
    """A file too big to check within the budget: the damage is caught where it is read."""
    monkeypatch.setattr(database, "QUICK_CHECK_BUDGET", 0)
    path, event_id, before = damaged
    args = [part.format(e=event_id[:8], tmp=tmp_path) for part in command]
    line = one_line(run("--db", str(path), *args))
    assert "is damaged" in line and ".recover" in line
    assert path.read_bytes() == before


def test_an_unexpected_error_in_the_cli_is_logged_not_shown(tmp_path, monkeypatch):
    import facilitator.decisions_cli

    def explode(*args, **kwargs):
        raise RuntimeError("die cart fell over")

    monkeypatch.setattr(facilitator.decisions_cli, "listing", explode)
    db = str(tmp_path / "x.db")
    run("--db", db, "demo")
    event_id = Store(db).events.list()[0].id
    line = one_line(run("--db", db, "decisions", event_id[:8]))
    assert "unexpected error" in line and "errors.log" in line
    assert "RuntimeError: die cart fell over" in (tmp_path / "data" / "logs" / "errors.log").read_text()


def _other_program(path, *, wal: bool):
    with sqlite3.connect(path) as conn:
        if wal:
            conn.execute("pragma journal_mode=wal")
        conn.execute("create table invoices (id integer primary key, amount real)")
        conn.execute("insert into invoices (amount) values (12.5)")
    conn.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback", "wal"])
def test_another_programs_database_is_refused_and_left_byte_identical(tmp_path, wal):
    path = tmp_path / "other.db"
    _other_program(path, wal=wal)
    before = path.read_bytes()
    line = one_line(run("--db", str(path), "events"))
    assert "another program's tables (invoices)" in line
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["other.db"]  # no -wal or -shm left beside it
    assert one_line(run("--db", str(path))).startswith("Error: ")  # the cockpit refuses it the same way


def test_a_file_holding_only_another_programs_view_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "views.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create view invoices_due as select 1 as amount")
    conn.close()
    before = path.read_bytes()
    assert "another program's tables (invoices_due)" in one_line(run("--db", str(path), "events"))
    assert path.read_bytes() == before


def test_an_empty_or_new_file_becomes_a_new_database(tmp_path):
    zero = tmp_path / "zero.db"
    zero.touch()
    blank = tmp_path / "blank.db"
    with sqlite3.connect(blank) as conn:
        conn.execute("pragma user_version = 3")  # a valid SQLite file without a single table
    conn.close()
    for path in (zero, blank, tmp_path / "new.db"):
        result = run("--db", str(path), "events")
        assert result.exit_code == 0, result.output
        assert Store(path).db["events"].exists()



def test_the_line_names_the_last_export_and_importing_it_recovers_the_event(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "QUICK_CHECK_BUDGET", 30)
    path = tmp_path / "plant" / "plant.db"
    store = Store(path)
    load_demo(store)
    event_id = store.events.list()[0].id
    store.close()
    assert run("--db", str(path), "export", event_id[:8], "--format", "json").exit_code == 0
    (export,) = (tmp_path / "plant" / "exports").glob("*.json")
    damage(path)
    line = one_line(run("--db", str(path), "events"))
    assert f"facilitator --db new.db import {export}`" in line
    new = tmp_path / "new.db"
    assert run("--db", str(new), "import", str(export)).exit_code == 0
    assert [event.id for event in Store(new).events.list()] == [event_id]


def test_an_event_changed_by_hand_to_a_value_it_cannot_read_is_named_in_one_line(tmp_path):
    path = tmp_path / "plant.db"
    store = Store(path)
    load_demo(store)
    other = [event.id for event in store.events.list() if not event.title.startswith("Press line 4")][0]
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("update events set area = 'Product', start_date = start_date where title like 'Press line 4%'")
    conn.close()
    line = one_line(run("--db", str(path), "events"))
    assert "('Press line 4 changeover blitz (SMED)') holds a value facilitator cannot read ('Product'" in line
    assert "unexpected" not in line
    assert run("--db", str(path), "show", other[:8]).exit_code == 0  # the other events still open
    assert not list((tmp_path / "data").rglob("errors.log"))
