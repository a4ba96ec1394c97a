"""The Kaizen newspaper: follow-up actions with an owner and a due date, reviewed 30/60/90 days after the event."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from facilitator.domain.due_dates import parse_due_date
from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.domain.event import Event, new_id
from facilitator.domain.text import clean_text

REVIEW_DAYS = (30, 60, 90)


class FollowUpStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_open(self) -> bool:
        return self is not FollowUpStatus.DONE

    @property
    def next(self) -> FollowUpStatus:
        """The usual path: open -> in progress -> done; blocked resumes as in progress; done reopens."""
        return {
            FollowUpStatus.OPEN: FollowUpStatus.IN_PROGRESS,
            FollowUpStatus.IN_PROGRESS: FollowUpStatus.DONE,
            FollowUpStatus.BLOCKED: FollowUpStatus.IN_PROGRESS,
            FollowUpStatus.DONE: FollowUpStatus.OPEN,
        }[self]


class SourceKind(StrEnum):
    SESSION = "session"
    DECISION = "decision"
    REFLECTION = "reflection"


@dataclass(frozen=True)
class FollowUp:
    event_id: str
    action: str
    owner: str
    due_date: date
    status: FollowUpStatus = FollowUpStatus.OPEN
    outcome: str = ""
    source_kind: SourceKind | None = None
    source_id: str | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def is_overdue(self, today: date) -> bool:
        return self.status.is_open and self.due_date < today

    def with_status(self, status: FollowUpStatus, outcome: str | None = None) -> FollowUp:
        if outcome is None:
            return replace(self, status=status)
        return replace(self, status=status, outcome=clean_text(outcome, field="outcome", label="Outcome", multiline=True))


@dataclass(frozen=True)
class FollowUpChange:
    """One status change, kept for the export timeline: who moved which item from what to what, and when."""

    followup_id: str
    from_status: FollowUpStatus | None
    to_status: FollowUpStatus
    changed_by: str
    changed_at: datetime
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class FollowUpForm:
    """A follow-up exactly as typed; :meth:`to_followup` validates every field at once."""

    action: str = ""
    owner: str = ""
    due: str = ""
    status: str = FollowUpStatus.OPEN.value
    outcome: str = ""
    source: str = ""  # "" or "kind:id"

    @classmethod
    def from_followup(cls, item: FollowUp) -> FollowUpForm:
        source = f"{item.source_kind.value}:{item.source_id}" if item.source_kind and item.source_id else ""
        return cls(
            action=item.action, owner=item.owner, due=item.due_date.isoformat(),
            status=item.status.value, outcome=item.outcome, source=source,
        )

    def to_followup(self, event_id: str, today: date, base: FollowUp | None = None) -> FollowUp:
        checks = FieldChecks()
        check, values, errors = checks.check, checks.values, checks.errors

        check("action", lambda: clean_text(self.action, field="action", label="Action", required=True, max_length=500))
        check("owner", lambda: clean_text(self.owner, field="owner", label="Owner", required=True))
        check("due_date", lambda: self._due(today, base))
        check("outcome", lambda: clean_text(self.outcome, field="outcome", label="Outcome", multiline=True))
        try:
            values["status"] = FollowUpStatus(self.status)
        except ValueError:
            errors["status"] = "Status must be one of: " + ", ".join(s.value for s in FollowUpStatus) + "."
        kind, _, source_id = self.source.partition(":")
        if kind:
            try:
                values["source_kind"] = SourceKind(kind)
                values["source_id"] = source_id or None
            except ValueError:
                errors["source"] = "Source must be a session, a decision or a reflection."
        else:
            values["source_kind"] = None
            values["source_id"] = None
        if errors:
            raise ValidationError(errors)
        if base is None:
            return FollowUp(event_id=event_id, **values)  # type: ignore[arg-type]
        return replace(base, **values)

    def _due(self, today: date, base: FollowUp | None) -> date:
        due = parse_due_date(self.due, today, field="due")
        # An overdue item keeps its date when edited; a new date in the past is a typo.
        if due < today and (base is None or due != base.due_date):
            raise ValidationError({"due": f"Due date {due.isoformat()} is in the past; give today or later."})
        return due


@dataclass(frozen=True)
class ReviewGroup:
    """Follow-ups checked at one review: ``days`` after the event ends (None: after the 90-day review)."""

    days: int | None
    review_date: date | None
    items: tuple[FollowUp, ...]

    @property
    def title(self) -> str:
        if self.days is None:
            return "Later than the 90-day review"
        return f"{self.days}-day review ({self.review_date.isoformat()})"


def review_dates(event_end: date) -> tuple[date, ...]:
    return tuple(event_end + timedelta(days=days) for days in REVIEW_DAYS)


def group_by_review(items: list[FollowUp] | tuple[FollowUp, ...], event_end: date) -> tuple[ReviewGroup, ...]:
    """Each item goes to the first review on or after its due date; empty groups are left out.

    Within a group: open items first (overdue, then by due date), done items last.
    """
    dates = review_dates(event_end)
    buckets: dict[int | None, list[FollowUp]] = {days: [] for days in (*REVIEW_DAYS, None)}
    for item in items:
        for days, when in zip(REVIEW_DAYS, dates, strict=True):
            if item.due_date <= when:
                buckets[days].append(item)
                break
        else:
            buckets[None].append(item)
    groups = []
    for days, bucket in buckets.items():
        if not bucket:
            continue
        bucket.sort(key=lambda item: (not item.status.is_open, item.due_date, item.action.lower()))
        when = dates[REVIEW_DAYS.index(days)] if days is not None else None
        groups.append(ReviewGroup(days=days, review_date=when, items=tuple(bucket)))
    return tuple(groups)


def due_phrase(due: date, today: date) -> str:
    """``due in 3 days``, ``due today``, ``3 days overdue``: how a person says it."""
    delta = (due - today).days
    if delta == 0:
        return "due today"
    if delta == 1:
        return "due tomorrow"
    if delta > 1:
        return f"due in {delta} days"
    return "1 day overdue" if delta == -1 else f"{-delta} days overdue"


def person_name(entry: str) -> str:
    """``Luis Ortega (die setter)`` -> ``Luis Ortega``: team lines carry a role; an owner is a name."""
    return entry.split(" (", 1)[0].strip()


def owner_suggestions(event: Event) -> list[str]:
    """Names to suggest as owners: the team, the sponsor and the facilitator, each once."""
    names = [person_name(entry) for entry in (*event.team, event.sponsor, event.facilitator) if entry.strip()]
    return list(dict.fromkeys(name for name in names if name))
