"""The agenda keeps its columns readable after a reflection or a prompt covered it."""

from __future__ import annotations

from datetime import date

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.screens.event import EventScreen
from facilitator.screens.reflection import ReflectionScreen


def _screen_text(app) -> str:
    from rich.console import Console

    console = Console(width=80, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def test_skipped_reflection_leaves_the_agenda_columns_whole(make_app, store):
    event = store.events.add(
        Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25), days=2,
              status=EventStatus.RUNNING)
    )
    store.agenda.add(event.id, 1, "Check-in and actions from last meeting", planned_minutes=15)
    store.agenda.add(event.id, 1, "Questioning the problem", planned_minutes=45)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("2", "space", "n")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press("escape")
        await pilot.pause(0.1)
        # The skip dialog's question wraps onto a second line instead of being cut at the dialog's edge.
        question = app.screen.query_one(".prompt-label")
        assert question.size.height >= 2 and "until it is done." in str(question.render())
        await pilot.press(*"sponsor arrived", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        shown = _screen_text(app)
        assert "Check-in and actions" in shown
        assert "done - reflection owed" in shown
        assert "running" in shown
