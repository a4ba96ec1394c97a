"""The event: its areas as tabs (charter first; agenda, decisions, reflection and follow-up slot in)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventStatus
from facilitator.screens.charter_form import CharterFormScreen
from facilitator.widgets.charter_view import CharterView

_NEXT_STATUS = {
    EventStatus.PLANNED: EventStatus.RUNNING,
    EventStatus.RUNNING: EventStatus.DONE,
    EventStatus.DONE: EventStatus.PLANNED,
}


class EventScreen(Screen[None]):
    CSS_PATH = "event.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Events", id="back_to_events", tooltip="Back to the list of events"),
        Binding("e", "edit_charter", "Edit charter", id="edit_charter", tooltip="Edit the charter: scope, team, targets"),
        Binding("S", "cycle_status", "Status", id="cycle_status", tooltip="Move the event on: planned, running, done"),
        Binding("1", "show_tab('charter')", "Charter", id="tab_charter", show=False),
    ]

    event: var[Event | None] = var(None)

    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="areas"):
            with TabPane("1 Charter", id="charter"):
                with VerticalScroll():
                    yield CharterView(id="charter-view")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.event = self.app.store.events.get(self.event_id)

    def watch_event(self, event: Event | None) -> None:
        if event is None:
            return
        self.title = event.title
        self.sub_title = f"{event.kind.label} - {event.status.value}"
        self.query_one(CharterView).event = event

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    @work
    async def action_edit_charter(self) -> None:
        saved = await self.app.push_screen_wait(CharterFormScreen(self.event))
        if saved is not None:
            self.event = saved
            self.notify("Charter saved")

    def action_cycle_status(self) -> None:
        assert self.event is not None
        status = _NEXT_STATUS[self.event.status]
        try:
            self.event = self.app.store.events.set_status(self.event.id, status)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Event is now {status.value}")
