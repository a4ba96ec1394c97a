"""Scope decisions: what was decided, by whom and why, kept as an append-only log.

A decision is never edited or deleted. Changing one records a new decision that supersedes it (both
stay, linked, as in adr-tools); a typo fix or a rationale added later is an amendment, and the
original text stays in the history.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.domain.event import Event, EventKind, new_id
from facilitator.domain.text import clean_text

SUBJECT_MAX = 300
RATIONALE_MAX = 4_000
MAX_TAGS = 10
SEARCH_MAX_TERMS = 12


class Verdict(StrEnum):
    IN_SCOPE = "in_scope"
    OUT_OF_SCOPE = "out_of_scope"
    PARKED = "parked"
    DEFERRED = "deferred"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self][0]

    @property
    def key(self) -> str:
        """The single key that picks this verdict in the capture dialog."""
        return _VERDICT_LABELS[self][1]

    @property
    def moved(self) -> str:
        """How the change reads in a per-day summary: "3 items moved out of scope"."""
        return _VERDICT_LABELS[self][2]


_VERDICT_LABELS = {
    Verdict.IN_SCOPE: ("in scope", "i", "brought into scope"),
    Verdict.OUT_OF_SCOPE: ("out of scope", "o", "moved out of scope"),
    Verdict.PARKED: ("parked", "p", "parked"),
    Verdict.DEFERRED: ("deferred", "f", "deferred"),
    Verdict.REJECTED: ("rejected", "j", "rejected"),
}

# A parked item is resolved into one of these.
RESOLUTIONS = (Verdict.IN_SCOPE, Verdict.OUT_OF_SCOPE, Verdict.DEFERRED)


class DecidedBy(StrEnum):
    FACILITATOR = "facilitator"
    TEAM = "team"
    SPONSOR = "sponsor"

    @property
    def key(self) -> str:
        return {"facilitator": "f", "team": "t", "sponsor": "s"}[self.value]


class AmendedField(StrEnum):
    SUBJECT = "subject"
    RATIONALE = "rationale"
    TAGS = "tags"
    DEBRIEF = "debrief"  # a parked item carried to the daily debrief


class LogState(StrEnum):
    """Which decisions the log shows: all, only those still in force, or only the superseded ones."""

    ALL = "all"
    CURRENT = "current"
    SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Amendment:
    decision_id: str
    field: AmendedField
    text: str
    amended_at: datetime
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Decision:
    """A decision as it stands: ``subject``, ``rationale`` and ``tags`` include any amendments."""

    event_id: str
    subject: str
    verdict: Verdict
    decided_by: DecidedBy
    day: int
    decided_at: datetime
    rationale: str = ""
    tags: tuple[str, ...] = ()
    session_id: str | None = None
    supersedes_id: str | None = None
    superseded_by_id: str | None = None
    amended: bool = False
    carried_to_debrief: bool = False
    id: str = field(default_factory=new_id)

    @property
    def current(self) -> bool:
        return self.superseded_by_id is None


@dataclass(frozen=True)
class HistoryEntry:
    """One decision in a chain, as first recorded, with the amendments made to it since."""

    original: Decision  # subject, rationale and tags as first typed
    amendments: tuple[Amendment, ...]


@dataclass(frozen=True)
class DecisionDraft:
    """The capture dialog exactly as typed, before validation."""

    subject: str = ""
    verdict: str = ""
    decided_by: str = DecidedBy.FACILITATOR.value
    rationale: str = ""
    tags: str = ""

    def validate(self) -> tuple[str, Verdict, DecidedBy, str, tuple[str, ...]]:
        """All fields checked at once; messages gathered one per field."""
        checks = FieldChecks()
        check, values, errors = checks.check, checks.values, checks.errors

        check("subject", lambda: clean_subject(self.subject))
        check("verdict", lambda: parse_verdict(self.verdict))
        check("decided_by", lambda: parse_decided_by(self.decided_by))
        check("rationale", lambda: clean_rationale(self.rationale))
        check("tags", lambda: parse_tags(self.tags))
        if errors:
            raise ValidationError(errors)
        return (values["subject"], values["verdict"], values["decided_by"],  # type: ignore[return-value]
                values["rationale"], values["tags"])


def clean_subject(text: str) -> str:
    subject = clean_text(text, field="subject", label="Subject", max_length=SUBJECT_MAX)
    if not subject:
        raise ValidationError({"subject": "Subject is empty: say what was decided, e.g. 'Die cart redesign'."})
    return subject


def clean_rationale(text: str) -> str:
    return clean_text(text, field="rationale", label="Rationale", multiline=True, max_length=RATIONALE_MAX)


def parse_verdict(text: str) -> Verdict:
    try:
        return Verdict(text)
    except ValueError:
        keys = ", ".join(f"{verdict.key} {verdict.label}" for verdict in Verdict)
        raise ValidationError({"verdict": f"Pick a verdict ({keys})."}) from None


def parse_decided_by(text: str) -> DecidedBy:
    try:
        return DecidedBy(text)
    except ValueError:
        raise ValidationError({"decided_by": "Decided by must be facilitator, team or sponsor."}) from None


_TAG_SEPARATORS = re.compile(r"[,\s]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags are typed separated by commas or spaces; a leading # is dropped; duplicates go."""
    cleaned = clean_text(text, field="tags", label="Tags")
    tags: list[str] = []
    seen: set[str] = set()  # lower case: "Safety" after "safety" is the same tag
    for raw in _TAG_SEPARATORS.split(cleaned):
        tag = raw.lstrip("#")
        if tag and tag.lower() not in seen:
            tags.append(tag)
            seen.add(tag.lower())
    if len(tags) > MAX_TAGS:
        raise ValidationError({"tags": f"At most {MAX_TAGS} tags."})
    return tuple(tags)


