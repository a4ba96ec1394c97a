"""Root-cause records (fishbone causes, 5 Whys chains) of an event, read and written as domain objects.

Every change is committed before the method returns, so a screen confirms only what is on disk.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from facilitator.domain.causes import (
    VOTES_MAX,
    Category,
    Cause,
    CauseKind,
    Verification,
    check_cause,
    child_rules,
    clean_cause_text,
    clean_note,
)
from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.errors import UserError
from facilitator.storage.errors import NotFound, saving


class CauseRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # Adding ------------------------------------------------------------------------------------

    def add_problem(
        self, event_id: str, text: str, *, source: str = "typed", day: int | None = None,
        session_id: str | None = None, created_by: str = "",
    ) -> Cause:
        """A problem statement heading a fishbone or starting 5 Whys (``source``: charter, typed, target:<id>)."""
        cause = Cause(
            event_id=event_id, kind=CauseKind.PROBLEM, text=text, created_at=self.clock.now(), source=source,
            day=day, session_id=session_id, created_by=created_by,
        )
        return self.record(cause)

    def add_child(
        self, parent_id: str, kind: CauseKind, text: str, *, category: Category | None = None,
        day: int | None = None, session_id: str | None = None, created_by: str = "",
    ) -> Cause:
        """A cause on a bone (under the problem), a sub-cause (under a cause), or a why (under anything)."""
        parent = self.get(parent_id)
        cause = Cause(
            event_id=parent.event_id, kind=kind, text=text, created_at=self.clock.now(), parent_id=parent.id,
            category=child_rules(parent, kind, category), day=day, session_id=session_id, created_by=created_by,
        )
        return self.record(cause)

    def record(self, cause: Cause) -> Cause:
        """Insert a record as it is (the demo, tests); checked by the same rules as typed ones."""
        cause = check_cause(cause)
        with saving("the cause"), self.db.atomic():
            if cause.parent_id is not None:
                parent = self._row(cause.parent_id)
                if parent is None or parent["event_id"] != cause.event_id:
                    raise NotFound("That cause is no longer there; pick another one.")
            self.db["causes"].insert(_row(cause))
        return cause

    # Changing ----------------------------------------------------------------------------------

    def vote(self, cause_id: str, delta: int) -> Cause:
        """Add (or take back) dots; never below 0."""
        cause = self.get(cause_id)
        votes = max(0, min(VOTES_MAX, cause.votes + delta))
        return self._update(cause_id, {"votes": votes}, "the vote")

    def verify(self, cause_id: str, how: Verification | None, note: str = "") -> Cause:
        """Mark verified (how: data, gemba, trial), or not verified with ``how=None``."""
        note = clean_note(note)
        changes = {"verified": int(how is not None), "verified_how": how.value if how else None,
                   "verification_note": note or None}
        return self._update(cause_id, changes, "the verification")

    def set_root(self, cause_id: str, is_root: bool) -> Cause:
        return self._update(cause_id, {"is_root": int(is_root)}, "the root cause")

    def edit_text(self, cause_id: str, text: str) -> Cause:
        return self._update(cause_id, {"text": clean_cause_text(text, self.get(cause_id).kind)}, "the cause")

    def delete(self, cause_id: str) -> int:
        """Remove a record with everything under it; returns how many records went."""
        with saving("the deletion"), self.db.atomic():
            below = self._subtree(cause_id)
            if self.db["countermeasure_causes"].exists():
                marks = ", ".join("?" for _ in below)
                linked = self.db.execute(
                    f"select count(*) from countermeasure_causes where cause_id in ({marks})", below
                ).fetchone()[0]
                if linked:
                    # A countermeasure would be left answering nothing: its link goes first, in the Fixes tab.
                    raise UserError("A countermeasure answers this cause (or one under it); change that first.")
            self.db.execute("delete from causes where id = ?", [cause_id])
        return len(below)

    # Reading -----------------------------------------------------------------------------------

    def get(self, cause_id: str) -> Cause:
        row = self._row(cause_id)
        if row is None:
            raise NotFound("That cause is no longer there; pick another one.")
        return cause_from_row(row)

    def for_event(self, event_id: str) -> list[Cause]:
        """Every record of the event, in the order they were added."""
        rows = self.db.query("select * from causes where event_id = ? order by created_at, rowid", [event_id])
        return [cause_from_row(row) for row in rows]

    def count(self, event_id: str) -> int:
        return self.db.execute("select count(*) from causes where event_id = ?", [event_id]).fetchone()[0]

    # Helpers -----------------------------------------------------------------------------------

    def _row(self, cause_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from causes where id = ?", [cause_id]))
        return rows[0] if rows else None

    def _subtree(self, cause_id: str) -> list[str]:
        rows = self.db.execute(
            "with recursive below(id) as (select ? union select c.id from causes c join below b on c.parent_id = b.id) "
            "select id from below",
            [cause_id],
        ).fetchall()
        return [row[0] for row in rows]

    def _update(self, cause_id: str, changes: dict[str, Any], what: str) -> Cause:
        with saving(what), self.db.atomic():
            cause = self.get(cause_id)
            checked = check_cause(replace(cause, **_domain_changes(changes)))
            columns = ", ".join(f"[{name}] = ?" for name in changes)
            self.db.execute(f"update causes set {columns} where id = ?", [*changes.values(), cause_id])
        return checked


def _domain_changes(changes: dict[str, Any]) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("is_root", "verified"):
            converted[name] = bool(value)
        elif name == "verified_how":
            converted[name] = Verification(value) if value else None
        elif name == "verification_note":
            converted[name] = value or ""
        else:
            converted[name] = value
    return converted


def _row(cause: Cause) -> dict[str, Any]:
    return {
        "id": cause.id,
        "event_id": cause.event_id,
        "parent_id": cause.parent_id,
        "kind": cause.kind.value,
        "category": cause.category.value if cause.category else None,
        "text": cause.text,
        "source": cause.source,
        "is_root": int(cause.is_root),
        "verified": int(cause.verified),
        "verified_how": cause.verified_how.value if cause.verified_how else None,
        "verification_note": cause.verification_note or None,
        "votes": cause.votes,
        "session_id": cause.session_id,
        "day": cause.day,
        "created_at": to_iso(cause.created_at),
        "created_by": cause.created_by or None,
    }


def cause_from_row(row: dict[str, Any]) -> Cause:
    """A causes row (as stored, or as exported) as the domain's Cause: the exports and the import's checks
    read rows they already hold through it."""
    return Cause(
        id=row["id"],
        event_id=row["event_id"],
        parent_id=row["parent_id"],
        kind=CauseKind(row["kind"]),
        category=Category(row["category"]) if row["category"] else None,
        text=row["text"],
        source=row["source"],
        is_root=bool(row["is_root"]),
        verified=bool(row["verified"]),
        verified_how=Verification(row["verified_how"]) if row["verified_how"] else None,
        verification_note=row["verification_note"] or "",
        votes=row["votes"],
        session_id=row["session_id"],
        day=row["day"],
        created_at=from_iso(row["created_at"]),
        created_by=row["created_by"] or "",
    )
