"""Every decision of an event, oldest first, as the log shows each now: for the report-outs and exports.

:meth:`DecisionRepository.page` answers a screenful with six correlated lookups per row; reading a whole
event that way costs more than the rest of an export. Here the event's decisions are one indexed query
(``decisions(event_id, decided_at)``; who superseded a row through the unique ``supersedes_id`` index) and
its amendments a second (``decision_amendments(decision_id, ...)``), folded in Python the same way: the
latest amendment of a field wins (by ``amended_at``, then ``rowid``).
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitator.domain.clock import from_iso
from facilitator.domain.decision import DecidedBy, Decision, Verdict, stored_tags

_DECISIONS = """
select d.id, d.session_id, d.day, d.subject, d.verdict, d.rationale, d.decided_by, d.tags, d.decided_at,
    d.supersedes_id, s.id as superseded_by_id
from decisions d left join decisions s on s.supersedes_id = d.id
where d.event_id = ?
order by d.decided_at, d.id
"""
_AMENDMENTS = """
select a.decision_id, a.field, a.text from decision_amendments a
where a.decision_id in (select id from decisions where event_id = ?)
order by a.amended_at, a.rowid
"""
_TEXT_FIELDS = ("subject", "rationale", "tags")


def event_decisions(db: Database, event_id: str) -> list[Decision]:
    """All of the event's decisions, oldest first, none left out however many there are."""
    latest: dict[str, dict[str, str]] = {}
    carried: set[str] = set()
    for decision_id, field, text in db.execute(_AMENDMENTS, [event_id]).fetchall():
        if field == "debrief":
            carried.add(decision_id)
        elif field in _TEXT_FIELDS:
            latest.setdefault(decision_id, {})[field] = text  # ascending order: the last one wins
    verdicts = {v.value: v for v in Verdict}
    deciders = {d.value: d for d in DecidedBy}
    found = []
    for row in db.execute(_DECISIONS, [event_id]).fetchall():
        (decision_id, session_id, day, subject, verdict, rationale, decided_by, tags, decided_at,
         supersedes_id, superseded_by_id) = row
        amended = latest.get(decision_id)
        if amended:
            subject = amended.get("subject", subject)
            rationale = amended.get("rationale", rationale)
            tags = amended.get("tags", tags)
        found.append(Decision(
            id=decision_id,
            event_id=event_id,
            session_id=session_id,
            day=day,
            subject=subject,
            verdict=verdicts[verdict],
            rationale=rationale or "",
            decided_by=deciders[decided_by],
            tags=stored_tags(tags),
            decided_at=from_iso(decided_at),
            supersedes_id=supersedes_id,
            superseded_by_id=superseded_by_id,
            amended=amended is not None,
            carried_to_debrief=decision_id in carried,
        ))
    return found