def tags_json(tags: tuple[str, ...] | list[str]) -> str:
    """Tags as stored: a JSON array of text, like every other list (a charter's team, its bounds)."""
    return json.dumps(list(tags), ensure_ascii=False)


def stored_tags(text: str | None) -> tuple[str, ...]:
    """Tags read back: a JSON array; before 0012_foreign_keys_and_tags (and in text another program wrote
    that is not an array) the tags separated by spaces."""
    text = text or ""
    if text.startswith("["):
        try:
            items = json.loads(text, strict=False)  # a raw control character another program wrote is shown later
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            return tuple(item for item in items if item)
    return tuple(text.split())


def tags_as_typed(value: object) -> object:
    """A JSON array of tags as the text it replaced (the tags separated by single spaces), else ``value``.

    Decisions were sealed with their tags as that text; sealing and checking still hash that form, so
    the digests of every log written before tags became arrays still hold. Only an array that maps back
    exactly (no empty tag, none with a space inside) is read this way; anything else is hashed as stored.
    """
    if isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list) and all(isinstance(item, str) and item.split() == [item] for item in items):
            return " ".join(items)
    return value


def clean_amendment(amended: AmendedField, text: str) -> str:
    if amended is AmendedField.SUBJECT:
        return clean_subject(text)
    if amended is AmendedField.RATIONALE:
        rationale = clean_rationale(text)
        if not rationale:
            raise ValidationError({"rationale": "Rationale is empty: write why it was decided."})
        return rationale
    if amended is AmendedField.TAGS:
        return " ".join(parse_tags(text))
    return clean_text(text, field="debrief", label="Debrief note")


def decision_day(event: Event, today: date, session_day: int | None) -> int:
    """The event's day for today; else the running session's day; else the nearest day of the event."""
    day = event.day_on(today)
    if day is not None:
        return day
    if session_day is not None:
        return session_day
    return 1 if today < event.start_date else event.days


