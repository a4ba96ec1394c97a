"""The decision log: decisions and their amendments, only ever appended (triggers refuse the rest).

Each record is sealed with a chained digest in the same transaction (:mod:`facilitator.storage.digests`),
so a change made past the triggers shows in ``facilitator verify``.

Searching finds every piece typed anywhere in a decision's text or its amendments: pieces of three
characters or more through two FTS5 trigram indexes (decisions and amendments), shorter ones with LIKE
over the event's rows. Each piece is a bound parameter, quoted as one phrase
(:func:`facilitator.domain.decision.trigram_phrase`), so nothing typed can break the query.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.decision import (
    RESOLUTIONS,
    AmendedField,
    Amendment,
    DecidedBy,
    Decision,
    DecisionDraft,
    DecisionFilter,
    HistoryEntry,
    LogState,
    Verdict,
    TRIGRAM,
    clean_amendment,
    like_pattern,
    search_terms,
    stored_tags,
    tags_json,
    trigram_phrase,
)
from facilitator.domain.decision_tally import DecisionTally
from facilitator.domain.errors import UserError
from facilitator.storage.digests import seal
from facilitator.storage.errors import NotFound, saving

PAGE_SIZE = 200

# Each row as it stands now: the latest amendment of a field wins over the text first typed.
_LATEST = (
    "(select a.text from decision_amendments a where a.decision_id = d.id and a.field = '{field}' "
    "order by a.amended_at desc, a.rowid desc limit 1)"
)
_SELECT = f"""
select d.*,
    coalesce({_LATEST.format(field="subject")}, d.subject) as now_subject,
    coalesce({_LATEST.format(field="rationale")}, d.rationale) as now_rationale,
    coalesce({_LATEST.format(field="tags")}, d.tags) as now_tags,
    (select s.id from decisions s where s.supersedes_id = d.id) as superseded_by_id,
    exists(select 1 from decision_amendments a where a.decision_id = d.id
           and a.field in ('subject', 'rationale', 'tags')) as amended,
    exists(select 1 from decision_amendments a where a.decision_id = d.id and a.field = 'debrief') as carried
