"""The method mirror in the cockpit: `M` opens it, the nudge appears when a running event drifts, home reads each event."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.domain.decision import DecidedBy
from facilitator.screens.event import EventScreen
from facilitator.screens.mirror import MirrorScreen
from facilitator.widgets.mirror_nudge import MirrorNudge
from tests.screen_text import rendered_text


async def _open_event(app, pilot, event_id: str) -> EventScreen:
    await pilot.pause()
    app.push_screen(EventScreen(event_id))
    await pilot.pause()
    assert isinstance(app.screen, EventScreen)
    return app.screen


async def test_m_opens_the_mirror_of_the_demo_set_and_escape_goes_back(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_event(app, pilot, ACTION_LEARNING_ID)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MirrorScreen)
        shown = rendered_text(app.screen.query_one("#mirror-body"), width=116)
        assert "Reads as Action Learning (6 of 6 elements)." in shown
        for label in ("Aims", "Time frame", "Reflection", "Second-loop learning", "Facilitator role", "Strategic level"):
            assert label in shown
        assert "What each column expects" in shown and "tactical to mid-strategic" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)


async def test_a_set_whose_facilitator_takes_the_decisions_is_nudged(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_event(app, pilot, ACTION_LEARNING_ID)
        nudge = screen.query_one(MirrorNudge)
        assert not nudge.display  # the demo set decides for itself
        for number in range(8):
            await pilot.press("d")
            await pilot.pause()
            await pilot.press(*f"Agenda item {number}", "tab", "i", "f", "enter")
            await pilot.pause()
        by_facilitator = store.decisions.decided_by_counts(ACTION_LEARNING_ID)[DecidedBy.FACILITATOR]
        assert by_facilitator >= 6
        assert nudge.display
        assert "of this set's decisions: an Action Learning set decides for itself" in nudge.message


async def test_home_shows_each_events_overall_reading(make_app, store):
    load_demo(store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#events", DataTable)
        assert str(table.get_cell(BLITZ_ID, "reading")) == "Kaizen"
        assert str(table.get_cell(ACTION_LEARNING_ID, "reading")) == "AL"


def test_blitz_nudge_after_the_last_day_without_an_end_review(store):
    from facilitator.storage.mirror import event_drift

    load_demo(store)
    blitz = store.events.get(BLITZ_ID)
    assert "no end-of-event review" in event_drift(store, blitz, blitz.end_date + timedelta(days=1))


def test_mirror_of_a_blitz_run_as_a_task_force_at_80x24(snap_compare, store):
    from datetime import date

    from textual.app import App

    from facilitator.config import DEFAULT_THEME
    from facilitator.domain.decision import Decision, Verdict
    from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
    from facilitator.themes import load_themes

    event = store.events.add(
        Event(title="Weld cell fixtures", kind=EventKind.KAIZEN, start_date=date(2026, 11, 16), days=3,
              area=Area.DEPARTMENT, status=EventStatus.DONE,
              targets=(Target(metric="Fixture swap", unit="min", baseline=18, goal=8),))
    )
    store.decisions.record(
        Decision(event_id=event.id, subject="New clamps", verdict=Verdict.IN_SCOPE, decided_by=DecidedBy.TEAM,
                 day=1, decided_at=store.clock.now())
    )

    class Host(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.store = store
            for custom in load_themes().themes:
                self.register_theme(custom)
            self.theme = DEFAULT_THEME

        @property
        def clock(self):
            return store.clock

        def on_mount(self) -> None:
            self.push_screen(MirrorScreen(event.id))

    assert snap_compare(Host(), terminal_size=(80, 24))


async def test_home_reads_a_blitz_in_its_first_day_as_too_early_then_reads_it_once_a_day_is_over(make_app, store, clock):
    from facilitator.domain.event import Event, EventKind, EventStatus

    # Started this morning, nothing recorded yet: every element would read "task force" in front of the team.
    blitz = store.events.add(Event(title="Line 2 changeover", kind=EventKind.KAIZEN, start_date=clock.now().date(),
                                   days=3, status=EventStatus.RUNNING))
    store.agenda.add(blitz.id, 1, "Kick-off", "kickoff", 30)

    async def reading() -> str:
        app = make_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return str(app.screen.query_one("#events", DataTable).get_cell(blitz.id, "reading"))

    assert await reading() == "too early"
    clock.advance(days=1)  # day 1 is over with nothing logged: now the mirror has something to say
    assert await reading() == "Task force!"


async def test_the_mirror_of_a_blitz_in_its_first_day_says_it_is_too_early_instead_of_a_verdict(make_app, store, clock):
    from facilitator.domain.event import Event, EventKind, EventStatus

    blitz = store.events.add(Event(title="Line 2 changeover", kind=EventKind.KAIZEN, start_date=clock.now().date(),
                                   days=3, status=EventStatus.RUNNING))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(MirrorScreen(blitz.id))
        await pilot.pause()
        shown = rendered_text(app.screen.query_one("#mirror-body"))
        assert "Too early to read: no day of it is over yet. So far it shows:" in shown
        assert "Reads as" not in shown
        assert "Aims" in shown  # what has been recorded so far is still laid out, element by element
