"""Checking an event's decision log when it opens, without rehashing a log already found intact.

The whole check (storage/digests.py) rehashes every decision and amendment of the event: about 140 ms at
10,000 decisions, on every open. Once a log has held, a fingerprint read in a few indexed queries says
whether anything the check reads can have changed since:

- ``PRAGMA schema_version``: dropping a trigger to get past it (or any schema change) moves it;
- the change counters of ``decisions`` and ``decision_amendments``: triggers bump them on every insert,
  update and delete, from any connection (sqlite3 and Datasette too, migration 0009);
- the event's number of seals and its latest digest (a seal's rows cannot be changed or deleted).

Same fingerprint: the log is as it was when it held. Anything else runs the whole check, and only a log
that holds is remembered, so a broken one is flagged at every open. ``facilitator verify`` always checks
in full. The fingerprints live in a small file in the data dir, keyed by database file and event; a file
that cannot be read or written only means checking in full.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from pathlib import Path

from sqlite_utils import Database

from facilitator import paths
from facilitator.domain.digest import Broken
from facilitator.storage.digests import DIGESTS, check_event

CHECKED_FILE = "checked-logs.json"
_COUNTED = ("decisions", "decision_amendments")

_log = logging.getLogger("facilitator.storage")


def fingerprint(db: Database, event_id: str) -> str | None:
    """What must not have moved since the log last held; None when the file has no change counters."""
    conn = db.conn
    try:
        counters = dict(
            conn.execute("select name, n from change_counters where name in (?, ?)", _COUNTED).fetchall()
        )
    except sqlite3.OperationalError:  # no such table: nothing says what changed, so always check in full
        return None
    if set(counters) != set(_COUNTED):
        return None
    schema = conn.execute("PRAGMA schema_version").fetchone()[0]
    seals, last = conn.execute(
        f"select count(*), max(rowid) from {DIGESTS} where event_id = ?", [event_id]
    ).fetchone()
    head = conn.execute(f"select digest from {DIGESTS} where rowid = ?", [last]).fetchone() if last else None
    return json.dumps([schema, counters["decisions"], counters["decision_amendments"], seals, head and head[0]])


def check_event_at_open(db: Database, database: Path, event_id: str) -> Broken | None:
    """The event's first broken record, or None; the whole check only when the log may have changed."""
    if str(database) == ":memory:":
        return check_event(db, event_id)
    key = str(Path(database).expanduser().resolve())
    seen = fingerprint(db, event_id)  # read before the check: a change made during it moves it for next time
    remembered = _read()
    if seen is not None and remembered.get(key, {}).get(event_id) == seen:
        return None
    broken = check_event(db, event_id)
    if broken is None and seen is not None:
        _remember(remembered, key, event_id, seen)
    return broken


def _file() -> Path:
    return paths.data_dir() / CHECKED_FILE


def _read() -> dict[str, dict[str, str]]:
    try:
        found = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _remember(remembered: dict[str, dict[str, str]], key: str, event_id: str, seen: str) -> None:
    entry = remembered.get(key)
    remembered[key] = {**(entry if isinstance(entry, dict) else {}), event_id: seen}
    target = _file()
    temporary = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(remembered, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)  # whole or not at all: two cockpits writing at once keep one file
    except OSError as error:
        _log.info("could not remember the checked decision log (%s): it is checked in full next time", error)
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass  # there was no folder to write it in
