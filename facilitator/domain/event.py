"""Events and their charter: what the blitz or the Action Learning set is for, and its limits."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.domain.text import clean_lines, clean_text


def new_id() -> str:
    """Records carry UUIDs so logs from several laptops merge without collisions."""
    return str(uuid.uuid4())


class EventKind(StrEnum):
    KAIZEN = "kaizen"
    ACTION_LEARNING = "action_learning"

    @property
    def label(self) -> str:
        return {"kaizen": "Kaizen blitz", "action_learning": "Action Learning set"}[self.value]

    @property
    def day_range(self) -> range:
        """A blitz lasts 2-5 days; an Action Learning set meets 1-20 times."""
        return range(2, 6) if self is EventKind.KAIZEN else range(1, 21)

    @property
    def day_word(self) -> str:
        return "days" if self is EventKind.KAIZEN else "meetings"


class EventStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"


class Area(StrEnum):
    PRODUCT = "product"
    DEPARTMENT = "department"
    COMPANY_WIDE = "company_wide"

    @property
    def label(self) -> str:
        return {"product": "Product", "department": "Department", "company_wide": "Company-wide"}[self.value]


class Direction(StrEnum):
    LOWER = "lower"
    HIGHER = "higher"


@dataclass(frozen=True)
class Target:
    metric: str
    unit: str
    baseline: float
    goal: float
    id: str = field(default_factory=new_id)

    @property
    def direction(self) -> Direction:
        """Which way is better follows from the goal: a changeover goal below baseline means lower."""
        return Direction.LOWER if self.goal < self.baseline else Direction.HIGHER

    def as_line(self) -> str:
        return f"{self.metric}; {self.unit}; {format_number(self.baseline)}; {format_number(self.goal)}"


@dataclass(frozen=True)
class Event:
    title: str
    kind: EventKind
    start_date: date
    days: int
    problem: str = ""
    area: Area = Area.DEPARTMENT
    sponsor: str = ""
    facilitator: str = ""
    team: tuple[str, ...] = ()
    in_bounds: tuple[str, ...] = ()
    out_of_bounds: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    status: EventStatus = EventStatus.PLANNED
    archived: bool = False
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # The days' own dates (working days, or picked); empty: every day for a blitz, weekly for a set.
    dates: tuple[date, ...] = ()

    @property
    def end_date(self) -> date:
        """Date of the last day (or meeting)."""
        return self.day_date(self.days)

    def day_date(self, day: int) -> date:
        """Calendar date of day (or meeting) ``day``, counted from 1."""
        if self.dates and 1 <= day <= len(self.dates):
            return self.dates[day - 1]
        if self.kind is EventKind.KAIZEN:
            return self.start_date + timedelta(days=day - 1)
        return self.start_date + timedelta(weeks=day - 1)

    def day_on(self, when: date) -> int | None:
        """Which day of the event falls on ``when``, or None outside it."""
        for day in range(1, self.days + 1):
            if self.day_date(day) == when:
                return day
        return None

    def renamed(self, title: str) -> Event:
        return replace(self, title=clean_text(title, field="title", label="Title", required=True))


def format_number(value: float) -> str:
    """Shortest text that reads back as the same number: 47 rather than 47.0, never rounded."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def parse_date(text: str, *, field: str = "start_date", label: str = "Start date") -> date:
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 30 else text[:30] + "..."
        raise ValidationError(
            {field: f"{label} must be a real date written YYYY-MM-DD (got {shown!r})."}
        ) from None


WEEKDAYS = "weekdays"
EVERY_DAY = "every day"
WEEKLY = "weekly"
_SCHEDULE_WORDS = {
    "weekdays": WEEKDAYS, "working days": WEEKDAYS, "mon-fri": WEEKDAYS, "skip weekends": WEEKDAYS,
    "every day": EVERY_DAY, "daily": EVERY_DAY, "consecutive": EVERY_DAY,
    "weekly": WEEKLY, "every week": WEEKLY,
}


