"""Scope decisions reversed on a day: a blitz's day reflection asks the assumption question about them too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.decision import DecisionFilter

if TYPE_CHECKING:
    from facilitator.storage.store import Store

DECISIONS_LIMIT = 5_000


def reversed_on_day(store: Store, event_id: str, day: int | None) -> tuple[str, ...]:
    """Decisions changed on ``day``, quoted as "subject (old verdict)", oldest first; resolving a parked item
    is not a reversal, nor is a change that keeps the verdict."""
    if day is None:
        return ()
    decisions = store.decisions
    quoted = []
    for new in reversed(decisions.page(event_id, DecisionFilter(), limit=DECISIONS_LIMIT)):
        if new.day != day or new.supersedes_id is None:
            continue
        old = decisions.get(new.supersedes_id)
        if old.verdict.value != "parked" and new.verdict != old.verdict:
            quoted.append(f"{old.subject} ({old.verdict.label})")
    return tuple(dict.fromkeys(quoted))
