"""The exports' whole-column and whole-row shortcuts write exactly what the cell-by-cell rules write.

CSV cells, Markdown table rows and lists are judged a column or a row at a time (a 10,000-decision export
is mostly plain text); these properties hold them to the rule applied to each cell on its own.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import markdown
from facilitator.export.csv_format import neutralise, table_csv
from facilitator.export.report_templates import _md_cell, _md_rows, _environment
from facilitator.export.timeline import TimelineEntry

# What the rules look at: formula starts, control characters (C0, DEL, C1), CR LF, markup, entities.
_PIECES = [*"=+-@\t\r\n\x00\x1b\x1c\x7f\x85\x9f\\`[]|<>*~_&#; 1.)a\u00e9\u2028,\"'", "&amp;", "&#38;", "\r\n", "<b>", "word"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
# What SQLite hands back: text, NULL, integers, reals (any size), blobs.
_CELL = st.one_of(_TEXT, st.none(), st.integers(-9, 9), st.integers(), st.floats(allow_nan=False), st.binary(max_size=4))


def _csv_cell_by_cell(header: list[str], rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(name) for name in header])
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return out.getvalue()


@given(st.integers(1, 4).flatmap(lambda width: st.tuples(
    st.lists(_TEXT, min_size=width, max_size=width), st.lists(st.tuples(*[_CELL] * width), max_size=5),
)))
def test_a_csv_table_is_what_csv_writer_writes_of_every_cell_neutralised(table):
    """Written a column at a time, quoted by its own rule: byte for byte csv.writer's text, cell by cell."""
    header, rows = table
    assert table_csv(header, rows) == _csv_cell_by_cell(header, rows)


@given(st.lists(st.lists(st.one_of(_TEXT, st.integers(0, 9)), min_size=1, max_size=4).map(tuple), max_size=5))
def test_markdown_table_rows_are_every_cell_escaped(rows):
    expected = "\n".join("| " + " | ".join(map(_md_cell, row)) + " |" for row in rows)
    assert _md_rows(rows) == expected


@given(st.lists(_TEXT, max_size=5))
def test_a_markdown_list_is_every_item_escaped(items):
    bullets = _environment(False, None).filters["md_bullets"]
    assert bullets(items) == "\n".join("- " + markdown.escape(item) for item in items)


@given(st.lists(st.one_of(_TEXT, st.integers(0, 9)), max_size=5))
def test_lines_escaped_together_are_each_escaped(items):
    assert markdown.escape_lines(items) == [markdown.escape(item) for item in items]


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)))
def test_timeline_labels_are_strftimes_of_the_local_time(moment):
    entry = TimelineEntry(moment, None, "", "decision", "text", moment)  # UTC as the local zone
    assert entry.local_label() == moment.strftime("%Y-%m-%d %H:%M")
    assert entry.clock_label() == moment.strftime("%H:%M")