def working_days(start: date, days: int) -> tuple[date, ...]:
    """``days`` dates from ``start``, skipping Saturdays and Sundays after the first day."""
    found = [start]
    cursor = start
    while len(found) < days:
        cursor += timedelta(days=1)
        if cursor.weekday() < 5:
            found.append(cursor)
    return tuple(found)


def default_schedule(kind: EventKind) -> str:
    """What an empty Dates field means: a blitz skips the weekend, a set meets weekly."""
    return WEEKDAYS if kind is EventKind.KAIZEN else WEEKLY


def parse_schedule(text: str, kind: EventKind, start: date, days: int) -> tuple[date, ...]:
    """The Dates field: weekdays, every day, weekly, or the dates themselves (YYYY-MM-DD, comma separated).

    Returns the dates to store; empty for the kind's plain rhythm (every day for a blitz, weekly for a set).
    """
    words = " ".join(text.strip().lower().split()) or default_schedule(kind)
    rhythm = _SCHEDULE_WORDS.get(words)
    if rhythm == WEEKDAYS:
        return working_days(start, days)
    if rhythm == EVERY_DAY:
        return () if kind is EventKind.KAIZEN else tuple(start + timedelta(days=n) for n in range(days))
    if rhythm == WEEKLY:
        return () if kind is EventKind.ACTION_LEARNING else tuple(start + timedelta(weeks=n) for n in range(days))
    picked = tuple(
        parse_date(part, field="dates", label="Each date") for part in text.replace(";", ",").split(",") if part.strip()
    )
    if len(picked) != days:
        raise ValidationError({"dates": f"{len(picked)} date(s) for {days} {kind.day_word}: give one per day, "
                                        "or write weekdays, every day or weekly."})
    if picked[0] != start:
        raise ValidationError({"dates": f"The first date must be the start date, {start.isoformat()}."})
    if any(later <= earlier for earlier, later in zip(picked, picked[1:])):
        raise ValidationError({"dates": "Dates must be in order, each one after the last."})
    return picked


def describe_schedule(event: Event) -> str:
    """The Dates field for an event: the rhythm's word when it follows one, else the dates."""
    if not event.dates:
        return EVERY_DAY if event.kind is EventKind.KAIZEN else WEEKLY
    if event.dates == working_days(event.start_date, event.days):
        return WEEKDAYS
    return ", ".join(day.isoformat() for day in event.dates)


def parse_days(text: str, kind: EventKind) -> int:
    allowed = kind.day_range
    message = f"A {kind.label} has {allowed.start}-{allowed.stop - 1} {kind.day_word}."
    try:
        days = int(text.strip())
    except ValueError:
        raise ValidationError({"days": f"Number of {kind.day_word} must be a whole number. {message}"}) from None
    if days not in allowed:
        raise ValidationError({"days": message})
    return days


def _parse_number(text: str, what: str, line_no: int) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(
            {"targets": f"Target line {line_no}: {what} must be a number (got {text.strip()!r})."}
        ) from None
    if not math.isfinite(value):
        raise ValidationError({"targets": f"Target line {line_no}: {what} must be a finite number."})
    return value


