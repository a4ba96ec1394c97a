"""What the cockpit derives from the records and remembers between launches, while those records stay put.

A screen that would read every record to show one line (the decision log's seals, the list's readings)
keeps the answer in a small JSON file in the data dir, by database file, with a fingerprint of what the
answer was read from. The fingerprint is cheap: ``PRAGMA schema_version`` (a dropped trigger moves it)
and the change counters that triggers bump on every insert, update and delete from any connection
(sqlite3 and Datasette too, migration 0009). Same fingerprint, same records: the answer still holds.
A file that cannot be read or written only means working the answer out again.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from facilitator import paths

_log = logging.getLogger("facilitator.storage")


def counters(conn: sqlite3.Connection, names: tuple[str, ...] = ()) -> list[Any] | None:
    """The schema version and the change counters (only ``names`` when given), or None without counters."""
    try:
        rows = conn.execute("select name, n from change_counters order by name").fetchall()
    except sqlite3.OperationalError:  # no such table: nothing says what changed
        return None
    found = dict(rows)
    if names:
        if not set(names) <= set(found):
            return None
        found = {name: found[name] for name in names}
    return [conn.execute("PRAGMA schema_version").fetchone()[0], found]


def fingerprint(conn: sqlite3.Connection, names: tuple[str, ...] = (), also: tuple[Any, ...] = ()) -> str | None:
    """:func:`counters` and whatever else the answer was read from (``also``), as one text to compare; None
    without counters (nothing says what changed, so never remember)."""
    moved = counters(conn, names)
    if moved is None:
        return None
    return json.dumps([*moved, *also], sort_keys=True)


def recall(name: str, database: Path | str, key: str) -> Any:
    """What was remembered under ``key`` for this database file, or None."""
    if str(database) == ":memory:":
        return None
    entry = _read(name).get(_file_key(database))
    return entry.get(key) if isinstance(entry, dict) else None


def remember(name: str, database: Path | str, key: str, value: Any) -> None:
    if str(database) == ":memory:":
        return
    remembered = _read(name)
    file_key = _file_key(database)
    entry = remembered.get(file_key)
    remembered[file_key] = {**(entry if isinstance(entry, dict) else {}), key: value}
    target = paths.data_dir() / f"{name}.json"
    temporary = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(remembered, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)  # whole or not at all: two cockpits writing at once keep one file
    except OSError as error:
        _log.info("could not remember %s (%s): it is worked out again next time", name, error)
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass  # there was no folder to write it in


def _file_key(database: Path | str) -> str:
    return str(Path(database).expanduser().resolve())


def _read(name: str) -> dict[str, Any]:
    try:
        found = json.loads((paths.data_dir() / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
