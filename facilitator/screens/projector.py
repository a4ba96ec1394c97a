"""Projector mode: the countdown as big digits, the session title and what comes next, for the room."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from facilitator.domain.timer import AgendaState
from facilitator.messages import DatabaseChanged
from facilitator.screens.timer_controls import TIMER_BINDINGS, TimerControls
from facilitator.widgets.timer_bar import TimerView, timer_view


class ProjectorScreen(TimerControls, Screen[None]):
    CSS_PATH = "projector.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back", id="projector_close", tooltip="Leave projector mode"),
        Binding("p", "close", "Back", id="projector_toggle", show=False, tooltip="Leave projector mode"),
        *[binding for binding in TIMER_BINDINGS if binding.id != "timer_projector"],
    ]

    def __init__(self, event_id: str, owner=None) -> None:
        super().__init__()
        self.event_id = event_id
        self.owner = owner
        self.state: AgendaState | None = None
        self.day: int | None = None
        self._last: TimerView | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static("", id="projector-status", markup=False)
            yield Static("", id="projector-title", markup=False)
            with Center():
                yield Digits("--:--", id="projector-digits")
            yield Static("", id="projector-next", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        # The timer controls' own on_mount loads the state.
        self.set_interval(0.5, self.tick, name="projector-tick")

    def on_database_changed(self, message: DatabaseChanged) -> None:
        # Paused or moved on from a shell or a second cockpit: the room sees it within a second.
        if message.changes.touches("events", "sessions", "timer_log"):
            self.reload_timer()

    def show_timer_state(self, state: AgendaState) -> None:
        self.state = state
        self.day = self.timer_day()
        self._last = None
        self.tick()
        if self.owner is not None:
            self.owner.show_timer_state(state)

    def announce_finished(self, session_id: str, how: str) -> None:
        target = self.owner if self.owner is not None else self
        TimerControls.announce_finished(target, session_id, how)

    def tick(self) -> None:
        view = timer_view(self.state, self.app.clock.now(), self.app.settings.warn_minutes, self.day)
        if view == self._last:
            return
        for mode in ("idle", "running", "warning", "overrun", "paused"):
            self.set_class(mode in view.mode.split(), f"-{mode}")
        self.query_one("#projector-status", Static).update(view.status)
        self.query_one("#projector-title", Static).update(Text(view.title, justify="center"))
        self.query_one("#projector-digits", Digits).update(view.countdown)
        self.query_one("#projector-next", Static).update(Text(view.next_up, justify="center"))
        self._last = view

    def action_close(self) -> None:
        self.dismiss(None)
