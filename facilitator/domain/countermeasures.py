"""Countermeasures: what the team will do about the verified causes, ranked by effort, impact and dots.

Each countermeasure answers one or more verified causes, carries the team's estimate of effort and
impact (1-5) and collects dot votes: every team member (from the charter) has a budget of dots to spread
over the options. Choosing one becomes an in-scope decision and a follow-up; dropping one becomes an
out-of-scope or parked decision. The rules live here; storage only keeps them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.domain.event import Event, new_id
from facilitator.domain.followup import person_name
from facilitator.domain.text import clean_text

TEXT_MAX = 280  # the decision subject "Countermeasure: ..." stays within its 300
SCALE = (1, 2, 3, 4, 5)
# A 3 counts as high on both axes: "quick win" means clearly cheap (1-2) and at least middling payoff.
HIGH = 3
MIN_DOTS = 3
DECISION_TAG = "countermeasure"


class Status(StrEnum):
    PROPOSED = "proposed"
    CHOSEN = "chosen"
    DROPPED = "dropped"


class Quadrant(StrEnum):
    """The effort/impact 2x2 (a PICK chart), in the order it is read."""

    QUICK_WIN = "quick_win"  # low effort, high impact: do it now
    MAJOR = "major"  # high effort, high impact: plan it
    FILL_IN = "fill_in"  # low effort, low impact: if there is time
    THANKLESS = "thankless"  # high effort, low impact: leave it

    @property
    def label(self) -> str:
        return _QUADRANT_WORDS[self][0]

    @property
    def hint(self) -> str:
        return _QUADRANT_WORDS[self][1]


_QUADRANT_WORDS = {
    Quadrant.QUICK_WIN: ("Quick wins", "low effort, high impact"),
    Quadrant.MAJOR: ("Major projects", "high effort, high impact"),
    Quadrant.FILL_IN: ("Fill-ins", "low effort, low impact"),
    Quadrant.THANKLESS: ("Thankless", "high effort, low impact"),
}


def quadrant(effort: int, impact: int) -> Quadrant:
    high_effort, high_impact = effort >= HIGH, impact >= HIGH
    if high_impact:
        return Quadrant.MAJOR if high_effort else Quadrant.QUICK_WIN
    return Quadrant.THANKLESS if high_effort else Quadrant.FILL_IN


@dataclass(frozen=True)
class Countermeasure:
    event_id: str
    text: str
    effort: int
    impact: int
    day: int
    status: Status = Status.PROPOSED
    cause_ids: tuple[str, ...] = ()
    votes: tuple[tuple[str, int], ...] = ()  # (member, dots), by member
    decision_id: str | None = None
    followup_id: str | None = None
    session_id: str | None = None
    created_at: datetime | None = None
    created_by: str = ""
    id: str = field(default_factory=new_id)

    @property
    def dots(self) -> int:
        return sum(dots for _, dots in self.votes)

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.effort, self.impact)

    @property
    def quick_win(self) -> bool:
        return self.quadrant is Quadrant.QUICK_WIN

    def dots_of(self, member: str) -> int:
        return dict(self.votes).get(member, 0)


def ranked(items: Iterable[Countermeasure]) -> list[Countermeasure]:
    """The team's ranking: most dots first, then higher impact, then lower effort, then oldest."""
    return sorted(
        items,
        key=lambda item: (item.status is Status.DROPPED, -item.dots, -item.impact, item.effort, item.created_at or datetime.min, item.id),
    )


def dots_per_member(options: int) -> int:
    """Each member's dots: a third of the options (the N/3 rule of multi-voting), never fewer than 3."""
    return max(MIN_DOTS, math.ceil(options / 3))


def members(event: Event) -> list[str]:
    """Who votes: the charter's team, by name, each once, in the charter's order."""
    seen: dict[str, None] = {}
    for entry in event.team:
        name = person_name(entry)
        if name and name.casefold() not in {known.casefold() for known in seen}:
            seen[name] = None
    return list(seen)


def _scale(typed: str | int, name: str, label: str) -> int:
    text = str(typed).strip()
    if text not in {str(value) for value in SCALE}:
        raise ValidationError({name: f"{label} is a number from 1 (low) to 5 (high)."})
    return int(text)


@dataclass(frozen=True)
class CountermeasureForm:
    """A countermeasure as typed; :meth:`validate` checks every field at once."""

    text: str = ""
    effort: str = "3"
    impact: str = "3"
    cause_ids: tuple[str, ...] = ()

    @classmethod
    def from_countermeasure(cls, item: Countermeasure) -> CountermeasureForm:
        return cls(text=item.text, effort=str(item.effort), impact=str(item.impact), cause_ids=item.cause_ids)

    def validate(self, verified: Iterable[str] | None = None) -> tuple[str, int, int, tuple[str, ...]]:
        """(text, effort, impact, cause ids); ``verified``: the ids it may answer (None: any, e.g. import)."""
        checks = FieldChecks()
        checks.check("text", lambda: clean_text(self.text, field="text", label="Countermeasure", required=True, max_length=TEXT_MAX))
        checks.check("effort", lambda: _scale(self.effort, "effort", "Effort"))
        checks.check("impact", lambda: _scale(self.impact, "impact", "Impact"))
        checks.check("causes", lambda: _causes(self.cause_ids, verified))
        checks.raise_if_any()
        values = checks.values
        return values["text"], values["effort"], values["impact"], values["causes"]  # type: ignore[return-value]


def _causes(cause_ids: tuple[str, ...], verified: Iterable[str] | None) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(cause_ids))
    if verified is None:
        return unique
    allowed = set(verified)
    if not allowed:
        raise ValidationError({"causes": "No verified cause yet: verify a cause (6 Causes) before answering it."})
    if not unique:
        raise ValidationError({"causes": "Pick the verified cause(s) it answers (space ticks one)."})
    if any(cause not in allowed for cause in unique):
        raise ValidationError({"causes": "A countermeasure answers verified causes only."})
    return unique


def parse_dots(typed: str, member: str) -> int:
    text = typed.strip() or "0"
    if not text.isdigit() or len(text) > 3:
        raise ValidationError({member: f"{member}: dots are a whole number (0 or more)."})
    return int(text)


def check_budget(
    votes: Mapping[str, int], spent_elsewhere: Mapping[str, int], budget: int
) -> dict[str, int]:
    """``votes`` (member -> dots on one option) if no member goes over ``budget`` in all; else say who does."""
    errors = {}
    for member, dots in votes.items():
        if dots < 0:
            errors[member] = f"{member}: dots cannot be negative."
            continue
        total = dots + spent_elsewhere.get(member, 0)
        if total > budget:
            left = max(0, budget - spent_elsewhere.get(member, 0))
            errors[member] = f"{member} has {budget} dots in all and {left} left for this one."
    if errors:
        raise ValidationError(errors)
    return dict(votes)


def decision_subject(item: Countermeasure) -> str:
    return f"Countermeasure: {item.text}"
