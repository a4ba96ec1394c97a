"""The facilitator adds follow-ups from anywhere, moves them on, records measurements, opens the report-out."""

from __future__ import annotations

import io
from datetime import date

from textual.widgets import Input, Static

from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.screens.event import EventScreen
from facilitator.screens.followup_form import FollowUpFormScreen
from facilitator.screens.measurement_form import MeasurementFormScreen
from facilitator.screens.report_out import ReportOutScreen
from facilitator.widgets.newspaper import Newspaper
from facilitator.widgets.target_sheet import TargetSheet

CHANGEOVER = Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="t-co")
YIELD = Target(metric="First-pass yield", unit="%", baseline=91, goal=98, id="t-fpy")


def seed(store) -> Event:
    return store.events.add(
        Event(
            title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3, area=Area.PRODUCT,
            facilitator="Sam Reyes (CI lead)", team=("Luis Ortega (die setter)", "Priya Nair (maintenance)"),
            targets=(CHANGEOVER, YIELD), status=EventStatus.RUNNING,
        )
    )


async def open_event(app, pilot, event_id: str) -> EventScreen:
    await pilot.pause()
    app.push_screen(EventScreen(event_id))
    await pilot.pause()
    assert isinstance(app.screen, EventScreen)
    return app.screen


def text_of(widget: Static) -> str:
    return str(widget.render())


