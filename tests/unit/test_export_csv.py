"""CSV: one file per record type, prompts kept on reflection rows, formulas neutralised."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile

from facilitator.export import export_event
from facilitator.export.csv_format import neutralise
from facilitator.export.records import registered
from tests.export_support import HOSTILE, add_session, insert, kaizen_event


def _read_zip(path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as archive:
        # Deflated at zlib's fastest level: still every member compressed, whole and checked by its CRC.
        assert archive.testzip() is None
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()
        }


def test_formula_cells_are_neutralised():
    for value in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"):
        assert neutralise(value) == "'" + value
    assert neutralise("\rx") == "\u240dx"  # a carriage return shows as a symbol, which no spreadsheet runs
    for value in ("plain", "1=1", "a-b", "", 42, -3.5, None):
        assert neutralise(value) == value


def test_zip_holds_one_file_per_table_and_hostile_text_is_safe(store, tmp_path):
    event = kaizen_event(store, title="=HYPERLINK(\"http://evil\",\"click\")")
    for position, hostile in enumerate(HOSTILE):
        add_session(store.db, event, 1, position, hostile, 30)
    store.db.conn.commit()
    files = _read_zip(export_event(store, event.id, "csv", tmp_path / "out.zip"))

    assert set(files) == {f"{table.name}.csv" for table in registered(store.db)} | {"timeline.csv", "profile.csv"}
    header, *rows = files["sessions.csv"]
    assert header[:3] == ["id", "event_id", "day"]
    titles = [row[header.index("title")] for row in rows]
    assert len(titles) == len(HOSTILE)
    for cell in (cell for row in files["sessions.csv"] + files["events.csv"] for cell in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'=HYPERLINK(\"http://evil\")" in titles
    assert "line one\nline two" in titles  # newlines survive inside a quoted cell
    assert files["events.csv"][1][files["events.csv"][0].index("title")] == "'=HYPERLINK(\"http://evil\",\"click\")"


def test_reflection_rows_keep_their_framework_and_prompt(store, tmp_path):
    event = kaizen_event(store)
    reflection = str(uuid.uuid4())
    insert(store.db, "reflections", {
        "id": reflection, "event_id": event.id, "scope": "day", "day": 2, "framework": "aar",
        "framework_name": "After-Action Review", "status": "done", "loop": "single",
        "created_at": "2026-11-24T16:00:00.000000+00:00",
    })
    insert(store.db, "reflection_answers", {
        "id": str(uuid.uuid4()), "event_id": event.id, "reflection_id": reflection, "position": 0,
        "framework": "aar", "prompt": "What was supposed to happen?", "answer": "-Changeover in 30 min",
    })
    store.db.conn.commit()
    files = _read_zip(export_event(store, event.id, "csv", tmp_path / "out.zip"))
    header, row = files["reflection_answers.csv"]
    record = dict(zip(header, row))
    assert record["framework"] == "aar"
    assert record["prompt"] == "What was supposed to happen?"
    assert record["answer"] == "'-Changeover in 30 min"


def test_folder_output_when_the_path_is_not_a_zip(store, tmp_path):
    event = kaizen_event(store)
    folder = export_event(store, event.id, "csv", tmp_path / "csv-out")
    names = sorted(path.name for path in folder.iterdir())
    assert "events.csv" in names and "targets.csv" in names and "timeline.csv" in names
    assert not any(name.startswith(".") for name in names)
    text = (folder / "targets.csv").read_text(encoding="utf-8-sig")
    assert "Changeover time" in text


def test_default_csv_export_is_a_zip_in_the_exports_folder(store, tmp_path):
    event = kaizen_event(store)
    path = export_event(store, event.id, "csv")
    assert path.parent == tmp_path / "exports"  # beside the database in use
    assert path.suffix == ".zip" and zipfile.is_zipfile(path)
    second = export_event(store, event.id, "csv")
    assert second != path and second.exists() and path.exists()
