"""The published JSON Schema: generated from the table registry, shipped, printed, and every export meets it;
version 2 files write lists as arrays and flags as booleans, and version 1 files still import."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.export import export_event, import_file, json_format
from facilitator.export.schema import DOCS, SHIPPED, dumps, generate
from facilitator.storage.store import Store
from facilitator.storage.tables import EVENT_TABLES
from tests.export_support import as_version_1, assert_valid

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))


def _differences(shipped: dict, generated: dict) -> list[str]:
    old, new = shipped["$defs"], generated["$defs"]
    found = [f"table {name} is not in it" for name in new if name not in old]
    found += [f"table {name} is no longer exported" for name in old if name not in new]
    for name in set(old) & set(new):
        columns, shipped_columns = new[name].get("properties", {}), old[name].get("properties", {})
        found += [f"column {name}.{column} is not in it" for column in columns if column not in shipped_columns]
        found += [f"column {name}.{column} differs" for column in columns
                  if column in shipped_columns and columns[column] != shipped_columns[column]]
    return found or ["its envelope differs"]


def test_the_shipped_schema_is_the_one_the_registry_and_migrations_give():
    generated = generate()
    jsonschema.Draft202012Validator.check_schema(generated)
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert shipped == generated, (
        f"{SHIPPED.name} is out of date ({'; '.join(_differences(shipped, generated))}): a table or column was "
        "added to storage/tables.py or the migrations. Say in tables.py which columns are lists or flags, then "
        "regenerate with `.venv/bin/python -m facilitator.export.schema` and commit both files."
    )
    assert DOCS.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8") == dumps(generated)
    assert set(generated["$defs"]) - {"$base64"} == {table.name for table in EVENT_TABLES}


def test_facilitator_schema_prints_it():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def demo(tmp_path):
    store = Store(tmp_path / "demo.db")
    load_demo(store)
    yield store
    store.close()


def test_demo_exports_meet_the_schema_and_version_1_files_still_import(demo, tmp_path):
    for (event_id,) in demo.db.execute("select id from events order by id").fetchall():
        path = export_event(demo, event_id, "json", tmp_path / f"{event_id}.json")
        export = json.loads(path.read_text(encoding="utf-8"))
        assert_valid(export)
        event = export["tables"]["events"][0]
        assert export["version"] == 2 and event["archived"] is False
        assert isinstance(event["team"], list) and isinstance(event["in_bounds"], list)

        # A version 1 file (lists as text, archived as 0) imports into an empty database ...
        old = tmp_path / f"{event_id}-v1.json"
        old.write_text(json.dumps(as_version_1(export), indent=2), encoding="utf-8")
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(json.loads(old.read_text()), VALIDATOR.schema)
        empty = Store(tmp_path / f"{event_id}-empty.db", demo.clock)
        first = import_file(empty, old)
        assert first.conflicts == [] and first.added_total > 0
        # ... exports again as the same version 2 bytes, and the version 2 file merges over it unchanged.
        again = export_event(empty, event_id, "json", tmp_path / f"{event_id}-again.json")
        assert again.read_bytes() == path.read_bytes()
        second = import_file(empty, path)
        assert second.added_total == 0 and second.conflicts == [] and second.unchanged == first.added_total
        empty.close()


def test_a_version_2_file_merges_into_a_database_that_tookas_version_1(demo, tmp_path):
    event_id = demo.db.execute("select id from events order by id").fetchone()[0]
    path = export_event(demo, event_id, "json", tmp_path / "v2.json")
    target = Store(tmp_path / "target.db", demo.clock)
    import_file(target, path)
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(as_version_1(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    report = import_file(target, old)
    assert report.added_total == 0 and report.conflicts == []
    target.close()


def test_a_newer_version_or_a_list_of_numbers_is_refused_in_one_line(demo, tmp_path):
    event_id = demo.db.execute("select id from events order by id").fetchone()[0]
    export = json.loads(export_event(demo, event_id, "json", tmp_path / "e.json").read_text(encoding="utf-8"))
    newer = dict(export, version=3)
    with pytest.raises(json_format.BadFile, match="format version 3, this one reads up to 2"):
        json_format.parse(json.loads(json.dumps(newer)), "newer.json")
    export["tables"]["events"][0]["team"] = ["Ana", 7]
    with pytest.raises(json_format.BadFile, match="events row 1: team must be a list of texts"):
        json_format.parse(export, "bad.json")
