"""Where exports go: beside the database in use; -o takes a file, a .zip, or a folder, and nothing surprising."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner

from facilitator.cli import cli
from tests.export_support import kaizen_event


def _export(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)


def test_exports_go_beside_the_database_named_by_the_environment(store, tmp_path, monkeypatch):
    event = kaizen_event(store)
    store.close()
    elsewhere = tmp_path / "usb" / "plant.db"
    elsewhere.parent.mkdir()
    store.path.rename(elsewhere)
    monkeypatch.setenv("FACILITATOR_DB", str(elsewhere))
    result = CliRunner().invoke(cli, ["export", event.id, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = result.output.strip()
    assert written.startswith(str(tmp_path / "usb" / "exports" / "press-line-4"))
    assert not (tmp_path / "data" / "exports").exists()


def test_csv_output_is_a_zip_or_a_folder_and_a_csv_name_is_refused(store, tmp_path):
    event = kaizen_event(store)
    store.close()
    refused = _export(store.path, event.id, "--format", "csv", "-o", str(tmp_path / "cli.csv"))
    assert refused.exit_code == 1
    assert "CSV is one file per table: give a .zip name" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    assert not (tmp_path / "cli.csv").exists()

    archive = _export(store.path, event.id, "--format", "csv", "-o", str(tmp_path / "cli.zip"))
    assert archive.exit_code == 0 and zipfile.is_zipfile(tmp_path / "cli.zip")

    folder = _export(store.path, event.id, "--format", "csv", "-o", str(tmp_path / "tables") + "/")
    assert folder.exit_code == 0
    assert (tmp_path / "tables" / "events.csv").is_file()


def test_a_trailing_slash_means_a_new_folder_for_any_format(store, tmp_path):
    event = kaizen_event(store)
    store.close()
    result = _export(store.path, event.id, "--format", "html", "-o", str(tmp_path / "handover") + "/")
    assert result.exit_code == 0, result.output
    [written] = list((tmp_path / "handover").iterdir())
    assert written.suffix == ".html" and result.output.strip() == str(written)
