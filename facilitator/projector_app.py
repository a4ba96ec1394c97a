"""The read-only second screen: ``facilitator projector EVENT`` on a projector, a TV or over SSH.

Its own small App so it can hold no key that changes data: only quit and the theme. It opens the
database read-only (SQLite refuses any write on that connection) and follows whatever the cockpit,
the CLI or another laptop commits.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from facilitator.config import DEFAULT_THEME, Settings
from facilitator.errorlog import log_exception
from facilitator.keymap import read as read_keymap
from facilitator.screens.room_display import RoomDisplayScreen
from facilitator.storage.store import Store
from facilitator.themes import load_themes


class ProjectorApp(App[None]):
    TITLE = "facilitator projector"
    # The palette would offer commands beyond quit and theme; the display has only those two keys.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "Quit", id="projector_quit", tooltip="Close the display; nothing is changed"),
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False),
        Binding("f2", "change_theme", "Theme", id="theme", tooltip="Pick a colour theme for this display"),
        Binding("t", "next_theme", "Next theme", id="projector_next_theme", tooltip="Cycle through the app's themes"),
    ]

    def __init__(self, store: Store, event_id: str, *, settings: Settings | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.event_id = event_id
        self.settings = settings or Settings.load()
        loaded = load_themes()
        self._own_themes = [custom.name for custom in loaded.themes]
        for custom in loaded.themes:
            self.register_theme(custom)
        wanted = theme or self.settings.theme
        # The display's theme is for this run only: the cockpit's remembered choice stays as it is.
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME
        keys = read_keymap()  # the display's quit and theme keys follow the user's keymap.toml too
        self.set_keymap(keys.keymap)
        self._keymap_problem = keys.problem_line()

    @property
    def clock(self):
        return self.store.clock

    def on_mount(self) -> None:
        self.push_screen(RoomDisplayScreen(self.event_id))
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", timeout=8, markup=False)

    def action_next_theme(self) -> None:
        names = self._own_themes or [DEFAULT_THEME]
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.theme = names[index % len(names)]

    def _fatal_error(self) -> None:
        error = self._exception
        log_path = log_exception(error) if error else None
        where = f"details are in {log_path}" if log_path else "details could not be written"
        self._exit_renderables.append(f"facilitator projector stopped on an unexpected error ({where}).")
        self._close_messages_no_wait()