def shown_text(widget: Static) -> str:
    """What a Static holding Rich renderables shows, as plain text."""
    from rich.console import Console

    console = Console(width=120, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_quick_add_from_the_charter_tab_is_saved_before_the_dialog_closes(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FollowUpFormScreen)
        await pilot.press(*"Order [bold]quick[/] clamps")
        await pilot.press("tab", *"Pri", "right", "tab")
        await pilot.press(*"soonish", "enter")
        await pilot.pause()
        # Refused beside the field; the dialog stays open and nothing is saved.
        assert app.screen is dialog
        assert "not a date I understand" in text_of(dialog.query_one("#due-error", Static))
        assert store.followups.for_event(event.id) == []
        dialog.query_one("#due", Input).value = "fri"
        await pilot.pause()
        assert "Friday 27 November 2026" in text_of(dialog.query_one("#due-hint", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        (saved,) = store.followups.for_event(event.id)
        assert (saved.action, saved.owner, saved.due_date) == ("Order [bold]quick[/] clamps", "Priya Nair", date(2026, 11, 27))
        assert [c.changed_by for c in store.followups.changes(event.id)] == ["Sam Reyes"]
        newspaper = screen.query_one(Newspaper)
        assert saved.id in newspaper.items
        row = newspaper.get_row(saved.id)
        assert str(row[1]) == "Order [bold]quick[/] clamps"  # markup shown as typed


async def test_status_changes_from_the_newspaper(make_app, store):
    event = seed(store)
    item = store.followups.add(FollowUp(event_id=event.id, action="Label die carts", owner="Luis", due_date=date(2026, 11, 20)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("5")
        await pilot.pause()
        newspaper = screen.query_one(Newspaper)
        newspaper.focus()
        newspaper.move_cursor(row=newspaper.get_row_index(item.id))
        # Overdue: shown in the theme's error colour.
        assert str(newspaper.get_row(item.id)[0].style.color.name).lower() != "default"
        await pilot.press("s")
        await pilot.pause()
        assert store.followups.get(item.id).status is FollowUpStatus.IN_PROGRESS
        await pilot.press("b")
        await pilot.pause()
        assert store.followups.get(item.id).status is FollowUpStatus.BLOCKED
        assert "blocked" in str(newspaper.get_row(item.id)[3])
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FollowUpFormScreen)
        dialog.query_one("#outcome", Input).value = "Carts labelled on both shifts"
        dialog.query_one("#status").value = "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    done = store.followups.get(item.id)
    assert (done.status, done.outcome, done.due_date) == (FollowUpStatus.DONE, "Carts labelled on both shifts", date(2026, 11, 20))
    assert [c.to_status.value for c in store.followups.changes(event.id)] == ["open", "in_progress", "blocked", "done"]


async def test_measurement_form_refuses_bad_numbers_beside_the_field(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MeasurementFormScreen)
        dialog.query_one("#value", Input).value = "thirty-one"
        dialog.query_one("#measured_at", Input).value = "25:99"
        dialog.query_one("#value", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "must be a number" in text_of(dialog.query_one("#value-error", Static))
        assert "When:" in text_of(dialog.query_one("#measured_at-error", Static))
        assert store.measurements.for_event(event.id) == []
        dialog.query_one("#target").value = YIELD.id
        dialog.query_one("#value", Input).value = "112"
        await pilot.press("enter")
        await pilot.pause()
        assert "0 to 100" in text_of(dialog.query_one("#value-error", Static))
        dialog.query_one("#value", Input).value = "96,5"
        dialog.query_one("#measured_at", Input).value = "07:30"
        dialog.query_one("#note", Input).value = "pins on the die set"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        (saved,) = store.measurements.for_event(event.id)
        assert (saved.target_id, saved.value, saved.note) == (YIELD.id, 96.5, "pins on the die set")
        assert saved.measured_at.hour == 7 and saved.measured_at.minute == 30
        sheet = screen.query_one(TargetSheet)
        assert [p.actual for p in sheet.progress] == [None, 96.5]


async def test_report_out_for_today_and_other_days(make_app, store):
    event = seed(store)
    store.followups.add(FollowUp(event_id=event.id, action="Write SMED standard", owner="Grace", due_date=date(2026, 12, 4)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event.id)
        await pilot.press("o")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportOutScreen)
        body = report.query_one("#report-body", Static)
        assert report.day == 2  # 2026-11-25 is day 2 of the event
        shown = shown_text(body)
        assert "Report-out, day 2 of 3" in shown
        assert "Write SMED standard - Grace, due 2026-12-04" in shown
        await pilot.press("right")
        await pilot.pause()
        shown = shown_text(body)
        assert "Final report-out, day 3 of 3" in shown and "Open actions" in shown and "Thanks" in shown
        await pilot.press("right")
        await pilot.pause()
        assert report.day == 3
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)


async def test_open_follow_ups_of_earlier_events_in_the_area_are_announced(make_app, store):
    event = seed(store)
    earlier_event = store.events.add(
        Event(title="Line 2 5S", kind=EventKind.KAIZEN, start_date=date(2026, 8, 24), days=3, area=Area.PRODUCT,
              status=EventStatus.DONE)
    )
    item = store.followups.add(
        FollowUp(event_id=earlier_event.id, action="Clear the red-tag area", owner="Marek", due_date=date(2026, 9, 30))
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        # A line above the tabs, not a toast that a dialog opened at once would have under it.
        line = screen.query_one("#day-notice", Static)
        assert "1 open follow-up from earlier Product events (1 overdue)" in text_of(line) and line.display
        assert not [n for n in app._notifications if "follow-up" in n.message]
        await pilot.press("5")
        await pilot.pause()
        assert not line.display  # seen: the line has done its work
        heading = text_of(screen.query_one("#earlier-heading", Static))
        assert heading == "Earlier Product events: 1 open follow-up, 1 overdue"
        earlier = screen.query_one("#earlier")
        assert [str(cell) for cell in earlier.get_row(item.id)][:2] == ["Line 2 5S", "Clear the red-tag area"]
        # The loop can be closed from the new event: the earlier item moves on.
        earlier.focus()
        await pilot.press("s")
        await pilot.pause()
        assert store.followups.get(item.id).status is FollowUpStatus.IN_PROGRESS
        assert store.followups.get(item.id).event_id == earlier_event.id


async def test_quick_add_from_the_agenda_tab_comes_from_the_running_session(make_app, store, clock):
    event = seed(store)
    session = store.agenda.add(event.id, 2, "Root cause: [i]5 Whys[/i]", planned_minutes=60)
    store.timer.start(session.id)
    clock.advance(minutes=12)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FollowUpFormScreen)
        assert dialog.query_one("#source").value == f"session:{session.id}"
        dialog.query_one("#action", Input).value = "Ask metrology for the gauge calibration"
        dialog.query_one("#owner", Input).value = "Tom Becker"
        dialog.query_one("#due", Input).value = "+2w"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    (saved,) = store.followups.for_event(event.id)
    assert (saved.source_kind.value, saved.source_id, saved.due_date) == ("session", session.id, date(2026, 12, 9))


async def test_a_new_day_announces_what_is_open(make_app, store, clock):
    event = seed(store)
    store.followups.add(FollowUp(event_id=event.id, action="Quote for die cart", owner="Marek", due_date=date(2026, 11, 25)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        line = screen.query_one("#day-notice", Static)
        line.dismiss()
        screen.check_new_day()
        await pilot.pause()
        assert not line.display  # same day: nothing new
        clock.advance(days=1)
        # The screen watches the date, not the follow-up area: it is not built until it is first needed.
        assert not screen.query("#followup-area")
        screen.check_new_day()
        await pilot.pause()
        assert text_of(line) == "Day 3: This event: 1 follow-up due or overdue. Press 5 to see them." and line.display


async def test_a_mistyped_measurement_can_be_removed_from_the_dialog(make_app, store, clock):
    from facilitator.domain.measurement import Measurement

    event = seed(store)
    good = store.measurements.add(Measurement(event_id=event.id, target_id=CHANGEOVER.id, value=38, measured_at=clock.now()))
    store.measurements.add(Measurement(event_id=event.id, target_id=CHANGEOVER.id, value=310, measured_at=clock.now()))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert "Latest: 310 min" in text_of(dialog.query_one("#latest", Static))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen is dialog
        assert "Latest: 38 min" in text_of(dialog.query_one("#latest", Static))
        assert store.measurements.for_event(event.id) == [good]
        await pilot.press("escape")
        await pilot.pause()
        assert [p.actual for p in screen.query_one(TargetSheet).progress] == [38, None]
