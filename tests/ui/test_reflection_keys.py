"""The reflection flow keeps the clock in sight, asks for a skip reason once, and reflects on a session that ran."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.reflection import Scope, Target
from facilitator.screens.event import EventScreen
from facilitator.screens.reflection import ReflectionScreen
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.widgets.timer_bar import TimerBar


def _set(store) -> tuple[Event, list]:
    # The fixture clock says 2026-11-25: meeting 1 of a set that meets today.
    event = store.events.add(
        Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25), days=3,
              status=EventStatus.RUNNING)
    )
    sessions = [
        store.agenda.add(event.id, 1, "Opening round"),
        store.agenda.add(event.id, 1, "Questioning the problem"),
        store.agenda.add(event.id, 1, "Report back"),
    ]
    return event, sessions


async def _open(app, pilot, event) -> EventScreen:
    app.push_screen(EventScreen(event.id))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def test_next_keeps_the_running_clock_in_sight_while_the_set_reflects(make_app, store, clock):
    event, sessions = _set(store)
    store.timer.start(sessions[0].id)
    clock.advance(minutes=20)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, event)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        bar = app.screen.query_one(TimerBar)
        assert bar.region.height > 0 and bar.region.y < 6
        assert "Questioning the problem" in str(bar.query_one("#timer-title", Static).render())
        assert "RUNNING" in str(bar.query_one("#timer-status", Static).render())


async def test_a_skip_reason_given_once_is_not_asked_again(make_app, store, clock):
    event, sessions = _set(store)
    store.timer.start(sessions[0].id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, event)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press(*"sponsor arrived", "enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        target = Target(Scope.SESSION, session_id=sessions[0].id, day=1)
        assert store.reflections.skip_reason(event.id, target) == "sponsor arrived"
        assert sessions[0].id in store.reflections.owed_session_ids(event.id)


async def test_skipping_a_session_that_ran_opens_its_reflection(make_app, store, clock):
    event, sessions = _set(store)
    store.timer.start(sessions[0].id)
    clock.advance(minutes=10)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, event)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        assert "Opening round" in str(app.screen.query_one("#about", Static).render())