from decisions d
"""
_SUPERSEDED = "exists(select 1 from decisions s where s.supersedes_id = d.id)"
# One typed piece, in the decision itself or in one of its amendments ({q}: the parameter's name).
# Each index is asked only for the rowids between the open event's first and last record (:lo/:hi and
# :alo/:ahi, read first through the event_id indexes of 0017_search_index): FTS5 seeks there in every
# term's list instead of collecting the matches of every event, so a search costs what the open event
# holds (and whatever was logged in between), not the whole file. With 2,000 decisions in the event:
# 10.7 ms alone, 162 ms beside 98,000 of other events before the bound; 5 ms either way with it.
_MATCHES = (
    "(d.rowid in (select rowid from decisions_fts where decisions_fts match :{q} and rowid between :lo and :hi) "
    "or d.id in (select a.decision_id from decision_amendments a where a.rowid in "
    "(select rowid from decision_amendments_fts where decision_amendments_fts match :{q} "
    "and rowid between :alo and :ahi)))"
)
_SPANS = (
    "select (select min(rowid) from decisions where event_id = :e), (select max(rowid) from decisions where event_id = :e),"
    " (select min(rowid) from decision_amendments where event_id = :e),"
    " (select max(rowid) from decision_amendments where event_id = :e)"
)
_CONTAINS = (
    "(d.subject like :{q} escape '\\' or d.rationale like :{q} escape '\\' or d.tags like :{q} escape '\\' "
    "or exists(select 1 from decision_amendments a where a.decision_id = d.id and a.text like :{q} escape '\\'))"
)


class DecisionRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # Writing ------------------------------------------------------------------------------------

    def capture(
        self,
        event_id: str,
        draft: DecisionDraft,
        *,
        day: int,
        session_id: str | None = None,
        supersedes_id: str | None = None,
    ) -> Decision:
        """Validate the draft and append it; committed before this returns."""
        subject, verdict, decided_by, rationale, tags = draft.validate()
        decision = Decision(
            event_id=event_id, subject=subject, verdict=verdict, decided_by=decided_by, day=day,
            decided_at=self.clock.now(), rationale=rationale, tags=tags, session_id=session_id,
            supersedes_id=supersedes_id,
        )
        return self.record(decision)

    def record(self, decision: Decision) -> Decision:
        """Append a decision built elsewhere (the demo, an import); a superseded one must still be current."""
        with saving("the decision"), self.db.atomic():
            if decision.supersedes_id is not None:
                old = self.get(decision.supersedes_id)
                if not old.current:
                    raise UserError(
                        f"'{old.subject}' was already changed by a later decision; change that one instead."
                    )
                if old.event_id != decision.event_id:
                    raise UserError("A decision can only change one of the same event.")
            self.db["decisions"].insert(_row(decision))
            seal(self.db, "decisions", decision.id)
        return replace(decision, superseded_by_id=None, amended=False, carried_to_debrief=False)

    def supersede(
        self, old_id: str, draft: DecisionDraft, *, day: int, session_id: str | None = None
    ) -> Decision:
        """Reverse or change a decision: a new decision, linked to the old one, which stays as it was."""
        with saving("the decision"), self.db.atomic():  # read the old one under the write lock: it is current now
            old = self.get(old_id)
            return self.capture(old.event_id, draft, day=day, session_id=session_id, supersedes_id=old.id)

    def resolve_parked(
        self, parked_id: str, verdict: Verdict, decided_by: DecidedBy, rationale: str = "",
        *, day: int, session_id: str | None = None,
    ) -> Decision:
        """Turn a parked item into a decision (in scope, out of scope or deferred)."""
        with saving("the decision"), self.db.atomic():  # resolved elsewhere a moment ago? then say so
            parked = self.get(parked_id)
            if parked.verdict is not Verdict.PARKED or not parked.current:
                raise UserError(f"'{parked.subject}' is not on the parking lot any more.")
            if verdict not in RESOLUTIONS:
                raise UserError("A parked item is resolved into in scope, out of scope or deferred.")
            draft = DecisionDraft(
                subject=parked.subject, verdict=verdict.value, decided_by=decided_by.value,
                rationale=rationale, tags=" ".join(parked.tags),
            )
            return self.supersede(parked.id, draft, day=day, session_id=session_id)

    def amend(
        self, decision_id: str, field: AmendedField, text: str, *, at: datetime | None = None, id: str | None = None
    ) -> Amendment:
        """A typo fix or a rationale added later; the original text stays in the history."""
        field = AmendedField(field)
        decision = self.get(decision_id)
        amendment = Amendment(
            decision_id=decision.id, field=field, text=clean_amendment(field, text),
            amended_at=at or self.clock.now(), **({"id": id} if id else {}),
        )
        with saving("the amendment"), self.db.atomic():
            self.db["decision_amendments"].insert(
                {
                    "id": amendment.id, "event_id": decision.event_id, "decision_id": decision.id,
                    "field": field.value, "text": _stored_text(field, amendment.text),
                    "amended_at": to_iso(amendment.amended_at),
                }
            )
            seal(self.db, "decision_amendments", amendment.id)
        return amendment

    def carry_to_debrief(self, decision_id: str, day: int) -> Amendment:
        return self.amend(decision_id, AmendedField.DEBRIEF, f"Carried to the day {day} debrief")

    def rebuild_search(self) -> None:
        """Re-index both FTS tables from their content (needed after a VACUUM, which may renumber rowids)."""
        with saving("the search index"), self.db.atomic():
            self.db.execute("insert into decisions_fts(decisions_fts) values ('rebuild')")
            self.db.execute("insert into decision_amendments_fts(decision_amendments_fts) values ('rebuild')")

    # Reading ------------------------------------------------------------------------------------

    def get(self, decision_id: str) -> Decision:
        rows = list(self.db.query(_SELECT + "where d.id = ?", [decision_id]))
        if not rows:
            raise NotFound(f"No decision with id {decision_id}.")
        return _decision(rows[0])

    def get_many(self, decision_ids: Iterable[str]) -> dict[str, Decision]:
        """Each of the decisions by id, in one query (ids not found are left out)."""
        rows = self.db.query(_SELECT + "where d.id in (select value from json_each(?))", [json.dumps(list(decision_ids))])
        return {decision.id: decision for decision in map(_decision, rows)}

    def page(
        self,
        event_id: str,
        filters: DecisionFilter = DecisionFilter(),
        *,
        after: Decision | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[Decision]:
        """Newest first; pass the last decision of a page as ``after`` to get the next page."""
        where, params = _where(event_id, filters, self._spans)
        if where is None:
            return []
        if after is not None:
            where += " and (d.decided_at, d.id) < (:after_at, :after_id)"
            params.update(after_at=to_iso(after.decided_at), after_id=after.id)
        params["limit"] = limit
        sql = _SELECT + f"where {where} order by d.decided_at desc, d.id desc limit :limit"
        return [_decision(row) for row in self.db.query(sql, params)]

    def count(self, event_id: str, filters: DecisionFilter = DecisionFilter()) -> int:
        where, params = _where(event_id, filters, self._spans)
        if where is None:
            return 0
        return self.db.execute(f"select count(*) from decisions d where {where}", params).fetchone()[0]

    def history(self, decision_id: str) -> list[HistoryEntry]:
        """The whole chain the decision belongs to, first decision first, each with its amendments."""
        start = self.get(decision_id)
        rows = list(
            self.db.query(
                """
                with recursive
                  back(id, supersedes_id) as (
                    select id, supersedes_id from decisions where id = :id
                    union select d.id, d.supersedes_id from decisions d join back on d.id = back.supersedes_id),
                  fwd(id) as (
                    select id from decisions where id = :id
                    union select d.id from decisions d join fwd on d.supersedes_id = fwd.id)
                select d.* from decisions d
                where d.id in (select id from back union select id from fwd)
                order by d.decided_at, d.rowid
                """,
                {"id": start.id},
            )
        )
        entries = []
        for row in rows:
            amendments = tuple(
                _amendment(a) for a in self.db.query(
                    "select * from decision_amendments where decision_id = ? order by amended_at, rowid", [row["id"]]
                )
            )
            entries.append(HistoryEntry(original=_decision(row), amendments=amendments))
        return entries

    def parked(self, event_id: str) -> list[Decision]:
        """The parking lot: parked decisions nobody has resolved yet, oldest first."""
        sql = _SELECT + f"where d.event_id = ? and d.verdict = 'parked' and not {_SUPERSEDED} order by d.decided_at, d.id"
        return [_decision(row) for row in self.db.query(sql, [event_id])]

    def parked_count(self, event_id: str) -> int:
        return self.db.execute(
            f"select count(*) from decisions d where d.event_id = ? and d.verdict = 'parked' and not {_SUPERSEDED}",
            [event_id],
        ).fetchone()[0]

    def reversals_during(self, session_id: str) -> list[tuple[Decision, Decision]]:
        """(old, new) for every decision taken in the session that changed an earlier one."""
        rows = self.db.query(
            _SELECT + "where d.session_id = ? and d.supersedes_id is not null order by d.decided_at, d.id",
            [session_id],
        )
        changed = [_decision(row) for row in rows]
        olds = self.get_many(new.supersedes_id for new in changed)  # type: ignore[misc]
        return [(olds[new.supersedes_id], new) for new in changed]  # type: ignore[index]

    def decided_by_counts(self, event_id: str) -> Counter[DecidedBy]:
        rows = self.db.query(
            "select decided_by, count(*) as n from decisions where event_id = ? group by decided_by", [event_id]
        )
        return Counter({DecidedBy(row["decided_by"]): row["n"] for row in rows})

    def tally(self, event_id: str) -> DecisionTally:
        """The counts beside the log, read afresh; a capture then moves them with ``DecisionTally.after``."""
        # One pass over the event's decisions for all three counts (each pass reads every row: 10,000 in a big
        # event). The parking lot's: a CASE, so only a parked row looks up whether it was superseded.
        changes: dict[int, Counter[Verdict]] = {}
        decided_by: Counter[DecidedBy] = Counter()
        parked = 0
        rows = self.db.execute(
            f"select day, verdict, decided_by, count(*), count(case when d.verdict = 'parked' and not {_SUPERSEDED} "
            "then 1 end) from decisions d where d.event_id = ? group by day, verdict, decided_by",
            [event_id],
        )
        for day, verdict, who, n, open_parked in rows:
            changes.setdefault(day, Counter())[Verdict(verdict)] += n
            decided_by[DecidedBy(who)] += n
            parked += open_parked
        return DecisionTally(parked, dict(sorted(changes.items())), decided_by)

    def _spans(self, event_id: str) -> dict[str, Any]:
        """The first and last rowid of the event's decisions and of its amendments (NULL: none)."""
        lo, hi, alo, ahi = self.db.execute(_SPANS, {"e": event_id}).fetchone()
        return {"lo": lo, "hi": hi, "alo": alo, "ahi": ahi}

    def days(self, event_id: str) -> list[int]:
        return [row["day"] for row in self.db.query(
            "select distinct day from decisions where event_id = ? order by day", [event_id]
        )]


