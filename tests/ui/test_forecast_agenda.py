"""The agenda's forecast line in the cockpit: what remains decides the end, a fixed lunch stays put."""

from __future__ import annotations

from datetime import date, time

from textual.widgets import Static

from facilitator.domain.event import Event, EventKind, EventStatus
from tests.ui.test_timer_agenda import open_agenda


async def test_finishing_the_debrief_first_then_a_long_session(make_app, store, clock):
    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3,
                                   status=EventStatus.RUNNING))
    add = store.agenda.add
    kickoff = add(event.id, 1, "Kick-off", "kickoff", 30)
    mapping = add(event.id, 1, "Current-state map", "analysis", 120)
    add(event.id, 1, "Lunch", "break", 30, fixed_start=time(12, 30))
    add(event.id, 1, "Ideas", "analysis", 60)
    add(event.id, 1, "Try-storm", "implementation", 60)
    debrief = add(event.id, 1, "Debrief", "debrief", 20)
    store.timer.start(kickoff.id)
    clock.advance(minutes=30)
    store.timer.finish(event.id)
    store.timer.start(debrief.id)  # the day's last session run first, and finished early
    clock.advance(minutes=5)
    store.timer.finish(event.id)
    store.timer.start(mapping.id)  # then a 2-hour session
    clock.advance(minutes=10)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        line = str(screen.query_one("#agenda-forecast", Static).render())
        # The map runs to 10:35, lunch stays at 12:30, two hours of work follow: not "08:35, 6h45 early".
        assert "projected end 15:00  (20m early)" in line, line
        starts = [str(table.get_row_at(index)[0]) for index in range(table.row_count)]
        assert starts[2] == "12:30*" and starts[3] == "13:00"
