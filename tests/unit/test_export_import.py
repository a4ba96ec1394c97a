"""Import merges by id, reports conflicts, and refuses a bad file whole, leaving the database unchanged."""

from __future__ import annotations

import json
import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.errors import UserError
from facilitator.export import export_event, import_file
from facilitator.export.json_format import BadFile
from facilitator.storage.migrations import schema_version
from facilitator.storage.store import Store
from tests.export_support import add_session, kaizen_event, log_timer, snapshot


@pytest.fixture
def exported(store, tmp_path):
    """A blitz with a session and a timer start, exported to JSON: (event, path, parsed)."""
    event = kaizen_event(store)
    session = add_session(store.db, event, 3, 0, "Trial the new die cart", 60)
    log_timer(store.db, event, session, "start", store.clock.now())
    path = export_event(store, event.id, "json", tmp_path / "laptop-a.json")
    return event, path, json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def other(tmp_path, clock):
    store = Store(tmp_path / "other.db", clock)
    yield store
    store.close()


def _write(tmp_path, data, name="bad.json") -> object:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_importing_twice_changes_nothing(exported, other):
    event, path, _ = exported
    first = import_file(other, path)
    assert first.added == {"events": 1, "targets": 1, "sessions": 1, "timer_log": 1}
    before = snapshot(other.db)
    second = import_file(other, path)
    assert second.added_total == 0 and second.unchanged == 4 and second.conflicts == []
    assert snapshot(other.db) == before
    assert other.events.get(event.id).title == event.title


def test_two_laptops_merge_into_one_event(store, exported, other, tmp_path, clock):
    event, path_a, _ = exported
    # Laptop B started from laptop A's file, then logged its own session.
    import_file(other, path_a)
    clock.advance(hours=2)
    extra = add_session(other.db, event, 3, 1, "Standard work draft", 45)
    other.db.conn.commit()
    path_b = export_event(other, event.id, "json", tmp_path / "laptop-b.json")
    # Laptop A meanwhile added another session.
    mine = add_session(store.db, event, 4, 0, "Train operators", 90)
    store.db.conn.commit()

    report = import_file(store, path_b)

    assert report.added == {"sessions": 1}
    assert report.conflicts == []
    titles = {row["id"]: row["title"] for row in store.db["sessions"].rows}
    assert titles[extra] == "Standard work draft" and titles[mine] == "Train operators"
    assert len(titles) == 3


def test_conflict_is_reported_and_existing_record_kept(store, exported, tmp_path):
    event, _, data = exported
    data["tables"]["sessions"][0]["title"] = "Renamed on the other laptop"
    data["tables"]["sessions"].append({**data["tables"]["sessions"][0], "id": "new-session", "title": "New one"})
    report = import_file(store, _write(tmp_path, data))
    assert [(c.table, c.columns) for c in report.conflicts] == [("sessions", ("title",))]
    assert report.added == {"sessions": 1}
    titles = sorted(row["title"] for row in store.db["sessions"].rows)
    assert titles == ["New one", "Trial the new die cart"]
    assert "1 conflict" in report.summary()


BAD_FILES = {
    "malformed": ("{not json", "not valid JSON"),
    "empty": ("", "is empty"),
    "wrong format": ({"format": "something.else", "schema": 1}, "not a facilitator event export"),
    "a list": ([1, 2, 3], "not a facilitator event export"),
    "newer schema": (None, "newer facilitator"),
    "schema as text": (None, "\"schema\" must be a whole number"),
    "unknown table": (None, "does not know"),
    "unknown column": (None, "column 'colour'"),
    "wrong type": (None, "should be a whole number"),
    "row is a list": (None, "is not an object"),
    "row without id": (None, "has no text \"id\""),
    "nested value": (None, "holds a list"),
    "row of another event": (None, "belongs to another event"),
    "dangling link": (None, "refers to a sessions record that is not there"),
    "two event rows": (None, "exactly one events row"),
    "lone surrogate": ('{"format": "facilitator.event", "schema": 1, "event_id": "e", "tables": '
                       '{"events": [{"id": "e", "title": "\\ud800"}]}}', "broken text"),
    "NaN": (None, "is NaN"),
    "huge number": (None, "too large to store"),
}


