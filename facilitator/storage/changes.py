"""Noticing what other processes committed: the CLI, a second cockpit, the projector, Datasette.

``PRAGMA data_version`` is per connection and moves only when *another* connection commits. Reading it
touches no table and holds no lock, so a screen can ask once a second for the price of a function call.
When it has moved, one query over ``change_counters`` (per-table counters bumped by triggers, migration
0009) says which tables moved, so each area reloads only what concerns it.

Own commits do not move ``data_version``: the screen that wrote already shows what it wrote.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from facilitator.storage.store import Store

COUNTERS_TABLE = "change_counters"


@dataclass(frozen=True)
class Changes:
    """What another connection committed since the last check.

    ``tables`` is None when the tables are not known (a database without counters, or a table without
    them): then every area should reload. An empty set means nothing changed.
    """

    tables: frozenset[str] | None = frozenset()

    def __bool__(self) -> bool:
        return self.tables is None or bool(self.tables)

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` may have changed."""
        return self.tables is None or not self.tables.isdisjoint(tables)


NOTHING = Changes()
EVERYTHING = Changes(None)


class ChangeWatcher:
    """Answers "did another connection commit since I last asked, and to which tables?".

    Use it on the connection the reader already has, from the thread that owns it. Cheap when idle: one
    PRAGMA, no table read.
    """

    def __init__(self, db: Database | Store) -> None:
        # Either has the connection: the Store's, so the cockpit watches it without sqlite-utils.
        self._conn: sqlite3.Connection = db.conn
        self._version = self._data_version()
        self._counters = self._read_counters()

    def changed(self) -> bool:
        """Whether another connection committed since the last ask (or since the watcher was made)."""
        return bool(self.check())

    def check(self) -> Changes:
        """The tables another connection changed since the last check; empty when nothing moved."""
        version = self._data_version()
        if version == self._version:
            return NOTHING
        self._version = version
        counters = self._read_counters()
        if counters is None or self._counters is None:
            self._counters = counters
            return EVERYTHING
        moved = frozenset(name for name, count in counters.items() if self._counters.get(name) != count)
        self._counters = counters
        # A commit that moved no counter changed a table without them (added later, or by hand): reload all.
        return Changes(moved) if moved else EVERYTHING

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def _read_counters(self) -> dict[str, int] | None:
        try:
            rows = self._conn.execute(f"SELECT name, n FROM [{COUNTERS_TABLE}]").fetchall()
        except sqlite3.OperationalError:  # no such table: a database from before migration 0009
            return None
        return dict(rows)
