"""The lossless JSON export: one envelope, the event's rows grouped per table, keys sorted.

``{"format": "facilitator.event", "version": 2, "schema": N, "event_id": "...", "tables": {...}}``
Rows hold the database values (text, integers, reals, null), except the columns storage/tables.py names
as lists (a JSON array, stored as text) and flags (0/1, written as false/true), so an export imported
into an empty database and exported again gives the same bytes. ``version`` is the layout of the rows:
1 (no key, files before it) kept lists as text and flags as 0/1; import reads both. ``schema`` is the
database's migration count. See docs/json-format.md and ``facilitator schema``.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

from facilitator.domain.errors import UserError
from facilitator.domain.text import LONG_TEXT_MAX
from facilitator.export.records import EventRecords, Row
from facilitator.export.upgrade import upgrade
from facilitator.storage.migrations import schema_version
from facilitator.storage.tables import EVENT_TABLES

# Per table: the columns written as arrays and as booleans (storage/tables.py says which).
_LISTS = {table.name: table.lists for table in EVENT_TABLES if table.lists}
_FLAGS = {table.name: table.flags for table in EVENT_TABLES if table.flags}

FORMAT = "facilitator.event"
# The layout of the rows: 2 writes lists as arrays and flags as booleans; 1 (no "version" key) did not.
VERSION = 2
_BYTES_KEY = "$base64"
# The most one text field may hold: the longest any dialog accepts (a problem statement, an answer).
FIELD_MAX = LONG_TEXT_MAX
# Text decoded from UTF-8 cannot hold a lone surrogate; only a JSON escape (\\ud800 to \\udfff) can put one
# there. A file without such an escape skips the per-field check, a large share of a big import's time.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {_BYTES_KEY: base64.b64encode(value).decode("ascii")}
    raise TypeError(f"cannot export a value of type {type(value).__name__}")


def dumps(records: EventRecords, derived: dict[str, Any] | None = None) -> str:
    """``derived`` (e.g. the method mirror) is computed from the records; :func:`parse` ignores it."""
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_version(),
        "event_id": records.event_id,
        "tables": {table: _written(table, rows) for table, rows in records.tables.items()},
    }
    if derived:
        envelope["derived"] = derived
    return json.dumps(envelope, indent=2, sort_keys=True, ensure_ascii=False, default=_encode) + "\n"


def _written(table: str, rows: list[Row]) -> list[Row]:
    """Rows as version 2 writes them: list columns as arrays, flags as booleans (other tables as they are)."""
    lists, flags = _LISTS.get(table, ()), _FLAGS.get(table, ())
    if not lists and not flags:
        return rows
    return [_written_row(row, lists, flags) for row in rows]


def _written_row(row: Row, lists: tuple[str, ...], flags: tuple[str, ...]) -> Row:
    row = dict(row)
    for column in lists:
        value = row.get(column)
        if isinstance(value, str):
            try:
                items = json.loads(value)
            except ValueError:
                continue  # not a list after all (typed in with sqlite3): kept as the text it is
            if isinstance(items, list) and all(isinstance(item, str) for item in items):
                row[column] = items
    for column in flags:
        if row.get(column) in (0, 1) and not isinstance(row.get(column), float):
            row[column] = bool(row[column])
    return row


def _stored(table: str, row: Any, version: int, where: str) -> Any:
    """A version 2 row's arrays and booleans back as the database holds them, before any other check."""
    if version < 2 or not isinstance(row, dict):
        return row
    for column in _LISTS.get(table, ()):
        value = row.get(column)
        if isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                raise BadFile(f"{where}: {column} must be a list of texts; nothing imported.")
            # As storage/events.py writes it, so merging the same record again finds it unchanged.
            row[column] = json.dumps(value, ensure_ascii=False)
    for column in _FLAGS.get(table, ()):
        if isinstance(row.get(column), bool):
            row[column] = int(row[column])
    return row


class BadFile(UserError):
    """An import file that cannot be merged; the message is one line naming the file."""


