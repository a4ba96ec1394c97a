"""Control characters written into the database another way show as symbols on every screen, never raw."""

from __future__ import annotations

import re

from facilitator.demo import load_demo
from facilitator.screens.event import EventScreen
from facilitator.screens.report_out import ReportOutScreen
from tests.unit.test_control_characters import inject

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_every_tab_and_the_report_out_show_control_characters_as_symbols(make_app, store):
    load_demo(store)
    inject(store.path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen = {"home": screen_text(app)}
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, EventScreen)
        for key in "12345":
            await pilot.press(key)
            await pilot.pause(0.2)
            seen[f"tab {key}"] = screen_text(app)
        await pilot.press("o")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReportOutScreen)
        seen["report-out"] = screen_text(app)
    for where, text in seen.items():
        assert not RAW.search(text), (where, repr(RAW.search(text)))
    for where in ("home", "tab 2", "tab 3", "tab 5", "report-out"):
        assert "\u241b" in seen[where], where