def search_terms(text: str) -> list[str]:
    """What a search looks for: each whitespace-separated piece typed, found anywhere in the text.

    Any character counts ("[/]", "]]]][[[", an emoji), case aside: a decision matches when every piece
    is part of its subject, rationale, tags or an amendment of them. NUL ends a string in SQLite's
    query parser and no saved text holds one, so it separates pieces like a space.
    """
    return text.replace("\x00", " ").split()[:SEARCH_MAX_TERMS]


# The trigram index finds pieces of at least this many characters; shorter ones are read row by row.
TRIGRAM = 3


def trigram_phrase(term: str) -> str:
    """``term`` as one quoted FTS5 phrase: inside quotes, `*`, `(`, `NEAR` or `AND` are plain text."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    r"""A LIKE pattern (escape ``\``) finding ``term`` anywhere, its ``%`` and ``_`` taken literally."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class DecisionFilter:
    verdict: Verdict | None = None
    day: int | None = None
    session_id: str | None = None
    decided_by: DecidedBy | None = None
    state: LogState = LogState.ALL
    text: str = ""

    @property
    def is_default(self) -> bool:
        return self == DecisionFilter()

    def matches(self, decision: Decision) -> bool:
        """For a freshly captured decision: does it belong in the log as filtered now?"""
        if self.verdict is not None and decision.verdict is not self.verdict:
            return False
        if self.day is not None and decision.day != self.day:
            return False
        if self.session_id is not None and decision.session_id != self.session_id:
            return False
        if self.decided_by is not None and decision.decided_by is not self.decided_by:
            return False
        if self.state is LogState.SUPERSEDED and decision.current:
            return False
        text = f"{decision.subject}\n{decision.rationale}\n{' '.join(decision.tags)}".lower()
        return all(term.lower() in text for term in search_terms(self.text))


# -- Charter vs reality and facilitation style -----------------------------------------------------


def scope_changes_line(day: int, counts: Counter[Verdict], day_word: str = "day") -> str:
    """'day 2: 3 items moved out of scope, 2 parked'."""
    parts = []
    for verdict in Verdict:
        number = counts.get(verdict, 0)
        if number:
            noun = "item" if number == 1 else "items"
            parts.append(f"{number} {noun} {verdict.moved}" if not parts else f"{number} {verdict.moved}")
    return f"{day_word} {day}: " + (", ".join(parts) if parts else "no scope decisions")


@dataclass(frozen=True)
class StyleReading:
    shares: dict[DecidedBy, float]
    total: int
    expected: str
    verdict: str  # one line: within, above or below what the kind expects

    @property
    def facilitator_share(self) -> float:
        return self.shares.get(DecidedBy.FACILITATOR, 0.0)


# The share of decisions the facilitator takes, as each kind of event expects it (MISSION-NOTES, Table 1).
STYLE_BANDS = {
    EventKind.KAIZEN: (0.30, 0.70, "Kaizen blitz: the facilitator often decides (expect 30-70%)"),
    EventKind.ACTION_LEARNING: (0.0, 0.20, "Action Learning: the group should decide (facilitator at most 20%)"),
}


def facilitation_style(kind: EventKind, counts: Counter[DecidedBy]) -> StyleReading:
    total = sum(counts.values())
    low, high, expected = STYLE_BANDS[kind]
    shares = {who: (counts.get(who, 0) / total if total else 0.0) for who in DecidedBy}
    share = shares[DecidedBy.FACILITATOR]
    if not total:
        reading = "No decisions logged yet."
    elif share > high:
        reading = (
            f"The facilitator took {share:.0%} of decisions, more than this kind expects"
            + ("; hand more to the group." if kind is EventKind.ACTION_LEARNING else "; is the team owning the change?")
        )
    elif share < low:
        reading = f"The facilitator took {share:.0%} of decisions, fewer than a blitz usually needs; watch the clock."
    else:
        reading = f"The facilitator took {share:.0%} of decisions: as expected."
    return StyleReading(shares=shares, total=total, expected=expected, verdict=reading)
