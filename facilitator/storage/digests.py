"""The digest log that seals the decision log (see :mod:`facilitator.domain.digest`).

``decision_digests`` holds one row per decision or amendment: its id, the digest it follows and its
own. It is written in the same transaction as the record, is append-only like the records, and is an
event table, so exports carry it and imports merge it by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from facilitator.domain.digest import CANONICAL, Broken, Seal, check, digest, digest_values
from facilitator.storage.bulk import insert_rows

DIGESTS = "decision_digests"


def head(db: Database, event_id: str) -> str:
    """The digest of the event's latest sealed record ("" before the first): what the next one follows."""
    rows = list(db.query(f"select digest from {DIGESTS} where event_id = ? order by rowid desc limit 1", [event_id]))
    return rows[0]["digest"] if rows else ""


_COLUMNS = ("id", "event_id", "record", "prev", "digest")
_INSERT = f"insert into {DIGESTS} ({', '.join(_COLUMNS)}) values (?, ?, ?, ?, ?)"


def seal(db: Database, table: str, record_id: str) -> Seal:
    """Seal a record just inserted (call inside its transaction): hash it as stored, after the head."""
    row = next(iter(db.query(f"select * from [{table}] where id = ?", [record_id])))
    prev = head(db, row["event_id"])
    sealed = Seal(record_id, table, prev, digest(table, row, prev))
    db.execute(_INSERT, [sealed.id, row["event_id"], table, sealed.prev, sealed.digest])
    return sealed


def seal_unsealed(db: Database, event_id: str, only: Iterable[str] | None = None) -> int:
    """Seal the event's records that have none yet, oldest first (a migrated database, an older file)."""
    wanted = set(only) if only is not None else None
    pending: list[tuple[str, int, int, str, str, Any]] = []
    for number, (table, moment) in enumerate((("decisions", "decided_at"), ("decision_amendments", "amended_at"))):
        # Plain tuples, each row's hashed columns picked by position: an import seals thousands at once.
        cursor = db.conn.execute(
            f"select rowid, * from [{table}] where event_id = ? "
            f"and id not in (select id from {DIGESTS} where event_id = ?)",
            [event_id, event_id],
        )
        names = [column[0] for column in cursor.description]
        at = {name: index for index, name in enumerate(names) if index}  # a column named rowid stays the column
        hashed = [at.get(column) for column in CANONICAL[table][1]]  # None: a column this schema lacks yet
        pick = itemgetter(*hashed) if None not in hashed else (
            lambda values, hashed=hashed: [None if index is None else values[index] for index in hashed]
        )
        own, when = at["id"], at[moment]
        for values in cursor:
            if wanted is None or values[own] in wanted:
                pending.append((str(values[when]), number, values[0], table, values[own], pick(values)))
    prev = head(db, event_id)
    rows = []
    # Oldest first: (moment, decisions before amendments, rowid) is unique, so the tuples sort on it alone.
    for *_, table, record_id, values in sorted(pending):
        sealed = digest_values(table, values, prev)
        rows.append([record_id, event_id, table, prev, sealed])
        prev = sealed
    insert_rows(db, DIGESTS, _COLUMNS, rows, len(rows))
    return len(rows)


def seals(db: Database, event_id: str) -> list[Seal]:
    return [
        Seal(row["id"], row["record"], row["prev"], row["digest"])
        for row in db.query(f"select * from {DIGESTS} where event_id = ? order by rowid", [event_id])
    ]


def records(db: Database, event_id: str) -> dict[str, tuple[str, dict[str, Any]]]:
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for table in CANONICAL:
        for row in db.query(f"select * from [{table}] where event_id = ? order by rowid", [event_id]):
            found[row["id"]] = (table, dict(row))
    return found


def check_event(db: Database, event_id: str) -> Broken | None:
    """The event's first broken record, or None when its whole decision log is sealed and intact."""
    return check(seals(db, event_id), records(db, event_id))
