"""The Store: one open database plus a repository per data type, and the clock they stamp with."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from sqlite_utils import Database

from facilitator.domain.clock import Clock, SystemClock
from facilitator.storage.database import connect
from facilitator.storage.events import EventRepository


class Store:
    """Owns one connection; a worker thread opens its own with :meth:`for_thread`."""

    def __init__(self, path: Path | str, clock: Clock | None = None, *, migrate: bool = True) -> None:
        self.path = Path(path)
        self.clock = clock or SystemClock()
        self.db: Database = connect(self.path, migrate=migrate)

    def for_thread(self) -> Store:
        """A second Store on the same file, for a worker thread (SQLite connections stay in their thread)."""
        return Store(self.path, self.clock, migrate=False)

    def close(self) -> None:
        self.db.close()

    @cached_property
    def events(self) -> EventRepository:
        return EventRepository(self.db, self.clock)
