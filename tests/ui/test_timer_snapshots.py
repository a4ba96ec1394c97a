"""Pictures of the timer: the bar in overrun above the agenda, and the projector clock."""

from __future__ import annotations

from datetime import date

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.screens.event import EventScreen
from facilitator.screens.projector import ProjectorScreen


def overrun_blitz(store, clock) -> Event:
    event = store.events.add(
        Event(title="Press line 4 changeover blitz (SMED)", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25),
              days=5, status=EventStatus.RUNNING)
    )
    kickoff = store.agenda.add(event.id, 1, "Kick-off: sponsor reads the charter", "kickoff", 30)
    store.agenda.add(event.id, 1, "Gemba: observe the changeover", "observation", 120)
    store.agenda.add(event.id, 1, "Current-state map", "analysis", 90)
    store.timer.start(kickoff.id)
    clock.advance(minutes=34, seconds=15)  # 4:15 over
    return event


def test_timer_in_overrun_on_the_agenda(snap_compare, make_app, store, clock):
    event = overrun_blitz(store, clock)

    async def open_agenda(pilot):
        pilot.app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_agenda)


def test_projector_in_overrun_at_80x24(snap_compare, make_app, store, clock):
    event = overrun_blitz(store, clock)

    async def open_projector(pilot):
        pilot.app.push_screen(EventScreen(event.id))
        await pilot.pause()
        pilot.app.push_screen(ProjectorScreen(event.id))
        await pilot.pause()

    assert snap_compare(make_app(theme="projector-light"), terminal_size=(80, 24), run_before=open_projector)
