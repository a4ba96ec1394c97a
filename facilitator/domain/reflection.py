"""Reflections: answers to a framework's prompts, the assumptions that surfaced, and learning carried on.

Also the cadence rules: when the cockpit opens, offers or requires a reflection. Action Learning
reflects after every session; a Kaizen blitz offers a day reflection with the debrief and requires an
end-of-event review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import EventKind, EventStatus, new_id
from facilitator.domain.text import clean_lines, clean_text

GROUP = "Group"


class Scope(StrEnum):
    SESSION = "session"
    DAY = "day"
    EVENT = "event"

    @property
    def label(self) -> str:
        return {"session": "Session", "day": "Day", "event": "End-of-event review"}[self.value]


class Loop(StrEnum):
    NONE = "none"
    SINGLE = "single"
    DOUBLE = "double"

    @property
    def label(self) -> str:
        return {
            "none": "Not yet clear",
            "single": "Single-loop: we will act differently",
            "double": "Double-loop: we changed a belief or rule",
        }[self.value]


class Status(StrEnum):
    DONE = "done"
    OWED = "owed"  # the cadence asked for it and nobody has answered yet
    SKIPPED = "skipped"  # skipped with a reason; still owed


@dataclass(frozen=True)
class Answer:
    prompt: str
    answer: str
    participant: str = GROUP
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Transfer:
    """Learning to carry to another part of the organisation; it becomes a follow-up with an owner."""

    text: str
    owner: str
    where: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Reflection:
    event_id: str
    scope: Scope
    framework: str
    framework_name: str
    session_id: str | None = None
    day: int | None = None
    participant: str = GROUP
    loop: Loop = Loop.NONE
    answers: tuple[Answer, ...] = ()
    assumptions: tuple[str, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    status: Status = Status.DONE
    skipped_reason: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None


@dataclass(frozen=True)
class Target:
    """What a reflection is about: one session, one day, or the whole event."""

    scope: Scope
    session_id: str | None = None
    day: int | None = None


@dataclass(frozen=True)
class ReflectionForm:
    """The reflection exactly as typed, before validation."""

    participant: str = ""
    loop: str = Loop.NONE.value
    answers: tuple[tuple[str, str], ...] = ()  # (prompt, text as typed)
    assumptions: str = ""
    transfers: str = ""  # one per line: what; owner; where

    def to_reflection(self, event_id: str, target: Target, framework: str, framework_name: str) -> Reflection:
        errors: dict[str, str] = {}
        participant = GROUP
        try:
            participant = clean_text(self.participant, field="participant", label="Participant") or GROUP
        except ValidationError as error:
            errors.update(error.errors)
        try:
            loop = Loop(self.loop)
        except ValueError:
            errors["loop"] = "Choose single-loop, double-loop or not yet clear."
            loop = Loop.NONE
        answers: list[Answer] = []
        for number, (prompt, text) in enumerate(self.answers, start=1):
            try:
                value = clean_text(text, field=f"answer-{number}", label="This answer", multiline=True)
            except ValidationError as error:
                errors.update(error.errors)
                continue
            if value:
                answers.append(Answer(prompt=prompt, answer=value, participant=participant))
        assumptions: tuple[str, ...] = ()
        try:
            assumptions = clean_lines(self.assumptions, field="assumptions", label="Assumptions", max_items=20)
        except ValidationError as error:
            errors.update(error.errors)
        transfers: tuple[Transfer, ...] = ()
        try:
            transfers = parse_transfers(self.transfers)
        except ValidationError as error:
            errors.update(error.errors)
        if not errors and not answers:
            errors["answers"] = "Answer at least one prompt (or press esc to leave)."
        if loop is Loop.DOUBLE and not assumptions and "assumptions" not in errors:
            errors["assumptions"] = "Double-loop learning changes a belief: name the assumption that surfaced."
        if errors:
            raise ValidationError(errors)
        return Reflection(
            event_id=event_id, scope=target.scope, session_id=target.session_id, day=target.day,
            framework=framework, framework_name=framework_name, participant=participant, loop=loop,
            answers=tuple(answers), assumptions=assumptions, transfers=transfers,
        )


def parse_transfers(text: str) -> tuple[Transfer, ...]:
    """One item a line: ``what to carry; owner; where`` (where is optional)."""
    transfers = []
    lines = clean_lines(text, field="transfers", label="Where else", max_items=20)
    for line_no, line in enumerate(lines, start=1):
        parts = [part.strip() for part in line.split(";")]
        if len(parts) not in (2, 3) or not parts[0]:
            raise ValidationError({"transfers": f"Line {line_no}: write it as 'what to carry; owner; where'."})
        if not parts[1]:
            raise ValidationError({"transfers": f"Line {line_no}: every item needs an owner."})
        transfers.append(Transfer(text=parts[0], owner=parts[1], where=parts[2] if len(parts) == 3 else ""))
    return tuple(transfers)


def clean_skip_reason(text: str) -> str:
    return clean_text(text, field="reason", label="A reason for skipping", required=True)


class Cadence(StrEnum):
    """What the cockpit does when a session ends or the event's status changes."""

    NOTHING = "nothing"
    OPEN_SESSION = "open_session"  # open the reflection screen for the session; skipping asks a reason
    OFFER_DAY = "offer_day"  # offer a day reflection with the debrief
    REQUIRE_EVENT = "require_event"  # the end-of-event review is owed until done


def after_session(
    kind: EventKind, how: str, *, last_of_day: bool, last_of_event: bool, is_break: bool = False,
    ran: bool = False,
) -> Cadence:
    """The cadence rule when a session ends (``how``: finished, next or skipped).

    A break is nothing to reflect on, but a break that closes the day still closes the day. A session
    skipped after it had run (``ran``: its clock was started) was held all the same, so it is reflected on.
    """
    if kind is EventKind.ACTION_LEARNING:
        held = (how in ("finished", "next") or ran) and not is_break
        return Cadence.OPEN_SESSION if held else Cadence.NOTHING
    if last_of_event:
        return Cadence.REQUIRE_EVENT
    if last_of_day:
        return Cadence.OFFER_DAY
    return Cadence.NOTHING


def after_status(kind: EventKind, status: EventStatus) -> Cadence:
    if kind is EventKind.KAIZEN and status is EventStatus.DONE:
        return Cadence.REQUIRE_EVENT
    return Cadence.NOTHING


@dataclass(frozen=True)
class ReflectionCounts:
    sessions_reflected: int = 0
    sessions_owed: int = 0
    reflections: int = 0
    single_loop: int = 0
    double_loop: int = 0
    days_reflected: int = 0
    event_review_owed: bool = False
    event_review_done: bool = False

    def line(self, kind: EventKind) -> str:
        sessions = "session" if self.sessions_reflected == 1 else "sessions"
        parts = [f"{self.sessions_reflected} {sessions} reflected", f"{self.sessions_owed} owed"]
        if kind is EventKind.KAIZEN:
            parts.append(f"{self.days_reflected} of the days reflected")
            if self.event_review_done:
                parts.append("end-of-event review done")
            elif self.event_review_owed:
                parts.append("END-OF-EVENT REVIEW OWED")
        parts.append(f"single-loop {self.single_loop}")
        parts.append(f"double-loop {self.double_loop}")
        return "  |  ".join(parts)
