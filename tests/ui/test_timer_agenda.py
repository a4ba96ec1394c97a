"""The agenda tab through the keyboard: templates, reordering, moving days, and re-planning a late day."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from facilitator.domain.agenda_templates import blitz_sessions
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.timer import TimerAction, TimerState
from facilitator.screens.agenda_choice import AgendaChoiceScreen
from facilitator.screens.event import EventScreen
from facilitator.screens.session_form import SessionFormScreen


async def open_agenda(app, pilot, event):
    await pilot.pause()
    app.push_screen(EventScreen(event.id))
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    return app.screen, app.screen.query_one("#agenda-table", DataTable)


def titles(table: DataTable) -> list[str]:
    return [str(table.get_row_at(index)[1]) for index in range(table.row_count)]


async def test_template_fills_every_day_of_a_four_day_blitz(make_app, store):
    event = store.events.add(Event(title="Weld cell", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=4))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        assert "No sessions on this day" in str(screen.query_one("#agenda-forecast", Static).render())
        await pilot.press("L")
        await pilot.pause()
        assert titles(table)[0] == "Kick-off: sponsor reads the charter"
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert "Day 4 of 4" in str(screen.query_one("#agenda-day", Static).render())
        assert "Management presentation" in titles(table)
        await pilot.press("L")  # nothing left to fill: says so, adds nothing
        await pilot.pause()
    assert {s.day for s in store.agenda.sessions(event.id)} == {1, 2, 3, 4}
    assert len(store.agenda.sessions(event.id)) == len(blitz_sessions(event.id, 4))


async def test_reorder_and_move_to_the_next_day(make_app, store):
    event = store.events.add(Event(title="5S", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=2))
    for title in ("Sort", "Set in order", "Shine"):
        store.agenda.add(event.id, 1, title, "implementation", 30)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        table.move_cursor(row=0)
        await pilot.press("shift+down")
        await pilot.pause()
        assert titles(table) == ["Set in order", "Sort", "Shine"]
        table.move_cursor(row=2)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert titles(table) == ["Set in order", "Sort"]
    assert [(s.day, s.title) for s in store.agenda.sessions(event.id)] == [
        (1, "Set in order"), (1, "Sort"), (2, "Shine"),
    ]


async def test_a_late_day_is_replanned_by_shortening_what_remains(make_app, store, clock):
    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3,
                                   status=EventStatus.RUNNING))
    kickoff = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    store.agenda.add(event.id, 1, "Gemba", "observation", 120)
    store.agenda.add(event.id, 1, "Map", "analysis", 60)
    store.timer.start(kickoff.id)
    clock.advance(minutes=60)
    store.timer.finish(event.id)  # 30 minutes over
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        forecast = str(screen.query_one("#agenda-forecast", Static).render())
        assert "Planned end 11:30" in forecast and "projected end 12:00" in forecast and "30m late" in forecast
        await pilot.press("R")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AgendaChoiceScreen)
        assert "projected to end at 12:00" in str(dialog.query_one(".choice-body", Static).render())
        await pilot.press("enter")  # the first option: shorten the rest proportionally
        await pilot.pause()
        forecast = str(screen.query_one("#agenda-forecast", Static).render())
        assert "Planned end 11:30" in forecast and "late" not in forecast
    plan = {s.title: s.planned_minutes for s in store.agenda.sessions(event.id)}
    assert plan == {"Kick-off": 30, "Gemba": 100, "Map": 50}
    notes = [e.note for e in store.timer.log(event.id) if e.action is TimerAction.REPLAN]
    assert len(notes) == 2 and all(note.startswith("Re-plan: Shorten") for note in notes)


async def test_replan_by_skipping_a_named_session(make_app, store, clock):
    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=1))
    kickoff = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    store.agenda.add(event.id, 1, "Gemba", "observation", 120)
    training = store.agenda.add(event.id, 1, "SMED training", "training", 45)
    store.timer.start(kickoff.id)
    clock.advance(minutes=70)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        await pilot.press("R")
        await pilot.pause()
        options = app.screen.query_one("#choices")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "Skip 'SMED training' (45m)" in labels
        assert not any(label.startswith("Move") for label in labels)  # a one-day event has nowhere to move to
        options.highlighted = labels.index("Skip 'SMED training' (45m)")
        await pilot.press("enter")
        await pilot.pause()
    assert store.timer.state(event.id).timer(training.id).state is TimerState.SKIPPED


async def test_action_learning_meetings_are_numbered(make_app, store):
    event = store.events.add(Event(title="Set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25), days=6))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        await pilot.press("L")
        await pilot.pause()
        assert "Meeting 1 of 6" in str(screen.query_one("#agenda-day", Static).render())
        assert any("Questioning" in title for title in titles(table))
    assert {s.day for s in store.agenda.sessions(event.id)} == set(range(1, 7))


async def test_g_starts_the_highlighted_session_and_pauses_the_running_one(make_app, store, clock):
    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=2))
    kickoff = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    gemba = store.agenda.add(event.id, 1, "Gemba", "observation", 120)
    store.timer.start(kickoff.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        table.move_cursor(row=1)
        await pilot.press("g")
        await pilot.pause()
        assert any("Paused Kick-off; started Gemba." in n.message for n in app._notifications)
    state = store.timer.state(event.id)
    assert state.running.id == gemba.id
    assert state.timer(kickoff.id).state is TimerState.PAUSED


async def test_enter_edits_title_and_duration_with_markup_kept_as_typed(make_app, store):
    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=2))
    gemba = store.agenda.add(event.id, 1, "Gemba", "observation", 120)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_agenda(app, pilot, event)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SessionFormScreen)
        assert form.query_one("#duration", Input).value == "2h"
        form.query_one("#title", Input).value = "Gemba [bold]walk[/]"
        form.query_one("#duration", Input).value = "1:15"
        form.query_one("#fixed_start", Input).value = "9:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert titles(table) == ["Gemba [bold]walk[/]"]
    saved = store.agenda.get(gemba.id)
    assert (saved.title, saved.planned_minutes, saved.fixed_start.strftime("%H:%M")) == ("Gemba [bold]walk[/]", 75, "09:30")
