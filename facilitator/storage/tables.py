"""The tables that hold an event's records, for export, import and merge.

Each area that adds a table registers it here: its name and the column that links a row to its event
(``None`` for the events table itself; a dotted "parent_table.column" path when a row links through a
parent, e.g. an answer through its reflection). Order matters: parents before children, so an import
can insert in this order with foreign keys on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventTable:
    name: str
    event_link: str | None  # column holding the event id, or "parent_table.parent_column:own_column"
    order_by: str = "id"


EVENT_TABLES: list[EventTable] = [
    EventTable("events", None),
    EventTable("targets", "event_id", "position"),
    EventTable("sessions", "event_id", "day, position"),
]
