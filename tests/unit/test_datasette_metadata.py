"""Datasette's metadata: every table, view and column of a fresh database is described."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.datasette_metadata import metadata_json

DOCS = Path(__file__).resolve().parents[2] / "docs" / "datasette-metadata.json"


def test_every_table_view_and_column_of_a_fresh_database_is_described(store):
    found = json.loads(metadata_json())["databases"]["facilitator"]["tables"]
    fts = {row["name"] for row in store.db.query("select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%'")}
    names = [
        row["name"] for row in store.db.query("select name from sqlite_master where type in ('table', 'view')")
        if not row["name"].startswith("sqlite_") and not any(row["name"].startswith(table) for table in fts)
    ]
    assert {"events", "decisions", "current_decisions", "targets_latest"} <= set(names)
    missing = [name for name in names if not found.get(name, {}).get("description")]
    assert not missing, f"tables without a description: {missing}"
    for name in names:
        columns = [row["name"] for row in store.db.query(f"select name from pragma_table_info('{name}')")]
        described = found[name]["columns"]
        assert [column for column in columns if not described.get(column)] == [], name
        assert set(described) <= set(columns), f"{name} describes columns it does not have"
    assert set(found) <= set(names)


def test_the_command_prints_it_for_the_database_in_use_and_docs_hold_the_default(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "plant.db"), "datasette-metadata"])
    assert result.exit_code == 0
    printed = json.loads(result.output)
    assert printed["title"] and list(printed["databases"]) == ["plant"]
    assert not (tmp_path / "plant.db").exists()  # describing the schema opens no file
    assert DOCS.read_text(encoding="utf-8") == metadata_json()  # regenerate: facilitator datasette-metadata > docs/...
