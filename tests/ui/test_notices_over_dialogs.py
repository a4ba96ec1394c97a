"""A dialog opened the moment a notice shows has every field in sight; the notice waits, it is not lost."""

from __future__ import annotations

from datetime import date

from textual.widgets._toast import Toast

from facilitator.domain.event import Area, Event, EventKind, EventStatus
from facilitator.domain.followup import FollowUp
from facilitator.screens.decision_capture import DecisionCaptureScreen
from tests.screen_text import screen_text
from tests.ui.event_setup import open_event

DECISION_FIELDS = ("Subject", "Verdict", "i in scope", "o out of scope", "j rejected", "Decided by", "f facilitator",
                   "Why", "Tags")


async def test_the_greeting_and_a_showing_notice_leave_the_decision_dialog_whole(make_app, store):
    event = store.events.add(Event(title="Press 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=5,
                                   area=Area.PRODUCT))
    earlier = store.events.add(Event(title="Line 2 5S", kind=EventKind.KAIZEN, start_date=date(2026, 8, 24), days=3,
                                     area=Area.PRODUCT, status=EventStatus.DONE))
    store.followups.add(FollowUp(event_id=earlier.id, action="Clear the red-tag area", owner="Marek",
                                 due_date=date(2026, 9, 30)))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_event(app, pilot, event.id)
        shown = screen_text(app)
        assert ": 1 open follow-up from earlier Product events (1 overdue)." in shown
        app.notify("Logged: Die cart redesign (in scope)")
        await pilot.pause()
        assert "Logged: Die cart" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        shown = screen_text(app)
        assert [field for field in DECISION_FIELDS if field not in shown] == []
        assert "Logged: Die cart" not in shown and not app.screen.query(Toast)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and "Logged: Die cart" in screen_text(app)  # back once the dialog closed


async def test_the_notice_of_a_saved_decision_outlives_the_notices_that_waited(make_app, store):
    event = store.events.add(Event(title="Press 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=5))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_event(app, pilot, event.id)
        app.notify("Timer: Started Kick-off")
        app.notify("The first session started: the event is now running.")
        await pilot.pause()
        await pilot.press("d", *"Die cart", "tab", "i", "f", "enter")
        await pilot.pause()
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert len(shown) == 2 and shown[-1].startswith("Logged: Die cart"), shown


async def test_the_reflection_that_next_opens_has_no_notice_over_its_answers(make_app, store, clock):
    # In an Action Learning set `n` finishes a session and opens its reflection at once: the timer's
    # "Finished ...; started ..." waited until the form closed instead of covering the first answer.
    from textual.widgets import TextArea

    from tests.ui.test_reflection import finish_check_in_with_next, set_with_check_in

    event, _ = set_with_check_in(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_event(app, pilot, event.id)
        form = await finish_check_in_with_next(app, pilot, clock, minutes=16)
        await pilot.pause()
        assert not form.query(Toast) and "Finished Check-in" not in screen_text(app)
        form.query_one("#answer-1", TextArea).text = "We listened"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert any(n.message.startswith("Reflection saved") for n in app._notifications)
