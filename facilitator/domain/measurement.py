"""The target sheet: measurements taken during the event, and each target's progress from baseline to goal."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Direction, Target, format_number, new_id
from facilitator.domain.text import clean_text

MAX_ABS_VALUE = 1e12
_CLOCK_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DATE_AND_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ t](\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Measurement:
    event_id: str
    target_id: str
    value: float
    measured_at: datetime
    note: str = ""
    id: str = field(default_factory=new_id)


def parse_value(text: str, target: Target | None = None) -> float:
    """A number as typed (``31``, ``31.5``, ``31,5``); a percentage must lie between 0 and 100."""
    typed = text.strip().replace(" ", "")
    if not typed:
        raise ValidationError({"value": "Value is required: type the number you measured."})
    try:
        value = float(typed.removesuffix("%").replace(",", "."))
    except ValueError:
        shown = typed if len(typed) <= 20 else typed[:20] + "..."
        raise ValidationError({"value": f"Value must be a number, e.g. 31 or 31.5 (got {shown!r})."}) from None
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise ValidationError({"value": "Value must be an ordinary finite number."})
    if target is not None and target.unit.strip() == "%" and not 0 <= value <= 100:
        raise ValidationError({"value": f"{target.metric} is a percentage: give a value from 0 to 100."})
    return value


def parse_measured_at(text: str, now_local: datetime) -> datetime:
    """When it was measured, in local time: empty or ``now``, ``HH:MM`` today, or ``YYYY-MM-DD HH:MM``.

    ``now_local`` is the clock's now in local time (aware); the result is aware in the same zone.
    Moments in the future are refused: a measurement is something already seen.
    """
    typed = " ".join(text.strip().lower().split())
    if typed in ("", "now"):
        return now_local
    zone = now_local.tzinfo
    moment: datetime | None = None
    if match := _CLOCK_TIME.match(typed):
        moment = _combine(now_local.date(), int(match.group(1)), int(match.group(2)), zone)
    elif match := _DATE_AND_TIME.match(typed):
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            day = None
        if day is not None:
            moment = _combine(day, int(match.group(2)), int(match.group(3)), zone)
    if moment is None:
        raise ValidationError({"measured_at": "When: write now, a time like 14:30, or 2026-11-24 14:30."})
    if moment > now_local + timedelta(minutes=1):
        raise ValidationError({"measured_at": "When is in the future; a measurement is something already seen."})
    return moment


def _combine(day: date, hour: int, minute: int, zone) -> datetime | None:
    if hour > 23 or minute > 59:
        return None
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def parse_note(text: str) -> str:
    return clean_text(text, field="note", label="Note", max_length=500)


@dataclass(frozen=True)
class MeasurementDraft:
    """The measurement dialog's fields exactly as typed; :meth:`to_measurement` checks them all at once."""

    target_id: str
    value: str
    measured_at: str = ""
    note: str = ""

    def to_measurement(self, event_id: str, targets: tuple[Target, ...], now_local: datetime) -> Measurement:
        errors: dict[str, str] = {}
        target = next((t for t in targets if t.id == self.target_id), None)
        if target is None:
            errors["target"] = "Pick one of the charter's targets."
        values: dict[str, object] = {}
        for name, parse in (
            ("value", lambda: parse_value(self.value, target)),
            ("measured_at", lambda: parse_measured_at(self.measured_at, now_local)),
            ("note", lambda: parse_note(self.note)),
        ):
            try:
                values[name] = parse()
            except ValidationError as error:
                errors.update(error.errors)
        if errors:
            raise ValidationError(errors)
        return Measurement(event_id=event_id, target_id=self.target_id, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class TargetProgress:
    """Where a target stands: baseline -> latest actual, against the goal, in the target's direction."""

    target: Target
    measurements: tuple[Measurement, ...]  # oldest first

    @property
    def actual(self) -> float | None:
        return self.measurements[-1].value if self.measurements else None

    @property
    def fraction(self) -> float | None:
        """Share of the way from baseline to goal (1.0 = goal reached; negative = worse than baseline)."""
        if self.actual is None:
            return None
        span = self.target.goal - self.target.baseline
        return (self.actual - self.target.baseline) / span

    @property
    def met(self) -> bool:
        fraction = self.fraction
        return fraction is not None and fraction >= 1

    @property
    def direction_phrase(self) -> str:
        return "lower is better" if self.target.direction is Direction.LOWER else "higher is better"

    def summary(self) -> str:
        """``47 -> 26 min (goal 20, lower is better): 78% of the way`` - plain text for reports."""
        target = self.target
        unit = f" {target.unit}" if target.unit else ""
        goal = f"goal {format_number(target.goal)}, {self.direction_phrase}"
        if self.actual is None:
            return f"{format_number(target.baseline)}{unit}, not measured yet ({goal})"
        state = "goal met" if self.met else f"{round(100 * (self.fraction or 0))}% of the way"
        return f"{format_number(target.baseline)} -> {format_number(self.actual)}{unit} ({goal}): {state}"


def progress_for(targets: tuple[Target, ...], measurements: list[Measurement] | tuple[Measurement, ...]) -> tuple[TargetProgress, ...]:
    ordered = sorted(measurements, key=lambda m: m.measured_at)
    return tuple(
        TargetProgress(target, tuple(m for m in ordered if m.target_id == target.id)) for target in targets
    )
