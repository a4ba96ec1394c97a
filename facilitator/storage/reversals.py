"""Scope decisions reversed on a day: a blitz's day reflection asks the assumption question about them too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.decision import DecisionFilter

if TYPE_CHECKING:
    from facilitator.storage.store import Store

def reversed_on_day(store: Store, event_id: str, day: int | None) -> tuple[str, ...]:
    """Decisions changed on ``day``, quoted as "subject (old verdict)", oldest first; resolving a parked item
    is not a reversal, nor is a change that keeps the verdict."""
    if day is None:
        return ()
    decisions = store.decisions
    # The day's decisions, all of them (limit -1: none left out); the event's rows come through the
    # decisions(event_id, decided_at) index, the day is matched on those (no index has the day).
    changes = [new for new in reversed(decisions.page(event_id, DecisionFilter(day=day), limit=-1))
               if new.supersedes_id is not None]
    olds = decisions.get_many(new.supersedes_id for new in changes)  # type: ignore[misc]
    quoted = []
    for new in changes:
        old = olds[new.supersedes_id]  # type: ignore[index]
        if old.verdict.value != "parked" and new.verdict != old.verdict:
            quoted.append(f"{old.subject} ({old.verdict.label})")
    return tuple(dict.fromkeys(quoted))