def _where(
    event_id: str, filters: DecisionFilter, spans: Callable[[str], dict[str, Any]]
) -> tuple[str | None, dict[str, Any]]:
    """SQL conditions for the filters; (None, ...) when they can match nothing.

    ``spans(event_id)`` gives the rowid bounds a full-text piece needs (read only when one is typed).
    """
    parts = ["d.event_id = :event_id"]
    params: dict[str, Any] = {"event_id": event_id}
    if filters.verdict is not None:
        parts.append("d.verdict = :verdict")
        params["verdict"] = filters.verdict.value
    if filters.day is not None:
        parts.append("d.day = :day")
        params["day"] = filters.day
    if filters.session_id is not None:
        parts.append("d.session_id = :session_id")
        params["session_id"] = filters.session_id
    if filters.decided_by is not None:
        parts.append("d.decided_by = :decided_by")
        params["decided_by"] = filters.decided_by.value
    if filters.state is LogState.CURRENT:
        parts.append(f"not {_SUPERSEDED}")
    elif filters.state is LogState.SUPERSEDED:
        parts.append(_SUPERSEDED)
    for number, term in enumerate(search_terms(filters.text)):
        name = f"q{number}"
        if len(term) >= TRIGRAM:
            parts.append(_MATCHES.format(q=name))
            params[name] = trigram_phrase(term)
            if "lo" not in params:
                params.update(spans(event_id))
        else:  # too short for a trigram: read the event's rows (fast enough at 10,000)
            parts.append(_CONTAINS.format(q=name))
            params[name] = like_pattern(term)
    return " and ".join(parts), params


