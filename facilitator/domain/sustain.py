"""Gains that slip back: how much of each target's best result an event still holds at its 30/60/90-day reviews.

"Changeover time 47 -> 26 -> 34 min: 38% of the gain lost": baseline, best, latest. The gain is best
minus baseline, in the target's direction; what is kept is latest minus baseline, as a share of that
gain. A target that has given back more than a set share (the ``slip_share`` setting, 25% by default)
is slipping.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from facilitator.domain.event import Direction, Target, format_number
from facilitator.domain.followup import REVIEW_DAYS
from facilitator.domain.measurement import Measurement

DEFAULT_SLIP_SHARE = 25  # percent of the gain given back before a target is flagged
REVIEW_WINDOW_DAYS = 7  # a measurement this many days before a review's date counts for that review


def _better(target: Target, a: float, b: float) -> bool:
    return a < b if target.direction is Direction.LOWER else a > b


@dataclass(frozen=True)
class Sustain:
    event_id: str
    target: Target
    values: tuple[float, ...]  # every measurement, oldest first
    slip_share: int = DEFAULT_SLIP_SHARE

    @property
    def best(self) -> float | None:
        best = None
        for value in self.values:
            if best is None or _better(self.target, value, best):
                best = value
        return best

    @property
    def latest(self) -> float | None:
        return self.values[-1] if self.values else None

    @property
    def gain_kept_pct(self) -> float | None:
        """Share of the best gain still held (100 = all of it; below 0 = worse than the baseline).

        None while there is no gain to keep: not measured, or never better than the baseline."""
        best, latest = self.best, self.latest
        if best is None or latest is None or not _better(self.target, best, self.target.baseline):
            return None
        return round(100 * (latest - self.target.baseline) / (best - self.target.baseline), 1)

    @property
    def lost_pct(self) -> float | None:
        kept = self.gain_kept_pct
        return None if kept is None else round(100 - kept, 1)

    @property
    def slipping(self) -> bool:
        lost = self.lost_pct
        return lost is not None and lost > self.slip_share

    def line(self) -> str:
        """``Changeover time 47 -> 26 -> 34 min: 38% of the gain lost`` (or held, or not measured)."""
        target = self.target
        unit = f" {target.unit}" if target.unit else ""
        if self.latest is None:
            return f"{target.metric} {format_number(target.baseline)}{unit}: not measured yet"
        best, latest = self.best, self.latest
        steps = [format_number(target.baseline)]
        if best != latest:
            steps.append(format_number(best))
        steps.append(format_number(latest))
        lost = self.lost_pct
        if lost is None:
            state = "no gain yet"
        elif lost <= 0:
            state = "gain held"
        elif self.slipping:
            state = f"{round(lost)}% of the gain lost"
        else:
            state = f"holding, {round(lost)}% given back"
        return f"{target.metric} {' -> '.join(steps)}{unit}: {state}"

    def as_json(self) -> dict[str, object]:
        return {
            "event_id": self.event_id,
            "target": self.target.metric,
            "unit": self.target.unit,
            "baseline": self.target.baseline,
            "goal": self.target.goal,
            "best": self.best,
            "latest": self.latest,
            "gain_kept_pct": self.gain_kept_pct,
            "slipping": self.slipping,
        }


def sustain_for(
    event_id: str, targets: tuple[Target, ...], measurements: list[Measurement] | tuple[Measurement, ...],
    slip_share: int = DEFAULT_SLIP_SHARE,
) -> tuple[Sustain, ...]:
    ordered = sorted(measurements, key=lambda m: m.measured_at)
    return tuple(
        Sustain(event_id, target, tuple(m.value for m in ordered if m.target_id == target.id), slip_share)
        for target in targets
    )


@dataclass(frozen=True)
class ReviewDue:
    """A 30/60/90-day review that asks for a measurement of these targets."""

    days: int
    due: date
    metrics: tuple[str, ...]

    def line(self) -> str:
        return f"{self.days}-day review ({self.due.isoformat()}): measure {', '.join(self.metrics)} (m)"


def review_due(
    end: date, targets: tuple[Target, ...], measured_on: dict[str, list[date]], today: date
) -> ReviewDue | None:
    """The latest review that has come (or comes within a week) if it still lacks a measurement of a target.

    ``measured_on``: target id -> the local dates it was measured on.
    """
    for days in reversed(REVIEW_DAYS):
        due = end + timedelta(days=days)
        since = due - timedelta(days=REVIEW_WINDOW_DAYS)
        if since > today:
            continue
        missing = tuple(t.metric for t in targets if not any(day >= since for day in measured_on.get(t.id, [])))
        return ReviewDue(days, due, missing) if missing else None
    return None
