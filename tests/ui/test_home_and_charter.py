"""A facilitator creates an event through the form, fixes what the form refuses, and finds it saved."""

from __future__ import annotations

from textual.widgets import Input, Static

from facilitator.screens.charter_form import CharterFormScreen
from tests.screen_text import rendered_text
from facilitator.screens.event import EventScreen
from facilitator.screens.home import HomeScreen


async def test_empty_database_says_how_to_start(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "Load the demo" in rendered_text(empty)


async def test_create_event_through_form(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CharterFormScreen)
        app.screen.query_one("#title", Input).value = "Weld cell [bold]5S[/] blitz"
        app.screen.query_one("#start_date", Input).value = "2026-12-01"
        app.screen.query_one("#days", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
    events = store.events.list()
    assert [(e.title, e.days, e.start_date.isoformat()) for e in events] == [
        ("Weld cell [bold]5S[/] blitz", 3, "2026-12-01")
    ]


async def test_invalid_form_shows_messages_beside_fields_and_saves_nothing(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#title", Input).value = "   "
        form.query_one("#start_date", Input).value = "2026-02-30"
        form.query_one("#days", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert app.focused is form.query_one("#title")
        assert "Title is required." in str(form.query_one("#title-error", Static).render())
        assert "real date" in str(form.query_one("#start_date-error", Static).render())
        assert "2-5 days" in str(form.query_one("#days-error", Static).render())
        # Fixing the title clears its message as the user types.
        form.query_one("#title", Input).value = "Paint line"
        await pilot.pause()
        assert not form.query_one("#title-error", Static).display
    assert store.events.list() == []


async def test_edit_charter_from_the_event(make_app, store):
    from facilitator.domain.event import CharterForm

    event = store.events.add(CharterForm(title="Paint line", start_date="2026-11-23", days="5").to_event())
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CharterFormScreen)
        assert form.query_one("#title", Input).value == "Paint line"
        form.query_one("#days", Input).value = "4"
        form.query_one("#targets").text = "Lead time; h; 30; 12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert app.screen.event.days == 4
    saved = store.events.get(event.id)
    assert saved.days == 4
    assert [(t.metric, t.baseline, t.goal) for t in saved.targets] == [("Lead time", 30.0, 12.0)]
