"""The Kaizen newspaper in the followups table; every status change is logged in followup_changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.event import Event
from facilitator.domain.followup import FollowUp, FollowUpChange, FollowUpStatus, SourceKind
from facilitator.domain.errors import UserError
from facilitator.storage.errors import NotFound, saving
from facilitator.storage.events import EventRepository


class FollowUpRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def add(self, item: FollowUp, *, by: str = "", at: datetime | None = None) -> FollowUp:
        """Save a new item; ``at`` back-dates it (the demo, an import), otherwise it is stamped now."""
        now = at or self.clock.now()
        item = replace(item, created_at=now, updated_at=now)
        with saving("the follow-up"), self.db.atomic():
            self.db["followups"].insert(_row(item))
            self._log(item, None, item.status, by, now)
        return item

    def update(self, item: FollowUp, *, by: str = "") -> FollowUp:
        """Save an edited item; a changed status is logged like :meth:`set_status` does."""
        with saving("the follow-up"), self.db.atomic():
            before = self.get(item.id)
            item = replace(item, updated_at=self.clock.now())
            self.db["followups"].update(item.id, _row(item))
            if before.status is not item.status:
                self._log(item, before.status, item.status, by)
        return item

    def set_status(
        self, followup_id: str, status: FollowUpStatus, *, outcome: str | None = None, by: str = "",
        expected: FollowUpStatus | None = None,
    ) -> FollowUp:
        """Move an item to ``status``. With ``expected`` (the status the screen showed), an item another
        process moved since is left as it is and the error says what it is now."""
        with saving("the status change"), self.db.atomic():
            before = self.get(followup_id)
            if expected is not None and before.status is not expected:
                raise UserError(
                    f"'{before.action}' was changed elsewhere: it is {before.status.label} now. Nothing was changed."
                )
            item = replace(before.with_status(status, outcome), updated_at=self.clock.now())
            self.db["followups"].update(item.id, _row(item))
            if before.status is not status:
                self._log(item, before.status, status, by)
        return item

    def get(self, followup_id: str) -> FollowUp:
        rows = list(self.db.query("select * from followups where id = ?", [followup_id]))
        if not rows:
            raise NotFound(f"No follow-up with id {followup_id}.")
        return _followup(rows[0])

    def for_event(self, event_id: str) -> list[FollowUp]:
        rows = self.db.query(
            "select * from followups where event_id = ? order by due_date, created_at", [event_id]
        )
        return [_followup(row) for row in rows]

    def open_from_earlier_events(self, event: Event) -> list[tuple[Event, FollowUp]]:
        """Open items of other events in the same area that started before ``event``, oldest due first."""
        rows = self.db.query(
            """
            select f.* from followups f join events e on e.id = f.event_id
            where e.area = ? and e.id != ? and e.start_date < ? and f.status != ?
            order by f.due_date, f.created_at
            """,
            [event.area.value, event.id, event.start_date.isoformat(), FollowUpStatus.DONE.value],
        )
        events = EventRepository(self.db, self.clock)
        cache: dict[str, Event] = {}
        found = []
        for row in rows:
            item = _followup(row)
            if item.event_id not in cache:
                cache[item.event_id] = events.get(item.event_id)
            found.append((cache[item.event_id], item))
        return found

    def created_between(self, event_id: str, start: datetime, end: datetime) -> list[FollowUp]:
        """Items created in [start, end): the report-out's "new follow-ups" of a day."""
        rows = self.db.query(
            "select * from followups where event_id = ? and created_at >= ? and created_at < ? order by created_at",
            [event_id, to_iso(start), to_iso(end)],
        )
        return [_followup(row) for row in rows]

    def changes(self, event_id: str) -> list[FollowUpChange]:
        """Every status change of the event's items, oldest first: for the export timeline."""
        rows = self.db.query(
            "select * from followup_changes where event_id = ? order by changed_at, rowid", [event_id]
        )
        return [
            FollowUpChange(
                id=row["id"],
                followup_id=row["followup_id"],
                from_status=FollowUpStatus(row["from_status"]) if row["from_status"] else None,
                to_status=FollowUpStatus(row["to_status"]),
                changed_by=row["changed_by"] or "",
                changed_at=from_iso(row["changed_at"]),
            )
            for row in rows
        ]

    def _log(
        self, item: FollowUp, before: FollowUpStatus | None, after: FollowUpStatus, by: str, at: datetime | None = None
    ) -> None:
        change = FollowUpChange(
            followup_id=item.id, from_status=before, to_status=after, changed_by=by, changed_at=at or self.clock.now()
        )
        self.db["followup_changes"].insert(
            {
                "id": change.id,
                "event_id": item.event_id,
                "followup_id": item.id,
                "from_status": before.value if before else None,
                "to_status": after.value,
                "changed_by": by,
                "changed_at": to_iso(change.changed_at),
            }
        )


def _row(item: FollowUp) -> dict[str, Any]:
    return {
        "id": item.id,
        "event_id": item.event_id,
        "action": item.action,
        "owner": item.owner,
        "due_date": item.due_date.isoformat(),
        "status": item.status.value,
        "outcome": item.outcome,
        "source_kind": item.source_kind.value if item.source_kind else None,
        "source_id": item.source_id,
        "created_at": to_iso(item.created_at) if item.created_at else None,
        "updated_at": to_iso(item.updated_at) if item.updated_at else None,
    }


def _followup(row: dict[str, Any]) -> FollowUp:
    return FollowUp(
        id=row["id"],
        event_id=row["event_id"],
        action=row["action"],
        owner=row["owner"],
        due_date=date.fromisoformat(row["due_date"]),
        status=FollowUpStatus(row["status"]),
        outcome=row["outcome"] or "",
        source_kind=SourceKind(row["source_kind"]) if row["source_kind"] else None,
        source_id=row["source_id"],
        created_at=from_iso(row["created_at"]) if row["created_at"] else None,
        updated_at=from_iso(row["updated_at"]) if row["updated_at"] else None,
    )
