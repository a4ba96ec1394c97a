"""The Textual App: themes, the first screen and global commands. Everything else lives in screens."""

from __future__ import annotations

from facilitator import collector

# First, before Textual is imported: the collector runs rarely until the list is painted (collector.py).
collector.hold()

import sqlite3
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from facilitator.config import DEFAULT_THEME, Settings
from facilitator.domain.display import visible
from facilitator.keymap import as_user_sees
from facilitator.keymap import read as read_keymap
from facilitator.messages import DatabaseChanged
from facilitator.notices import QuietNotices
from facilitator.ordered_keys import OrderedKeys
from facilitator.screens.home import HomeScreen
from facilitator.storage.changes import NOTHING, Changes, ChangeWatcher
from facilitator.storage.store import Store
from facilitator.theme_picker import ThemePicker, own_theme_order
from facilitator.themes import load_themes


class FacilitatorApp(QuietNotices, OrderedKeys, App[None]):
    TITLE = "facilitator"
    # The list of events is the first screen (``get_default_screen``), which Textual does not read a
    # stylesheet for: its own is read here, with the app's, in the one parse before the first paint.
    CSS_PATH = [Path(__file__).with_suffix(".tcss"), Path(__file__).parent / "screens" / "home.tcss"]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Leave the cockpit; everything is already saved"),
        Binding("f2", "change_theme", "Theme", id="theme", tooltip="Pick a colour theme (projector-light for bright rooms)"),
    ]

    last_export: Path | None = None  # the export dialog names it, so the path outlives its notification
    FOLLOW_SECONDS = 1.0  # a commit from another process shows on every open screen within this

    def __init__(
        self,
        store: Store,
        *,
        settings: Settings | None = None,
        theme: str | None = None,
        follow_seconds: float = FOLLOW_SECONDS,
    ) -> None:
        super().__init__()
        self.store = store
        self._watcher = ChangeWatcher(store)
        self._follow_seconds = follow_seconds
        self.settings = settings or Settings.load()
        loaded = load_themes()
        for custom in loaded.themes:
            self.register_theme(custom)
        self.own_themes = own_theme_order(custom.name for custom in loaded.themes)
        self._startup_problems = list(loaded.problems)
        wanted = theme or self.settings.theme
        if wanted not in self.available_themes:
            self._startup_problems.append(f"Theme {wanted!r} is not installed; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME
        self.theme = wanted
        self._apply_keymap()
        self._persist_theme = theme is None
        self._damage_shown = False

    def _apply_keymap(self) -> None:
        # The user's keymap.toml: Textual remaps by binding id; what clashes or is unknown is left out.
        keys = read_keymap()
        self.set_keymap(keys.keymap)
        if (line := keys.problem_line()) is not None:
            self._startup_problems.append(line)

    @property
    def clock(self):
        return self.store.clock

    def on_mount(self) -> None:
        for problem in self._startup_problems:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        self.set_interval(self._follow_seconds, self.follow_database, name="follow-database")
        self.call_after_refresh(collector.release)  # the list is painted: collect as usual from here

    def get_default_screen(self) -> Screen:
        # The list of events is the first screen itself, not pushed over Textual's empty one: the first
        # paint composes, styles and lays out one screen, not two.
        return HomeScreen()

    def follow_database(self) -> Changes:
        """Tell every open screen what other processes committed; when nothing did, no table is read."""
        try:
            changes = self._watcher.check()
        except sqlite3.Error:  # the file went away for a moment (a network share, a backup tool): next tick
            return NOTHING
        if changes:
            for screen in self.screen_stack:
                screen.post_message(DatabaseChanged(changes))
        return changes

    def watch_theme(self, theme: str) -> None:
        # A theme picked with --theme is for this run only; one picked in the cockpit is remembered.
        if not getattr(self, "_persist_theme", False) or theme == self.settings.theme:
            return
        self.settings.theme = theme
        try:
            self.settings.save()
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)

    def pop_screen(self):
        # Once the closed screen has gone, release what watchers still hold of it (see widgets/watchers.py).
        done = super().pop_screen()
        self.set_timer(0.2, self._drop_closed_watchers, name="release-closed-screens")
        return done

    def _drop_closed_watchers(self) -> None:
        from facilitator.widgets.watchers import drop_closed_watchers

        if not self.screen_stack:
            return  # the app is closing
        drop_closed_watchers([self, *self.screen.walk_children(with_self=True)])

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        # Textual saves to ~/Downloads, which a plant laptop may not have: keep pictures with the exports,
        # beside the database in use (the notification names the file).
        if path is None:
            from facilitator.paths import exports_dir

            folder = exports_dir(self.store.path)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self.notify(f"Screenshot not saved: cannot create {folder} ({error.strerror or error}).",
                            severity="error", markup=False)
                return None
            path = str(folder)
        return super().deliver_screenshot(filename, path, time_format)

    def notify(self, message, *args, **kwargs) -> None:
        # Every toast passes here (screens and widgets call the App's): a name typed elsewhere with
        # control characters shows them as symbols, never raw.
        super().notify(visible(message) if isinstance(message, str) else message, *args, **kwargs)

    def search_themes(self) -> None:
        # f2 and the palette's "Theme": the cockpit's own themes first, then Textual's.
        self.push_screen(CommandPalette(providers=[ThemePicker], placeholder="Pick a theme..."))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key shown in the footer is also a named command in the palette."""
        yield from super().get_system_commands(screen)
        seen: set[str] = {"quit", "change_theme", "command_palette"}
        # The screen's own bindings count even when a focused widget shadows their key (enter in a table).
        candidates = [(active.node, active.binding) for active in screen.active_bindings.values()]
        candidates += [
            (screen, binding) for bindings in screen._bindings.key_to_bindings.values() for binding in bindings
        ]
        # The screen's own bindings are as declared: show the keys the user's keymap gave them.
        candidates = [(node, shown) for node, binding in candidates for shown in as_user_sees([binding], self._keymap)]
        for node, binding in candidates:
            # Keys kept out of the footer for room (show=False, with an id) are still named commands.
            if not (binding.show or binding.id) or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            help_text = binding.tooltip or binding.description
            yield SystemCommand(
                binding.description,
                f"{help_text} (key: {self.get_key_display(binding)})",
                partial(self.run_action, binding.action, node),
            )

    def _handle_exception(self, error: Exception) -> None:
        # A damaged file is not a bug to log: say so and how to recover, over whatever screen met it.
        from facilitator.storage.errors import damage_in, damaged, unreadable_in

        found = damage_in(error)
        unreadable = unreadable_in(error)
        if found is None and unreadable is None:
            super()._handle_exception(error)
            return
        from facilitator.screens.damaged import DamagedScreen

        if not self._damage_shown:
            self._damage_shown = True
            if found is not None:
                self.push_screen(DamagedScreen(str(damaged(self.store.path, found))))
            else:  # a record changed by hand: not a bug to log either; the line names it
                self.push_screen(DamagedScreen(str(unreadable), "A record cannot be read"))

    def _fatal_error(self) -> None:
        # On the shop floor a traceback helps nobody: log it, say where, and close cleanly.
        from facilitator.errorlog import log_exception  # with logging.handlers: not needed to start

        error = self._exception
        log_path = log_exception(error) if error else None
        where = f"details are in {log_path}" if log_path else "details could not be written"
        self._exit_renderables.append(
            Text(f"facilitator stopped on an unexpected error ({where}). Everything saved before it is safe.")
        )
        self._close_messages_no_wait()
