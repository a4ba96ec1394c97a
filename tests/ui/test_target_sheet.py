"""The target sheet draws each target with Textual's ProgressBar and Sparkline, coloured by where it stands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.app import App, ComposeResult
from textual.widgets import ProgressBar, Sparkline, Static

from facilitator.domain.event import Target
from facilitator.domain.measurement import Measurement, progress_for
from facilitator.widgets.target_sheet import TargetSheet

START = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
TARGETS = (
    Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="co"),
    Target(metric="First-pass yield", unit="%", baseline=91, goal=98, id="fpy"),
    Target(metric="Scrap [per shift]", unit="", baseline=10, goal=5, id="scrap"),
    Target(metric="Stops", unit="", baseline=4, goal=1, id="stops"),
)


def measured(target_id: str, *values: float) -> list[Measurement]:
    return [Measurement("e", target_id, v, START + timedelta(hours=n)) for n, v in enumerate(values)]


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield TargetSheet()


async def test_rows_bars_and_trends():
    readings = measured("co", 47, 38, 31, 26) + measured("fpy", 91, 99) + measured("scrap", 12)
    app = _Host()
    async with app.run_test(size=(120, 20)) as pilot:
        sheet = app.query_one(TargetSheet)
        # The follow-up area loads, then reloads on showing: two settings in a row leave one set of rows.
        sheet.progress = progress_for(TARGETS, readings[:2])
        sheet.progress = progress_for(TARGETS, readings)
        await pilot.pause()
        rows = list(sheet.query(".target-row"))[1:]
        assert len(rows) == len(TARGETS)
        assert [row.has_class(state) for row, state in zip(rows, ("-moving", "-met", "-behind", "-unmeasured"))] == [True] * 4
        assert [round(bar.progress) for bar in sheet.query(ProgressBar)] == [78, 100, 0, 0]
        assert [list(chart.data) for chart in sheet.query(Sparkline)] == [[47, 38, 31, 26], [91, 99], [12]]
        shares = [str(s.render()) for s in sheet.query(".target-share")][1:]
        assert shares == ["78%", "met", "-40%", ""]
        # A metric typed with brackets is shown as typed, never read as markup.
        assert "Scrap [per shift]" in str(rows[2].query(Static).first().render())
        assert not sheet.has_class("-narrow")
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        assert sheet.has_class("-narrow")

        sheet.progress = ()
        await pilot.pause()
        assert "No targets in the charter" in str(sheet.query_one(".target-empty", Static).render())


async def test_rows_show_in_the_cockpit_after_the_area_loads_and_reloads(make_app, store):
    from facilitator.demo import charters, followups
    from facilitator.demo.charters import BLITZ_ID
    from facilitator.domain.clock import local_today
    from tests.ui.event_setup import open_event

    with store.db.atomic():
        charters.seed(store, local_today(store.clock))
        followups.seed(store, local_today(store.clock))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, BLITZ_ID)
        await pilot.press("5")
        await pilot.pause()
        sheet = screen.query_one(TargetSheet)
        names = [str(row.query(Static).first().render()) for row in sheet.query(".target-row")]
        assert names == ["Target", "Changeover time", "First-pass yield after changeover", "Changeovers per shift"]
        assert all(chart.region.width > 0 for chart in sheet.query(Sparkline))


async def test_baseline_now_and_goal_read_as_three_figures_at_80_columns():
    # "rework rate  12 9 % v 5 %" read as one figure: each number carries its unit, two spaces apart.
    from tests.screen_text import screen_text

    targets = (Target(metric="Rework rate", unit="%", baseline=12, goal=5, id="rw"),)
    app = _Host()
    async with app.run_test(size=(80, 10)) as pilot:
        sheet = app.query_one(TargetSheet)
        sheet.progress = progress_for(targets, measured("rw", 9))
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "Rework rate" in line)
        assert "12 %  9 %  v 5 %" in row, row
