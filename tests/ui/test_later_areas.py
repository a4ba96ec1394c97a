"""The event opens with the charter and the decision log built; each other area is built when first needed.

Keys typed in one burst the moment the event opens (before any area but the charter exists) land where
they would have landed with every area built: the digit builds its area in its own turn, and a key that
works in an area (a follow-up, a measurement, who was there) builds that area first.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import DataTable

from facilitator.domain.causes import CauseKind
from facilitator.domain.event import Event, EventKind, EventStatus, Target
from facilitator.domain.followup import FollowUp
from facilitator.screens.event import EventScreen
from facilitator.screens.key_help import KeyHelpScreen
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.charter_view import CharterView
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.followup_area import FollowUpArea
from tests.ui.burst import burst, typed


def seed(store) -> Event:
    event = store.events.add(Event(
        title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3,
        problem="Changeovers take 47 minutes", status=EventStatus.RUNNING,
    ))
    return store.events.update(replace(event, targets=(Target("Changeover", "min", 45, 20),)))


async def test_the_event_opens_with_the_charter_and_builds_each_area_when_shown(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = EventScreen(event.id)
        await app.push_screen(screen)
        assert screen.query_one(CharterView).event == event
        assert screen.query(DecisionLog)  # built at once: it checks the log's seals
        assert not screen.query(AgendaView) and not screen.query(FollowUpArea)
        # Saved while the follow-up area did not exist yet: it shows once built.
        item = store.followups.add(FollowUp(event_id=event.id, action="Label the die carts", owner="Tom", due_date=date(2026, 12, 4)))
        await pilot.press("5")
        await pilot.pause()
        newspaper = screen.query_one("#newspaper", DataTable)
        assert item.id in newspaper.rows and newspaper.has_focus
        await pilot.press("2")
        await pilot.pause()
        assert screen.query_one(AgendaView).state is not None  # the timer's state, read as it was built


async def test_keys_for_areas_typed_as_the_event_opens_land_as_typed(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = EventScreen(event.id)
        app.push_screen(screen)
        # No pause: the follow-up area (a, m) and the agenda (2 then i) do not exist when these keys arrive.
        keys = ["a", *typed("Label die 1"), "tab", *typed("Tom Hale"), "tab", *typed("+2w"), "enter"]
        keys += ["m", *typed("31"), "tab", "tab", *typed("run 31"), "enter"]
        keys += ["2", "i", *typed("Gemba walk"), "tab", "tab", *typed("45"), "enter"]
        keys += ["6", "N", "c", "enter"]

        def done() -> bool:
            return bool(store.causes.for_event(event.id)) and app.screen is screen

        await burst(pilot, keys, until=done)
        assert [(f.action, f.owner) for f in store.followups.for_event(event.id)] == [("Label die 1", "Tom Hale")]
        assert [(m.value, m.note) for m in store.measurements.for_event(event.id)] == [(31.0, "run 31")]
        assert [(s.title, s.planned_minutes) for s in store.agenda.sessions(event.id)] == [("Gemba walk", 45)]
        assert [(c.kind, c.text) for c in store.causes.for_event(event.id)] == [
            (CauseKind.PROBLEM, "Changeovers take 47 minutes"),
        ]
        assert app.screen is screen


async def test_help_and_who_was_there_typed_as_the_event_opens(make_app, store):
    event = seed(store)
    session = store.agenda.add(event.id, 1, "Gemba walk", planned_minutes=45)
    store.timer.start(session.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = EventScreen(event.id)
        app.push_screen(screen)
        # ? lists the keys of every area, read from their widgets: they are built for it.
        await burst(pilot, ["question_mark"], until=lambda: app.screen is not screen and app.screen.is_mounted)

        assert isinstance(app.screen, KeyHelpScreen)
        titles = [title for title, _ in app.screen.groups]
        assert {"2 Agenda", "3 Decisions", "4 Reflection", "5 Follow-up", "6 Causes", "7 Fixes"} <= set(titles)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # w: the running session's checklist, though the agenda was never shown.
        await burst(pilot, ["w"], until=lambda: app.screen is not screen and app.screen.is_mounted)
        assert app.screen.checklist_title == "Who was there - Day 1: Gemba walk"
