"""Keys and the command palette: rename, archive, theme; every footer key is also a palette command."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from facilitator.config import Settings
from facilitator.domain.event import CharterForm
from facilitator.screens.event import EventScreen
from facilitator.screens.text_prompt import TextPromptScreen


def add_event(store, title="Press line 4 changeover", **changes):
    values = dict(title=title, start_date="2026-11-23", days="5")
    values.update(changes)
    return store.events.add(CharterForm(**values).to_event())


async def test_palette_lists_footer_actions_by_name(make_app, store):
    add_event(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        names = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New event", "Open", "Rename", "Archive", "Demo"} <= names


async def test_palette_command_runs_the_action(make_app, store):
    add_event(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, EventScreen)


async def test_rename_refuses_empty_then_saves(make_app, store):
    event = add_event(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        app.screen.query_one(Input).value = "  "
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        assert "Title is required." in str(app.screen.query_one("#prompt-error").render())
        assert store.events.get(event.id).title == "Press line 4 changeover"
        app.screen.query_one(Input).value = "Line 4 [/] SMED"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextPromptScreen)
        table = app.screen.query_one(DataTable)
        assert table.get_cell_at((0, 0)).plain == "Line 4 [/] SMED"
    assert store.events.get(event.id).title == "Line 4 [/] SMED"


async def test_archive_hides_and_show_archived_brings_back(make_app, store):
    event = add_event(store)
    add_event(store, "Other")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(event.id))
        await pilot.press("a")
        await pilot.pause()
        assert store.events.get(event.id).archived
        assert table.row_count == 1
        await pilot.press("h")
        await pilot.pause()
        assert table.row_count == 2


async def test_demo_key_loads_demo_on_empty_database(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count >= 2
    assert store.events.list()


async def test_theme_choice_persists(make_app, tmp_path):
    settings = Settings()
    app = make_app(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "projector-light"
        await pilot.pause()
    assert Settings.load().theme == "projector-light"


async def test_theme_from_command_line_is_not_remembered(make_app):
    app = make_app(theme="andon")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "andon"
    assert Settings.load().theme == "shopfloor-dark"


async def test_broken_user_theme_is_reported_not_fatal(make_app, tmp_path):
    folder = tmp_path / "config" / "themes"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text("name = 'bad'\nprimary = 42\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("bad.toml" in message for message in messages)


async def test_event_screen_shows_charter_text_as_typed(make_app, store):
    add_event(store, "[bold]Paint[/] [link=x]line[/link] 🎨", problem="[red]not red[/]")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        from facilitator.widgets.charter_view import CharterView

        rendered = app.screen.query_one(CharterView).render()
        from rich.console import Console

        console = Console(width=110, record=True)
        console.print(rendered)
        text = console.export_text()
        assert "[bold]Paint[/] [link=x]line[/link] 🎨" in text
        assert "[red]not red[/]" in text
