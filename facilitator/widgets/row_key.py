"""The record id under a DataTable's cursor, for the lists whose row keys are record ids."""

from __future__ import annotations

from textual.widgets import DataTable


def key_under_cursor(table: DataTable, placeholder: str | None = None) -> str | None:
    """The highlighted row's key; None on an empty table or on a row whose key starts with ``placeholder``
    (a group heading or an "add one" line, which stand in the list but are no record)."""
    if not table.row_count:
        return None
    row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    key = row_key.value
    if key is None or (placeholder is not None and key.startswith(placeholder)):
        return None
    return key
