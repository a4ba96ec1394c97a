"""Shell completion through click (`_FACILITATOR_COMPLETE`): commands, formats, and event ids with titles."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.storage.store import Store


def complete(words: str, *, shell: str = "bash", db=None) -> list[str]:
    """What the shell would be offered for ``facilitator <words>`` (the last word is the one being typed)."""
    args = ["facilitator", *(["--db", str(db)] if db else []), *words.split(" ")]
    env = {"_FACILITATOR_COMPLETE": f"{shell}_complete", "COMP_WORDS": " ".join(args), "COMP_CWORD": str(len(args) - 1)}
    result = CliRunner().invoke(cli, [], env=env, prog_name="facilitator")
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    return [line for line in result.output.splitlines() if line]


def test_commands_and_formats():
    assert complete("ti") == ["plain,timer"]
    assert {"plain,doctor", "plain,export", "plain,keymap"} <= set(complete(""))
    assert complete("export abc --format ") == [
        "plain,md", "plain,json", "plain,csv", "plain,html", "plain,a3", "plain,ics", "plain,zip",
    ]


def test_event_ids_with_titles_by_id_or_by_a_word_of_the_title(tmp_path):
    db = tmp_path / "x.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "demo"]).exit_code == 0
    events = {event.title: event.id for event in Store(db).events.list()}
    blitz = next(event_id for title, event_id in events.items() if title.startswith("Press line 4"))
    # zsh gets each id with its title as the hint.
    offered = complete("show ", shell="zsh", db=db)
    assert offered[:3] == ["plain", blitz[:8], next(t for t in events if t.startswith("Press line 4"))]
    assert len(offered) == 3 * len(events)
    assert complete(f"export {blitz[:3]}", db=db) == [f"plain,{blitz[:8]}"]
    assert f"plain,{blitz[:8]}" in complete("timer changeover", db=db)
    assert complete("verify zzzz", db=db) == []


def test_no_database_junk_or_another_programs_file_completes_nothing_and_creates_nothing(tmp_path):
    missing = tmp_path / "none" / "x.db"
    assert complete("show ", db=missing) == []
    assert not missing.parent.exists()
    assert complete("show ") == []  # the default database, not created by completing
    assert not (tmp_path / "data").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 50)
    assert complete("show ", db=junk) == []
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table t (x)")
    assert complete("decisions ", db=other) == []
    assert junk.read_bytes() == b"not sqlite" * 50
