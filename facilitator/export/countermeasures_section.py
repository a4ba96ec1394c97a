"""Countermeasures in the exports: the team's ranking with effort, impact, dots, status and causes answered.

Built from the exported rows (not the repository), so whatever an import let in still exports: every value
is read defensively and shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.countermeasures import Quadrant, quadrant
from facilitator.export.document import Para, Section, Table
from facilitator.export.records import EventRecords

TITLE = "Countermeasures"


@dataclass(frozen=True)
class Ranked:
    """One countermeasure as the exports show it, with what the repository would compute."""

    rank: int
    text: str
    effort: int
    impact: int
    dots: int
    status: str
    causes: tuple[str, ...]
    quadrant: Quadrant | None


def _number(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def ranked_rows(records: EventRecords) -> list[Ranked]:
    """The event's countermeasures in the cockpit's order: most dots, higher impact, lower effort; dropped last."""
    votes = records.grouped("countermeasure_votes", "countermeasure_id")
    links = records.grouped("countermeasure_causes", "countermeasure_id")
    causes = records.grouped("causes", "id") if "causes" in records.tables else {}
    found = []
    for order, row in enumerate(records.rows("countermeasures")):
        effort, impact = _number(row.get("effort")), _number(row.get("impact"))
        dots = sum(_number(vote.get("dots")) for vote in votes.get(row["id"], []))
        answered = tuple(
            str(causes[link["cause_id"]][0].get("text") or "") if link.get("cause_id") in causes else "a cause not in this file"
            for link in links.get(row["id"], [])
        )
        shape = quadrant(effort, impact) if 1 <= effort <= 5 and 1 <= impact <= 5 else None
        found.append((row, order, effort, impact, dots, answered, shape))
    found.sort(key=lambda item: (item[0].get("status") == "dropped", -item[4], -item[3], item[2], item[1]))
    return [
        Ranked(rank, str(row.get("text") or ""), effort, impact, dots, str(row.get("status") or ""), answered, shape)
        for rank, (row, _, effort, impact, dots, answered, shape) in enumerate(found, start=1)
    ]


def status_text(item: Ranked) -> str:
    if item.status == "proposed" and item.quadrant is Quadrant.QUICK_WIN:
        return "proposed (quick win)"
    return item.status


def section(records: EventRecords) -> Section:
    part = Section(TITLE)
    items = ranked_rows(records)
    if not items:
        part.add(Para("No countermeasures were proposed.", muted=True))
        return part
    part.add(
        Table(
            ("#", "Countermeasure", "Effort", "Impact", "Dots", "Status", "Answers"),
            tuple(
                (str(item.rank), item.text, str(item.effort), str(item.impact), str(item.dots), status_text(item),
                 "; ".join(item.causes) or "-")
                for item in items
            ),
        )
    )
    part.add(Para("Effort and impact from 1 (low) to 5 (high); a quick win is low effort (1-2) and high impact (3-5).", muted=True))
    return part
