"""CSV: one file per table, in a zip (``.zip``) or a folder (any other path), safe to open in a spreadsheet.

Control characters show as visible symbols (see :mod:`facilitator.domain.display`). Text cells a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) get
a leading apostrophe. Reflection answers keep their framework and prompt columns, like every other row.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from facilitator.domain.clock import local_time
from facilitator.domain.display import visible
from facilitator.export import files
from facilitator.export.records import EventRecords, columns, values_of
from facilitator.export.timeline import timeline

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DEFLATE_LEVEL = 1


def neutralise(value: object) -> object:
    """A cell a spreadsheet shows as text: control characters visible, never a formula."""
    if not isinstance(value, str):
        return value
    value = visible(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# What neutralise() may change in a column's texts joined by newlines (which it never changes): a formula
# start right after one, or a control character.
_FORMULA = re.compile("\n[=+\\-@\t\r]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _shown(column: Sequence[object]) -> Sequence[object]:
    """neutralise() of every cell of a column, judged for the whole column first (a 10,000-row table is
    mostly clean text, and a call per cell was most of the CSV export's time): no formula start and no
    control character, nothing to change; formula starts alone, only the apostrophes to add."""
    texts = "\n" + "\n".join([value for value in column if isinstance(value, str)])
    if _CONTROL.search(texts) is not None:
        return [neutralise(value) for value in column]
    if _FORMULA.search(texts) is None:
        return column
    return ["'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value for value in column]


def table_csv(header: list[str], rows: list[Sequence[object]]) -> str:
    """The header and rows, every cell through neutralise(); None is an empty cell."""
    if len(header) == 1 or not rows:  # csv.writer quotes a row's only cell when it is empty: its own rules
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")  # writes None as an empty cell
        writer.writerow([neutralise(name) for name in header])
        writer.writerows([neutralise(value) for value in row] for row in rows)
        return out.getvalue()
    return columns_csv(header, list(zip(*rows, strict=True)))


def columns_csv(header: list[str], columns: Sequence[Sequence[object]]) -> str:
    """table_csv() of rows given column by column (two or more columns of equal length, at least one row).

    Written the way csv.writer writes (QUOTE_MINIMAL, CR LF) but a column at a time: csv.writer's work per
    cell was most of a 10,000-row table's time, and most columns need no quotes at all."""
    lines = map(",".join, zip(*[_written(column) for column in columns], strict=True))
    return ",".join(_written(header)) + "\r\n" + "\r\n".join(lines) + "\r\n"


_WHOLE_NUMBERS = {int, type(None)}

# csv.writer quotes a cell holding the delimiter, the quote character or a line break (CR or LF).
_NEEDS_QUOTES = re.compile('[,"\r\n]')


def _written(column: Sequence[object]) -> Sequence[str]:
    """Each cell of a column as csv.writer writes it after neutralise(): None empty, a float by its repr,
    any other value by str(); quoted (inner quotes doubled) when it holds a comma, a quote or a line break."""
    try:
        texts = "\n".join(column)  # (a column of text, the usual case: judged on this one string)
    except TypeError:  # numbers or empty cells
        kinds = set(map(type, column))
        if kinds <= _WHOLE_NUMBERS:  # (days, positions, links left empty): nothing to neutralise or quote
            return ["" if cell is None else str(cell) for cell in column]
        return _quoted([
            cell if type(cell) is str else "" if cell is None else repr(cell) if isinstance(cell, float) else str(cell)
            for cell in _shown(column)
        ])
    if _has_control(texts):
        return _quoted([neutralise(cell) for cell in column])  # type: ignore[misc]
    if _FORMULA.search("\n" + texts) is not None:
        column = ["'" + cell if cell.startswith(_FORMULA_STARTS) else cell for cell in column]  # type: ignore[union-attr]
    # An apostrophe changes no quoting; the column's line breaks are its cells' when there are more than the joins.
    if texts.count("\n") == len(column) - 1 and not ("," in texts or '"' in texts or "\r" in texts):
        return column  # type: ignore[return-value]
    return _quoted(column)  # type: ignore[arg-type]


def _quoted(cells: list[str]) -> list[str]:
    joined = "".join(cells)
    # Four scans for one character each: several times cheaper than one search for a class of them.
    if not ("," in joined or '"' in joined or "\r" in joined or "\n" in joined):
        return cells
    return ['"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell for cell in cells]


# ASCII that neutralise() leaves as it is: _CONTROL, for ASCII text, in one pass over its bytes.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def _has_control(text: str) -> bool:
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
    return _CONTROL.search(text) is not None


def csv_files(db: Database, records: EventRecords) -> dict[str, str]:
    """File name -> CSV text: one per table (even an empty one, with its header), plus the timeline."""
    result: dict[str, str] = {}
    for table, rows in records.tables.items():
        header = columns(db, table)
        result[f"{table}.csv"] = table_csv(header, list(map(values_of(header), rows)))
    entries = timeline(records)
    names = ["time_utc", "local_time", "day", "session", "kind", "text"]
    if not entries:
        result["timeline.csv"] = table_csv(names, [])
        return result
    result["timeline.csv"] = columns_csv(names, [
        [entry.time.isoformat() for entry in entries], [entry.local_label() for entry in entries],
        [entry.day or None for entry in entries], [entry.session for entry in entries],
        [entry.kind for entry in entries], [entry.text for entry in entries],
    ])
    return result


def write(db: Database, records: EventRecords, path: Path, now: datetime, extra: dict[str, str] | None = None) -> Path:
    """``extra``: further file name -> CSV text, derived from the records (the method mirror's profile)."""
    contents = {**csv_files(db, records), **(extra or {})}
    stamp = local_time(now).timetuple()[:6]
    if path.suffix.lower() == ".zip":

        def write_zip(temporary: Path) -> None:
            with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, text in contents.items():
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    # The fastest deflate: zlib's default took most of a 10,000-decision export's writing
                    # for an archive a quarter smaller (about 390 KiB instead of 490).
                    archive.writestr(info, text.encode("utf-8-sig"), compresslevel=_DEFLATE_LEVEL)

        return files.write_atomically(path, write_zip)
    for name, text in contents.items():
        target = path / name
        files.write_atomically(target, lambda temporary, text=text: temporary.write_bytes(text.encode("utf-8-sig")))
    return path
