"""errors.log in the log folder (rotated, moved over from the data folder), --debug, and `facilitator doctor`."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

import pytest
from click.testing import CliRunner

from facilitator import errorlog, paths
from facilitator.cli import cli


@pytest.fixture(autouse=True)
def quiet_logger():
    yield
    errorlog.set_debug(False)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_errors_go_to_a_rotated_log_in_the_log_folder(tmp_path):
    old = tmp_path / "data" / "errors.log"
    old.parent.mkdir(parents=True)
    old.write_text("--- 2026-11-20 an error from before\n", encoding="utf-8")
    try:
        raise RuntimeError("die cart fell over")
    except RuntimeError as error:
        written = errorlog.log_exception(error)
    assert written == tmp_path / "data" / "logs" / "errors.log" == paths.error_log()
    text = written.read_text(encoding="utf-8")
    # The old file moved over whole, and the new entry follows it.
    assert text.startswith("--- 2026-11-20 an error from before\n")
    assert "RuntimeError: die cart fell over" in text and "Traceback" in text
    assert not old.exists()
    handler = next(h for h in errorlog.logger().handlers if isinstance(h, RotatingFileHandler))
    assert handler.maxBytes == errorlog.MAX_BYTES and handler.backupCount == errorlog.BACKUPS


def test_a_log_that_cannot_be_written_is_none_and_prints_nothing(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_LOG_DIR", str(blocked / "logs"))
    assert errorlog.log_exception(RuntimeError("x")) is None
    assert capsys.readouterr() == ("", "")


def test_debug_logs_what_a_command_does_and_names_an_unexpected_error(tmp_path, monkeypatch):
    db = str(tmp_path / "x.db")
    assert run("--db", db, "events").exit_code == 0
    assert not paths.error_log().exists()  # without --debug a command that meets no error writes no log
    fresh = str(tmp_path / "fresh.db")
    assert run("--debug", "--db", fresh, "events").exit_code == 0
    text = paths.error_log().read_text(encoding="utf-8")
    assert "DEBUG facilitator\nfacilitator " in text and f"events, database {fresh}" in text
    assert "INFO facilitator.storage" in text and "0001_events" in text  # the new file's migrations

    import facilitator.decisions_cli

    monkeypatch.setattr(facilitator.decisions_cli, "listing", lambda *a, **k: 1 / 0)
    run("--db", db, "demo")
    plain = run("--db", db, "decisions", "press")
    assert "ZeroDivisionError" not in plain.output and "unexpected error" in plain.output
    detailed = run("--debug", "--db", db, "decisions", "press")
    assert detailed.exit_code == 1 and "ZeroDivisionError: division by zero" in detailed.output
    assert len(detailed.output.strip().splitlines()) == 1


def test_doctor_on_a_fresh_machine_creates_nothing(tmp_path):
    result = run("doctor")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for label in ("facilitator", "Python", "Textual", "Rich", "sqlite-utils", "SQLite", "database", "config",
                  "themes", "keymap", "templates", "exports", "logs"):
        assert any(line[2:].startswith(label + " ") for line in lines), label
    assert "not created yet" in result.output
    assert not (tmp_path / "data").exists()


def test_doctor_reports_schema_size_and_integrity_and_exits_1_on_a_problem(tmp_path):
    db = tmp_path / "data" / "facilitator.db"
    run("demo")
    healthy = run("doctor")
    assert healthy.exit_code == 0, healthy.output
    assert "  integrity     ok (PRAGMA quick_check)" in healthy.output
    assert "migrations applied (last: " in healthy.output and " KB)" in healthy.output

    paths.keymap_file().parent.mkdir(parents=True)
    paths.keymap_file().write_text("nonsense = 'x'\n", encoding="utf-8")
    (tmp_path / "other.db").write_bytes(b"not a database at all" * 100)
    bad = run("--db", str(tmp_path / "other.db"), "doctor")
    assert bad.exit_code == 1
    problems = [line for line in bad.stdout.splitlines() if line.startswith("!")]
    assert [line.split()[1] for line in problems] == ["integrity", "keymap"]
    assert bad.stderr == "2 problems found.\n"
    assert db.exists() and logging.getLogger("facilitator").level == logging.WARNING
