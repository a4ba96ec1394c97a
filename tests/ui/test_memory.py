"""Closed screens and dialogs are released: the report-out and the quick capture, opened and closed often."""

from __future__ import annotations

import gc
import weakref

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.screens.decision_capture import DecisionCaptureScreen
from facilitator.screens.event import EventScreen
from facilitator.screens.report_out import ReportOutScreen

ROUNDS = 5


async def test_dismissed_report_outs_and_captures_are_garbage_collected(make_app, store):
    load_demo(store)
    app = make_app()
    dismissed: list[weakref.ref] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(BLITZ_ID))
        await pilot.pause()
        for _ in range(ROUNDS):
            for key, kind in (("o", ReportOutScreen), ("d", DecisionCaptureScreen)):
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, kind)
                dismissed.append(weakref.ref(app.screen))
                await pilot.press("escape")
                await pilot.pause()
        await pilot.pause(0.3)  # the release runs shortly after a screen closes
        gc.collect()
        alive = [type(ref()).__name__ for ref in dismissed if ref() is not None]
        assert alive == []
        # The event screen's footer recomposed after every dialog: it keeps watching only the keys it shows.
        footer = app.screen.query_one(Footer)
        watching = [node for pairs in getattr(footer, "__watchers", {}).values() for node, _ in pairs]
        assert len(watching) <= len(footer.children)
        leftover = [o for o in gc.get_objects() if isinstance(o, FooterKey) and not o.is_attached]
        assert len(leftover) < 50
        # The screen still follows a theme change after the closed ones have gone.
        app.theme = "projector-light"
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
