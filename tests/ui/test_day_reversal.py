"""A scope decision reversed during a blitz day is quoted in that day's reflection, as in a set's session."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.reflection import Scope, Target
from facilitator.screens.event import EventScreen
from facilitator.screens.reflection import ReflectionScreen
from facilitator.screens.reflection_flow import ReflectionFlow
from facilitator.storage.reversals import reversed_on_day


async def test_a_blitz_day_reflection_asks_the_assumption_question_about_a_reversal(make_app, store):
    event = store.events.add(
        Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3, status=EventStatus.RUNNING)
    )
    first = store.decisions.capture(
        event.id, DecisionDraft(subject="Second die cart", verdict="in_scope", decided_by="facilitator"), day=2
    )
    store.decisions.supersede(
        first.id, DecisionDraft(subject=first.subject, verdict="out_of_scope", decided_by="sponsor"), day=2
    )
    parked = store.decisions.capture(event.id, DecisionDraft(subject="Paint", verdict="parked", decided_by="team"), day=2)
    store.decisions.supersede(parked.id, DecisionDraft(subject="Paint", verdict="deferred", decided_by="team"), day=2)
    assert reversed_on_day(store, event.id, 2) == ("Second die cart (in scope)",)  # a parked item resolved is no reversal
    assert reversed_on_day(store, event.id, 1) == ()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        ReflectionFlow(app.screen).open(event, Target(Scope.DAY, day=2), required=False)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionScreen)
        note = str(form.query_one("#reversal-note", Static).render())
        assert note.startswith("A scope decision was reversed on this day")
        assert '"Second die cart (in scope)" was reversed. Which assumption' in form.prompts()[0]
