"""The projector display's one screen: the room clock, kept in step with the database.

A check twice a second asks the change watcher whether another connection committed since the last
look (``PRAGMA data_version``, no table read when idle); only when the event, its sessions, the timer
log or the decisions moved are they read again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen

from facilitator.storage.changes import ChangeWatcher
from facilitator.storage.errors import NotFound
from facilitator.widgets.footer import Footer
from facilitator.widgets.room_clock import RoomClock

CHECK_SECONDS = 0.5
SHOWN_TABLES = ("events", "sessions", "timer_log", "decisions")


class RoomDisplayScreen(Screen[None]):
    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id
        self._watcher: ChangeWatcher | None = None
        self.loads = 0  # how many times the data was read (the follow test counts them)

    def compose(self) -> ComposeResult:
        yield RoomClock(id="room-clock")
        yield Footer()

    def on_mount(self) -> None:
        self._watcher = ChangeWatcher(self.app.store.db)
        self.load()
        self.set_interval(CHECK_SECONDS, self.check, name="projector-follow")

    def check(self) -> None:
        if self._watcher is not None and self._watcher.check().touches(*SHOWN_TABLES):
            self.load()

    def load(self) -> None:
        store = self.app.store
        self.loads += 1
        try:
            event = store.events.get(self.event_id)
        except NotFound:
            self.query_one(RoomClock).show(None, None, 0)
            self.sub_title = "This event is no longer in the database"
            return
        self.title = event.title
        self.query_one(RoomClock).show(store.timer.state(self.event_id), event, store.decisions.parked_count(self.event_id))