def parse_targets(text: str, existing: tuple[Target, ...] = ()) -> tuple[Target, ...]:
    """One target a line: ``metric; unit; baseline; goal``.

    A target keeps its id (and so its measurements) when its metric is unchanged, or when the metric was
    renamed on the same line and the old name is not used elsewhere.
    """
    by_metric = {target.metric: target for target in existing}
    lines = clean_lines(text, field="targets", label="Targets", max_items=20)
    typed_metrics = {line.split(";")[0].strip() for line in lines}
    targets: list[Target] = []
    for line_no, line in enumerate(lines, start=1):
        parts = [part.strip() for part in line.split(";")]
        if len(parts) != 4 or not parts[0]:
            raise ValidationError(
                {"targets": f"Target line {line_no}: write it as 'metric; unit; baseline; goal'."}
            )
        metric, unit = parts[0], parts[1]
        if any(target.metric == metric for target in targets):
            raise ValidationError({"targets": f"Target line {line_no}: {metric!r} is already listed."})
        baseline = _parse_number(parts[2], "baseline", line_no)
        goal = _parse_number(parts[3], "goal", line_no)
        if baseline == goal:
            raise ValidationError({"targets": f"Target line {line_no}: the goal equals the baseline."})
        previous = by_metric.get(metric)
        if previous is None and line_no <= len(existing) and existing[line_no - 1].metric not in typed_metrics:
            previous = existing[line_no - 1]  # renamed in place
        target_id = previous.id if previous else new_id()
        targets.append(Target(metric=metric, unit=unit, baseline=baseline, goal=goal, id=target_id))
    return tuple(targets)


@dataclass(frozen=True)
class CharterForm:
    """The charter exactly as typed into the form, before validation."""

    title: str = ""
    kind: str = EventKind.KAIZEN.value
    start_date: str = ""
    days: str = "5"
    dates: str = ""
    problem: str = ""
    area: str = Area.DEPARTMENT.value
    sponsor: str = ""
    facilitator: str = ""
    team: str = ""
    in_bounds: str = ""
    out_of_bounds: str = ""
    targets: str = ""

    @classmethod
    def from_event(cls, event: Event) -> CharterForm:
        return cls(
            title=event.title,
            kind=event.kind.value,
            start_date=event.start_date.isoformat(),
            days=str(event.days),
            dates=describe_schedule(event),
            problem=event.problem,
            area=event.area.value,
            sponsor=event.sponsor,
            facilitator=event.facilitator,
            team="\n".join(event.team),
            in_bounds="\n".join(event.in_bounds),
            out_of_bounds="\n".join(event.out_of_bounds),
            targets="\n".join(target.as_line() for target in event.targets),
        )

    def to_event(self, base: Event | None = None) -> Event:
        """Validate every field and build the Event; all messages are gathered, one per field."""
        checks = FieldChecks()
        check, values, errors = checks.check, checks.values, checks.errors

        check("title", lambda: clean_text(self.title, field="title", label="Title", required=True))
        check("kind", lambda: _parse_enum(EventKind, self.kind, "kind", "Kind"))
        check("start_date", lambda: parse_date(self.start_date))
        kind = values.get("kind")
        if isinstance(kind, EventKind):
            check("days", lambda: parse_days(self.days, kind))
        start, days = values.get("start_date"), values.get("days")
        if isinstance(kind, EventKind) and isinstance(start, date) and isinstance(days, int):
            check("dates", lambda: parse_schedule(self.dates, kind, start, days))
        check("problem", lambda: clean_text(self.problem, field="problem", label="Problem statement", multiline=True))
        check("area", lambda: _parse_enum(Area, self.area, "area", "Area"))
        for name, label in (("sponsor", "Sponsor"), ("facilitator", "Facilitator")):
            check(name, lambda name=name, label=label: clean_text(getattr(self, name), field=name, label=label))
        check("team", lambda: clean_lines(self.team, field="team", label="Team members"))
        check("in_bounds", lambda: clean_lines(self.in_bounds, field="in_bounds", label="In bounds"))
        check("out_of_bounds", lambda: clean_lines(self.out_of_bounds, field="out_of_bounds", label="Out of bounds"))
        check("targets", lambda: parse_targets(self.targets, base.targets if base else ()))
        if errors:
            raise ValidationError(errors)
        if base is None:
            return Event(**values)  # type: ignore[arg-type]
        return replace(base, **values)


def _parse_enum(enum: type[StrEnum], text: str, field: str, label: str):
    try:
        return enum(text)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError({field: f"{label} must be one of: {choices}."}) from None
