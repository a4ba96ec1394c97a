"""Rehearsal: a decision log changed behind the triggers is flagged, and search finds brackets."""

from __future__ import annotations

import sqlite3
import time

from tests.rehearsal.terminal import BSPACE, ENTER


def test_tampered_log_is_flagged_and_odd_subjects_are_found(term):
    term.cli("demo")
    event = term.event_id("Press line 4 changeover blitz (SMED)")
    term.cli("decide", event, "Fix [/] on the andon board", "--verdict", "parked")
    term.cli("decide", event, "]]]][[[ rack by the press", "--verdict", "in_scope")
    assert term.cli("verify").returncode == 0
    with sqlite3.connect(term.db_path) as conn:  # someone with sqlite3 rewrites history
        conn.execute("drop trigger decisions_no_update")
        victim = conn.execute(
            "select id from decisions where event_id = ? order by rowid limit 1", [event]
        ).fetchone()[0]
        conn.execute("update decisions set verdict = 'rejected' where id = ?", [victim])
    verify = term.cli("verify", check=False)
    assert verify.returncode == 1 and f"decision {victim[:8]}" in verify.stderr
    assert "was changed after it was logged" in verify.stderr and verify.stderr.count("\n") == 1

    term.start()
    term.wait_for("Press line 4")
    term.keys(ENTER)
    term.wait_for("Parking lot:")
    term.wait_for("Decision log changed outside")  # on the charter, where the event opens
    term.keys("3")
    term.wait_for("Changed outside facilitator", f"decision {victim[:8]}")
    term.keys("/")
    time.sleep(1)  # a person looks up before typing; typed at once after "/", characters were lost
    term.type("[/]")
    term.wait_for("1 decision -", "Fix [/] on the andon board")
    term.keys(BSPACE, BSPACE, BSPACE)
    term.wait_for("decisions -")  # the whole log again
    term.type("]]]][[[")
    term.wait_for("1 decision -", "]]]][[[ rack by the press")
    assert term.errors_logged() == ""
