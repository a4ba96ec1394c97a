"""The report-out of an event's first day, and each day's report-out showing that day as it was."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from facilitator.domain.decision import DecidedBy, DecisionDraft, Verdict
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.report.gather import daily_report
from facilitator.screens.event import EventScreen
from facilitator.screens.report_out import ReportOutScreen
from tests.screen_text import rendered_text


def _event_starting_today(store) -> Event:
    # The test clock reads 2026-11-25: the event's first day is today.
    return store.events.add(
        Event(title="Press 2 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3, status=EventStatus.RUNNING)
    )


def _decide(store, event_id: str, subject: str, verdict: str, day: int):
    return store.decisions.capture(event_id, DecisionDraft(subject=subject, verdict=verdict), day=day)


async def test_report_out_on_the_first_day_shows_the_day_and_moves_between_days(make_app, store):
    event = _event_starting_today(store)
    store.agenda.add(event.id, 1, "Kick-off", planned_minutes=30)
    _decide(store, event.id, "Quick-release clamps", "in_scope", 1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportOutScreen)
        shown = rendered_text(report.query_one("#report-body", Static))
        assert "Report-out, day 1 of 3" in shown
        assert "Kick-off: not run (30 min planned)" in shown
        assert "In scope: Quick-release clamps" in shown
        await pilot.press("right")
        await pilot.pause()
        assert report.day == 2
        assert "Report-out, day 2 of 3" in rendered_text(report.query_one("#report-body", Static))
        await pilot.press("left")
        await pilot.pause()
        assert report.day == 1


def test_a_past_days_parking_lot_is_the_one_at_the_end_of_that_day(store):
    event = _event_starting_today(store)
    early = _decide(store, event.id, "Paint the floor", "parked", 1)
    _decide(store, event.id, "Second crane", "parked", 1)
    _decide(store, event.id, "New die cart", "parked", 2)
    _decide(store, event.id, "Robot loader", "parked", 3)
    store.decisions.resolve_parked(early.id, Verdict.OUT_OF_SCOPE, DecidedBy.SPONSOR, day=2)

    def parking_lot(day: int) -> list[str]:
        section = next(s for s in daily_report(store, event.id, day).sections if s.title == "Parking lot")
        return [line.text for line in section.lines]

    # Decided on one frozen clock instant: the order within a day is not what is checked here.
    assert sorted(parking_lot(1)) == ["Paint the floor", "Second crane"]
    assert sorted(parking_lot(2)) == ["New die cart", "Second crane"]
    scope = next(s for s in daily_report(store, event.id, 2).sections if s.title == "Scope changes of the day")
    assert sorted(line.text.split(" (")[0] for line in scope.lines) == [
        "Out of scope: Paint the floor", "Parked: New die cart",
    ]
