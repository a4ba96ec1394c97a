"""Rehearsal: text written into the database with sqlite3 shows its control characters as symbols in a
real terminal; a damaged file and another program's file are refused in one line, left as they were."""

from __future__ import annotations

import sqlite3

from tests.rehearsal.terminal import ENTER
from tests.unit.test_control_characters import inject
from tests.unit.test_damaged_files import damage


def test_control_characters_show_as_symbols_on_screen(terminal):
    term = terminal(120, 40)
    term.cli("demo")
    inject(term.db_path)  # ESC, BEL and NUL in titles, actions, subjects, answers, as sqlite3 would write them
    term.start()
    term.wait_for("\u241b[31mRED")  # the events list: a red escape sequence shows as text, not colour
    term.keys(ENTER)
    term.wait_for("Parking lot:")
    term.keys("5")
    term.wait_for("Marek Kowalski\u2407")  # the follow-up tab (turned red before); a BEL shows as ␇
    term.keys("o")
    term.wait_for("Report-out")
    term.wait_for("\u241b[31mRED")
    assert term.errors_logged() == ""


def test_damaged_and_foreign_files_are_refused_in_one_line(term):
    term.cli("demo")
    before = damage(term.db_path)
    # Commands that read the damaged tables: refused whether or not the bounded check at open (which a
    # busy machine may cut short) got to the damaged pages first.
    for command in (("timer", "a76ac63d"), ("decisions", "a76ac63d"), ("followups", "a76ac63d")):
        result = term.cli(*command, check=False)
        assert result.returncode == 1 and result.stderr.count("\n") == 1
        assert "is damaged" in result.stderr and ".recover" in result.stderr
    term.start(ready=None)  # refused at once, or the damage is met when the event opens
    screen = term.wait_until(lambda s: "is damaged" in s or "Press line 4" in s)
    if "is damaged" not in screen:
        term.keys(ENTER)
        term.wait_for("is damaged")
        term.keys("q")
    term.wait_until(lambda _screen: term.exit_status() is not None)  # it ends, the line left on screen
    assert "is damaged" in term.screen()
    assert term.db_path.read_bytes() == before

    other = term.home / "invoices.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table invoices (id integer primary key, amount real)")
    conn.close()
    untouched = other.read_bytes()
    result = term.cli("--db", str(other), "events", check=False)
    assert result.returncode == 1 and "another program's tables (invoices)" in result.stderr
    assert other.read_bytes() == untouched
