"""A user's keymap.toml: the new key works, and the footer, the key list and the palette all show it."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from facilitator import paths
from facilitator.screens.decision_capture import DecisionCaptureScreen
from facilitator.screens.key_help import KeyHelpScreen
from tests.screen_text import rendered_text
from tests.ui.event_setup import blitz, open_event


def write_keymap(text: str) -> None:
    paths.keymap_file().parent.mkdir(parents=True, exist_ok=True)
    paths.keymap_file().write_text(text, encoding="utf-8")


async def test_remapped_key_opens_the_dialog_and_shows_everywhere(make_app, store):
    write_keymap('capture_decision = "ctrl+g"\nexport = "p"\nnot_a_binding = "z"\n')
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        # One line at start names what was left out; the rest applies.
        notices = [notice.message for notice in app._notifications]
        assert notices == [
            "keymap.toml: unknown id 'not_a_binding'; export = 'p' clashes with timer_projector (p) in event; "
            "export keeps x; the other entry applies"
        ]
        footer = {key.action: key.key for key in screen.query(FooterKey)}
        assert footer["capture_decision"] == "ctrl+g" and footer["export"] == "x"
        commands = {command.title: command.help for command in app.get_system_commands(screen)}
        assert "(key: ^g)" in commands["Decide"]

        await pilot.press("d")  # the old key does nothing now
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeyHelpScreen)
        text = "\n".join(rendered_text(s, width=200) for s in app.screen.query(Static))
        decide = next(line for line in text.splitlines() if " Decide " in line)
        assert "^g" in decide


async def test_a_keymap_that_does_not_parse_starts_the_cockpit_with_the_default_keys(make_app, store):
    write_keymap("capture_decision = [\n")
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_event(app, pilot, event.id)
        assert any(n.message.startswith("keymap.toml: not valid TOML") for n in app._notifications)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)


async def test_the_projector_display_takes_the_keymap_too(store, tmp_path):
    from facilitator.config import Settings
    from facilitator.projector_app import ProjectorApp
    from facilitator.storage.store import Store

    write_keymap('projector_next_theme = "n"\nprojector_quit = "f2"\n')  # f2 picks a theme: left out
    event = blitz(store)
    display = Store(store.path, read_only=True)
    app = ProjectorApp(display, event.id, settings=Settings())
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert [n.message for n in app._notifications] == [
                "keymap.toml: projector_quit = 'f2' clashes with theme (f2) in projector display; "
                "projector_quit keeps q; the other entry applies"
            ]
            before = app.theme
            await pilot.press("n")
            await pilot.pause()
            assert app.theme != before
    finally:
        display.close()
