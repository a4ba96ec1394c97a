"""Reflections, their answers, assumptions and learning transfers; and which reflections are still owed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, local_today, to_iso
from facilitator.domain.event import new_id
from facilitator.domain.followup import FollowUp, SourceKind
from facilitator.domain.reflection import (
    Answer,
    Loop,
    Reflection,
    ReflectionCounts,
    Scope,
    Status,
    Target,
    Transfer,
    clean_skip_reason,
)
from facilitator.storage.errors import NotFound, saving

if TYPE_CHECKING:
    from facilitator.storage.store import Store

TRANSFER_DUE_DAYS = 30

_OPEN = (Status.OWED.value, Status.SKIPPED.value)


class ReflectionRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # -- writing -------------------------------------------------------------------------------

    def add(self, reflection: Reflection, *, at: datetime | None = None) -> Reflection:
        """Save a done reflection with its answers, assumptions and transfers, in one transaction.

        ``at`` back-dates it (the demo, an import); otherwise it is stamped now.
        """
        reflection = replace(reflection, status=Status.DONE, created_at=at or self.clock.now())
        target = Target(reflection.scope, session_id=reflection.session_id, day=reflection.day)
        where, params = self._target_where(reflection.event_id, target)
        with saving("the reflection"), self.db.atomic():
            self._insert(reflection)
            # The placeholder that said "owed" has done its job; a skip (with its reason) stays as history.
            self.db.execute(f"delete from reflections where {where} and status = 'owed'", params)
        return reflection

    def _insert(self, reflection: Reflection) -> None:
        assert reflection.created_at is not None
        created = to_iso(reflection.created_at)
        self.db["reflections"].insert(
            {
                "id": reflection.id, "event_id": reflection.event_id, "session_id": reflection.session_id,
                "day": reflection.day, "scope": reflection.scope.value, "framework": reflection.framework,
                "framework_name": reflection.framework_name, "participant": reflection.participant,
                "loop": reflection.loop.value, "status": reflection.status.value,
                "skipped_reason": reflection.skipped_reason, "created_at": created, "updated_at": created,
            }
        )
        self.db["reflection_answers"].insert_all(
            {
                "id": answer.id, "event_id": reflection.event_id, "reflection_id": reflection.id,
                "position": position, "framework": reflection.framework_name, "prompt": answer.prompt,
                "answer": answer.answer, "participant": answer.participant,
            }
            for position, answer in enumerate(reflection.answers)
        )
        self.db["assumptions"].insert_all(
            {
                "id": new_id(), "event_id": reflection.event_id, "reflection_id": reflection.id,
                "position": position, "text": text,
            }
            for position, text in enumerate(reflection.assumptions)
        )
        self.db["learning_transfers"].insert_all(
            {
                "id": transfer.id, "event_id": reflection.event_id, "reflection_id": reflection.id,
                "position": position, "text": transfer.text, "owner": transfer.owner,
                "where_to": transfer.where, "followup_id": None, "created_at": created,
            }
            for position, transfer in enumerate(reflection.transfers)
        )

    def mark_owed(self, event_id: str, target: Target, framework: str, framework_name: str) -> bool:
        """Record that the cadence asks for a reflection; True if it is newly owed."""
        with saving("the owed reflection"), self.db.atomic():
            if self._has(event_id, target, (Status.DONE.value, *_OPEN)):
                return False
            self._insert(
                Reflection(
                    event_id=event_id, scope=target.scope, session_id=target.session_id, day=target.day,
                    framework=framework, framework_name=framework_name, status=Status.OWED,
                    created_at=self.clock.now(),
                )
            )
        return True

    def skip(self, event_id: str, target: Target, reason: str, framework: str, framework_name: str) -> str:
        """Skip a reflection the cadence asked for; a reason is required and it stays owed."""
        reason = clean_skip_reason(reason)
        now = to_iso(self.clock.now())
        with saving("the reason for skipping"), self.db.atomic():
            rows = self._rows(event_id, target, _OPEN)
            if rows:
                self.db["reflections"].update(
                    rows[0]["id"], {"status": Status.SKIPPED.value, "skipped_reason": reason, "updated_at": now}
                )
            else:
                self._insert(
                    Reflection(
                        event_id=event_id, scope=target.scope, session_id=target.session_id, day=target.day,
                        framework=framework, framework_name=framework_name, status=Status.SKIPPED,
                        skipped_reason=reason, created_at=self.clock.now(),
                    )
                )
        return reason

    def link_followup(self, transfer_id: str, followup_id: str) -> None:
        with saving("the follow-up link"), self.db.atomic():
            self.db["learning_transfers"].update(transfer_id, {"followup_id": followup_id})

    # -- reading -------------------------------------------------------------------------------

    def _target_where(self, event_id: str, target: Target) -> tuple[str, list[Any]]:
        where, params = "event_id = ? and scope = ?", [event_id, target.scope.value]
        if target.scope is Scope.SESSION:
            where += " and session_id = ?"
            params.append(target.session_id)
        elif target.scope is Scope.DAY:
            where += " and day = ?"
            params.append(target.day)
        return where, params

    def _rows(self, event_id: str, target: Target, statuses: tuple[str, ...]) -> list[dict[str, Any]]:
        where, params = self._target_where(event_id, target)
        marks = ", ".join("?" for _ in statuses)
        sql = f"select * from reflections where {where} and status in ({marks}) order by created_at"
        return list(self.db.query(sql, [*params, *statuses]))

    def skip_reason(self, event_id: str, target: Target) -> str:
        """The reason already given for skipping this owed reflection ("" if none was given)."""
        rows = self._rows(event_id, target, (Status.SKIPPED.value,))
        return (rows[-1]["skipped_reason"] or "") if rows else ""

    def _has(self, event_id: str, target: Target, statuses: tuple[str, ...]) -> bool:
        return bool(self._rows(event_id, target, statuses))

    def is_done(self, event_id: str, target: Target) -> bool:
        return self._has(event_id, target, (Status.DONE.value,))

    def is_owed(self, event_id: str, target: Target) -> bool:
        return self._has(event_id, target, _OPEN) and not self.is_done(event_id, target)

    def last_framework(self, event_id: str, scope: Scope) -> str | None:
        """The framework this event chose last for this scope: each event keeps its own choice."""
        rows = list(
            self.db.query(
                "select framework from reflections where event_id = ? and scope = ? and status = 'done' "
                "order by created_at desc limit 1",
                [event_id, scope.value],
            )
        )
        return rows[0]["framework"] if rows else None

    def owed_session_ids(self, event_id: str) -> set[str]:
        """Sessions whose reflection was asked for (or skipped with a reason) and is not done yet."""
        rows = self.db.query(
            "select distinct session_id from reflections where event_id = ? and scope = 'session' "
            "and status in ('owed', 'skipped') and session_id not in ("
            "  select session_id from reflections where event_id = ? and scope = 'session' "
            "  and status = 'done' and session_id is not null)",
            [event_id, event_id],
        )
        return {row["session_id"] for row in rows if row["session_id"]}

    def reflected_session_ids(self, event_id: str) -> set[str]:
        rows = self.db.query(
            "select distinct session_id from reflections where event_id = ? and scope = 'session' "
            "and status = 'done' and session_id is not null",
            [event_id],
        )
        return {row["session_id"] for row in rows}

    def event_review_owed(self, event_id: str) -> bool:
        return self.is_owed(event_id, Target(Scope.EVENT))

    def owed_days(self, event_id: str) -> set[int]:
        rows = self.db.query(
            "select distinct day from reflections where event_id = ? and scope = 'day' and status in "
            "('owed', 'skipped') and day not in (select day from reflections where event_id = ? and "
            "scope = 'day' and status = 'done' and day is not null)",
            [event_id, event_id],
        )
        return {row["day"] for row in rows if row["day"] is not None}

    def counts(self, event_id: str) -> ReflectionCounts:
        loops = dict(
            (row["loop"], row["n"])
            for row in self.db.query(
                "select loop, count(*) as n from reflections where event_id = ? and status = 'done' group by loop",
                [event_id],
            )
        )
        days = next(
            iter(
                self.db.query(
                    "select count(distinct day) as n from reflections where event_id = ? and scope = 'day' "
                    "and status = 'done'",
                    [event_id],
                )
            )
        )["n"]
        return ReflectionCounts(
            sessions_reflected=len(self.reflected_session_ids(event_id)),
            sessions_owed=len(self.owed_session_ids(event_id)),
            reflections=sum(loops.values()),
            single_loop=loops.get(Loop.SINGLE.value, 0),
            double_loop=loops.get(Loop.DOUBLE.value, 0),
            days_reflected=days,
            event_review_owed=self.event_review_owed(event_id),
            event_review_done=self.is_done(event_id, Target(Scope.EVENT)),
        )

    def get(self, reflection_id: str) -> Reflection:
        rows = list(self.db.query("select * from reflections where id = ?", [reflection_id]))
        if not rows:
            raise NotFound(f"No reflection with id {reflection_id}.")
        return self._reflection(rows[0])

    def history(self, event_id: str, *, search: str = "", framework: str | None = None) -> list[Reflection]:
        """Done and skipped reflections, oldest first; ``search`` matches answers, prompts, names, assumptions."""
        where = "r.event_id = :event and r.status in ('done', 'skipped')"
        params: dict[str, Any] = {"event": event_id}
        if framework:
            where += " and r.framework = :framework"
            params["framework"] = framework
        search = search.strip()
        if search:
            params["q"] = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            like = "like :q escape '\\'"
            where += (
                f" and (r.participant {like} or r.skipped_reason {like} or r.framework_name {like}"
                f" or exists (select 1 from reflection_answers a where a.reflection_id = r.id"
                f"   and (a.answer {like} or a.prompt {like}))"
                f" or exists (select 1 from assumptions s where s.reflection_id = r.id and s.text {like})"
                f" or exists (select 1 from learning_transfers t where t.reflection_id = r.id"
                f"   and (t.text {like} or t.owner {like} or t.where_to {like})))"
            )
        rows = self.db.query(f"select r.* from reflections r where {where} order by r.created_at", params)
        return [self._reflection(row) for row in rows]

    def transfers(self, event_id: str) -> list[tuple[Transfer, str | None]]:
        rows = self.db.query(
            "select * from learning_transfers where event_id = ? order by created_at, position", [event_id]
        )
        return [
            (Transfer(text=row["text"], owner=row["owner"], where=row["where_to"] or "", id=row["id"]), row["followup_id"])
            for row in rows
        ]

    def _reflection(self, row: dict[str, Any]) -> Reflection:
        answers = tuple(
            Answer(prompt=a["prompt"], answer=a["answer"], participant=a["participant"] or "", id=a["id"])
            for a in self.db.query(
                "select * from reflection_answers where reflection_id = ? order by position", [row["id"]]
            )
        )
        assumptions = tuple(
            a["text"]
            for a in self.db.query("select text from assumptions where reflection_id = ? order by position", [row["id"]])
        )
        transfers = tuple(
            Transfer(text=t["text"], owner=t["owner"], where=t["where_to"] or "", id=t["id"])
            for t in self.db.query(
                "select * from learning_transfers where reflection_id = ? order by position", [row["id"]]
            )
        )
        return Reflection(
            id=row["id"], event_id=row["event_id"], scope=Scope(row["scope"]), framework=row["framework"],
            framework_name=row["framework_name"] or row["framework"], session_id=row["session_id"], day=row["day"],
            participant=row["participant"] or "", loop=Loop(row["loop"] or "none"), answers=answers,
            assumptions=assumptions, transfers=transfers, status=Status(row["status"]),
            skipped_reason=row["skipped_reason"] or "", created_at=from_iso(row["created_at"]),
        )


def save_reflection(store: Store, reflection: Reflection) -> tuple[Reflection, int]:
    """Save a reflection; each "where else does this apply?" item also becomes a follow-up with its owner.

    One transaction: the reflection and its follow-ups are saved together or not at all.
    Returns the saved reflection and how many follow-ups were created.
    """
    followups = getattr(store, "followups", None)
    with saving("the reflection"), store.db.atomic():
        saved = store.reflections.add(reflection)
        if followups is None or not saved.transfers:
            return saved, 0
        due = local_today(store.clock) + timedelta(days=TRANSFER_DUE_DAYS)
        for transfer in saved.transfers:
            where = f" ({transfer.where})" if transfer.where else ""
            item = followups.add(
                FollowUp(
                    event_id=saved.event_id, action=f"Carry on{where}: {transfer.text}"[:500], owner=transfer.owner,
                    due_date=due, source_kind=SourceKind.REFLECTION, source_id=saved.id,
                )
            )
            store.reflections.link_followup(transfer.id, item.id)
    return saved, len(saved.transfers)


def reversed_scope_decisions(store: Store, session_id: str | None) -> tuple[str, ...]:
    """Decisions reversed during the session, quoted as "subject (old verdict)"; parked items resolved are not reversals."""
    decisions = getattr(store, "decisions", None)
    if decisions is None or session_id is None:
        return ()
    return tuple(
        f"{old.subject} ({old.verdict.label})"
        for old, new in decisions.reversals_during(session_id)
        if old.verdict.value != "parked" and new.verdict != old.verdict
    )
