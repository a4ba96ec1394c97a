"""The published JSON Schema (draft 2020-12) of the JSON export, generated from the table registry.

Each table in storage/tables.py becomes a ``$defs`` entry; its columns, their JSON types (from the SQL
type, NOT NULL, a ``CHECK (column IN (...))`` list, and the registry's ``lists`` and ``flags``) come from
a freshly migrated in-memory database, so the schema describes exactly what this build exports.

The schema ships in the package (``event.schema.json``, printed by ``facilitator schema``) and in
``docs/``. After adding a table or a column, regenerate both with::

    .venv/bin/python -m facilitator.export.schema

tests/unit/test_json_schema.py fails, naming what is missing, until the shipped files match.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from facilitator.export.json_format import FORMAT, VERSION
from facilitator.storage.tables import EVENT_TABLES, EventTable

SHIPPED = Path(__file__).with_name("event.schema.json")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "event.schema.json"
_CHECK_IN = re.compile(r"CHECK\s*\(\s*\[?(\w+)\]?\s+IN\s*\(([^)]*)\)\s*\)", re.IGNORECASE)


def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def _column(table: EventTable, name: str, sql_type: str, notnull: bool, choices: list[str] | None) -> dict[str, Any]:
    kind = sql_type.upper()
    if name in table.lists:
        schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    elif name in table.flags:
        schema = {"type": "boolean"}
    elif "INT" in kind:
        schema = {"type": "integer"}
    elif "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
        schema = {"type": "number"}
    elif "BLOB" in kind:
        schema = {"$ref": "#/$defs/$base64"}
    else:
        schema = {"type": "string"}
    if choices is not None:
        schema["enum"] = choices
    if not notnull and name != "id":
        if "type" in schema:
            schema["type"] = [schema["type"], "null"]
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _table(db: Any, table: EventTable) -> dict[str, Any]:
    choices = {match.group(1): re.findall(r"'([^']*)'", match.group(2)) for match in _CHECK_IN.finditer(db[table.name].schema)}
    columns = db[table.name].columns
    names = {column.name for column in columns}
    for declared in (*table.lists, *table.flags):
        if declared not in names:
            raise ValueError(f"storage/tables.py: {table.name}.{declared} is declared a list or flag but has no column")
    return {
        "type": "object",
        "required": ["id", *(column.name for column in columns if column.notnull and column.name != "id")],
        "properties": {
            column.name: _column(table, column.name, column.type, bool(column.notnull), choices.get(column.name))
            for column in columns
        },
        "additionalProperties": False,
    }


def generate() -> dict[str, Any]:
    """The schema for this build's export: every registered table that its migrations create."""
    from facilitator.storage.store import Store

    store = Store(":memory:")
    try:
        existing = set(store.db.table_names())
        tables = {table.name: _table(store.db, table) for table in EVENT_TABLES if table.name in existing}
    finally:
        store.close()
    rows = {name: {"type": "array", "items": {"$ref": f"#/$defs/{name}"}} for name in tables}
    rows["events"] |= {"minItems": 1, "maxItems": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:facilitator:schema:{FORMAT}:{VERSION}",
        "title": f"{FORMAT} export, version {VERSION}",
        "description": "One event and every record that belongs to it, as `facilitator export EVENT --format json` "
        "writes it. See docs/json-format.md.",
        "type": "object",
        "required": ["format", "version", "schema", "event_id", "tables"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION, "description": "the layout of the rows; files without it are version 1"},
            "schema": {"type": "integer", "minimum": 1, "description": "the exporting build's migration count"},
            "event_id": {"type": "string", "minLength": 1},
            "tables": {"type": "object", "properties": rows, "required": ["events"], "additionalProperties": False},
            "derived": {"type": "object", "description": "computed on the way out; import ignores it"},
        },
        "additionalProperties": False,
        "$defs": {
            "$base64": {
                "type": "object", "required": ["$base64"], "properties": {"$base64": {"type": "string"}},
                "additionalProperties": False,
            },
            **tables,
        },
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    text = dumps(generate())
    for path in (SHIPPED, DOCS):
        path.write_text(text, encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
