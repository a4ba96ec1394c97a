"""The agenda: sessions per day of an event, kept in order in the sessions table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from typing import Any

from sqlite_utils import Database

from facilitator.domain.agenda import Session, SessionKind, format_minutes
from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.errors import UserError
from facilitator.storage.errors import NotFound, saving


class AgendaRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # Reading ------------------------------------------------------------------------------------

    def sessions(self, event_id: str, day: int | None = None) -> list[Session]:
        """The event's sessions ordered by day then position (one day's when ``day`` is given)."""
        if day is None:
            rows = self.db.query(
                "select * from sessions where event_id = ? order by day, position", [event_id]
            )
        else:
            rows = self.db.query(
                "select * from sessions where event_id = ? and day = ? order by position", [event_id, day]
            )
        return [session_from_row(row) for row in rows]

    def get(self, session_id: str) -> Session:
        rows = list(self.db.query("select * from sessions where id = ?", [session_id]))
        if not rows:
            raise NotFound(f"No session with id {session_id}.")
        return session_from_row(rows[0])

    def has_log(self, session_id: str) -> bool:
        """Whether the session has timer entries (it was started, skipped, extended or re-planned)."""
        return bool(list(self.db.query("select 1 from timer_log where session_id = ? limit 1", [session_id])))

    # Writing ------------------------------------------------------------------------------------

    def add(
        self,
        event_id: str,
        day: int,
        title: str,
        kind: SessionKind | str = SessionKind.OTHER,
        planned_minutes: int = 30,
        fixed_start: time | None = None,
        notes: str = "",
        *,
        position: int | None = None,
        id: str | None = None,
    ) -> Session:
        """Add a session at the end of ``day`` (or at ``position``, pushing later ones down)."""
        with saving("the session"), self.db.atomic():
            session = self._insert(event_id, day, title, kind, planned_minutes, fixed_start, notes, position, id)
        return session

    def add_many(self, sessions: Iterable[Session]) -> list[Session]:
        """Append several sessions (e.g. a template) in one transaction."""
        added = []
        with saving("the agenda"), self.db.atomic():
            for s in sessions:
                added.append(
                    self._insert(s.event_id, s.day, s.title, s.kind, s.planned_minutes, s.fixed_start, s.notes, None, s.id)
                )
        return added

    def update(self, session: Session) -> Session:
        """Save a session's title, kind, duration, fixed start and notes (not its place)."""
        with saving("the session"), self.db.atomic():
            self.get(session.id)
            self.db["sessions"].update(
                session.id,
                {
                    "title": session.title,
                    "kind": SessionKind(session.kind).value,
                    "planned_minutes": session.planned_minutes,
                    "fixed_start": _hhmm(session.fixed_start),
                    "notes": session.notes,
                    "updated_at": to_iso(self.clock.now()),
                },
            )
        return self.get(session.id)

    def move(self, session_id: str, day: int, position: int | None = None) -> Session:
        """Put a session at ``position`` of ``day`` (its end when None); both days stay numbered 0..n-1."""
        with saving("the agenda"), self.db.atomic():
            session = self.get(session_id)
            others = [s for s in self.sessions(session.event_id, day) if s.id != session_id]
            position = len(others) if position is None else max(0, min(position, len(others)))
            others.insert(position, session)
            now = to_iso(self.clock.now())
            for index, item in enumerate(others):
                self.db.execute(
                    "update sessions set day = ?, position = ?, updated_at = ? where id = ?",
                    [day, index, now, item.id],
                )
            if session.day != day:
                self._renumber(session.event_id, session.day)
        return self.get(session_id)

    def shift(self, session_id: str, offset: int) -> Session:
        """Move a session up (-1) or down (+1) within its day."""
        session = self.get(session_id)
        return self.move(session_id, session.day, max(0, session.position + offset))

    def delete(self, session_id: str, *, with_log: bool = False) -> None:
        """Delete a session. One with timer entries is refused unless ``with_log`` (the user confirmed)."""
        with saving("the agenda"), self.db.atomic():
            session = self.get(session_id)
            if self.has_log(session_id) and not with_log:
                raise UserError(f"{session.title!r} has logged time; confirm to delete it with its timer log.")
            self.db.execute("delete from timer_log where session_id = ?", [session_id])
            self.db.execute("delete from sessions where id = ?", [session_id])
            self._renumber(session.event_id, session.day)

    def set_planned(self, changes: dict[str, int], note: str = "") -> None:
        """Retime several sessions at once (a re-plan); the caller logs why."""
        with saving("the re-plan"), self.db.atomic():
            now = to_iso(self.clock.now())
            for session_id, minutes in changes.items():
                self.db.execute(
                    "update sessions set planned_minutes = ?, updated_at = ? where id = ?", [minutes, now, session_id]
                )

    # Helpers ------------------------------------------------------------------------------------

    def _insert(self, event_id, day, title, kind, planned_minutes, fixed_start, notes, position, id) -> Session:
        existing = self.sessions(event_id, day)
        position = len(existing) if position is None else max(0, min(position, len(existing)))
        session = Session(
            event_id=event_id,
            day=day,
            position=position,
            title=title,
            kind=SessionKind(kind),
            planned_minutes=planned_minutes,
            fixed_start=fixed_start,
            notes=notes,
            **({"id": id} if id else {}),
        )
        now = to_iso(self.clock.now())
        self.db.execute(
            "update sessions set position = position + 1 where event_id = ? and day = ? and position >= ?",
            [event_id, day, position],
        )
        self.db["sessions"].insert(
            {
                "id": session.id,
                "event_id": event_id,
                "day": day,
                "position": position,
                "title": session.title,
                "kind": session.kind.value,
                "planned_minutes": planned_minutes,
                "fixed_start": _hhmm(fixed_start),
                "notes": notes,
                "created_at": now,
                "updated_at": now,
            }
        )
        return session

    def _renumber(self, event_id: str, day: int) -> None:
        for index, session in enumerate(self.sessions(event_id, day)):
            if session.position != index:
                self.db.execute("update sessions set position = ? where id = ?", [index, session.id])


def describe(session: Session) -> str:
    return f"{session.title} ({format_minutes(session.planned_minutes)})"


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def session_from_row(row: dict[str, Any]) -> Session:
    fixed = row["fixed_start"]
    return Session(
        id=row["id"],
        event_id=row["event_id"],
        day=row["day"],
        position=row["position"],
        title=row["title"],
        kind=_kind(row["kind"]),
        planned_minutes=row["planned_minutes"],
        fixed_start=time.fromisoformat(fixed) if fixed else None,
        notes=row["notes"] or "",
        created_at=_moment(row.get("created_at")),
    )


def _moment(text: str | None):
    try:
        return from_iso(text) if text else None
    except ValueError:  # an odd timestamp only loses the late-start note, never the agenda
        return None


def _kind(value: str) -> SessionKind:
    try:
        return SessionKind(value)
    except ValueError:
        return SessionKind.OTHER

