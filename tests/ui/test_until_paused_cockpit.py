"""In the cockpit: `u` on a paused session never shows PAUSED over moving digits; space starts the event."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from facilitator.domain.event import Event, EventKind, EventStatus
from tests.ui.test_timer import bar_text, open_event


async def test_until_on_a_paused_session_and_the_event_starting(make_app, store, clock):
    event = store.events.add(Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3))
    store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        assert screen.sub_title.endswith("planned")
        await pilot.press("space")
        await pilot.pause()
        assert screen.sub_title.endswith("running")
        assert store.events.get(event.id).status is EventStatus.RUNNING
        await pilot.press("space")
        await pilot.pause()
        assert bar_text(screen).startswith("PAUSED")
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one(Input).value = "13:00"
        await pilot.press("enter")
        await pilot.pause()
        assert bar_text(screen).startswith("RUNNING | Kick-off  (until 13:00) | 5:00:00")
        clock.advance(minutes=1)
        await pilot.press("space")  # paused again: the digits stand still
        await pilot.pause()
        clock.advance(minutes=10)
        screen.query_one("#timer-bar").tick()
        assert bar_text(screen).startswith("PAUSED | Kick-off  (until 13:00) | 4:59:00")