def _row(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "event_id": decision.event_id,
        "session_id": decision.session_id,
        "day": decision.day,
        "subject": decision.subject,
        "verdict": decision.verdict.value,
        "rationale": decision.rationale,
        "decided_by": decision.decided_by.value,
        "tags": tags_json(decision.tags),
        "decided_at": to_iso(decision.decided_at),
        "supersedes_id": decision.supersedes_id,
    }


def _decision(row: dict[str, Any]) -> Decision:
    return Decision(
        id=row["id"],
        event_id=row["event_id"],
        session_id=row["session_id"],
        day=row["day"],
        subject=row.get("now_subject", row["subject"]),
        verdict=Verdict(row["verdict"]),
        rationale=row.get("now_rationale", row["rationale"]) or "",
        decided_by=DecidedBy(row["decided_by"]),
        tags=stored_tags(row.get("now_tags", row["tags"])),
        decided_at=from_iso(row["decided_at"]),
        supersedes_id=row["supersedes_id"],
        superseded_by_id=row.get("superseded_by_id"),
        amended=bool(row.get("amended", False)),
        carried_to_debrief=bool(row.get("carried", False)),
    )


def _stored_text(field: AmendedField, text: str) -> str:
    """An amendment's text as stored: new tags as a JSON array, like the decision's own."""
    return tags_json(text.split()) if field is AmendedField.TAGS else text


def _amendment(row: dict[str, Any]) -> Amendment:
    field = AmendedField(row["field"])
    text = " ".join(stored_tags(row["text"])) if field is AmendedField.TAGS else row["text"]
    return Amendment(
        id=row["id"], decision_id=row["decision_id"], field=field, text=text,
        amended_at=from_iso(row["amended_at"]),
    )
