"""Projector mode inside the cockpit: the room clock full screen, with the timer keys still live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from facilitator.domain.timer import AgendaState
from facilitator.messages import DatabaseChanged
from facilitator.screens.timer_controls import TIMER_BINDINGS, TimerControls
from facilitator.widgets.footer import Footer
from facilitator.widgets.room_clock import RoomClock


class ProjectorScreen(TimerControls, Screen[None]):
    """Pushed by the event screen (``owner``), which it keeps in step after every timer action."""

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

    def compose(self) -> ComposeResult:
        yield RoomClock(id="room-clock")
        yield Footer()

    def on_database_changed(self, message: DatabaseChanged) -> None:
        # Paused or moved on from a shell or a second cockpit: the room sees it within a second.
        if message.changes.touches("events", "sessions", "timer_log", "decisions"):
            self.reload_timer()

    def show_timer_state(self, state: AgendaState) -> None:
        self.state = state
        event = self.timer_event()
        parked = self.app.store.decisions.parked_count(self.event_id)
        self.query_one(RoomClock).show(state, event, parked)
        if self.owner is not None:
            self.owner.show_timer_state(state)

    def timer_event(self):
        held = getattr(self.owner, "event", None)
        return held if held is not None else super().timer_event()

    def announce_finished(self, session_id: str, how: str) -> None:
        target = self.owner if self.owner is not None else self
        TimerControls.announce_finished(target, session_id, how)

    def session_started(self) -> None:
        if self.owner is not None:
            self.owner.session_started()

    def action_close(self) -> None:
        self.dismiss(None)
