"""Checking an event's decision log when it opens, without rehashing a log already found intact.

The whole check (storage/digests.py) rehashes every decision and amendment of the event: about 140 ms at
10,000 decisions, on every open. Once a log has held, a fingerprint read in a few indexed queries says
whether anything the check reads can have changed since (storage/remembered.py):

- ``PRAGMA schema_version``: dropping a trigger to get past it (or any schema change) moves it;
- the change counters of ``decisions`` and ``decision_amendments``: triggers bump them on every insert,
  update and delete, from any connection (sqlite3 and Datasette too, migration 0009);
- the event's number of seals and its latest digest (a seal's rows cannot be changed or deleted).

Same fingerprint: the log is as it was when it held. Anything else runs the whole check, and only a log
that holds is remembered, so a broken one is flagged at every open. ``facilitator verify`` always checks
in full.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from facilitator.domain.digest import Broken
from facilitator.storage import remembered
from facilitator.storage.digests import DIGESTS, check_event, head

CHECKED = "checked-logs"  # the file in the data dir


def fingerprint(db: Database, event_id: str) -> str | None:
    """What must not have moved since the log last held; None when the file has no change counters."""
    seals = db.conn.execute(f"select count(*) from {DIGESTS} where event_id = ?", [event_id]).fetchone()[0]
    return remembered.fingerprint(db.conn, ("decisions", "decision_amendments"), (seals, head(db, event_id)))


def check_event_at_open(db: Database, database: Path | str, event_id: str) -> Broken | None:
    """The event's first broken record, or None; the whole check only when the log may have changed."""
    seen = fingerprint(db, event_id)  # read before the check: a change made during it moves it for next time
    if seen is not None and remembered.recall(CHECKED, database, event_id) == seen:
        return None
    broken = check_event(db, event_id)
    if broken is None and seen is not None:
        remembered.remember(CHECKED, database, event_id, seen)
    return broken
