"""The Store: one open database plus a repository per data type, and the clock they stamp with."""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.clock import Clock, SystemClock
from facilitator.storage.database import open_connection, wrap
from facilitator.storage.events import EventRepository

if TYPE_CHECKING:
    from sqlite_utils import Database

    from facilitator.storage.agenda import AgendaRepository
    from facilitator.storage.attendance import AttendanceRepository
    from facilitator.storage.causes import CauseRepository
    from facilitator.storage.countermeasures import CountermeasureRepository
    from facilitator.storage.decisions import DecisionRepository
    from facilitator.storage.evidence import EvidenceRepository
    from facilitator.storage.followups import FollowUpRepository
    from facilitator.storage.measurements import MeasurementRepository
    from facilitator.storage.reflections import ReflectionRepository
    from facilitator.storage.timer import TimerRepository

# Each area's repository is imported when first used, so the list of events paints without them.


class Store:
    """Owns one connection; a worker thread opens its own with :meth:`for_thread`."""

    def __init__(
        self, path: Path | str, clock: Clock | None = None, *, migrate: bool = True, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.clock = clock or SystemClock()
        self.read_only = read_only
        self.conn: sqlite3.Connection = open_connection(self.path, migrate=migrate, read_only=read_only)

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils Database on this Store's connection, made (and sqlite-utils imported) on first use:
        the list of events reads through the connection alone and paints without it."""
        db = wrap(self.conn, read_only=self.read_only)
        if not self.read_only and str(self.path) != ":memory:":
            from facilitator import paths
            from facilitator.storage.evidence_release import watch_releases

            watch_releases(db, self.path, paths.evidence_dir(self.path))
        return db

    def for_thread(self) -> Store:
        """A second Store on the same file, for a worker thread (SQLite connections stay in their thread)."""
        return Store(self.path, self.clock, migrate=False, read_only=self.read_only)

    def close(self) -> None:
        self.conn.close()

    @cached_property
    def events(self) -> EventRepository:
        return EventRepository(self, self.clock)

    @cached_property
    def decisions(self) -> DecisionRepository:
        from facilitator.storage.decisions import DecisionRepository

        return DecisionRepository(self.db, self.clock)

    @cached_property
    def agenda(self) -> AgendaRepository:
        from facilitator.storage.agenda import AgendaRepository

        return AgendaRepository(self.db, self.clock)

    @cached_property
    def timer(self) -> TimerRepository:
        from facilitator.storage.timer import TimerRepository

        return TimerRepository(self.db, self.clock, self.agenda)

    @cached_property
    def reflections(self) -> ReflectionRepository:
        from facilitator.storage.reflections import ReflectionRepository

        return ReflectionRepository(self.db, self.clock)

    @cached_property
    def followups(self) -> FollowUpRepository:
        from facilitator.storage.followups import FollowUpRepository

        return FollowUpRepository(self.db, self.clock)

    @cached_property
    def measurements(self) -> MeasurementRepository:
        from facilitator.storage.measurements import MeasurementRepository

        return MeasurementRepository(self.db, self.clock)

    @cached_property
    def causes(self) -> CauseRepository:
        from facilitator.storage.causes import CauseRepository

        return CauseRepository(self.db, self.clock)

    @cached_property
    def countermeasures(self) -> CountermeasureRepository:
        from facilitator.storage.countermeasures import CountermeasureRepository

        return CountermeasureRepository(self.db, self.clock)

    @cached_property
    def attendance(self) -> AttendanceRepository:
        from facilitator.storage.attendance import AttendanceRepository

        return AttendanceRepository(self.db, self.clock)

    @cached_property
    def evidence(self) -> EvidenceRepository:
        from facilitator import paths
        from facilitator.storage.evidence import EvidenceRepository

        return EvidenceRepository(self.db, self.clock, paths.evidence_dir(self.path))
