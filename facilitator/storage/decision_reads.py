"""Every decision of an event, oldest first, as the log shows each now: for the report-outs (cockpit and exports).

:meth:`DecisionRepository.page` answers a screenful with six correlated lookups per row; reading a whole
event that way costs more than the rest of an export. Here the event's decisions are one indexed query
(``decisions(event_id, decided_at)``; who superseded a row through the unique ``supersedes_id`` index) and
its amendments a second (``decision_amendments(event_id)``), folded in Python the same way: the
latest amendment of a field wins (by ``amended_at``, then ``rowid``).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from sqlite_utils import Database

from facilitator.domain.decision import stored_tags

_DECISIONS = """
select d.id, d.session_id, d.day, d.subject, d.verdict, d.rationale, d.decided_by, d.tags, d.decided_at,
    d.supersedes_id, s.id as superseded_by_id
from decisions d left join decisions s on s.supersedes_id = d.id
where d.event_id = ?
order by d.decided_at, d.id
"""
# Through the amendments' own event_id index (0017_search_index): an amendment carries its decision's event
# (written so by ``amend``; an import refuses one not sealed with it). Going through the event's decision ids
# instead seeks the amendments once per decision: 66 ms against 0.6 ms at 10,000 decisions, 1,000 amended.
_AMENDMENTS = """
select a.decision_id, a.field, a.text from decision_amendments a
where a.event_id = ?
order by a.amended_at, a.rowid
"""
_TEXT_FIELDS = ("subject", "rationale", "tags")


class DecisionRow(NamedTuple):
    """A decision as the log shows it now, its verdict and decider as stored: what a report-out reads,
    without building a :class:`Decision` (and parsing its time) for each of thousands of rows."""

    id: str
    session_id: str | None
    day: int
    subject: str
    verdict: str
    rationale: str
    decided_by: str
    tags: tuple[str, ...]
    decided_at: str
    supersedes_id: str | None
    superseded_by_id: str | None
    amended: bool
    carried_to_debrief: bool


def event_decision_rows(db: Database, event_id: str, exported: list[dict] | None = None) -> list[DecisionRow]:
    """All of the event's decisions, oldest first, none left out however many there are.

    ``exported``: the event's decision rows an export has already read (every column, any order); they
    are folded as the query's rows would be instead of reading the log a second time."""
    latest: dict[str, dict[str, str]] = {}
    carried: set[str] = set()
    for decision_id, field, text in db.execute(_AMENDMENTS, [event_id]).fetchall():
        if field == "debrief":
            carried.add(decision_id)
        elif field in _TEXT_FIELDS:
            latest.setdefault(decision_id, {})[field] = text  # ascending order: the last one wins
    if exported is not None:
        found = _fold(_as_queried(exported), latest, carried)
        if all(type(row.decided_at) is str and type(row.id) is str for row in found):
            found.sort(key=_ORDER)  # text: Python orders it as SQLite's binary collation does (by code point)
            return found
        # A value Python cannot order as SQLite does (a missing time, say): SQLite orders them.
    return _fold(db.execute(_DECISIONS, [event_id]).fetchall(), latest, carried)


def _fold(rows: Iterable[tuple], latest: dict[str, dict[str, str]], carried: set[str]) -> list[DecisionRow]:
    """``_DECISIONS``'s rows with the latest amendment of each field applied."""
    tags_of = _TagsRead()
    found = []
    for (decision_id, session_id, day, subject, verdict, rationale, decided_by, tags, decided_at,
         supersedes_id, superseded_by_id) in rows:
        amended = latest.get(decision_id)
        if amended:
            subject = amended.get("subject", subject)
            rationale = amended.get("rationale", rationale)
            tags = amended.get("tags", tags)
        found.append(DecisionRow(
            decision_id, session_id, day, subject, verdict, rationale or "", decided_by, tags_of[tags],
            decided_at, supersedes_id, superseded_by_id, amended is not None, decision_id in carried,
        ))
    return found


def _as_queried(exported: list[dict]) -> Iterator[tuple]:
    """``_DECISIONS``'s rows (in any order) made from the exported ones: who superseded each is found
    among the rows themselves, as a decision only supersedes one of its own event."""
    superseded_by = {row["supersedes_id"]: row["id"] for row in exported if row["supersedes_id"] is not None}
    for row in exported:
        yield (row["id"], row["session_id"], row["day"], row["subject"], row["verdict"], row["rationale"],
               row["decided_by"], row["tags"], row["decided_at"], row["supersedes_id"], superseded_by.get(row["id"]))


_ORDER = operator.attrgetter("decided_at", "id")  # the query's order


class _TagsRead(dict):
    """stored_tags() of each tags text, worked out once: a log repeats the same few tags."""

    def __missing__(self, text: str | None) -> tuple[str, ...]:
        self[text] = tags = stored_tags(text)
        return tags
