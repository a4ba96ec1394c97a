"""The counts shown beside a decision log, and how one newly logged decision moves them.

Recounting an event of 10,000 decisions after every capture costs three scans of its rows; a capture
adds exactly one decision (and may supersede exactly one), so the screen moves the counts by that one.
A change from elsewhere (a shell, a second cockpit, an import) is not a single capture: that reads the
counts again from the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from facilitator.domain.decision import DecidedBy, Decision, Verdict


@dataclass(frozen=True)
class DecisionTally:
    """What storage counts over an event's decisions, superseded ones included unless said otherwise."""

    parked: int = 0  # parked and not superseded: the open parking lot
    scope_changes: dict[int, Counter[Verdict]] = field(default_factory=dict)  # per day, every verdict taken
    decided_by: Counter[DecidedBy] = field(default_factory=Counter)

    def after(self, decision: Decision, superseded: Decision | None = None) -> DecisionTally:
        """The tally once ``decision`` is logged; ``superseded`` is the decision it changed, if any."""
        parked = self.parked + (decision.verdict is Verdict.PARKED)
        if superseded is not None and superseded.verdict is Verdict.PARKED:
            parked -= 1  # a decision is superseded once at most, so it was open until now
        changes = {day: Counter(counts) for day, counts in self.scope_changes.items()}
        changes.setdefault(decision.day, Counter())[decision.verdict] += 1
        decided_by = Counter(self.decided_by)
        decided_by[decision.decided_by] += 1
        return DecisionTally(parked, changes, decided_by)
