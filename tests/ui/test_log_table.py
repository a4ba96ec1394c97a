"""The decision log's table paints its cells in one pass: it must paint exactly what DataTable paints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.domain.decision import DecidedBy, Decision, Verdict
from facilitator.themes import load_themes
from facilitator.widgets.decision_cells import row_cells, verdict_styles
from facilitator.widgets.log_table import LogTable

SUBJECTS = (
    "die cart",
    "fix the [/] markup on the andon board and the [bold]shadow board[/] beside press line 4",
    "torque wrench \N{WRENCH} station, 工具 rack by the crane",
    "quick release clamps on every die, hydraulic pressure kit for the changeover trial",
)


def _decisions() -> list[Decision]:
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    return [
        Decision(
            event_id="e", subject=SUBJECTS[i % len(SUBJECTS)] + f" #{i}", verdict=list(Verdict)[i % len(Verdict)],
            decided_by=list(DecidedBy)[i % len(DecidedBy)], day=1 + i % 3, decided_at=start + timedelta(minutes=i),
            tags=("changeover", "root-cause", "safety")[: i % 4], superseded_by_id="x" if i % 5 == 1 else None,
            supersedes_id="y" if i % 4 == 2 else None, amended=i % 3 == 0, carried_to_debrief=i % 6 == 5, id=f"d{i:02}",
        )
        for i in range(24)
    ]


class _Both(App):
    AUTO_FOCUS = None  # focus would style one table and not the other

    def compose(self) -> ComposeResult:
        yield DataTable(id="plain", cursor_type="row", zebra_stripes=True)
        yield LogTable(id="fast", cursor_type="row", zebra_stripes=True)


def _cells(strip) -> list:
    return [(char, segment.style) for segment in strip for char in segment.text]


@pytest.mark.parametrize("theme", ["textual-dark", "projector-light"])
async def test_log_table_paints_what_data_table_paints(theme):
    app = _Both()
    for custom in load_themes().themes:
        app.register_theme(custom)
    async with app.run_test(size=(80, 60)) as pilot:
        app.theme = theme
        styles = verdict_styles(app.theme_variables)
        tables = list(app.query(DataTable))
        for table in tables:
            table.styles.height = 28
            for label, key, width in (("When", "when", 8), ("Verdict", "verdict", 12), ("By", "by", 11),
                                      ("Subject", "subject", 24), ("Tags", "tags", 10)):
                table.add_column(label, key=key, width=width)
            table.add_column("Note", key="note")  # no width: it grows to its widest cell
            for decision in _decisions():
                table.add_row(*row_cells(decision, styles), Text("two\nlines") if decision.id == "d03" else "[b]str[/b]", key=decision.id)
            table.move_cursor(row=4)
        await pilot.pause()
        plain, fast = tables
        assert isinstance(fast, LogTable) and not isinstance(plain, LogTable)
        for y in range(plain.size.height):
            assert _cells(fast.render_line(y)) == _cells(plain.render_line(y)), f"line {y} differs"
