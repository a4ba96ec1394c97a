"""The facilitator drives the session timer from the keyboard; the database holds every step."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Digits, Input, Static

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.timer import TimerAction, TimerState
from facilitator.screens.agenda_choice import AgendaChoiceScreen
from facilitator.screens.event import EventScreen
from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.session_form import SessionFormScreen
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.widgets.big_digits import BigDigits
from facilitator.widgets.timer_bar import TimerBar


def add_blitz(store):
    event = store.events.add(
        Event(title="Line 4 [bold]SMED[/]", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3,
              status=EventStatus.RUNNING)
    )
    sessions = [
        store.agenda.add(event.id, 1, "Kick-off [red]now[/]", "kickoff", 30),
        store.agenda.add(event.id, 1, "Gemba walk", "observation", 90),
        store.agenda.add(event.id, 1, "Current-state map", "analysis", 60),
        store.agenda.add(event.id, 1, "Debrief", "debrief", 20),
    ]
    return event, sessions


def add_set(store, first: str, second: str) -> Event:
    """A running Action Learning set whose first meeting holds two sessions, 15 and 45 minutes long."""
    event = store.events.add(Event(title="Set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25),
                                   days=3, status=EventStatus.RUNNING))
    store.agenda.add(event.id, 1, first, "set_meeting", 15)
    store.agenda.add(event.id, 1, second, "set_meeting", 45)
    return event


async def open_event(app, pilot, event) -> EventScreen:
    await pilot.pause()
    app.push_screen(EventScreen(event.id))
    await pilot.pause()
    return app.screen


def bar_text(screen) -> str:
    bar = screen.query_one(TimerBar)
    texts = {part: str(bar.query_one(f"#timer-{part}", Static).render()) for part in ("status", "title", "next")}
    texts["countdown"] = bar.query_one("#timer-countdown", Digits).value
    return " | ".join(texts[part] for part in ("status", "title", "countdown", "next"))


def actions(store, event) -> list[str]:
    return [entry.action.value for entry in store.timer.log(event.id)]


async def test_start_pause_extend_next_from_keys(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        # The line under "Ready" gives its length and names the session after it, not the ready one again.
        assert bar_text(screen) == "READY | Ready: Kick-off [red]now[/] | --:-- | space starts it (30m)   Then: Gemba walk (1h30)"
        await pilot.press("space")
        await pilot.pause()
        assert actions(store, event) == ["start"]
        assert "RUNNING | Kick-off [red]now[/] | 30:00 | Next: Gemba walk (1h30)" == bar_text(screen)
        clock.advance(minutes=10)
        screen.query_one(TimerBar).tick()
        assert "20:00" in bar_text(screen)
        await pilot.press("space")
        await pilot.pause()
        assert bar_text(screen).startswith("PAUSED")
        clock.advance(minutes=30)  # paused time does not count
        screen.query_one(TimerBar).tick()
        assert "20:00" in bar_text(screen)
        await pilot.press("space", "plus")
        await pilot.pause()
        assert "25:00" in bar_text(screen) and "(+5m)" in bar_text(screen)
        await pilot.press("n")
        await pilot.pause()
        assert bar_text(screen).startswith("RUNNING | Gemba walk | 1:30:00")
    assert actions(store, event) == ["start", "pause", "resume", "extend", "finish", "start"]
    state = store.timer.state(event.id)
    assert state.timer(sessions[0].id).state is TimerState.FINISHED
    assert state.timer(sessions[0].id).elapsed(clock.now()) == timedelta(minutes=10)
    assert state.running.id == sessions[1].id


async def test_finish_skip_and_session_finished_message(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    heard = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        original = screen.announce_finished
        screen.announce_finished = lambda sid, how: (heard.append((sid, how)), original(sid, how))
        await pilot.press("space")
        clock.advance(minutes=31)
        await pilot.press("f")
        await pilot.pause()
        assert bar_text(screen).startswith("READY | Ready: Gemba walk")
        await pilot.press("space", "k")
        await pilot.pause()
    assert heard == [(sessions[0].id, "finished"), (sessions[1].id, "skipped")]
    assert actions(store, event) == ["start", "finish", "start", "skip"]


async def test_overrun_rings_once_and_counts_up_in_the_error_colour(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    bells = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.bell = lambda: bells.append(clock.now())
        screen = await open_event(app, pilot, event)
        await pilot.press("space")
        await pilot.pause()
        bar = screen.query_one(TimerBar)
        clock.advance(minutes=28, seconds=30)
        bar.tick()
        assert bar.has_class("-warning") and not bells
        clock.advance(minutes=2)
        bar.tick()
        bar.tick()
        assert bar.has_class("-overrun")
        assert "OVERRUN" in bar_text(screen) and "+00:30" in bar_text(screen)
        assert len(bells) == 1
        await pilot.pause()
        # The alarm is in the bar, not a toast that could cover an open dialog.
        assert bar.has_class("-alarm")
        assert not [n.message for n in app._notifications if "Time is up" in n.message]


async def test_reopening_shows_the_running_session_without_ringing_for_the_past(make_app, store, clock):
    event, sessions = add_blitz(store)
    store.timer.start(sessions[0].id)
    clock.advance(minutes=45)
    app = make_app()
    bells = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.bell = lambda: bells.append(1)
        screen = await open_event(app, pilot, event)
        assert "OVERRUN | Kick-off [red]now[/] | +15:00" in bar_text(screen)
        screen.query_one(TimerBar).tick()
        assert bells == []


async def test_extend_by_a_typed_amount_refuses_nonsense_beside_the_field(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("space", "E")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptScreen)
        prompt.query_one(Input).value = "abc"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt
        assert "not a duration" in str(prompt.query_one("#prompt-error", Static).render())
        prompt.query_one(Input).value = "1h15"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "1:45:00" in bar_text(screen)
    extend = [e for e in store.timer.log(event.id) if e.action is TimerAction.EXTEND]
    assert [e.minutes for e in extend] == [75]


async def test_count_down_until_a_clock_time(make_app, store, clock):
    event, sessions = add_blitz(store)  # the fake clock says 08:00 UTC (TZ=UTC in tests)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("space", "u")
        await pilot.pause()
        app.screen.query_one(Input).value = "11:00"
        await pilot.press("enter")
        await pilot.pause()
        assert "3:00:00" in bar_text(screen) and "(until 11:00)" in bar_text(screen)


async def test_projector_mode_shows_big_digits_and_keys_still_work(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("space", "p")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        digits = projector.query_one(BigDigits)
        assert digits.value == "30:00"
        # Readable from the back of the room: at least a third of the window's height.
        assert digits.digit_rows >= 24 / 3
        assert "Next: Gemba walk" in str(projector.query_one("#room-next", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert digits.value == "1:30:00"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert bar_text(screen).startswith("RUNNING | Gemba walk")


async def test_timer_actions_are_in_the_command_palette(make_app, store):
    event, _ = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        titles = {command.title for command in app.get_system_commands(screen)}
        for title in ("Timer", "Next", "Finish", "Skip", "+5 min", "Extend by", "Until", "Projector"):
            assert title in titles


async def test_agenda_tab_add_with_bad_duration_then_good(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("2")
        await pilot.pause()
        screen.query_one("#agenda-table", DataTable).focus()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SessionFormScreen)
        form.query_one("#title", Input).value = "Spaghetti diagram"
        form.query_one("#duration", Input).value = "999h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "at most 12h" in str(form.query_one("#duration-error", Static).render())
        form.query_one("#duration", Input).value = "45 min"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one("#agenda-table", DataTable)
        assert table.row_count == 5
    titles = [(s.title, s.planned_minutes) for s in store.agenda.sessions(event.id, 1)]
    assert ("Spaghetti diagram", 45) in titles


async def test_deleting_a_session_with_logged_time_asks_and_says_so(make_app, store, clock):
    event, sessions = add_blitz(store)
    store.timer.start(sessions[0].id)
    clock.advance(minutes=12)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("2")
        table = screen.query_one("#agenda-table", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AgendaChoiceScreen)
        assert "has logged time (12m" in str(dialog.query_one(".choice-body", Static).render())
        await pilot.press("enter")  # the first choice is "Keep it"
        await pilot.pause()
        assert store.agenda.get(sessions[0].id)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert table.row_count == 3
    assert [s.title for s in store.agenda.sessions(event.id)] == ["Gemba walk", "Current-state map", "Debrief"]


async def test_next_in_an_action_learning_set_reaches_the_reflection_area(make_app, store):
    """The SessionFinished message from `n` reaches the event screen, where reflection listens."""
    from facilitator.screens.reflection import ReflectionScreen

    event = add_set(store, "Problem presented", "Questioning")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event)
        await pilot.press("space", "n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)


async def test_a_tick_rerenders_from_memory_without_touching_the_database(make_app, store, clock):
    event, sessions = add_blitz(store)
    store.timer.start(sessions[0].id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("2")
        await pilot.pause()
        bar = screen.query_one(TimerBar)
        agenda = screen.query_one("#agenda-view")
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        try:
            for _ in range(40):
                clock.advance(seconds=1)
                bar.tick()
            agenda.redraw()
        finally:
            store.db.conn.set_trace_callback(None)
        assert statements == []
        assert "29:20" in bar_text(screen)


async def test_a_clock_set_back_mid_session_is_noted_and_the_countdown_holds(make_app, store, clock):
    event, sessions = add_blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("space")
        await pilot.pause()
        clock.advance(minutes=10)
        screen.query_one(TimerBar).tick()
        assert "20:00" in bar_text(screen)
        clock.jump(minutes=-30)  # the laptop's clock is "fixed" mid-session
        screen.query_one(TimerBar).tick()
        await pilot.pause()
        assert actions(store, event) == ["start", "clock"]
        screen.query_one(TimerBar).tick()
        assert "20:00" in bar_text(screen)  # not 30:00+: the ten minutes that passed still count
        await pilot.press("space")
        await pilot.pause()
        assert bar_text(screen).startswith("PAUSED")
    assert actions(store, event) == ["start", "clock", "pause"]
    assert store.timer.state(event.id).timer(sessions[0].id).elapsed(clock.now()) == timedelta(minutes=10)


async def test_sessions_added_one_after_another_keep_the_order_typed(make_app, store):
    # Each `i` adds after the highlighted session; the cursor moves onto the one just added, so a day
    # typed in one go reads in the order it was typed (not kick-off, lunch, gemba walk).
    event = store.events.add(Event(title="Paint line", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("2")
        await pilot.pause()
        for title, duration, fixed in (("Kick-off", "15m", ""), ("Gemba walk", "1h", ""), ("Lunch", "30", "12:30")):
            await pilot.press("i")
            await pilot.press(*title, "tab", "tab", "ctrl+u", *duration)
            if fixed:
                await pilot.press("tab", *fixed)
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert [s.title for s in store.agenda.sessions(event.id, 1)] == ["Kick-off", "Gemba walk", "Lunch"]
        table = screen.query_one("#agenda-table", DataTable)
        assert [str(table.get_row_at(index)[1]) for index in range(table.row_count)] == ["Kick-off", "Gemba walk", "Lunch"]


async def test_a_long_next_line_ends_in_an_ellipsis_at_80_columns(make_app, store, clock):
    event = add_set(store, "Check-in and actions from last meeting", "Problem presented by the presenter, questions from the set")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        line = screen.query_one("#timer-next", Static)
        shown = "".join(segment.text for segment in line.render_line(0)).rstrip()
        assert shown.startswith("space starts it (15m)   Then: Problem presented by")
        assert shown.endswith("…")  # cut where the bar ends, and seen to be cut
