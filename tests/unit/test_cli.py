"""The command line: every error a user can cause is one line on stderr and exit status 1."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.storage.store import Store


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def assert_one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.startswith("facilitator, version ")


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "facilitator", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "facilitator, version" in result.stdout


def test_demo_is_idempotent_and_listed_as_json(tmp_path):
    db = str(tmp_path / "demo.db")
    first = run("--db", db, "demo")
    assert first.exit_code == 0 and "Demo loaded" in first.output
    before = Store(db).db["events"].count
    second = run("--db", db, "demo")
    assert second.exit_code == 0 and "already loaded" in second.output
    listed = json.loads(run("--db", db, "events", "--json").output)
    assert len(listed) == before >= 2
    assert {"id", "title", "kind", "start_date", "days", "status"} <= set(listed[0])
    assert {event["kind"] for event in listed} == {"kaizen", "action_learning"}


def test_environment_variable_picks_the_database(tmp_path):
    db = tmp_path / "from-env.db"
    result = run("demo", env={"FACILITATOR_DB": str(db)})
    assert result.exit_code == 0
    assert db.exists()
    listed = json.loads(run("events", "--json", env={"FACILITATOR_DB": str(db)}).output)
    assert len(listed) == Store(db).db["events"].count >= 2


def test_default_database_lives_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_DB")
    result = run("events")
    assert result.exit_code == 0
    assert (tmp_path / "data" / "facilitator.db").exists()


def test_not_a_database(tmp_path):
    bad = tmp_path / "photo.db"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 4096)
    assert_one_line_error(run("--db", str(bad), "events"), "is not a facilitator database")
    assert bad.read_bytes().startswith(b"\x89PNG")


def test_newer_schema(tmp_path):
    db = tmp_path / "new.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) values ('facilitator', '0999_x', 'now')")
    assert_one_line_error(run("--db", str(db), "events"), "newer facilitator")


def test_location_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert_one_line_error(run("--db", str(blocker / "cockpit.db"), "events"), "Cannot create the folder")


def test_folder_given_as_database(tmp_path):
    result = run("--db", str(tmp_path), "events")
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_unknown_theme(tmp_path):
    assert_one_line_error(run("--db", str(tmp_path / "x.db"), "--theme", "neon-pink"), "Unknown theme 'neon-pink'")


@pytest.mark.parametrize("reference", ["nope", "", "%"])
def test_unknown_event(tmp_path, reference):
    db = str(tmp_path / "x.db")
    run("--db", db, "demo")
    assert_one_line_error(run("--db", db, "show", reference), "event")


def test_show_prints_user_text_as_typed(tmp_path, store):
    from facilitator.domain.event import CharterForm

    event = store.events.add(CharterForm(title="[bold]Weld[/] cell", start_date="2026-11-23", days="2").to_event())
    result = run("--db", str(store.path), "show", event.id[:8])
    assert result.exit_code == 0
    assert "[bold]Weld[/] cell" in result.output


def test_projector_refuses_a_missing_database_or_event_in_one_line(tmp_path, store):
    missing = tmp_path / "nowhere.db"
    assert_one_line_error(run("--db", str(missing), "projector", "abc"), "No database at")
    assert not missing.exists()
    assert_one_line_error(run("--db", str(store.path), "projector", "abc"), "No event with id 'abc'")
    assert_one_line_error(run("--db", str(store.path), "projector", "abc", "--theme", "nope"), "Unknown theme 'nope'")
