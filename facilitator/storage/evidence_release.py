"""Evidence files nothing refers to any more are removed, once the rows that pointed at them are gone.

A temporary trigger on this connection notes the digest of every evidence row deleted (by ``detach``, or
by the triggers that take an item's evidence with it when a cause, session or target goes). After the
transaction commits, each noted file is removed if no row refers to it: not in this database, and not in
another facilitator database beside it (they share ``evidence/``). A database beside it that cannot be
read keeps the file, so a file still referenced is never removed. The check and the removal run under
the write lock, and attaching checks its file is there under that lock too (``EvidenceRepository.add``),
so a file cannot be removed between another process copying it in and writing its row.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

_log = logging.getLogger("facilitator.storage")


def watch_releases(db: Database, database_path: Path, folder: Path) -> None:
    """Note deleted evidence rows on this connection and clean their files after each commit."""
    if "evidence" not in db.table_names() or not hasattr(db, "after_commit"):
        return
    db.execute("CREATE TEMP TABLE IF NOT EXISTS evidence_released (sha256 TEXT NOT NULL)")
    db.execute(
        "CREATE TEMP TRIGGER IF NOT EXISTS evidence_released_note AFTER DELETE ON main.evidence "
        "BEGIN INSERT INTO evidence_released (sha256) VALUES (OLD.sha256); END"
    )
    db.after_commit.append(lambda: _release_quietly(db, database_path, folder))


def _release_quietly(db: Database, database_path: Path, folder: Path) -> None:
    # The deletion is committed and confirmed; a file that cannot be cleaned now stays (space, not data).
    try:
        release(db, database_path, folder)
    except (sqlite3.Error, OSError) as error:
        _log.info("evidence files not cleaned: %s", error)


def release(db: Database, database_path: Path, folder: Path) -> list[str]:
    """Remove the noted files that nothing refers to any more; returns their digests."""
    # Read before taking the write lock, once per commit: the temp table is this connection's alone, so
    # nothing can note a file between this read and the lock, and a commit that removed no evidence (nearly
    # every one) takes no second write lock.
    noted = [row[0] for row in db.execute("select distinct sha256 from temp.evidence_released")]
    if not noted:
        return []
    removed: list[str] = []
    with db.atomic():
        db.execute("delete from temp.evidence_released")
        for sha in noted:
            if db.execute("select 1 from evidence where sha256 = ? limit 1", [sha]).fetchone():
                continue
            path = folder / sha
            if len(sha) != 64 or not path.is_file() or _referenced_beside(database_path, sha):
                continue
            try:
                path.unlink()
                removed.append(sha)
            except OSError as error:  # kept: a stray file costs space, never data
                _log.info("kept evidence file %s: %s", path, error)
    return removed


def _referenced_beside(database_path: Path, sha: str) -> bool:
    """Whether another database in the same folder (sharing evidence/) refers to the file, or might."""
    this = database_path.resolve()
    for other in sorted(this.parent.glob("*.db")):
        if other.resolve() == this:
            continue
        try:
            conn = sqlite3.connect(f"{other.as_uri()}?mode=ro", uri=True, timeout=2)
        except sqlite3.Error:
            return True
        try:
            if conn.execute("select 1 from evidence where sha256 = ? limit 1", [sha]).fetchone():
                return True
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                return True  # locked, unreadable: keep the file
        except sqlite3.DatabaseError:
            return True
        finally:
            conn.close()
    return False
