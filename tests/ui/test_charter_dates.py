"""The charter form's Dates field: a blitz from Friday skips the weekend; picked dates are checked in place."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from facilitator.screens.charter_form import CharterFormScreen


async def test_a_friday_blitz_runs_on_working_days_or_picked_dates(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CharterFormScreen)
        form.query_one("#title", Input).value = "Friday blitz"
        form.query_one("#start_date", Input).value = "2026-11-27"
        form.query_one("#days", Input).value = "3"
        form.query_one("#dates", Input).value = "2026-11-27, 2026-11-28"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2 date(s) for 3 days" in str(form.query_one("#dates-error", Static).render())
        assert store.events.list() == []
        form.query_one("#dates", Input).value = ""  # empty: a blitz skips the weekend
        await pilot.press("ctrl+s")
        await pilot.pause()
    (event,) = store.events.list()
    assert event.end_date == date(2026, 12, 1)
    assert [event.day_date(day) for day in (1, 2, 3)] == [date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)]
