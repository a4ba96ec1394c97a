"""Countermeasures, the causes each answers, and the team's dot votes (migration 0014).

Choosing a countermeasure writes three records in one transaction: an in-scope decision (sealed into the
decision log's chain like any other), a follow-up for its owner, and the countermeasure's new status
pointing at both. Either all three are on disk or none is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, local_today, to_iso
from facilitator.domain.countermeasures import (
    DECISION_TAG,
    Countermeasure,
    CountermeasureForm,
    Status,
    check_budget,
    decision_subject,
    dots_per_member,
    ranked,
)
from facilitator.domain.decision import DecidedBy, Decision, DecisionDraft, Verdict
from facilitator.domain.errors import UserError
from facilitator.domain.event import new_id
from facilitator.domain.followup import FollowUp, FollowUpForm, SourceKind
from facilitator.storage.decisions import DecisionRepository
from facilitator.storage.errors import NotFound, saving
from facilitator.storage.followups import FollowUpRepository

DROP_VERDICTS = (Verdict.OUT_OF_SCOPE, Verdict.PARKED)


@dataclass(frozen=True)
class CauseRef:
    """A cause as the countermeasures area shows it (the causes area owns the table)."""

    id: str
    text: str
    category: str | None = None
    verified: bool = False
    is_root: bool = False


class CountermeasureRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # Writing ------------------------------------------------------------------------------------

    def add(
        self, event_id: str, form: CountermeasureForm, *, day: int, session_id: str | None = None, by: str = "",
        at: datetime | None = None, any_cause: bool = False, id: str | None = None,
    ) -> Countermeasure:
        """Validate and save a new proposal; ``any_cause`` skips the verified check, ``at`` and ``id`` are
        given by the demo."""
        verified = None if any_cause else [cause.id for cause in self.verified_causes(event_id)]
        text, effort, impact, cause_ids = form.validate(verified)
        item = Countermeasure(
            event_id=event_id, text=text, effort=effort, impact=impact, day=day, cause_ids=cause_ids,
            session_id=session_id, created_at=at or self.clock.now(), created_by=by, **({"id": id} if id else {}),
        )
        with saving("the countermeasure"), self.db.atomic():
            self.db["countermeasures"].insert(_row(item))
            self._link(item)
        return item

    def update(self, countermeasure_id: str, form: CountermeasureForm) -> Countermeasure:
        """Change the text, effort, impact or the causes answered; votes and status stay."""
        before = self.get(countermeasure_id)
        # Causes linked before may have lost their verified mark since: keeping them is not answering anew.
        allowed = [cause.id for cause in self.verified_causes(before.event_id)] + list(before.cause_ids)
        text, effort, impact, cause_ids = form.validate(allowed)
        item = replace(before, text=text, effort=effort, impact=impact, cause_ids=cause_ids)
        with saving("the countermeasure"), self.db.atomic():
            self.db["countermeasures"].update(item.id, {"text": text, "effort": effort, "impact": impact})
            self.db.execute("delete from countermeasure_causes where countermeasure_id = ?", [item.id])
            self._link(item)
        return self.get(item.id)

    def set_votes(self, countermeasure_id: str, votes: dict[str, int]) -> Countermeasure:
        """Each member's dots on this countermeasure (0 takes a member's dots back), within the budget."""
        with saving("the votes"), self.db.atomic():  # the budget is read under the write lock
            item = self.get(countermeasure_id)
            elsewhere = self._spent_elsewhere(item)
            check_budget(votes, elsewhere, self.budget(item.event_id))
            now = to_iso(self.clock.now())
            for member, dots in votes.items():
                if dots == item.dots_of(member):
                    continue
                if dots == 0:
                    self.db.execute(
                        "delete from countermeasure_votes where countermeasure_id = ? and member = ?", [item.id, member]
                    )
                elif member in dict(item.votes):
                    self.db.execute(
                        "update countermeasure_votes set dots = ?, voted_at = ? where countermeasure_id = ? and member = ?",
                        [dots, now, item.id, member],
                    )
                else:
                    self.db["countermeasure_votes"].insert(
                        {"id": new_id(), "event_id": item.event_id, "countermeasure_id": item.id,
                         "member": member, "dots": dots, "voted_at": now}
                    )
        return self.get(countermeasure_id)

    def choose(
        self, countermeasure_id: str, *, owner: str, due: str, decided_by: DecidedBy = DecidedBy.TEAM,
        rationale: str = "", day: int, session_id: str | None = None, today: date | None = None,
    ) -> tuple[Countermeasure, Decision, FollowUp]:
        """The team's pick: an in-scope decision and a follow-up (owner, due date), in one transaction."""
        item = self.get(countermeasure_id)
        today = today or local_today(self.clock)
        followup = FollowUpForm(action=item.text, owner=owner, due=due).to_followup(item.event_id, today)
        decisions = DecisionRepository(self.db, self.clock)
        with saving("the choice"), self.db.atomic():
            item = self.get(countermeasure_id)  # again, under the write lock: chosen elsewhere a moment ago?
            if item.status is Status.CHOSEN:
                raise UserError(f"'{item.text}' is already chosen.")
            draft = self._draft(item, Verdict.IN_SCOPE, decided_by, rationale or self._why(item))
            decision = self._decide(decisions, item, draft, day, session_id)
            followup = replace(followup, source_kind=SourceKind.DECISION, source_id=decision.id)
            followup = FollowUpRepository(self.db, self.clock).add(followup, by=owner)
            self.db["countermeasures"].update(
                item.id, {"status": Status.CHOSEN.value, "decision_id": decision.id, "followup_id": followup.id}
            )
        return self.get(item.id), decision, followup

    def drop(
        self, countermeasure_id: str, *, verdict: Verdict = Verdict.OUT_OF_SCOPE, decided_by: DecidedBy = DecidedBy.TEAM,
        rationale: str = "", day: int, session_id: str | None = None,
    ) -> tuple[Countermeasure, Decision]:
        """Set a proposal aside with its verdict (out of scope, or parked for later) in the decision log."""
        if verdict not in DROP_VERDICTS:
            raise UserError("A countermeasure is dropped as out of scope or parked.")
        with saving("the verdict"), self.db.atomic():
            item = self.get(countermeasure_id)
            if item.status is not Status.PROPOSED:
                raise UserError(f"'{item.text}' is already {item.status.value}; change its decision in the log (3).")
            draft = self._draft(item, verdict, decided_by, rationale or self._why(item))
            decision = self._decide(DecisionRepository(self.db, self.clock), item, draft, day, session_id)
            self.db["countermeasures"].update(item.id, {"status": Status.DROPPED.value, "decision_id": decision.id})
        return self.get(item.id), decision

    # Reading ------------------------------------------------------------------------------------

    def get(self, countermeasure_id: str) -> Countermeasure:
        rows = list(self.db.query("select * from countermeasures where id = ?", [countermeasure_id]))
        if not rows:
            raise NotFound(f"No countermeasure with id {countermeasure_id}.")
        return self._assemble(rows)[0]

    def for_event(self, event_id: str) -> list[Countermeasure]:
        """The event's countermeasures in the team's ranking (most dots first, dropped last)."""
        rows = list(self.db.query("select * from countermeasures where event_id = ? order by created_at, id", [event_id]))
        return ranked(self._assemble(rows))

    def budget(self, event_id: str) -> int:
        """Each member's dots for this event: from the number of options (see dots_per_member)."""
        count = self.db.execute("select count(*) from countermeasures where event_id = ?", [event_id]).fetchone()[0]
        return dots_per_member(count)

    def spent(self, event_id: str) -> dict[str, int]:
        """Dots each member has placed so far in this event."""
        rows = self.db.execute(
            "select member, sum(dots) from countermeasure_votes where event_id = ? group by member", [event_id]
        ).fetchall()
        return {member: total for member, total in rows}

    def causes(self, event_id: str) -> list[CauseRef]:
        """Every cause of the event (an empty list before the causes area exists in this database)."""
        if not self.db["causes"].exists():
            return []
        # The problem heads the analysis; what a countermeasure answers is a cause or a why under it.
        sql = (
            "select id, text, category, verified, is_root from causes where event_id = ? and kind != 'problem' "
            "order by rowid"
        )
        return [
            CauseRef(row["id"], row["text"] or "", row["category"], bool(row["verified"]), bool(row["is_root"]))
            for row in self.db.query(sql, [event_id])
        ]

    def verified_causes(self, event_id: str) -> list[CauseRef]:
        return [cause for cause in self.causes(event_id) if cause.verified]

    # Helpers ------------------------------------------------------------------------------------

    def _link(self, item: Countermeasure) -> None:
        for position, cause_id in enumerate(item.cause_ids):
            self.db["countermeasure_causes"].insert(
                {"id": new_id(), "event_id": item.event_id, "countermeasure_id": item.id,
                 "cause_id": cause_id, "position": position}
            )

    def _spent_elsewhere(self, item: Countermeasure) -> dict[str, int]:
        rows = self.db.execute(
            "select member, sum(dots) from countermeasure_votes where event_id = ? and countermeasure_id != ? group by member",
            [item.event_id, item.id],
        ).fetchall()
        return {member: total for member, total in rows}

    def _why(self, item: Countermeasure) -> str:
        return f"Team ranking: {item.dots} dots; effort {item.effort}, impact {item.impact} ({item.quadrant.label.lower()})."

    @staticmethod
    def _draft(item: Countermeasure, verdict: Verdict, decided_by: DecidedBy, rationale: str) -> DecisionDraft:
        return DecisionDraft(
            subject=decision_subject(item), verdict=verdict.value, decided_by=decided_by.value,
            rationale=rationale, tags=DECISION_TAG,
        )

    def _decide(self, decisions: DecisionRepository, item: Countermeasure, draft: DecisionDraft, day: int, session_id: str | None) -> Decision:
        # A dropped one chosen after all: the new decision supersedes the drop, so the log tells the story.
        if item.decision_id is not None and decisions.get(item.decision_id).current:
            return decisions.supersede(item.decision_id, draft, day=day, session_id=session_id)
        return decisions.capture(item.event_id, draft, day=day, session_id=session_id)

    def _assemble(self, rows: list[dict[str, Any]]) -> list[Countermeasure]:
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ", ".join("?" for _ in ids)
        causes: dict[str, list[str]] = {}
        for link in self.db.query(
            f"select countermeasure_id, cause_id from countermeasure_causes where countermeasure_id in ({marks}) "
            "order by position, id", ids,
        ):
            causes.setdefault(link["countermeasure_id"], []).append(link["cause_id"])
        votes: dict[str, list[tuple[str, int]]] = {}
        for vote in self.db.query(
            f"select countermeasure_id, member, dots from countermeasure_votes where countermeasure_id in ({marks}) "
            "order by member, id", ids,
        ):
            votes.setdefault(vote["countermeasure_id"], []).append((vote["member"], vote["dots"]))
        return [
            _countermeasure(row, tuple(causes.get(row["id"], ())), tuple(votes.get(row["id"], ()))) for row in rows
        ]


def _row(item: Countermeasure) -> dict[str, Any]:
    return {
        "id": item.id, "event_id": item.event_id, "text": item.text, "effort": item.effort, "impact": item.impact,
        "status": item.status.value, "decision_id": item.decision_id, "followup_id": item.followup_id,
        "session_id": item.session_id, "day": item.day,
        "created_at": to_iso(item.created_at) if item.created_at else None, "created_by": item.created_by,
    }


def _countermeasure(row: dict[str, Any], cause_ids: tuple[str, ...], votes: tuple[tuple[str, int], ...]) -> Countermeasure:
    return Countermeasure(
        id=row["id"], event_id=row["event_id"], text=row["text"], effort=row["effort"], impact=row["impact"],
        day=row["day"], status=Status(row["status"]), cause_ids=cause_ids, votes=votes,
        decision_id=row["decision_id"], followup_id=row["followup_id"], session_id=row["session_id"],
        created_at=from_iso(row["created_at"]) if row["created_at"] else None, created_by=row["created_by"] or "",
    )
