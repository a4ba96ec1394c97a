"""Export an event (Markdown, printable HTML, the one-page A3, lossless JSON, CSV, a calendar); merge JSON back in.

No Textual here: the CLI and the cockpit's worker both call :func:`export_event` and :func:`import_file`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from facilitator import paths
from facilitator.domain.errors import UserError
from facilitator.export import files, json_format
from facilitator.export.merge import ImportReport, merge, rows_by_id
from facilitator.export.records import EventRecords, read_event
from facilitator.storage.store import Store

FORMATS = ("md", "json", "csv", "html", "a3", "ics", "zip")


def exports_folder(store: Store) -> Path:
    """Where exports go when no path is given: ``exports/`` beside the database in use."""
    return paths.exports_dir(store.path)


def export_event(
    store: Store, event_id: str, fmt: str, output: Path | None = None, *, folder: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the event in ``fmt``; returns the path written.

    No ``output``: a new file in :func:`exports_folder`. A folder (one that exists, or ``folder=True`` for a
    path typed with a trailing slash): a new file in it, or for CSV the tables themselves. A file path:
    that file; CSV, being one file per table, takes a ``.zip`` (an archive) or a name without a suffix (a
    folder), and refuses anything else rather than making a folder called ``report.csv``. ``warn`` hears
    of a broken report template in the config folder (the built-in one is used instead).
    """
    if fmt not in FORMATS:
        raise UserError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    records = read_event(store.db, event_id)
    title = str(records.event["title"])
    if output is None:
        path = files.default_path(title, fmt, store.clock.now(), folder=exports_folder(store))
    elif folder or output.is_dir():
        path = output if fmt == "csv" else files.default_path(title, fmt, store.clock.now(), folder=output)
    elif fmt == "csv" and output.suffix.lower() not in ("", ".zip"):
        raise UserError(
            f"CSV is one file per table: give a .zip name for an archive or a folder (ending in /), not {output.name}."
        )
    else:
        path = output
    if fmt == "a3":
        from facilitator.export import a3

        causes = records.rows("causes") if "causes" in records.tables else _causes(store, event_id)
        return files.write_text(path, a3.render(records, store.clock.now(), causes, store.evidence.read_file))
    from facilitator.export import mirror_section
    from facilitator.storage.mirror import event_mirror

    event = store.events.get(event_id)  # read once: the mirror, the calendar and the report-outs take it
    mirror = event_mirror(store, event)  # derived from the records: exported, never imported
    if fmt in ("json", "zip"):
        from facilitator.export.causes_section import fishbone_json

        derived = {"profile": mirror.as_json(), "fishbone": fishbone_json(records)}
        text = json_format.dumps(records, derived=derived)
        if fmt == "json":
            return files.write_text(path, text)
        from facilitator.export import bundle

        return bundle.write(path, text, records.rows("evidence"), store.evidence.read_file, store.clock.now())
    if fmt == "ics":
        from facilitator.export import ics_format

        data = ics_format.dumps(event, records)
        return files.write_atomically(path, lambda temporary: temporary.write_bytes(data))
    if fmt == "csv":
        from facilitator.export import csv_format

        extra = {mirror_section.CSV_NAME: mirror_section.csv_text(mirror)}
        return csv_format.write(store.db, records, path, store.clock.now(), extra=extra)
    from facilitator.export.report import build_report

    report = build_report(records, store.clock.now())
    report.sections.insert(-1, mirror_section.section(mirror))  # before the timeline, the longest part
    from facilitator.export import people_section

    for part in (people_section.attendance_section(records), people_section.evidence_section(records, store.evidence.read_file)):
        if part is not None:
            report.sections.insert(-2, part)  # beside the targets, before the mirror and the timeline
    if records.event["kind"] == "action_learning":
        from facilitator.export import learning_section
        from facilitator.report.learning import gather_learning

        report.sections.insert(0, learning_section.section(gather_learning(store, event)))  # learning leads
    if fmt == "md":
        from facilitator.export.markdown import render
        from facilitator.report.gather import daily_reports_markdown

        # Each day's report-out, as shown in the cockpit, from the decision rows read above.
        daily = daily_reports_markdown(store, event, decisions=records.rows("decisions"))
        return files.write_text(path, render(report, daily, warn))
    from facilitator.export.html import render

    return files.write_text(path, render(report, warn))


def _causes(store: Store, event_id: str) -> list[dict]:
    """The event's causes read directly, for a database whose causes table is not in the registry."""
    if not store.db["causes"].exists():
        return []
    return [dict(row) for row in store.db.query("select * from causes where event_id = ? order by rowid", [event_id])]


def import_file(store: Store, path: Path) -> ImportReport:
    """Merge a JSON export (or a zip export: the JSON and its files) into the database by id, in one transaction."""
    # The cycle collector would walk the file's tens of thousands of rows again and again while they are
    # parsed, checked and written (about a tenth of a big import), and those rows hold no cycles: it waits
    # until the import is over. Left off only if something else had turned it off.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import_file(store, Path(path))
    finally:
        if collecting:
            gc.enable()


def _import_file(store: Store, path: Path) -> ImportReport:
    from facilitator.export import bundle
    from facilitator.export.seals import check_file, seal_imported
    from facilitator.export.validate import check_records
    from facilitator.export.verify import check_readable

    from_zip = bundle.is_bundle(path)
    kept: dict[str, bytes] = {}
    mismatched: list[str] = []
    if from_zip:
        records, kept, mismatched = bundle.read(path)  # every file checked against its digest before any write
    else:
        records = json_format.load(path)
    check_file(records, str(path))
    files_named = bundle.named_files(records)  # kept aside: the rows are let go before the merge ends

    def verify(written: dict[str, list[str]]) -> None:
        seal_imported(store.db, records)
        # Memory: the file's rows are in the database now and the read-back reads them from there; letting
        # them go first keeps an import's peak near the parsed file's size instead of twice it.
        records.release()
        check_readable(store, records.event_id, store.clock.now(), str(path), written)

    # The same rules as the screens and the CLI, record by record, before anything is written.
    def check(records: EventRecords, name: str, unchanged: dict[str, set[str]]) -> None:
        check_records(records, name, lambda ids: rows_by_id(store.db, "causes", ids), unchanged)

    report = merge(store.db, records, str(path), verify, check=check)
    # The rows are committed; the files follow (a file is only ever added, under its own digest).
    note = bundle.restore(store.evidence, files_named, kept, mismatched, from_zip=from_zip)
    if note:
        report.notes.append(note)
    return report


__all__ = ["FORMATS", "EventRecords", "ImportReport", "export_event", "import_file", "read_event"]
