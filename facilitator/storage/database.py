"""Opening the one SQLite file: checks, pragmas and migrations, with one-line errors."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.storage.errors import CannotWrite, ForeignDatabase, NewerSchema, NotADatabase, damage_in, damaged
from facilitator.storage.migrations import MIGRATIONS, known_names

if TYPE_CHECKING:
    from sqlite_utils import Database

# Opening checks and reads through sqlite3 itself; sqlite-utils is imported when a Database is first
# wanted (``wrap``) or migrations are pending. The cockpit's list of events reads through the connection,
# so it paints without sqlite-utils and what it pulls in (click, dateutil, pluggy): about 40 ms.

# `PRAGMA quick_check` reads every page: measured 7 ms for the demo (0.4 MB) and 128 ms for 10,000
# decisions (13.6 MB) on a busy 2-core machine. Opening runs it within this budget, so a damaged file of
# ordinary size is refused before any command or screen uses it, at a cost nobody notices; past the
# budget the check stops, and damage is caught where it is read (the CLI's and the cockpit's boundary).
QUICK_CHECK_BUDGET = 0.1

_log = logging.getLogger("facilitator.storage")  # notes for --debug; errors.log is set up by the CLI

BUSY_TIMEOUT_MS = 10_000  # how long a writer queues behind another before it gives up and says so


def wrap(conn: sqlite3.Connection, *, read_only: bool = False) -> Database:
    """The sqlite-utils Database over a connection :func:`open_connection` returned."""
    from sqlite_utils import Database

    from facilitator.storage.writing import WritingDatabase

    return (Database if read_only else WritingDatabase)(conn, execute_plugins=False)


def open_connection(path: Path | str, *, migrate: bool = True, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises a StorageError with a one-line message for a file that is not a database, a database
    written by a newer facilitator, or a location that cannot be written. ``read_only`` (for the
    projector) opens an existing, up-to-date file that this connection can never write to.
    """
    path = Path(path)
    if read_only:
        return _connect_read_only(path)
    if str(path) != ":memory:":
        _prepare_location(path)
    try:
        # IMMEDIATE: the implicit transaction sqlite3 opens before a lone INSERT or UPDATE takes the lock too.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level="IMMEDIATE")
    except sqlite3.Error as error:
        raise CannotWrite(f"Cannot open {path}: {error}.") from error
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if str(path) != ":memory:":
            # Both checks only read: a file refused here is left byte-identical.
            _refuse_foreign(conn, path)
            if migrate:
                _quick_check(conn, path)
            conn.execute("PRAGMA journal_mode=WAL")
        # FULL makes every commit durable through a power cut or a sleeping laptop's dead battery.
        conn.execute("PRAGMA synchronous=FULL")
        applied = _refuse_newer_schema(conn, path)
        if migrate:
            _migrate(conn, applied)
    except sqlite3.DatabaseError as error:
        conn.close()
        if "not a database" in str(error):
            raise NotADatabase(f"{path} is not a facilitator database (not an SQLite file).") from error
        if damage_in(error):
            raise damaged(path, error) from error
        if "readonly" in str(error) or "unable to open" in str(error):
            raise CannotWrite(f"Cannot write to {path}: {error}.") from error
        raise CannotWrite(f"Cannot open {path}: {error}.") from error
    except Exception:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection, applied: set[str]) -> None:
    """Bring the schema up to date under the write lock.

    Two processes opening a new or older file at once (the cockpit and a shell) would otherwise both
    see the same migrations pending and the second would fail ("table already exists"). Holding the
    lock, the second waits, then finds nothing left to do. An up-to-date file takes no lock at all, and
    no sqlite-utils: which migrations it holds is one read of their names.
    """
    pending = [name for name in MIGRATIONS.names() if name not in applied]
    if not pending:
        return
    db = wrap(conn)
    with db.atomic():
        MIGRATIONS.apply(db)
    _log.info("migrated %s: %s", conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:", ", ".join(pending))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise CannotWrite(f"No database at {path}: open it once with `facilitator` (or `facilitator demo`).")
    try:
        # SQLite refuses every write on this connection; WAL readers see each commit as it lands.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        applied = _refuse_newer_schema(conn, path)
        if not known_names() <= applied:
            conn.close()
            raise CannotWrite(f"{path} needs updating: open it once with `facilitator`, then try again.")
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "malformed" in str(error):
            raise NotADatabase(f"{path} is not a facilitator database (not an SQLite file, or damaged).") from error
        raise CannotWrite(f"Cannot open {path}: {error}.") from error
    return conn


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


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """A file with tables but no facilitator migrations belongs to another program: touch nothing."""
    # Views and triggers count too: a file holding only another program's views is not an empty file.
    tables = [
        row[0] for row in conn.execute(
            "select name from sqlite_master where type in ('table', 'view', 'trigger') "
            "and name not like 'sqlite\\_%' escape '\\'"
        )
    ]
    if not tables:
        return  # a new, zero-byte or empty file becomes a new facilitator database
    ours = "_sqlite_migrations" in tables and conn.execute(
        "select 1 from _sqlite_migrations where migration_set = ? limit 1", [MIGRATIONS.name]
    ).fetchone()
    if not ours:
        shown = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise ForeignDatabase(
            f"{path} holds another program's tables ({shown}), not a facilitator database; "
            "it was left as it is. Choose another file with --db."
        )


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    if QUICK_CHECK_BUDGET <= 0:
        return
    # The check runs inside one SQLite opcode, which a progress handler cannot stop: a timer
    # interrupts it from another thread once the budget is spent (sqlite3_interrupt is thread-safe).
    watchdog = threading.Timer(QUICK_CHECK_BUDGET, conn.interrupt)
    watchdog.start()
    try:
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return
    finally:
        watchdog.cancel()
    if problem != "ok":  # e.g. "*** in database main ***\nPage 41: btreeInitPage() returns error code 11"
        raise damaged(path, "database disk image is malformed")


def _refuse_newer_schema(conn: sqlite3.Connection, path: Path) -> set[str]:
    """The names of the migrations the file holds; refused when one is unknown to this facilitator."""
    if not conn.execute("select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'").fetchone():
        return set()
    applied = {
        row[0]
        for row in conn.execute(
            "select name from _sqlite_migrations where migration_set = ?", [MIGRATIONS.name]
        )
    }
    unknown = applied - known_names()
    if unknown:
        raise NewerSchema(
            f"{path} was written by a newer facilitator (schema {', '.join(sorted(unknown))}); "
            "upgrade facilitator to open it."
        )
    return applied