def _bad(name: str, data: dict) -> object:
    data = json.loads(json.dumps(data))
    tables = data["tables"]
    if name == "newer schema":
        data["schema"] = schema_version() + 1
    elif name == "schema as text":
        data["schema"] = "3"
    elif name == "unknown table":
        tables["spreadsheets"] = []
    elif name == "unknown column":
        tables["sessions"][0]["colour"] = "red"
    elif name == "wrong type":
        tables["sessions"][0]["planned_minutes"] = "sixty"
    elif name == "row is a list":
        tables["sessions"].append(["x"])
    elif name == "row without id":
        del tables["sessions"][0]["id"]
    elif name == "nested value":
        tables["sessions"][0]["notes"] = ["a", "b"]
    elif name == "row of another event":
        tables["sessions"].append({**tables["sessions"][0], "id": "s2", "event_id": "someone-else"})
    elif name == "dangling link":
        tables["timer_log"][0]["id"] = "t2"
        tables["timer_log"][0]["session_id"] = "no-such-session"
    elif name == "NaN":
        tables["targets"][0]["baseline"] = float("nan")
    elif name == "huge number":
        tables["targets"][0]["baseline"] = 10**30
    elif name == "two event rows":
        tables["events"].append({**tables["events"][0], "id": "e2"})
    return data


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_refused_whole_with_one_line(case, exported, other, tmp_path):
    event, good, data = exported
    content, expected = BAD_FILES[case]
    if content is None:
        content = _bad(case, data)
        # The good rows of the same file would be new here, so "nothing imported" is meaningful.
        content["tables"]["sessions"].append({**data["tables"]["sessions"][0], "id": "extra", "title": "extra"})
    before = snapshot(other.db)
    with pytest.raises(UserError) as caught:
        import_file(other, _write(tmp_path, content))
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert snapshot(other.db) == before


def test_truncated_file_is_refused(exported, other, tmp_path):
    _, good, _ = exported
    raw = good.read_bytes()
    for cut in (1, len(raw) // 3, len(raw) // 2, len(raw) - 3):
        path = tmp_path / f"cut{cut}.json"
        path.write_bytes(raw[:cut])
        with pytest.raises(BadFile, match="not valid JSON"):
            import_file(other, path)
    assert other.events.list() == []


def test_refused_import_mid_way_rolls_back_rows_already_inserted(exported, other, tmp_path):
    """The sessions go in before the timer log's bad link is found: all of it is rolled back."""
    _, _, data = exported
    data["tables"]["timer_log"][0]["session_id"] = "missing"
    with pytest.raises(BadFile):
        import_file(other, _write(tmp_path, data))
    assert other.events.list() == []
    assert other.db.execute("select count(*) from sessions").fetchone()[0] == 0


def test_not_utf8_and_folder_and_missing_file(other, tmp_path):
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BadFile, match="not UTF-8"):
        import_file(other, binary)
    with pytest.raises(BadFile, match="is a folder"):
        import_file(other, tmp_path)
    with pytest.raises(BadFile, match="does not exist"):
        import_file(other, tmp_path / "nope.json")


def test_cli_import_exit_status_and_one_line(exported, tmp_path):
    _, good, data = exported
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    ok = runner.invoke(cli, ["--db", db, "import", str(good)])
    assert ok.exit_code == 0, ok.output
    assert "added 1 events" in ok.output
    newer = _write(tmp_path, {**data, "schema": schema_version() + 5}, "newer.json")
    refused = runner.invoke(cli, ["--db", db, "import", str(newer)])
    assert refused.exit_code == 1
    assert len(refused.output.strip().splitlines()) == 1
    assert "newer facilitator" in refused.output
    assert "Traceback" not in refused.output


def test_cli_export_by_prefix_into_exports_folder(store, tmp_path, clock):
    event = kaizen_event(store)
    store.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(store.path), "export", event.id[:6], "--format", "html"])
    assert result.exit_code == 0, result.output
    written = result.output.strip()
    assert written.startswith(str(tmp_path / "exports"))  # beside --db
    assert written.endswith(".html") and "press-line-4-changeover-blitz-smed-" in written
    unknown = runner.invoke(cli, ["--db", str(store.path), "export", "zzzz"])
    assert unknown.exit_code == 1 and "No event" in unknown.output


def test_cli_export_to_a_chosen_file_or_folder(store, tmp_path):
    event = kaizen_event(store)
    store.close()
    runner = CliRunner()
    target = tmp_path / "handover.json"
    result = runner.invoke(cli, ["--db", str(store.path), "export", event.id, "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["event_id"] == event.id
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    result = runner.invoke(cli, ["--db", str(store.path), "export", event.id, "-o", str(folder)])
    assert result.exit_code == 0, result.output
    written = [path.name for path in folder.iterdir()]
    assert len(written) == 1 and written[0].endswith(".md")
