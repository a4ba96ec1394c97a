"""An event's records, read table by table from the registry in ``storage/tables.py``.

Export, CSV and import are driven by ``EVENT_TABLES`` alone, so a table another area registers is
exported and merged without changes here. Rows are plain dicts of SQLite values, in a stable order
(the table's ``order_by``, then ``id``) so the same records always export to the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from facilitator.domain.errors import UserError
from facilitator.storage.bulk import quote
from facilitator.storage.tables import EVENT_TABLES, EventTable

Row = dict[str, Any]


@dataclass(frozen=True)
class Link:
    """How a table's rows reach their event: directly by a column, or through a parent table."""

    own_column: str | None  # None for the events table itself (its ``id`` is the event id)
    parent: str | None = None  # parent table name, when the row links through a parent
    parent_column: str = "id"


@dataclass
class EventRecords:
    """Every registered table's rows for one event, in EVENT_TABLES order."""

    event_id: str
    tables: dict[str, list[Row]] = field(default_factory=dict)
    _indexes: dict[tuple[str, str], dict[Any, list[Row]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def event(self) -> Row:
        return self.tables["events"][0]

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def grouped(self, table: str, column: str) -> dict[Any, list[Row]]:
        """``table``'s rows grouped by ``column`` (computed once), e.g. answers by reflection."""
        key = (table, column)
        if key not in self._indexes:
            groups: dict[Any, list[Row]] = {}
            for row in self.rows(table):
                groups.setdefault(row.get(column), []).append(row)
            self._indexes[key] = groups
        return self._indexes[key]

    def get(self, table: str, row_id: Any) -> Row | None:
        index = self._indexes.get((table, "id"))  # looked up per row by the timeline: skip grouped()'s call
        found = (index if index is not None else self.grouped(table, "id")).get(row_id)
        return found[0] if found else None

    def release(self) -> None:
        """Drop the rows (an import, once they are written), keeping the event id."""
        self.tables.clear()
        self._indexes.clear()

    def count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def registered(db: Database) -> list[EventTable]:
    """The registered tables that exist in this database, parents first."""
    existing = set(db.table_names())
    return [table for table in EVENT_TABLES if table.name in existing]


def resolve_link(db: Database, table: EventTable) -> Link:
    """Read ``event_link``: None, "column", "parent.column" or "parent.parent_column:own_column".

    In "parent.column", ``column`` may name either this table's foreign key to the parent or the
    parent's referenced column; the table's declared foreign keys settle which.
    """
    link = table.event_link
    if link is None:
        return Link(None)
    if "." not in link:
        return Link(link)
    parent, rest = link.split(".", 1)
    if ":" in rest:
        parent_column, own_column = rest.split(":", 1)
        return Link(own_column, parent, parent_column)
    keys = [key for key in db[table.name].foreign_keys if key.other_table == parent]
    for key in keys:
        if key.column == rest:
            return Link(rest, parent, key.other_column)
    for key in keys:
        if key.other_column == rest:
            return Link(key.column, parent, rest)
    if rest in {column.name for column in db[table.name].columns}:
        return Link(rest, parent, "id")
    raise UserError(f"Table {table.name}: cannot follow its event link {link!r}.")


def event_condition(db: Database, name: str, _depth: int = 0) -> tuple[str, int]:
    """A SQL condition selecting ``name``'s rows for one event, and how many times it needs the id."""
    if _depth > 10:
        raise UserError(f"Table {name}: its event link goes round in a circle.")
    table = _table(name)
    link = resolve_link(db, table)
    if link.own_column is None:
        return f"{quote('id')} = ?", 1
    if link.parent is None:
        return f"{quote(link.own_column)} = ?", 1
    inner, count = event_condition(db, link.parent, _depth + 1)
    return (
        f"{quote(link.own_column)} in (select {quote(link.parent_column)} from {quote(link.parent)} where {inner})",
        count,
    )


def _table(name: str) -> EventTable:
    for table in EVENT_TABLES:
        if table.name == name:
            return table
    raise UserError(f"Table {name} is not registered in storage/tables.py.")


def order_clause(table: EventTable) -> str:
    order = table.order_by.strip() or "id"
    return order if order == "id" else f"{order}, {quote('id')}"


def read_table(db: Database, table: EventTable, event_id: str) -> list[Row]:
    condition, count = event_condition(db, table.name)
    sql = f"select * from {quote(table.name)} where {condition} order by {order_clause(table)}"
    return query_rows(db, sql, [event_id] * count)


def values_of(columns: Sequence[str]) -> Callable[[Row], Sequence[Any]]:
    """A row's values in ``columns`` order (one C call a row; a single column still gives a sequence)."""
    if len(columns) == 1:
        column = columns[0]
        return lambda row: (row[column],)
    return itemgetter(*columns)


def query_rows(db: Database, sql: str, parameters: list[Any]) -> list[Row]:
    """The query's rows as dicts, straight from the cursor (db.query makes one a row and a list a copy of each)."""
    cursor = db.conn.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values)) for values in cursor]


def read_event(db: Database, event_id: str) -> EventRecords:
    """All of an event's records; raises UserError if there is no such event."""
    records = EventRecords(event_id)
    for table in registered(db):
        records.tables[table.name] = read_table(db, table, event_id)
    if not records.rows("events"):
        raise UserError(f"No event with id {event_id}.")
    return records


def columns(db: Database, name: str) -> list[str]:
    """The table's columns in the order they were created (for CSV headers)."""
    return [column.name for column in db[name].columns]
