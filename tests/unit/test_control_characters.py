"""Text that entered the database another way (sqlite3, Datasette) with ESC, BEL or NUL in it never reaches
a terminal or an export raw: every output shows such characters as visible symbols."""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.display import shown, visible
from facilitator.storage.store import Store

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
HOSTILE = "\x1b[31mRED\x07\x00"


def inject(path) -> None:
    """Write control characters into every kind of user text, the way sqlite3 or Datasette would."""
    with sqlite3.connect(path) as conn:
        conn.execute("update events set title = title || ? where id = ?", [HOSTILE, BLITZ_ID])
        conn.execute("update followups set action = action || ?, owner = owner || ?", [HOSTILE, "\x07"])
        conn.execute("update sessions set title = title || ?", [HOSTILE])
        conn.execute("update reflection_answers set answer = answer || ?", [HOSTILE])
        conn.execute("update targets set metric = metric || ?", [HOSTILE])
        # Raw inside a JSON list, as a hand-written UPDATE leaves it (strict JSON refuses such text).
        conn.execute("update events set team = ? where id = ?", [f'["Dana{HOSTILE}"]', BLITZ_ID])
        conn.execute(
            "insert into decisions (id, event_id, session_id, day, subject, verdict, rationale, decided_by, tags,"
            " decided_at, supersedes_id) select 'hostile-1', event_id, null, day, ?, 'parked', ?, decided_by,"
            " 'x\x1b', decided_at, null from decisions where event_id = ? order by decided_at desc limit 1",
            [f"Clamp kit {HOSTILE}", HOSTILE, BLITZ_ID],
        )
    conn.close()


@pytest.fixture
def hostile_db(tmp_path):
    path = tmp_path / "hostile.db"
    store = Store(path)
    load_demo(store)
    store.close()
    inject(path)
    return path


def test_visible_maps_every_control_character_to_one_visible_form():
    assert visible("a\x1b[31m\x07\x00\x7f\r") == "a\u241b[31m\u2407\u2400\u2421\u240d"
    assert visible("two\r\nlines\tkept") == "two\nlines\tkept"
    assert visible("\x9b") == "\\x9b"
    every = "".join(map(chr, range(0xA0)))
    assert not RAW.search(visible(every))
    assert shown(("ok", "b\x07")) == ("ok", "b\u2407")


@pytest.mark.parametrize("command", [
    ("events",), ("show", "{e}"), ("decisions", "{e}"), ("decisions", "{e}", "--parked"), ("timer", "{e}"),
    ("followups", "{e}"), ("report-out", "{e}"), ("reflections", "{e}", "--by", "session"), ("profile", "{e}"),
    ("sustain",),
], ids=lambda c: "-".join(c[:1] + c[2:]))
def test_no_cli_output_holds_a_raw_control_character(hostile_db, command):
    args = [part.format(e=BLITZ_ID[:8]) for part in command]
    result = CliRunner().invoke(cli, ["--db", str(hostile_db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.output), repr(RAW.search(result.output))
    if command[0] != "reflections":  # the blitz's reflections hold no answers of this kind
        assert "\u241b" in result.output  # shown, not dropped


def test_no_export_holds_a_raw_control_character(hostile_db, tmp_path):
    for fmt in ("md", "html", "csv"):
        out = tmp_path / f"out.{'zip' if fmt == 'csv' else fmt}"
        result = CliRunner().invoke(cli, ["--db", str(hostile_db), "export", BLITZ_ID[:8], "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        if fmt == "csv":
            with zipfile.ZipFile(out) as archive:
                texts = [archive.read(name).decode("utf-8-sig") for name in archive.namelist()]
        else:
            texts = [out.read_text(encoding="utf-8")]
        for text in texts:
            assert not RAW.search(text.replace("\r\n", "\n")), (fmt, repr(RAW.search(text.replace("\r\n", "\n"))))
        assert any("\u241b" in text for text in texts), fmt
    # The JSON export alone keeps the text exactly, as JSON escapes: it round-trips.
    out = tmp_path / "out.json"
    CliRunner().invoke(cli, ["--db", str(hostile_db), "export", BLITZ_ID[:8], "--format", "json", "-o", str(out)])
    assert "\\u001b[31mRED\\u0007\\u0000" in out.read_text(encoding="utf-8")
    assert not RAW.search(out.read_text(encoding="utf-8"))
