"""Read an imported event back the way the cockpit and every export do, before the import commits.

The JSON check catches wrong shapes and types; this catches values only the domain can judge (an unknown
timer action, a timestamp that is not one, a verdict that does not exist). A file holding such a record is
refused whole, so nothing in the database is left that would break a screen or an export later.

The decision log is the one part of an event that grows to thousands of rows, and each of its records is
read on its own (the log, the search, the history each turn one row into a decision): the rows the import
wrote to it are read back one by one through the cockpit's own reader, with their moment in local time as
every screen shows it. The rest of the event is read back whole, through the report and every day's
report-out, which is where its records meet one another (the timer log folded into each session's state).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from facilitator.domain.clock import local_time
from facilitator.export.json_format import BadFile
from facilitator.export.records import EventRecords, read_table, registered
from facilitator.storage.store import Store

# What reading a bad value raises somewhere in the domain: enum and date parsing, lookups, arithmetic.
_UNREADABLE = (ValueError, KeyError, TypeError, OverflowError, AttributeError)
# Read row by row below, so the whole-event read-back leaves them out (the digests are read by nothing
# but `facilitator verify`, and the import checked their chain or made them).
LOG_TABLES = ("decisions", "decision_amendments", "decision_digests")


def check_readable(
    store: Store, event_id: str, now: datetime, name: str, written: Mapping[str, list[str]] | None = None,
) -> None:
    """``written``: per table, the ids of the rows the import wrote (None: read the log whole as well)."""
    from facilitator.export.report import build_report
    from facilitator.report.gather import daily_reports

    try:
        if written is not None:
            check_log_rows(store, written)
        event = store.events.get(event_id)
        records = EventRecords(event_id)
        for table in registered(store.db):
            if written is None or table.name not in LOG_TABLES:
                records.tables[table.name] = read_table(store.db, table, event_id)
        build_report(records, now)
        daily_reports(store, event_id, range(1, event.days + 1), decisions=None if written is None else [])
    except _UNREADABLE as error:
        raise BadFile(f"{name} holds a record facilitator cannot read ({error}); nothing imported.") from None


def check_log_rows(store: Store, written: Mapping[str, list[str]]) -> None:
    """Read each decision and amendment the import wrote as storage/decisions.py's ``_decision`` and
    ``_amendment`` read them for every screen (raising as they would), then its moment in local time, as
    the screens show it (a year-1 moment in a zone east of UTC does not fit).

    The same conversions, not the readers themselves: building a frozen ``Decision`` for each of 10,000
    rows cost more than the rest of the check, and a log repeats a handful of verdicts and tag lists, each
    read once here. tests/unit/test_import_readable.py holds the check to the readers: any row one refuses,
    so does the other.
    """
    from facilitator.domain.clock import from_iso
    from facilitator.domain.decision import AmendedField, DecidedBy, Verdict, stored_tags

    read: set[tuple[str, object]] = set()  # (column, value) already read without raising

    def once(column: str, value: object, convert) -> None:
        if (column, value) not in read:
            convert(value)
            read.add((column, value))

    for verdict, decided_by, tags, decided_at in _written_rows(store, "decisions", written, "verdict, decided_by, tags, decided_at"):
        once("verdict", verdict, Verdict)
        once("decided_by", decided_by, DecidedBy)
        once("tags", tags, stored_tags)
        local_time(from_iso(decided_at))
    for field, text, amended_at in _written_rows(store, "decision_amendments", written, "field, text, amended_at"):
        once("field", field, AmendedField)
        if field == AmendedField.TAGS.value:
            once("tags", text, stored_tags)
        local_time(from_iso(amended_at))


def _written_rows(store: Store, table: str, written: Mapping[str, list[str]], columns: str) -> list[tuple]:
    """``columns`` of the rows of ``table`` the import wrote, as the database holds them.

    The import wrote them in order, one after another, so they are the rows from the first one's rowid
    on: one range read, three times cheaper than looking up 10,000 ids. Should the rows found there not
    be exactly those (rowids are not promised to grow), they are looked up by id.
    """
    ids = written.get(table, [])
    if not ids:
        return []
    conn = store.db.conn
    first = conn.execute(f"select rowid from [{table}] where id = ?", [ids[0]]).fetchone()[0]
    found = conn.execute(f"select id, {columns} from [{table}] where rowid >= ? order by rowid", [first]).fetchall()
    if [row[0] for row in found] != ids:
        found = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = f"select id, {columns} from [{table}] where id in ({', '.join('?' * len(chunk))})"
            found += conn.execute(sql, chunk).fetchall()
    return [row[1:] for row in found]
