"""Rows of a file exported by an older facilitator, brought to the form this one stores.

An import takes files of every earlier schema; where a column's stored form changed, the old form is
turned into the new one here, before the rows are checked and compared with those already stored, so
the same record exported before and after an upgrade is one record, not a conflict.
"""

from __future__ import annotations

import json

from facilitator.export.records import EventRecords
from facilitator.storage.migrations import schema_of


def upgrade(records: EventRecords, schema: int) -> None:
    """Bring ``records`` read from a file of ``schema`` up to this version's stored form, in place."""
    if schema < schema_of("0012_foreign_keys_and_tags"):
        _tags_as_arrays(records)
        _clear_broken_links(records)


def _tags_as_arrays(records: EventRecords) -> None:
    # Tags were text separated by spaces; they are a JSON array now (as the migration turned them).
    for row in records.tables.get("decisions", []):
        row["tags"] = _array(row.get("tags"))
    for row in records.tables.get("decision_amendments", []):
        if row.get("field") == "tags":
            row["text"] = _array(row.get("text"))


def _array(text: object) -> object:
    if isinstance(text, str) and not text.startswith("[") and " ".join(text.split()) == text:
        return json.dumps(text.split(), ensure_ascii=False)
    return text  # not the old form: the file's own rules reject it, or it reads as it is


def _clear_broken_links(records: EventRecords) -> None:
    # A reflection's session and a lesson's follow-up became foreign keys; a link to a record deleted
    # before then (a session removed from the agenda) is cleared, as the migration cleared it in place.
    for table, column, parent in (("reflections", "session_id", "sessions"), ("learning_transfers", "followup_id", "followups")):
        known = {row["id"] for row in records.tables.get(parent, [])}
        for row in records.tables.get(table, []):
            if row.get(column) is not None and row[column] not in known:
                row[column] = None
