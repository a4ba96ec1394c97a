"""Mid-session, the facilitator presses x, picks a format, and gets a file while the timer keeps running."""

from __future__ import annotations

import json

from facilitator.domain.timer import TimerState
from facilitator.screens.event import EventScreen
from facilitator.screens.export import ExportScreen
from tests.export_support import add_session, kaizen_event


def _notes(app) -> list[str]:
    return [str(note.message) for note in app._notifications]


async def test_export_json_from_the_cockpit_while_the_timer_runs(make_app, store, clock, tmp_path):
    event = kaizen_event(store, title="Press line 4 [bold]SMED[/]")
    session = add_session(store.db, event, 3, 0, "Trial the die cart", 90)
    store.db.conn.commit()
    store.timer.start(session)
    clock.advance(minutes=12)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "Export: Press line 4 [bold]SMED[/]" in str(app.screen.query_one("#export-title").render())
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        exports = sorted((tmp_path / "exports").iterdir())
        assert [path.suffix for path in exports] == [".json"]
        assert str(exports[0]) in _notes(app)
        data = json.loads(exports[0].read_text(encoding="utf-8"))
        assert [row["action"] for row in data["tables"]["timer_log"]] == ["start"]
        assert data["tables"]["events"][0]["title"] == "Press line 4 [bold]SMED[/]"

        # The timer was never touched: still running, 12 minutes in, nothing added to its log.
        state = store.timer.state(event.id)
        assert state.timer(session).state is TimerState.RUNNING
        assert round(state.timer(session).elapsed(clock.now()).total_seconds()) == 12 * 60
        assert len(store.timer.log(event.id)) == 1

        await pilot.press("x", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = next((tmp_path / "exports").glob("*.md")).read_text(encoding="utf-8")
        assert "| Trial the die cart | 90 | 12 | -78 | running |" in report


async def test_escape_closes_the_export_dialog_without_writing(make_app, store, tmp_path):
    event = kaizen_event(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
    assert not (tmp_path / "exports").exists()


async def test_export_is_a_palette_command_on_the_event_screen(make_app, store):
    event = kaizen_event(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        names = [command.title for command in app.get_system_commands(app.screen)]
        assert "Export" in names


async def test_the_export_dialog_says_where_files_go_and_names_the_last_one(make_app, store, tmp_path):
    event = kaizen_event(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        folder = tmp_path / "exports"  # beside the test database, not in the default data folder
        assert str(app.screen.query_one("#export-folder").render()) == str(folder)
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [written] = list(folder.iterdir())
        await pilot.press("x")
        await pilot.pause()
        assert str(app.screen.query_one("#export-last").render()) == f"Last export: {written.name}"


async def test_a_screenshot_is_saved_with_the_exports_when_there_is_no_downloads_folder(
    make_app, store, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home-without-downloads"))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "home-without-downloads" / "Downloads"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.deliver_screenshot()
        for _ in range(50):
            await pilot.pause(0.02)
            if (tmp_path / "exports").exists() and any((tmp_path / "exports").glob("*.svg")):
                break
        assert [path.suffix for path in (tmp_path / "exports").iterdir()] == [".svg"]
        assert any("Saved screenshot" in str(note.message) for note in app._notifications)
        assert not (tmp_path / "home-without-downloads").exists()


async def _export_by_key(make_app, event, key: str, exports) -> tuple[str, list[str], list[str]]:
    """Press x then ``key`` on the event screen: the file written, the notices, and the dialog's choices."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EventScreen(event.id))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        choices = [str(choice.render()) for choice in app.screen.query(".export-choice")]
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        [written] = list(exports.iterdir())
        return written, _notes(app), choices


async def test_a_broken_report_template_is_a_notice_and_the_export_still_written(make_app, store, tmp_path):
    event = kaizen_event(store)
    templates = tmp_path / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "report.html").write_text('{% extends "builtin/report.html" %}{% block header %}{{ logo }}{% endblock %}')
    written, notes, _ = await _export_by_key(make_app, event, "h", tmp_path / "exports")
    assert "<h1>Press line 4 changeover blitz (SMED)</h1>" in written.read_text(encoding="utf-8")
    assert any(note.startswith(f"Report template {templates / 'report.html'}, line 1: 'logo' is undefined") for note in notes), notes
    assert str(written) in notes


async def test_the_calendar_is_one_key_in_the_export_dialog(make_app, store, tmp_path):
    written, notes, choices = await _export_by_key(make_app, kaizen_event(store), "i", tmp_path / "exports")
    assert any("Calendar (.ics)" in choice for choice in choices)
    assert written.suffix == ".ics" and written.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert str(written) in notes
