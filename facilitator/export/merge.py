"""Import: merge an export's rows into the database by id, all or nothing.

A row whose id is new is inserted; the same id with the same content is skipped; the same id with
different content is a conflict: reported, and the existing row kept. Rows are only ever inserted
(never updated or deleted), so append-only triggers other areas put on their tables never fire.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from facilitator.export.json_format import BadFile
from facilitator.export.records import EventRecords, Row, query_rows, quote, read_table, registered, resolve_link, values_of
from facilitator.export.seals import mark_not_imported
from facilitator.storage.bulk import insert_rows
from facilitator.storage.errors import saving


@dataclass(frozen=True)
class Conflict:
    table: str
    id: str
    columns: tuple[str, ...]
    how: str = "differs in"

    def describe(self) -> str:
        if self.how == "differs in":
            return f"{self.table} {self.id}: differs in {', '.join(self.columns)}; kept the one already here"
        if self.how == "depends on":
            return f"{self.table} {self.id}: not imported, its {', '.join(self.columns)} is a record that was not imported"
        return f"{self.table} {self.id}: not imported, it clashes with a record already here ({', '.join(self.columns)})"


@dataclass
class ImportReport:
    event_id: str
    title: str
    added: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, after the summary (e.g. evidence files)

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    def summary(self) -> str:
        added = ", ".join(f"{count} {table}" for table, count in self.added.items() if count) or "nothing new"
        line = f"Imported {self.title!r} ({self.event_id[:8]}): added {added}; {self.unchanged} already here"
        if self.conflicts:
            line += f"; {len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''} (existing kept)"
        return line + "."


def merge(
    db: Database, records: EventRecords, name: str = "the file",
    verify: Callable[[dict[str, list[str]]], None] | None = None,
    check: Callable[[EventRecords, str, dict[str, set[str]]], None] | None = None,
) -> ImportReport:
    """Check ``records`` against this database, then insert what is new in one transaction.

    ``check`` judges the records once their shape is known to be right, before anything is written (it is
    given, per table, the ids of the rows already here unchanged, which it may pass over);
    ``verify`` runs inside the transaction after the inserts, given per table the ids of the rows written.
    If either raises, nothing is imported.
    """
    tables = {table.name: table for table in registered(db)}
    _check_tables(records, tables, name)
    report = ImportReport(records.event_id, str(records.event.get("title", "")))
    with saving("the import"), db.atomic():
        # Rows already here exactly as in the file (a re-import) are written by nobody: their types and the
        # domain's rules were judged when they went in, so only the rows that could be written are judged.
        # Read under the write lock, so what is compared is what the inserts meet.
        existing = {table: rows_by_id(db, table, [row["id"] for row in rows]) for table, rows in records.tables.items()}
        unchanged = {table: _unchanged(records.rows(table), existing[table]) for table in records.tables}
        _check_shape(db, records, tables, name, unchanged)
        if check is not None:
            check(records, name, unchanged)  # e.g. the screens' and the CLI's own rules, before anything is written
        db.execute("PRAGMA defer_foreign_keys = ON")
        skipped: set[tuple[str, str]] = set()
        written: dict[str, list[str]] = {}
        for table in tables.values():
            rows = records.rows(table.name)
            added = (
                _merge_table(db, table.name, rows, existing[table.name], unchanged[table.name], report, name, skipped)
                if rows else []
            )
            if added:
                report.added[table.name] = len(added)
                written[table.name] = added
        _check_links(db, records, tables, name)
        if verify is not None and report.added_total:  # nothing added: the database is as it was
            verify(written)
    return report


def _check_tables(records: EventRecords, tables: dict, name: str) -> None:
    unknown = sorted(set(records.tables) - set(tables))
    if unknown:
        raise BadFile(f"{name} holds table {unknown[0]!r}, which this facilitator does not know; nothing imported.")
    events = records.rows("events")
    if len(events) != 1 or events[0]["id"] != records.event_id:
        raise BadFile(f"{name} must hold exactly one events row, with the id in \"event_id\"; nothing imported.")


def _unchanged(rows: list[Row], existing: dict[str, Row]) -> set[str]:
    """The ids of ``rows`` already here with every column the same, value and type (1.0 is not 1)."""
    same: set[str] = set()
    for row in rows:
        here = existing.get(row["id"])
        # Equal dicts hold equal values under the same columns; equal values differ in type only as an
        # int and a float (the file's rows hold no bool, SQLite returns none), so without a float on
        # either side the types match too, and the column by column test is left for rows with one.
        if here is not None and here == row and (
            (float not in map(type, row.values()) and float not in map(type, here.values()))
            or all(type(here[column]) is type(value) for column, value in row.items())
        ):
            same.add(row["id"])
    return same


def _check_shape(db: Database, records: EventRecords, tables: dict, name: str, unchanged: dict[str, set[str]]) -> None:
    for table_name, rows in records.tables.items():
        types = {column.name: column.type.upper() for column in db[table_name].columns}
        # Each column's test worked out once from its declared type, not again for every value.
        fits = {column: _fits_test(declared) for column, declared in types.items()}
        link = resolve_link(db, tables[table_name])
        seen: set[str] = set()
        same = unchanged.get(table_name, set())
        for row in rows:
            if row["id"] in seen:
                raise BadFile(f"{name}: {table_name} row {row['id']} appears twice; nothing imported.")
            seen.add(row["id"])
            for column, value in () if row["id"] in same else row.items():
                test = fits.get(column)
                if test is None:
                    raise BadFile(
                        f"{name}: {table_name} has a column {column!r} this facilitator does not know; nothing imported."
                    )
                if value is not None and not test(value):
                    raise BadFile(
                        f"{name}: {table_name} row {row['id']}: {column} should be {_type_word(types[column])}; "
                        "nothing imported."
                    )
            if link.own_column and link.parent is None and row.get(link.own_column) != records.event_id:
                raise BadFile(f"{name}: {table_name} row {row['id']} belongs to another event; nothing imported.")


def _fits_test(declared: str) -> Callable[[object], bool]:
    """Whether a value (not None) can be stored in a column of this declared type, as it is."""
    if "INT" in declared:
        return lambda value: isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    if "TEXT" in declared or "CHAR" in declared or "CLOB" in declared:
        return lambda value: isinstance(value, str)
    if "BLOB" in declared:
        return lambda value: isinstance(value, bytes)
    return lambda value: not isinstance(value, int) or -(2**63) <= value < 2**63


def _type_word(declared: str) -> str:
    if "INT" in declared:
        return "a whole number"
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return "a number"
    if "BLOB" in declared:
        return "binary data"
    return "text"


def _merge_table(
    db: Database, table: str, rows: list[Row], existing_rows: dict[str, Row], unchanged: set[str],
    report: ImportReport, name: str, skipped: set[tuple[str, str]],
) -> list[str]:
    """The ids of the rows inserted."""
    keys = [key for key in db[table].foreign_keys if key.other_column == "id"]
    pending: list[Row] = []
    for row in _parents_first(table, rows, keys):
        marked = mark_not_imported(table, row, skipped) if skipped else row
        depends = [key for key in keys if (key.other_table, marked.get(key.column)) in skipped] if skipped else None
        if depends:
            skipped.add((table, row["id"]))
            report.conflicts.append(Conflict(table, row["id"], tuple(key.column for key in depends), "depends on"))
            continue
        if marked is row and row["id"] in unchanged:  # compared already, column by column
            report.unchanged += 1
            continue
        row = marked
        existing = existing_rows.get(row["id"])
        if existing is not None:
            differs = tuple(sorted(column for column, value in row.items() if existing.get(column) != value))
            if differs:
                report.conflicts.append(Conflict(table, row["id"], differs))
            else:
                report.unchanged += 1
            continue
        pending.append(row)
    if not pending:
        return []
    # All new rows in one statement per shape (executemany), inside a savepoint: one row refused for a
    # UNIQUE clash rolls the batch back and the rows go in one by one, so that row alone is skipped and
    # the rows that depend on it are reported rather than inserted.
    db.execute("SAVEPOINT merge_batch")
    try:
        for columns, batch in _by_shape(pending):
            insert_rows(db, table, columns, map(values_of(columns), batch), len(batch))
    except sqlite3.IntegrityError:
        db.execute("ROLLBACK TO merge_batch")
        db.execute("RELEASE merge_batch")
        return _insert_one_by_one(db, table, pending, keys, report, name, skipped)
    db.execute("RELEASE merge_batch")
    return [row["id"] for row in pending]


def _by_shape(rows: list[Row]) -> list[tuple[tuple[str, ...], list[Row]]]:
    """Consecutive rows with the same columns, together (order kept: a parent still comes first)."""
    groups: list[tuple[tuple[str, ...], list[Row]]] = []
    for row in rows:
        columns = tuple(row)
        if groups and groups[-1][0] == columns:
            groups[-1][1].append(row)
        else:
            groups.append((columns, [row]))
    return groups


def _insert_one_by_one(
    db: Database, table: str, rows: list[Row], keys: list, report: ImportReport, name: str,
    skipped: set[tuple[str, str]],
) -> list[str]:
    added: list[str] = []
    for row in rows:
        depends = [key for key in keys if (key.other_table, row.get(key.column)) in skipped]
        if depends:
            skipped.add((table, row["id"]))
            report.conflicts.append(Conflict(table, row["id"], tuple(key.column for key in depends), "depends on"))
            continue
        columns = list(row)
        try:
            insert_rows(db, table, columns, [[row[column] for column in columns]], 1)
        except sqlite3.IntegrityError as error:
            if "UNIQUE" not in str(error):
                raise BadFile(f"{name}: {table} row {row['id']} was refused ({error}); nothing imported.") from None
            # e.g. both laptops superseded the same decision: keep the one already here.
            skipped.add((table, row["id"]))
            report.conflicts.append(Conflict(table, row["id"], (str(error).split(": ", 1)[-1],), "clashes on"))
            continue
        added.append(row["id"])
    return added


def rows_by_id(db: Database, table: str, ids: list[str]) -> dict[str, Row]:
    """The rows already here with these ids, fetched a few hundred at a time."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"select * from {quote(table)} where {quote('id')} in ({', '.join('?' for _ in chunk)})"
        found.update({row["id"]: row for row in query_rows(db, sql, chunk)})
    return found


