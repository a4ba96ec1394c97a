"""Pictures of the decision log and of quick capture over a running timer (dark and projector-light)."""

from __future__ import annotations

from datetime import date

from facilitator.domain.decision import AmendedField, DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.screens.event import EventScreen


def _seed(store, clock) -> Event:
    event = store.events.add(Event(
        title="Press line 4 changeover blitz (SMED)", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5,
        in_bounds=("Line 4 die changeover",), out_of_bounds=("Capital spending above 5,000 EUR",),
        id="00000000-0000-4000-8000-00000000d4d4",  # the charter shows the id: fixed, so the picture is stable
    ))
    session = store.agenda.add(event.id, 3, "Implement changes", planned_minutes=90)
    log = store.decisions
    cart = log.capture(event.id, DecisionDraft("Die cart redesign", "in_scope", "team", "Carts arrive late"), day=1)
    clock.advance(minutes=7)
    clamps = log.capture(event.id, DecisionDraft("New hydralic clamps (capex 38k EUR)", "out_of_scope", "sponsor"), day=1)
    log.amend(clamps.id, AmendedField.SUBJECT, "New hydraulic clamps (capex 38k EUR)")
    clock.advance(minutes=9)
    log.capture(event.id, DecisionDraft("Move die storage next to line 4", "parked", "facilitator", tags="layout"), day=2)
    clock.advance(minutes=4)
    log.supersede(cart.id, DecisionDraft("Die cart redesign", "deferred", "sponsor", "[bold]not[/] this week"), day=2)
    store.timer.start(session.id)
    clock.advance(minutes=23)
    return event


def _opener(event_id: str, *keys: str):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(EventScreen(event_id))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_decision_log(snap_compare, make_app, store, clock):
    event = _seed(store, clock)
    assert snap_compare(make_app(), run_before=_opener(event.id, "3"), terminal_size=(120, 40))


def test_quick_capture_over_running_timer_projector(snap_compare, make_app, store, clock):
    event = _seed(store, clock)
    run_before = _opener(event.id, "3", "d", *"Shim stock at the press", "tab", "o")
    assert snap_compare(make_app(theme="projector-light"), run_before=run_before, terminal_size=(80, 24))


def test_charter_vs_reality(snap_compare, make_app, store, clock):
    event = _seed(store, clock)
    assert snap_compare(make_app(), run_before=_opener(event.id, "1", "end"), terminal_size=(120, 40))
