"""Keys typed in one burst land where they were typed: every dialog takes its keys in order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from facilitator.domain.event import Event, EventKind, Target
from facilitator.domain.decision import Verdict
from tests.ui.burst import burst, typed
from tests.ui.event_setup import blitz, open_event


async def test_decisions_typed_in_one_burst_are_saved_as_typed(make_app, store):
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys: list[str] = []
        for number in range(1, 7):
            keys += ["d", *typed(f"Die cart {number}"), "tab", "i", "f", "enter"]
        await burst(pilot, keys, until=lambda: len(store.decisions.page(event.id)) >= 6 and app.screen is screen)
        # The fake clock stands still, so all share one time: order them by the number typed.
        saved = sorted(store.decisions.page(event.id), key=lambda d: int(d.subject.split()[-1]))
        assert [(d.subject, d.verdict, d.decided_by.value) for d in saved] == [
            (f"Die cart {n}", Verdict.IN_SCOPE, "facilitator") for n in range(1, 7)
        ]
        assert app.screen is screen


async def test_follow_ups_typed_in_one_burst_are_saved_as_typed(make_app, store):
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys: list[str] = []
        for number in range(1, 6):
            keys += ["a", *typed(f"Label die {number}"), "tab", *typed("Tom Hale"), "tab", *typed("+2w"), "enter"]
        await burst(pilot, keys, until=lambda: len(store.followups.for_event(event.id)) >= 5 and app.screen is screen)
        saved = sorted(store.followups.for_event(event.id), key=lambda f: f.action)
        assert [(f.action, f.owner, f.due_date) for f in saved] == [
            (f"Label die {n}", "Tom Hale", date(2026, 12, 9)) for n in range(1, 6)
        ]


async def test_measurements_typed_in_one_burst_are_saved_as_typed(make_app, store):
    event = blitz(store)
    store.events.update(replace(event, targets=(Target("Changeover", "min", 45, 20),)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys: list[str] = []
        for number in range(31, 36):
            keys += ["m", *typed(str(number)), "tab", "tab", *typed(f"run {number}"), "enter"]
        await burst(pilot, keys, until=lambda: len(store.measurements.for_event(event.id)) >= 5 and app.screen is screen)
        saved = sorted(store.measurements.for_event(event.id), key=lambda m: m.value)
        assert [(m.value, m.note) for m in saved] == [(float(n), f"run {n}") for n in range(31, 36)]


async def test_sessions_and_a_prompt_typed_in_one_burst_land_as_typed(make_app, store, clock):
    event = blitz(store)
    first = store.agenda.add(event.id, 3, "Kick-off", planned_minutes=30)
    store.timer.start(first.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys = ["2"]
        for number in range(1, 4):
            keys += ["i", *typed(f"Gemba walk {number}"), "tab", "tab", *typed("45"), "enter"]
        keys += ["E", *typed("10"), "enter", "1"]
        await burst(pilot, keys, until=lambda: store.timer.state(event.id).timer(first.id).extra_minutes == 10)
        titles = [s.title for s in store.agenda.sessions(event.id, 3)]
        assert sorted(titles) == ["Gemba walk 1", "Gemba walk 2", "Gemba walk 3", "Kick-off"]
        assert {s.planned_minutes for s in store.agenda.sessions(event.id, 3) if s.title.startswith("Gemba")} == {45}
        assert app.screen is screen


async def test_a_reflection_typed_in_one_burst_is_saved_as_typed(make_app, store):
    event = store.events.add(
        Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25), days=3)
    )
    session = store.agenda.add(event.id, 1, "Opening round")
    store.timer.start(session.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys = ["r", *typed("Li Wei"), "tab", *typed("We listened"), "tab", *typed("Questions first"), "ctrl+s"]
        await burst(pilot, keys, until=lambda: bool(store.reflections.history(event.id)) and app.screen is screen)
        [saved] = store.reflections.history(event.id)
        assert saved.participant == "Li Wei"
        assert [a.answer for a in saved.answers][:2] == ["We listened", "Questions first"]
