"""Attendance rows: who was at each session, present or absent, and in which role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from facilitator.domain.attendance import Attendee, Role, attendance_id, roster, team_names
from facilitator.domain.clock import Clock, to_iso
from facilitator.domain.event import Event
from facilitator.storage.errors import NotFound, saving


class AttendanceRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def marked(self, session_id: str) -> list[Attendee]:
        rows = self.db.query("select * from attendance where session_id = ? order by position, rowid", [session_id])
        return [_attendee(row) for row in rows]

    def roster(self, event: Event, session_id: str) -> list[Attendee]:
        """The checklist for a session: the charter's team, then its guests, each as marked so far."""
        return roster(team_names(event), self.marked(session_id))

    def save(self, event_id: str, session_id: str, people: Sequence[Attendee]) -> list[Attendee]:
        """Record the whole list for the session in one transaction: taking attendance marks everyone."""
        now = to_iso(self.clock.now())
        with saving("the attendance"), self.db.atomic():
            if not list(self.db.query("select 1 from sessions where id = ? and event_id = ?", [session_id, event_id])):
                raise NotFound("That session is no longer on the agenda.")
            for position, attendee in enumerate(people):
                row = {
                    "id": attendance_id(session_id, attendee.person), "event_id": event_id, "session_id": session_id,
                    "person": attendee.person, "guest": int(attendee.guest), "present": int(attendee.present),
                    "role": attendee.role.value, "position": position,
                }
                # Only a real change is written (and stamped), so an unchanged row merges as "already here".
                self.db.execute(
                    "insert into attendance (id, event_id, session_id, person, guest, present, role, position, updated_at) "
                    "values (:id, :event_id, :session_id, :person, :guest, :present, :role, :position, :now) "
                    "on conflict(id) do update set person = excluded.person, guest = excluded.guest, "
                    "present = excluded.present, role = excluded.role, position = excluded.position, "
                    "updated_at = excluded.updated_at where (guest, present, role, position, person) is not "
                    "(excluded.guest, excluded.present, excluded.role, excluded.position, excluded.person)",
                    {**row, "now": now},
                )
        return [Attendee(a.person, a.present, a.role, a.guest, marked=True) for a in people]

    def for_event(self, event_id: str) -> dict[str, list[Attendee]]:
        """Session id -> its marked people, in checklist order."""
        found: dict[str, list[Attendee]] = {}
        rows = self.db.query("select * from attendance where event_id = ? order by session_id, position, rowid", [event_id])
        for row in rows:
            found.setdefault(row["session_id"], []).append(_attendee(row))
        return found

    def present_by_day(self, event_id: str) -> dict[int, set[str]]:
        """Day (or meeting) -> the names present at any of its sessions; days never marked are left out."""
        days: dict[int, set[str]] = {}
        rows = self.db.query(
            "select s.day, a.person, a.present from attendance a join sessions s on s.id = a.session_id "
            "where a.event_id = ?",
            [event_id],
        )
        for row in rows:
            people = days.setdefault(row["day"], set())
            if row["present"]:
                people.add(row["person"])
        return days


def _attendee(row: dict[str, Any]) -> Attendee:
    return Attendee(
        person=row["person"], present=bool(row["present"]), role=Role(row["role"] or ""), guest=bool(row["guest"]),
        marked=True,
    )
