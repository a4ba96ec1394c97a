"""Keys typed in one burst land where they were typed: every dialog takes its keys in order."""

from __future__ import annotations

from datetime import date

from facilitator.domain.event import Event, EventKind
from facilitator.domain.decision import Verdict
from facilitator.screens.event import EventScreen
from tests.ui.burst import burst, typed


def _blitz(store) -> Event:
    return store.events.add(Event(title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))


async def _open_event(app, pilot, event_id: str) -> EventScreen:
    app.push_screen(EventScreen(event_id))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def test_fifteen_decisions_typed_in_one_burst_are_saved_as_typed(make_app, store):
    event = _blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_event(app, pilot, event.id)
        keys: list[str] = []
        for number in range(1, 16):
            keys += ["d", *typed(f"Die cart {number}"), "tab", "i", "f", "enter"]
        await burst(pilot, keys, until=lambda: len(store.decisions.page(event.id)) >= 15 and app.screen is screen)
        # The fake clock stands still, so all share one time: order them by the number typed.
        saved = sorted(store.decisions.page(event.id), key=lambda d: int(d.subject.split()[-1]))
        assert [(d.subject, d.verdict, d.decided_by.value) for d in saved] == [
            (f"Die cart {n}", Verdict.IN_SCOPE, "facilitator") for n in range(1, 16)
        ]
        assert app.screen is screen
