"""The tables that hold an event's records, for export, import and merge.

Each area that adds a table registers it here: its name and the column that links a row to its event
(``None`` for the events table itself; a dotted "parent_table.column" path when a row links through a
parent, e.g. an answer through its reflection). Order matters: parents before children, so an import
can insert in this order with foreign keys on.

The published JSON Schema of the export (``facilitator schema``; export/schema.py) is generated from this
registry and the migrated database: each column's JSON type comes from its SQL type and NOT NULL. Two
kinds of column need saying here, as SQL cannot tell them apart from text and whole numbers:
``lists`` (text holding a JSON array of strings, written in the export as an array) and ``flags`` (0/1,
written as ``false``/``true``). After adding a table or such a column, regenerate the shipped schema with
``.venv/bin/python -m facilitator.export.schema``; tests/unit/test_json_schema.py fails, naming the table
or column, until the shipped schema matches.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventTable:
    name: str
    # The column holding the event id; or a path through a parent: "parent_table.own_column" (own_column
    # references the parent's id) or "parent_table.parent_column:own_column" (facilitator/export/records.py).
    event_link: str | None
    order_by: str = "id"  # SQL order of the rows in an export; the id is always the last tie-breaker
    lists: tuple[str, ...] = ()  # columns holding a JSON array of strings as text (an array in the export)
    flags: tuple[str, ...] = ()  # 0/1 columns (false/true in the export)


EVENT_TABLES: list[EventTable] = [
    EventTable("events", None, lists=("team", "in_bounds", "out_of_bounds", "dates"), flags=("archived",)),
    EventTable("targets", "event_id", "position"),
    EventTable("sessions", "event_id", "day, position"),
    EventTable("timer_log", "event_id", "rowid"),  # the order actions happened, whatever the clock said
    # A superseded decision before its successor.
    EventTable("decisions", "event_id", "decided_at, rowid", lists=("tags",)),
    EventTable("decision_amendments", "event_id", "amended_at, rowid"),
    EventTable("decision_digests", "event_id", "rowid"),  # the order they were sealed: each follows an earlier one
    EventTable("reflections", "event_id", "created_at"),
    EventTable("reflection_answers", "event_id", "reflection_id, position"),
    EventTable("assumptions", "event_id", "reflection_id, position"),
    EventTable("followups", "event_id", "created_at"),
    EventTable("followup_changes", "event_id", "changed_at"),
    EventTable("learning_transfers", "event_id", "reflection_id, position"),  # after followups: it links to one
    EventTable("measurements", "event_id", "measured_at"),
    # Not rowid: an import inserts parents first, so only the data itself gives the same order back.
    EventTable("causes", "event_id", "created_at"),
    # After decisions and followups: a chosen or dropped countermeasure points at its decision (and follow-up).
    EventTable("countermeasures", "event_id", "created_at"),
    EventTable("countermeasure_causes", "event_id", "countermeasure_id, position"),
    EventTable("countermeasure_votes", "event_id", "countermeasure_id, member"),
    EventTable("attendance", "event_id", "session_id, position", flags=("guest", "present")),
    EventTable("evidence", "event_id", "attached_at"),
]
