"""An imported file's decision log must be sealed as it was exported (see facilitator/domain/digest.py).

A file written by this version carries ``decision_digests``: its chain is checked before anything is
imported, and a file whose records were changed, removed or slipped in is refused whole. A file from an
older version carries no digests: its decisions and amendments are sealed as they are imported, after
the records already here.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitator.domain.digest import CANONICAL, NOT_IMPORTED, Seal, check
from facilitator.export.json_format import BadFile
from facilitator.export.records import EventRecords, Row
from facilitator.storage.digests import DIGESTS, seal_unsealed


def check_file(records: EventRecords, name: str) -> None:
    """Refuse a file whose decision log does not match its digests (one line, nothing imported)."""
    rows = records.rows(DIGESTS)
    if not rows:
        return
    try:
        seals = [Seal(row["id"], row["record"], row["prev"], row["digest"]) for row in rows]
        found = {row["id"]: (table, row) for table in CANONICAL for row in records.rows(table)}
        broken = check(seals, found)
    except (KeyError, TypeError) as error:
        raise BadFile(f"{name}: its decision digests are not readable ({error}); nothing imported.") from None
    if broken is not None:
        raise BadFile(f"{name}: the decision log's digest chain is broken: {broken.describe()}; nothing imported.")


def seal_imported(db: Database, records: EventRecords) -> None:
    """Seal what a file from an older version brought without digests (inside the import's transaction)."""
    if records.rows(DIGESTS):
        return
    ids = [row["id"] for table in CANONICAL for row in records.rows(table)]
    if ids:
        seal_unsealed(db, records.event_id, only=ids)


def mark_not_imported(table: str, row: Row, skipped: set[tuple[str, str]]) -> Row:
    """The seal of a record this import did not take is kept, marked, so later seals still link to it."""
    if table == DIGESTS and any((sealed, row.get("id")) in skipped for sealed in CANONICAL):
        return {**row, "record": NOT_IMPORTED}
    return row
