"""The agenda: each day of an event is an ordered list of timeboxed sessions, and the rules for typing them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from enum import StrEnum

from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.domain.event import new_id
from facilitator.domain.text import clean_text

MAX_SESSION_MINUTES = 12 * 60


class SessionKind(StrEnum):
    KICKOFF = "kickoff"
    TRAINING = "training"
    OBSERVATION = "observation"
    ANALYSIS = "analysis"
    IMPLEMENTATION = "implementation"
    REPORT_OUT = "report_out"
    DEBRIEF = "debrief"
    BREAK = "break"
    SET_MEETING = "set_meeting"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "kickoff": "kick-off",
            "report_out": "report-out",
            "set_meeting": "set meeting",
        }.get(self.value, self.value)


@dataclass(frozen=True)
class Session:
    event_id: str
    day: int
    position: int
    title: str
    kind: SessionKind = SessionKind.OTHER
    planned_minutes: int = 30
    fixed_start: time | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)
    # When the session was added: a day loaded after its planned start begins then (see the forecast).
    created_at: datetime | None = field(default=None, compare=False)


_DURATION_PATTERNS = (
    # 45  45m  45 min  45 minutes
    (re.compile(r"(\d{1,4})\s*(?:m|min|mins|minute|minutes)?"), lambda m: int(m[1])),
    # 1h  1 h  1h30  1h 30m  1 hour 30 min
    (
        re.compile(r"(\d{1,3})\s*(?:h|hr|hrs|hour|hours)\s*(?:(\d{1,2})\s*(?:m|min|mins|minute|minutes)?)?"),
        lambda m: int(m[1]) * 60 + int(m[2] or 0),
    ),
    # 1:30
    (re.compile(r"(\d{1,3}):([0-5]\d)"), lambda m: int(m[1]) * 60 + int(m[2])),
)


def parse_duration(
    text: str, *, field: str = "planned_minutes", label: str = "Duration", maximum: int = MAX_SESSION_MINUTES
) -> int:
    """Minutes from ``45``, ``45m``, ``1h``, ``1h30``, ``1:30`` or ``90 min``; anything else is refused."""
    cleaned = text.strip().lower()
    example = "write it as 45, 45m, 1h, 1h30, 1:30 or 90 min"
    if not cleaned:
        raise ValidationError({field: f"{label} is required: {example}."})
    for pattern, minutes_of in _DURATION_PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            minutes = minutes_of(match)
            break
    else:
        shown = text.strip() if len(text.strip()) <= 20 else text.strip()[:20] + "..."
        raise ValidationError({field: f"{label} {shown!r} is not a duration: {example}."})
    if minutes <= 0:
        raise ValidationError({field: f"{label} must be at least 1 minute."})
    if minutes > maximum:
        raise ValidationError({field: f"{label} must be at most {format_minutes(maximum)}."})
    return minutes


def format_minutes(minutes: int) -> str:
    """90 -> '1h30', 45 -> '45m', 120 -> '2h' (the same forms the parser accepts)."""
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{sign}{rest}m"
    return f"{sign}{hours}h{rest:02d}" if rest else f"{sign}{hours}h"


_CLOCK_TIME = re.compile(r"(\d{1,2})(?::|\.|h)?(\d{2})?")


def parse_clock_time(text: str, *, field: str = "fixed_start", label: str = "Start time") -> time:
    """A local clock time: ``11:00``, ``9:30``, ``14``, ``1130``."""
    cleaned = text.strip().lower()
    match = _CLOCK_TIME.fullmatch(cleaned)
    if match:
        hours, minutes = int(match[1]), int(match[2] or 0)
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise ValidationError({field: f"{label} must be a time of day such as 11:00 (got {text.strip()[:20]!r})."})


def parse_optional_clock_time(text: str, *, field: str = "fixed_start", label: str = "Fixed start") -> time | None:
    return parse_clock_time(text, field=field, label=label) if text.strip() else None


@dataclass(frozen=True)
class SessionForm:
    """A session exactly as typed in the session dialog, before validation."""

    title: str = ""
    kind: str = SessionKind.OTHER.value
    duration: str = "30"
    fixed_start: str = ""
    notes: str = ""

    @classmethod
    def from_session(cls, session: Session) -> SessionForm:
        return cls(
            title=session.title,
            kind=session.kind.value,
            duration=format_minutes(session.planned_minutes),
            fixed_start=session.fixed_start.strftime("%H:%M") if session.fixed_start else "",
            notes=session.notes,
        )

    def apply(self, base: Session) -> Session:
        """The session with every field checked; all messages at once, one per field."""
        checks = FieldChecks()
        check, values, errors = checks.check, checks.values, checks.errors

        check("title", lambda: clean_text(self.title, field="title", label="Title", required=True))
        check("kind", lambda: _kind(self.kind))
        check("planned_minutes", lambda: parse_duration(self.duration))
        check("fixed_start", lambda: parse_optional_clock_time(self.fixed_start))
        check("notes", lambda: clean_text(self.notes, field="notes", label="Notes", multiline=True))
        if errors:
            raise ValidationError(errors)
        return replace(base, **values)  # type: ignore[arg-type]


def _kind(text: str) -> SessionKind:
    try:
        return SessionKind(text)
    except ValueError:
        raise ValidationError({"kind": "Kind must be one of: " + ", ".join(k.label for k in SessionKind) + "."}) from None
