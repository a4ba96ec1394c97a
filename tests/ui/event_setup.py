"""What many cockpit tests start with: a blitz in the store, and its event screen open and loaded."""

from __future__ import annotations

from datetime import date

from facilitator.domain.event import Event, EventKind
from facilitator.screens.event import EventScreen


def blitz(store, title: str = "Press line 4 SMED", start: date = date(2026, 11, 23)) -> Event:
    return store.events.add(Event(title=title, kind=EventKind.KAIZEN, start_date=start, days=5))


async def open_event(app, pilot, event_id: str) -> EventScreen:
    """Push the event screen and wait until its areas have loaded."""
    app.push_screen(EventScreen(event_id))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen
