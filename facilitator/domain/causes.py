"""Root-cause analysis: a fishbone (Ishikawa) and 5 Whys chains, as one tree of records per event.

A *problem* heads a fishbone and starts 5 Whys chains; a *cause* hangs on one of the six bones (or under
another cause, a sub-cause, on the same bone); a *why* answers "why?" about the record before it, so a
chain is a path of whys from a problem or a cause, and several children make branches. Any record can be
marked a root cause and verified (by data, at the gemba, or by a trial). Records are stamped with the
day and the running session, like decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import new_id
from facilitator.domain.text import clean_text

TEXT_MAX = 500
PROBLEM_MAX = 2_000  # a charter's problem statement, taken as written
NOTE_MAX = 1_000
WHO_MAX = 100
VOTES_MAX = 999  # dots on one cause; far above any team, low enough that a stuck key is noticed


class CauseKind(StrEnum):
    PROBLEM = "problem"
    CAUSE = "cause"
    WHY = "why"


class Category(StrEnum):
    """The six bones, in the order they are drawn; the values are the JSON keys."""

    MAN = "man"
    MACHINE = "machine"
    METHOD = "method"
    MATERIAL = "material"
    MEASUREMENT = "measurement"
    ENVIRONMENT = "environment"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Verification(StrEnum):
    DATA = "data"
    GEMBA = "gemba"
    TRIAL = "trial"

    @property
    def key(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return {"data": "by data", "gemba": "at the gemba", "trial": "by a trial"}[self.value]


@dataclass(frozen=True)
class Cause:
    event_id: str
    kind: CauseKind
    text: str
    created_at: datetime
    parent_id: str | None = None
    category: Category | None = None
    source: str | None = None
    is_root: bool = False
    verified: bool = False
    verified_how: Verification | None = None
    verification_note: str = ""
    votes: int = 0
    session_id: str | None = None
    day: int | None = None
    created_by: str = ""
    id: str = field(default_factory=new_id)

    @property
    def short(self) -> str:
        """A one-line form for lists and the diagram: line breaks never reach a row."""
        return " ".join(self.text.split())


def clean_cause_text(text: str, kind: CauseKind = CauseKind.CAUSE) -> str:
    limit = PROBLEM_MAX if kind is CauseKind.PROBLEM else TEXT_MAX
    return clean_text(text, field="text", label="Text", required=True, max_length=limit)


def clean_note(text: str) -> str:
    return clean_text(text, field="verification_note", label="How it was verified", max_length=NOTE_MAX)


def clean_who(text: str) -> str:
    return clean_text(text, field="created_by", label="Who", max_length=WHO_MAX)


def parse_source(source: str | None) -> str | None:
    """Where a problem came from: ``charter``, ``typed`` or ``target:<target id>``."""
    if source is None:
        return None
    if source in ("charter", "typed") or (source.startswith("target:") and 8 < len(source) <= 80):
        return source
    raise ValidationError({"source": "Source must be charter, typed or target:<target id>."})


def parse_verification(value: str | None) -> Verification | None:
    if value in (None, ""):
        return None
    try:
        return Verification(value)
    except ValueError:
        raise ValidationError({"verified_how": "Verified how must be data, gemba or trial."}) from None


def check_cause(cause: Cause) -> Cause:
    """The rules every record meets, typed, imported or loaded by the demo; returns it cleaned."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name, parse in (
        ("text", lambda: clean_cause_text(cause.text, cause.kind)),
        ("verification_note", lambda: clean_note(cause.verification_note)),
        ("created_by", lambda: clean_who(cause.created_by)),
        ("source", lambda: parse_source(cause.source)),
    ):
        try:
            values[name] = parse()
        except ValidationError as error:
            errors.update(error.errors)
    kind = cause.kind
    if kind is CauseKind.PROBLEM and cause.parent_id is not None:
        errors["parent_id"] = "A problem starts a tree: it has no parent."
    if kind is not CauseKind.PROBLEM and cause.parent_id is None:
        errors["parent_id"] = f"A {kind.value} answers a problem or a cause: it needs a parent."
    if kind is CauseKind.CAUSE and cause.category is None:
        errors["category"] = "A fishbone cause sits on one bone: man, machine, method, material, measurement or environment."
    if kind is not CauseKind.CAUSE and cause.category is not None:
        errors["category"] = "Only a fishbone cause has a category."
    if kind is not CauseKind.PROBLEM and cause.source is not None:
        errors["source"] = "Only a problem has a source."
    if cause.verified != (cause.verified_how is not None):
        errors["verified_how"] = "A verified cause says how (data, gemba or trial); an unverified one does not."
    if not 0 <= cause.votes <= VOTES_MAX:
        errors["votes"] = f"Votes run from 0 to {VOTES_MAX}."
    if errors:
        raise ValidationError(errors)
    return replace(cause, **values)  # type: ignore[arg-type]


_NOT_ON_A_WHY = "A fishbone cause hangs on the problem or on another cause, not on a why."


def child_rules(parent: Cause, kind: CauseKind, category: Category | None) -> Category | None:
    """What a new record under ``parent`` may be; returns the category it takes (a sub-cause keeps its bone)."""
    if kind is CauseKind.PROBLEM:
        raise ValidationError({"parent_id": "A problem starts a tree: it has no parent."})
    if kind is CauseKind.WHY:
        return None
    if parent.kind is CauseKind.WHY:
        raise ValidationError({"parent_id": _NOT_ON_A_WHY})
    if parent.kind is CauseKind.CAUSE:
        return parent.category  # a sub-cause stays on its cause's bone
    if category is None:
        raise ValidationError({"category": "Pick the bone: man, machine, method, material, measurement or environment."})
    return category


def check_place(cause: Cause, parent: Cause) -> None:
    """A record that arrived whole (an import) sits where :func:`child_rules` would have put it under ``parent``."""
    if parent.event_id != cause.event_id:
        raise ValidationError({"parent_id": "The record it hangs under belongs to another event."})
    if cause.kind is not CauseKind.CAUSE:
        return  # a why answers anything; a problem has no parent (check_cause)
    if parent.kind is CauseKind.WHY:
        raise ValidationError({"parent_id": _NOT_ON_A_WHY})
    if parent.kind is CauseKind.CAUSE and cause.category is not parent.category:
        bone = parent.category.value if parent.category else "none"
        raise ValidationError({"category": f"A sub-cause sits on its cause's bone ({bone})."})


@dataclass(frozen=True)
class CauseTree:
    """One event's records, with the links the views walk."""

    causes: tuple[Cause, ...]

    @classmethod
    def of(cls, causes: Iterable[Cause]) -> CauseTree:
        return cls(tuple(causes))

    def by_id(self) -> dict[str, Cause]:
        return {cause.id: cause for cause in self.causes}

    def children(self, parent_id: str | None) -> list[Cause]:
        """In the order they were added."""
        return [cause for cause in self.causes if cause.parent_id == parent_id]

    def children_map(self) -> dict[str | None, list[Cause]]:
        found: dict[str | None, list[Cause]] = {}
        for cause in self.causes:
            found.setdefault(cause.parent_id, []).append(cause)
        return found

    @property
    def problems(self) -> list[Cause]:
        return [cause for cause in self.causes if cause.kind is CauseKind.PROBLEM]

    def bones(self, problem_id: str) -> dict[Category, list[Cause]]:
        """The problem's top causes on each bone, most votes first (ties: first added first)."""
        bones: dict[Category, list[Cause]] = {category: [] for category in Category}
        order = {cause.id: position for position, cause in enumerate(self.causes)}
        for cause in self.causes:
            if cause.parent_id == problem_id and cause.kind is CauseKind.CAUSE and cause.category is not None:
                bones[cause.category].append(cause)
        for listed in bones.values():
            listed.sort(key=lambda cause: (-cause.votes, order[cause.id]))
        return bones

    def depth(self, cause_id: str) -> int:
        """How many records lie above this one (a problem is 0, its first why 1)."""
        by_id = self.by_id()
        depth, current = 0, by_id.get(cause_id)
        while current is not None and current.parent_id is not None and depth <= len(self.causes):
            current, depth = by_id.get(current.parent_id), depth + 1
        return depth

    def roots(self) -> list[Cause]:
        return [cause for cause in self.causes if cause.is_root]

    def problem_of(self, cause_id: str) -> Cause | None:
        by_id = self.by_id()
        current, steps = by_id.get(cause_id), 0
        while current is not None and current.parent_id is not None and steps <= len(self.causes):
            current, steps = by_id.get(current.parent_id), steps + 1
        return current if current is not None and current.kind is CauseKind.PROBLEM else None

    def chains(self, start_id: str) -> list[list[Cause]]:
        """Every path of whys from ``start_id`` down to a last why: one list per branch, start excluded."""
        children = self.children_map()
        paths: list[list[Cause]] = []

        def walk(node_id: str, path: list[Cause]) -> None:
            whys = [child for child in children.get(node_id, []) if child.kind is CauseKind.WHY]
            if not whys:
                if path:
                    paths.append(path)
                return
            for why in whys:
                if len(path) <= len(self.causes):
                    walk(why.id, [*path, why])

        walk(start_id, [])
        return paths

    def chain_starts(self) -> list[Cause]:
        """Problems and causes that have at least one why under them, in the order they were added."""
        has_why = {cause.parent_id for cause in self.causes if cause.kind is CauseKind.WHY}
        return [cause for cause in self.causes if cause.kind is not CauseKind.WHY and cause.id in has_why]



_SOURCE_WORDS = {"charter": "from the charter", "typed": "typed"}


def source_words(source: str | None, metric_of: Callable[[str], str | None]) -> str:
    """Where a problem came from, as the report and ``facilitator causes`` say it. ``metric_of`` gives a
    target's metric by its id (None: no such target)."""
    source = source or "typed"
    if source.startswith("target:"):
        metric = metric_of(source.removeprefix("target:"))
        return f"the gap of target {metric}" if metric is not None else "a target's gap"
    return _SOURCE_WORDS.get(source, source)


def target_gap(target) -> str:
    """A target's gap as a problem statement: ``Changeover time is 47 min against a goal of 20 min (27 min to go)``."""
    from facilitator.domain.event import format_number

    unit = f" {target.unit}" if target.unit else ""
    gap = format_number(abs(target.baseline - target.goal))
    return (f"{target.metric} is {format_number(target.baseline)}{unit} against a goal of "
            f"{format_number(target.goal)}{unit} ({gap}{unit} to go)")
