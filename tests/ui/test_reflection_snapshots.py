"""What the facilitator sees: the reflection screen after a session, and the reflection tab's history."""

from __future__ import annotations

from datetime import date

from facilitator.config import Settings
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.reflection import ReflectionForm, Scope, Target
from facilitator.messages import SessionFinished
from facilitator.screens.event import EventScreen


def _seed(store):
    event = store.events.add(
        Event(id="e1", title="Onboarding across three sites", kind=EventKind.ACTION_LEARNING,
              start_date=date(2026, 11, 4), days=8, status=EventStatus.RUNNING)
    )
    first = store.agenda.add(event.id, 1, "Questioning: questions only", id="s1")
    second = store.agenda.add(event.id, 4, "Reflection: what do we take back", id="s4")
    store.reflections.add(
        ReflectionForm(
            participant="Kwame Mensah", loop="double",
            answers=(("What did we do best as a group?", "We read the exit interviews [bold]together[/]"),),
            assumptions="We assumed people leave for pay",
            transfers="Gate welcome by a buddy; Jonas Berg; plant 3",
        ).to_reflection(event.id, Target(Scope.SESSION, session_id=first.id, day=1), "action-learning",
                        "Action Learning end of session")
    )
    return event, second


def test_reflection_screen_after_a_session(snap_compare, store):
    from facilitator.app import FacilitatorApp

    event, session = _seed(store)
    app = FacilitatorApp(store, settings=Settings())

    async def run_before(pilot):
        await pilot.pause()
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        app.screen.post_message(SessionFinished(event.id, session.id, "finished"))
        await pilot.pause()
        await pilot.press(*"Li Wei")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_reflection_tab_history(snap_compare, store):
    from facilitator.app import FacilitatorApp

    event, _ = _seed(store)
    app = FacilitatorApp(store, settings=Settings())

    async def run_before(pilot):
        await pilot.pause()
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
