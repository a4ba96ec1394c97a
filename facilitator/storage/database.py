"""Opening the one SQLite file: checks, pragmas and migrations, with one-line errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from facilitator.storage.errors import CannotWrite, NewerSchema, NotADatabase
from facilitator.storage.migrations import MIGRATIONS, known_names


BUSY_TIMEOUT_MS = 10_000  # how long a writer queues behind another before it gives up and says so


class WritingDatabase(Database):
    """A Database whose write transactions take the write lock first.

    sqlite-utils' ``atomic()`` opens a deferred transaction: it reads under a shared lock and upgrades
    when it first writes. In WAL mode an upgrade after another connection committed fails at once with
    "database is busy", whatever the busy timeout, so parallel writers (two CLI loops, the cockpit and
    Datasette) were refused. ``BEGIN IMMEDIATE`` queues on the busy timeout instead.
    """

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:  # nested: a savepoint inside the transaction already holding the lock
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise


def connect(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises a StorageError with a one-line message for a file that is not a database, a database
    written by a newer facilitator, or a location that cannot be written.
    """
    path = Path(path)
    if str(path) != ":memory:":
        _prepare_location(path)
    try:
        # IMMEDIATE: the implicit transaction sqlite3 opens before a lone INSERT or UPDATE takes the lock too.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level="IMMEDIATE")
    except sqlite3.Error as error:
        raise CannotWrite(f"Cannot open {path}: {error}.") from error
    try:
        db = WritingDatabase(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if str(path) != ":memory:":
            db.execute("PRAGMA journal_mode=WAL")
        # FULL makes every commit durable through a power cut or a sleeping laptop's dead battery.
        db.execute("PRAGMA synchronous=FULL")
        _refuse_newer_schema(db, path)
        if migrate:
            MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        if "not a database" in str(error) or "malformed" in str(error):
            raise NotADatabase(f"{path} is not a facilitator database (not an SQLite file, or damaged).") from error
        if "readonly" in str(error) or "unable to open" in str(error):
            raise CannotWrite(f"Cannot write to {path}: {error}.") from error
        raise CannotWrite(f"Cannot open {path}: {error}.") from error
    except Exception:
        conn.close()
        raise
    return db


def _prepare_location(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotWrite(f"Cannot create the folder for {path}: {error.strerror or error}.") from error
    if path.is_dir():
        raise CannotWrite(f"{path} is a folder, not a database file.")
    if path.exists():
        if not _is_writable(path):
            raise CannotWrite(f"Cannot write to {path}: permission denied.")
    elif not _is_writable(path.parent):
        raise CannotWrite(f"Cannot create {path}: the folder is not writable.")


def _is_writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


def _refuse_newer_schema(db: Database, path: Path) -> None:
    if not db["_sqlite_migrations"].exists():
        return
    applied = {
        row["name"]
        for row in db.query(
            "select name from _sqlite_migrations where migration_set = ?", [MIGRATIONS.name]
        )
    }
    unknown = applied - known_names()
    if unknown:
        raise NewerSchema(
            f"{path} was written by a newer facilitator (schema {', '.join(sorted(unknown))}); "
            "upgrade facilitator to open it."
        )
