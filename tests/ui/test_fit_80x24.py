"""What a facilitator needs is on screen at 80x24: nothing cut at the edge of a column or a dialog."""

from __future__ import annotations

from rich.console import Console

from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.screens.event import EventScreen
from facilitator.screens.followup_form import FollowUpFormScreen
from facilitator.screens.reflection import ReflectionScreen


def screen_text(app) -> str:
    console = Console(width=80, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def _open(app, pilot, event_id: str):
    await pilot.pause()
    app.push_screen(EventScreen(event_id))
    await pilot.pause()


async def test_events_list_keeps_dates_and_today_in_view(make_app, store):
    load_demo(store)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "23-27 Nov" in shown and "day 3 of 5" in shown
        assert "mtg 5 of 8" in shown


async def test_decision_log_shows_tags_and_the_superseded_marker(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, BLITZ_ID)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("c", "c")  # only superseded decisions
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "Tags" in shown and "superseded: " in shown


async def test_follow_up_and_reflection_hints_are_whole(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, ACTION_LEARNING_ID)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpFormScreen)
        assert "tomorrow, end of month" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        assert "blank: the whole group" in screen_text(app)
