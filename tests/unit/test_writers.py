"""Writers wait their turn: parallel CLI loops and an open cockpit lose nothing and refuse nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.storage.errors import CannotWrite
from facilitator.storage.migrations import known_names
from facilitator.storage.store import Store

# Each iteration is one `facilitator decide` as from a shell: its own connection, open, migrate, write.
_LOOP = """
import sys
from click.testing import CliRunner
from facilitator.cli import cli
db, event, tag, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
refused = 0
for i in range(n):
    result = CliRunner().invoke(cli, ["--db", db, "decide", event, f"{tag} {i}", "--verdict", "parked"])
    if result.exit_code:
        refused += 1
        print(result.output.strip(), file=sys.stderr)
print(refused)
"""

LOOPS = 2
PER_LOOP = 60  # bench/follow.py and the closing figures use 200; 60 keeps the suite quick


def test_two_cli_loops_and_an_open_store_refuse_and_lose_nothing(tmp_path):
    path = tmp_path / "busy.db"
    store = Store(path)
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date.today(), days=3))
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", _LOOP, str(path), event.id, f"loop{n}", str(PER_LOOP)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
        )
        for n in range(LOOPS)
    ]
    # The open cockpit keeps reading and writing while the loops run.
    cockpit_writes = 0
    while any(loop.poll() is None for loop in loops):
        store.decisions.capture(
            event.id, DecisionDraft(subject=f"cockpit {cockpit_writes}", verdict="in_scope", decided_by="team"), day=1
        )
        cockpit_writes += 1
        store.decisions.page(event.id)
    outputs = [loop.communicate() for loop in loops]
    assert [(out.strip(), err) for out, err in outputs] == [("0", "")] * LOOPS
    subjects = {decision.subject for decision in store.decisions.page(event.id, limit=1000)}
    wanted = {f"loop{n} {i}" for n in range(LOOPS) for i in range(PER_LOOP)}
    assert wanted <= subjects
    assert len(subjects) == LOOPS * PER_LOOP + cockpit_writes
    store.close()


def test_a_write_that_cannot_get_the_lock_says_so_and_changes_nothing(tmp_path):
    path = tmp_path / "locked.db"
    store = Store(path)
    event = store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date.today(), days=3))
    store.db.execute("PRAGMA busy_timeout=50")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock past our timeout
    try:
        with pytest.raises(CannotWrite) as refused:
            store.decisions.capture(event.id, DecisionDraft(subject="Die cart", verdict="parked", decided_by="team"), day=1)
        with pytest.raises(CannotWrite):
            store.events.rename(event.id, "Line 5")  # a write that reads first (the upgrade case)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = str(refused.value)
    assert "\n" not in message and "busy" in message and "Nothing was changed" in message
    assert not store.db.conn.in_transaction
    assert store.decisions.count(event.id) == 0
    assert store.events.get(event.id).title == "Line 4"
    # Once the lock is free the same write goes through.
    store.decisions.capture(event.id, DecisionDraft(subject="Die cart", verdict="parked", decided_by="team"), day=1)
    assert [decision.subject for decision in store.decisions.page(event.id)] == ["Die cart"]
    store.close()


def test_processes_opening_a_new_file_at_once_migrate_it_once(tmp_path):
    # The cockpit and a shell started together on a first run: one migrates, the others wait for it.
    path = tmp_path / "new.db"
    opening = "import sys; from facilitator.storage.store import Store; Store(sys.argv[1]).close()"
    openers = [
        subprocess.Popen([sys.executable, "-c", opening, str(path)], stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        for _ in range(4)
    ]
    assert [(opener.wait(timeout=60), opener.stderr.read()) for opener in openers] == [(0, "")] * 4
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute("select name from _sqlite_migrations")]
    assert sorted(names) == sorted(known_names())