def load(path: Path) -> EventRecords:
    """Read and check an export file's envelope and row shapes (not yet against the database)."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise BadFile(f"{path} is a folder, not an export file.") from None
    except FileNotFoundError:
        raise BadFile(f"{path} does not exist.") from None
    except OSError as error:
        raise BadFile(f"Cannot read {path}: {error.strerror or error}.") from None
    return from_bytes(raw, str(path))


def from_bytes(raw: bytes, path: str) -> EventRecords:
    """An export's bytes (read from a file, or from a zip export) as checked records."""
    try:
        # "utf-8-sig": a byte-order mark, as some Windows editors write, is read past, not refused.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(f"{path} is not a facilitator JSON export (not UTF-8 text).") from None
    del raw  # memory: held once as text, then once as parsed rows
    if not text.strip():
        raise BadFile(f"{path} is empty; it is not a facilitator JSON export.")
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    try:
        data = json.loads(text)
        del text
    except json.JSONDecodeError as error:
        raise BadFile(
            f"{path} is not valid JSON (truncated or damaged near line {error.lineno}, column {error.colno}); "
            "nothing imported."
        ) from None
    except RecursionError:
        raise BadFile(f"{path} is nested too deeply to be a facilitator export; nothing imported.") from None
    return parse(data, str(path), surrogates=surrogates)


def parse(data: Any, name: str = "the file", *, surrogates: bool = True) -> EventRecords:
    """``surrogates=False``: the text the data came from held no surrogate escape, so none is checked for."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadFile(f"{name} is not a facilitator event export (expected \"format\": \"{FORMAT}\"); nothing imported.")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise BadFile(f"{name}: \"schema\" must be a whole number; nothing imported.")
    if schema > schema_version():
        raise BadFile(
            f"{name} was exported by a newer facilitator (schema {schema}, this one reads up to "
            f"{schema_version()}); upgrade facilitator to import it. Nothing imported."
        )
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadFile(f"{name}: \"version\" must be a whole number; nothing imported.")
    if version > VERSION:
        raise BadFile(
            f"{name} was written by a newer facilitator (format version {version}, this one reads up to "
            f"{VERSION}); upgrade facilitator to import it. Nothing imported."
        )
    event_id = data.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        raise BadFile(f"{name}: \"event_id\" must be the event's id; nothing imported.")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise BadFile(f"{name}: \"tables\" must map table names to lists of rows; nothing imported.")
    records = EventRecords(event_id)
    for table, rows in tables.items():
        if not isinstance(rows, list):
            raise BadFile(f"{name}: table {table!r} must be a list of rows; nothing imported.")
        records.tables[table] = [
            _row(table, index, _stored(table, row, version, f"{name}: {table} row {index}"), name, surrogates)
            for index, row in enumerate(rows, start=1)
        ]
    upgrade(records, schema)
    return records


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _row(table: str, index: int, row: Any, name: str, surrogates: bool = True) -> Row:
    if not isinstance(row, dict):
        raise BadFile(f"{name}: {table} row {index} is not an object; nothing imported.")
    if not isinstance(row.get("id"), str) or not row["id"]:
        raise BadFile(f"{name}: {table} row {index} has no text \"id\"; nothing imported.")
    for column, value in row.items():  # checked in place: a copy would double an import's memory
        # The usual values first, by exact type (all json.loads makes): most rows need nothing more.
        kind = type(value)
        if value is None or (kind is str and len(value) <= FIELD_MAX and not surrogates):
            continue
        if (kind is int and -(2**63) <= value < 2**63) or (kind is float and value == value):
            continue
        _value(table, index, row, name, column, value)
    return row


def _value(table: str, index: int, row: Row, name: str, column: str, value: Any) -> None:
    """Check one value that is not plainly acceptable; a bad one refuses the file, naming row and field."""
    where = f"{name}: {table} row {index}"
    if isinstance(value, dict) and set(value) == {_BYTES_KEY} and isinstance(value[_BYTES_KEY], str):
        try:
            row[column] = base64.b64decode(value[_BYTES_KEY], validate=True)
        except ValueError:
            raise BadFile(f"{where}: {column} holds damaged binary data; nothing imported.") from None
    elif value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
        raise BadFile(
            f"{where} ({row['id']}): {column} holds a {type(value).__name__}, not text or a number; nothing imported."
        )
    elif isinstance(value, str) and len(value) > FIELD_MAX:
        raise BadFile(
            f"{name}: {table} row {row['id']}, field {column}: holds {len(value):,} characters; at most "
            f"{FIELD_MAX:,} fit in one field; nothing imported."
        )
    elif isinstance(value, str) and not _encodable(value):
        raise BadFile(f"{where} ({row['id']}): {column} holds broken text (a lone surrogate); nothing imported.")
    elif isinstance(value, float) and value != value:
        raise BadFile(f"{where} ({row['id']}): {column} is NaN, not a number; nothing imported.")
    elif isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise BadFile(f"{where} ({row['id']}): {column} is a number too large to store; nothing imported.")
