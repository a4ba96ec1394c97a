"""Gains that slip back, in the cockpit: the follow-up tab of a done event and the home list flag them."""

from __future__ import annotations

from textual.widgets import DataTable, Sparkline, Static

from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.demo.followups import EARLIER_BLITZ_ID
from facilitator.screens.event import EventScreen
from facilitator.widgets.sustain_panel import SustainPanel


async def test_the_follow_up_tab_of_the_5s_blitz_shows_one_target_holding_and_one_slipping(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(EARLIER_BLITZ_ID))
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        panel = app.screen.query_one(SustainPanel)
        assert panel.display
        heading = str(panel.query_one("#sustain-heading", Static).render())
        assert "1 slipping back (more than 25% of the gain lost)" in heading
        lines = [str(line.render()) for line in panel.query(".sustain-line")]
        assert lines == [
            "Time to find a tool 6 -> 1 -> 1.3 min: holding, 6% given back",
            "5S audit score 42 -> 88 -> 66 %: 48% of the gain lost",
        ]
        assert [line.has_class("-slipping") for line in panel.query(".sustain-line")] == [False, True]
        assert [list(chart.data) for chart in panel.query(Sparkline)][1] == [42, 78, 88, 74, 66]
        # A running event has nothing to sustain yet: the panel stays out of the way.
        await pilot.press("escape")
        app.push_screen(EventScreen(BLITZ_ID))
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert not app.screen.query_one(SustainPanel).display


async def test_home_flags_the_event_whose_gains_slip(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#events", DataTable)
        assert str(table.get_cell(EARLIER_BLITZ_ID, "reading")).endswith(" 1 slipping")
        assert "slipping" not in str(table.get_cell(BLITZ_ID, "reading"))