def _parents_first(table: str, rows: list[Row], keys: list) -> list[Row]:
    """Rows that point at other rows of the same table (supersedes) come after the rows they point at."""
    own = [key.column for key in keys if key.other_table == table]
    if not own:
        return rows
    by_id = {row["id"]: row for row in rows}
    # Most files already hold each row after the rows it points at: then the order below is theirs.
    earlier: set[str] = set()
    for row in rows:
        if any(row.get(column) in by_id and row.get(column) not in earlier for column in own):
            break
        earlier.add(row["id"])
    else:
        return rows
    ordered: list[Row] = []
    placed: set[str] = set()

    for row in rows:
        chain: list[Row] = []
        current: Row | None = row
        while current is not None and current["id"] not in placed:
            placed.add(current["id"])
            chain.append(current)
            parents = [by_id.get(current.get(column)) for column in own]
            current = next((parent for parent in parents if parent is not None and parent["id"] not in placed), None)
        ordered.extend(reversed(chain))
    return ordered


def _check_links(db: Database, records: EventRecords, tables: dict, name: str) -> None:
    """Foreign keys are checked before commit, and rows linked through a parent must reach this event."""
    for table_name in records.tables:
        problems = list(db.execute(f"PRAGMA foreign_key_check({quote(table_name)})").fetchall())
        if problems:
            rowid = problems[0][1]
            found = list(db.query(f"select id from {quote(table_name)} where rowid = ?", [rowid]))
            which = found[0]["id"] if found else f"rowid {rowid}"
            raise BadFile(
                f"{name}: {table_name} row {which} refers to a {problems[0][2]} record that is not there; nothing imported."
            )
        link = resolve_link(db, tables[table_name])
        if link.parent is None or not records.rows(table_name):
            continue
        parents = {row[link.parent_column] for row in read_table(db, tables[link.parent], records.event_id)}
        for row in records.rows(table_name):
            if row.get(link.own_column) not in parents:
                raise BadFile(f"{name}: {table_name} row {row['id']} belongs to another event; nothing imported.")
