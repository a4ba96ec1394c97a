"""The method mirror: which of the three ways to attack a problem an event actually behaves like.

The reference table (MISSION-NOTES, Table 1) compares Action Learning, a Kaizen event and a task force
element by element. The mirror measures each element from what the cockpit recorded, says which column
it is closest to, and says plainly what would move it back toward the event's own kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator.domain.event import Area, EventKind, EventStatus


class Column(StrEnum):
    ACTION_LEARNING = "action_learning"
    KAIZEN = "kaizen"
    TASK_FORCE = "task_force"

    @property
    def label(self) -> str:
        return {"action_learning": "Action Learning", "kaizen": "Kaizen event", "task_force": "Task force"}[self.value]

    @classmethod
    def of(cls, kind: EventKind) -> Column:
        return cls.KAIZEN if kind is EventKind.KAIZEN else cls.ACTION_LEARNING


class Element(StrEnum):
    AIMS = "aims"
    TIME_FRAME = "time_frame"
    REFLECTION = "reflection"
    SECOND_LOOP = "second_loop_learning"
    FACILITATOR = "facilitator_role"
    STRATEGIC = "strategic_level"

    @property
    def label(self) -> str:
        return {
            "aims": "Aims", "time_frame": "Time frame", "reflection": "Reflection",
            "second_loop_learning": "Second-loop learning", "facilitator_role": "Facilitator role",
            "strategic_level": "Strategic level",
        }[self.value]


# What each column of the table expects, in the table's own words (shortened to fit a row).
EXPECTATIONS: dict[Element, dict[Column, str]] = {
    Element.AIMS: {
        Column.ACTION_LEARNING: "learning, cultural change, then the fix",
        Column.KAIZEN: "fix it, implement quickly, learn to fix similar problems",
        Column.TASK_FORCE: "fix the problem",
    },
    Element.TIME_FRAME: {
        Column.ACTION_LEARNING: "a series of meetings",
        Column.KAIZEN: "2-5 days",
        Column.TASK_FORCE: "varies",
    },
    Element.REFLECTION: {
        Column.ACTION_LEARNING: "after every meeting, integral",
        Column.KAIZEN: "limited, at day end and at the end",
        Column.TASK_FORCE: "individual, sporadic",
    },
    Element.SECOND_LOOP: {
        Column.ACTION_LEARNING: "considerable: assumptions change",
        Column.KAIZEN: "some",
        Column.TASK_FORCE: "none",
    },
    Element.FACILITATOR: {
        Column.ACTION_LEARNING: "keeps the group focused; the group decides",
        Column.KAIZEN: "dominates, plans, often decides",
        Column.TASK_FORCE: "none",
    },
    Element.STRATEGIC: {
        Column.ACTION_LEARNING: "highest: a learning organisation",
        Column.KAIZEN: "tactical to mid-strategic",
        Column.TASK_FORCE: "tactical",
    },
}

# What would move an element toward each column, said to the facilitator.
ADVICE: dict[Element, dict[Column, str]] = {
    Element.AIMS: {
        Column.ACTION_LEARNING: "carry learning elsewhere (a 'where else' line in a reflection) and name assumptions",
        Column.KAIZEN: "measure the targets during the event (m) and carry at least one lesson elsewhere",
        Column.TASK_FORCE: "",
    },
    Element.TIME_FRAME: {
        Column.ACTION_LEARNING: "meet as a series: several meetings a week or more apart",
        Column.KAIZEN: "run it as 2-5 consecutive days",
        Column.TASK_FORCE: "",
    },
    Element.REFLECTION: {
        Column.ACTION_LEARNING: "reflect after every meeting (r), as a group",
        Column.KAIZEN: "reflect at each day's debrief and hold the end-of-event review (r)",
        Column.TASK_FORCE: "",
    },
    Element.SECOND_LOOP: {
        Column.ACTION_LEARNING: "ask the double-loop questions and record the assumptions that changed",
        Column.KAIZEN: "ask once what the team was assuming, and record it",
        Column.TASK_FORCE: "",
    },
    Element.FACILITATOR: {
        Column.ACTION_LEARNING: "let the set decide: log decisions as the team's, not yours",
        Column.KAIZEN: "name a facilitator and log the scope decisions they take (d)",
        Column.TASK_FORCE: "",
    },
    Element.STRATEGIC: {
        Column.ACTION_LEARNING: "carry the learning to at least two other places in the organisation",
        Column.KAIZEN: "add follow-ups with owners so the change reaches the area",
        Column.TASK_FORCE: "",
    },
}

REFLECTION_EVERY = 0.75  # share of meetings reflected on that counts as "after every meeting"
FACILITATOR_GROUP_MAX = 0.25  # at or below: the group decides
FACILITATOR_DOMINANT = 0.30  # at or above: the facilitator often decides, as in a blitz
DRIFT_MIN_DECISIONS = 3  # fewer decisions than this say nothing about who decides
# Below this share of meetings attended by the average member, a series is not one set: a set keeps its
# members from meeting to meeting, a task force draws whoever is free.
SET_CONTINUITY = 0.6


@dataclass(frozen=True)
class MirrorFacts:
    """Plain counts read from the store; the mirror is a pure function of these."""

    kind: EventKind
    status: EventStatus = EventStatus.PLANNED
    area: Area = Area.DEPARTMENT
    planned_days: int = 1
    span_days: int = 0  # calendar days from the first to the last planned day or meeting
    units_held: int = 0  # days (or meetings) on which a session ran or a reflection was written
    sessions_run: int = 0  # sessions (not breaks) whose timer started
    units_reflected: int = 0  # held days or meetings with a done reflection
    units_session_reflected: int = 0  # of those, with a reflection after a session
    day_reflections: int = 0
    event_review_done: bool = False
    reflections: int = 0
    individual_reflections: int = 0  # by one participant rather than the group
    skips: tuple[str, ...] = ()  # reasons given for skipped reflections
    double_loop: int = 0
    assumptions: int = 0
    targets: int = 0
    targets_measured: int = 0
    mean_progress: float | None = None  # mean share of the way to goal over measured targets
    transfers: int = 0
    transfer_places: int = 0
    followups: int = 0
    followups_done: int = 0
    facilitator_named: bool = True
    decisions: Counter[str] = field(default_factory=Counter)  # decided_by value -> count
    # Each team member's share of the days (or meetings) whose attendance was taken, averaged; None
    # when attendance was taken on fewer than two (domain/attendance.py: continuity).
    continuity: float | None = None


@dataclass(frozen=True)
class MirrorRow:
    element: Element
    measured: str
    closest: Column
    reading: str
    expectations: dict[Column, str]
    advice: str = ""  # what would move this element toward the event's own kind; empty when it matches

    def as_json(self) -> dict[str, str]:
        return {"element": self.element.value, "measured": self.measured, "closest": self.closest.value, "reading": self.reading}


@dataclass(frozen=True)
class Mirror:
    kind: EventKind
    rows: tuple[MirrorRow, ...]
    closest: Column
    summary: str

    @property
    def own(self) -> Column:
        return Column.of(self.kind)

    def counts(self) -> Counter[Column]:
        return Counter(row.closest for row in self.rows)

    def changes(self) -> tuple[str, ...]:
        """Plain sentences: what would make each stray element read as the event's own kind."""
        return tuple(f"{row.element.label}: {row.advice}." for row in self.rows if row.advice)

    def as_json(self) -> dict[str, object]:
        return {"rows": [row.as_json() for row in self.rows], "closest": self.closest.value}


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def _plural(number: int, word: str, many: str | None = None) -> str:
    return f"{number} {word if number == 1 else (many or word + 's')}"


def _aims(f: MirrorFacts) -> tuple[str, Column, str]:
    learning = f.transfers + f.double_loop
    fixing = f.targets_measured
    progress = f" ({f.mean_progress:.0%} of the way)" if f.mean_progress is not None else ""
    measured = (
        f"{fixing} of {_plural(f.targets, 'target')} measured{progress}; "
        f"{_plural(f.transfers, 'lesson')} carried on, {f.double_loop} double-loop"
    )
    if learning == 0 and fixing == 0:
        return measured, Column.TASK_FORCE, "Nothing measured and no learning carried on: the problem is all there is."
    if learning > fixing:
        return measured, Column.ACTION_LEARNING, "Learning leads: more lessons carried on than targets tracked."
    if learning == 0:
        return measured, Column.TASK_FORCE, "Fixing the problem only; no learning was carried anywhere else."
    return measured, Column.KAIZEN, "Fixing and measuring first, with some learning on the side."


def _time_frame(f: MirrorFacts) -> tuple[str, Column, str]:
    unit = "day" if f.kind is EventKind.KAIZEN else "meeting"
    measured = f"{_plural(f.planned_days, unit)} over {_plural(f.span_days + 1, 'calendar day')}; {f.units_held} held"
    if f.continuity is not None:
        measured += f"; attendance {f.continuity:.0%}"
    if f.span_days >= 7 and f.planned_days >= 3:
        if f.continuity is not None and f.continuity < SET_CONTINUITY:
            return measured, Column.TASK_FORCE, "A series, but the people change from meeting to meeting: a set keeps its members."
        steady = ", the same people each time" if f.continuity is not None else ""
        return measured, Column.ACTION_LEARNING, f"A series of meetings spread over weeks{steady}."
    if f.span_days < 7 and 2 <= f.planned_days <= 5:
        return measured, Column.KAIZEN, "A few consecutive days, as a blitz runs."
    return measured, Column.TASK_FORCE, "Neither a short burst nor a series: it runs as long as it takes."


def _reflection(f: MirrorFacts) -> tuple[str, Column, str]:
    unit = "days" if f.kind is EventKind.KAIZEN else "meetings"
    if f.units_held:
        measured = f"{f.units_reflected} of {f.units_held} {unit} reflected ({_share(f.units_reflected, f.units_held)})"
    else:
        measured = f"no {unit} run or reflected on"
    if f.event_review_done:
        measured += ", end review done"
    if f.skips:
        measured += f", {_plural(len(f.skips), 'skip')}"
    if f.units_held and f.units_reflected / f.units_held >= REFLECTION_EVERY and f.units_session_reflected >= f.units_reflected / 2:
        return measured, Column.ACTION_LEARNING, "Reflection is part of every meeting, as in Action Learning."
    if f.day_reflections or f.event_review_done:
        return measured, Column.KAIZEN, "Reflection happens at day end or at the end: limited, as in a blitz."
    if f.reflections:
        return measured, Column.TASK_FORCE, "Reflection is sporadic and not part of the plan."
    return measured, Column.TASK_FORCE, "No reflection recorded at all."


def _second_loop(f: MirrorFacts) -> tuple[str, Column, str]:
    measured = f"{f.double_loop} of {_plural(f.reflections, 'reflection')} double-loop; {_plural(f.assumptions, 'assumption')} named"
    considerable = f.double_loop >= 2 and f.double_loop * 4 >= f.reflections
    if considerable and f.assumptions >= 2:
        return measured, Column.ACTION_LEARNING, "Considerable second-loop learning: beliefs and rules were questioned."
    if f.double_loop or f.assumptions:
        return measured, Column.KAIZEN, "Some second-loop learning, limited."
    return measured, Column.TASK_FORCE, "No assumption was questioned."


def _facilitator(f: MirrorFacts) -> tuple[str, Column, str]:
    total = sum(f.decisions.values())
    by_facilitator = f.decisions.get("facilitator", 0)
    if not total:
        measured = "no decisions logged" + ("" if f.facilitator_named else ", no facilitator named")
        return measured, Column.TASK_FORCE, "Nobody is seen steering: no decisions are logged."
    share = by_facilitator / total
    measured = (
        f"facilitator {share:.0%}, team {f.decisions.get('team', 0) / total:.0%}, "
        f"sponsor {f.decisions.get('sponsor', 0) / total:.0%} of {_plural(total, 'decision')}"
    )
    if not f.facilitator_named and not by_facilitator:
        return measured, Column.TASK_FORCE, "No facilitator: the group runs itself."
    if share >= FACILITATOR_DOMINANT:
        return measured, Column.KAIZEN, f"The facilitator takes {share:.0%} of decisions: steering, as in a blitz."
    if share <= FACILITATOR_GROUP_MAX:
        return measured, Column.ACTION_LEARNING, "The group decides; the facilitator keeps it focused."
    return measured, Column.KAIZEN, "The facilitator decides often enough to steer."


def _strategic(f: MirrorFacts) -> tuple[str, Column, str]:
    reach = {Area.PRODUCT: 0, Area.DEPARTMENT: 1, Area.COMPANY_WIDE: 2}[f.area]
    carried = min(f.transfer_places, 2)
    measured = f"{f.area.label.lower()}; learning carried to {_plural(f.transfer_places, 'place')}; {_plural(f.followups, 'follow-up')}"
    if reach + carried >= 3:
        return measured, Column.ACTION_LEARNING, "Reaches across the organisation: toward a learning organisation."
    if f.followups or f.transfers:
        return measured, Column.KAIZEN, "A change for one area, followed up there: tactical to mid-strategic."
    return measured, Column.TASK_FORCE, "Nothing followed up beyond the fix: tactical."


_RULES = (
    (Element.AIMS, _aims),
    (Element.TIME_FRAME, _time_frame),
    (Element.REFLECTION, _reflection),
    (Element.SECOND_LOOP, _second_loop),
    (Element.FACILITATOR, _facilitator),
    (Element.STRATEGIC, _strategic),
)


def mirror(facts: MirrorFacts) -> Mirror:
    own = Column.of(facts.kind)
    rows = []
    for element, rule in _RULES:
        measured, closest, reading = rule(facts)
        advice = "" if closest is own else ADVICE[element][own]
        rows.append(MirrorRow(element, measured, closest, reading, EXPECTATIONS[element], advice))
    counts = Counter(row.closest for row in rows)
    best = max(counts.values())
    # A tie goes to the event's own kind when it is among the leaders: the mirror should not invent drift.
    order = [own, *(column for column in Column if column is not own)]
    closest = next(column for column in order if counts.get(column, 0) == best)
    summary = f"Reads as {closest.label} ({counts[closest]} of {len(rows)} elements)"
    if closest is not own:
        summary += f"; it was planned as {facts.kind.label}"
    return Mirror(kind=facts.kind, rows=tuple(rows), closest=closest, summary=summary + ".")


def too_early(status: EventStatus, days_past: int) -> bool:
    """Whether an event has no whole day (or meeting) behind it to be read from yet.

    Every element reads "task force" while nothing is recorded, so on the first day a blitz started an
    hour ago would be called a task force in front of its team: until one of its days is over (or it is
    done), an event gets no overall reading.
    """
    return status is not EventStatus.DONE and days_past == 0


def too_early_words(kind: EventKind) -> str:
    """What stands in for the overall reading while ``too_early`` holds; the elements follow it."""
    unit = "day" if kind is EventKind.KAIZEN else "meeting"
    return f"Too early to read: no {unit} of it is over yet. So far it shows:"


def drift(facts: MirrorFacts, *, days_past: int) -> str:
    """One nudge when a running event drifts from its own kind, else empty.

    ``days_past`` is how many of the event's days (or meetings) are already over.
    """
    if facts.status is not EventStatus.RUNNING:
        return ""
    total = sum(facts.decisions.values())
    share = facts.decisions.get("facilitator", 0) / total if total else 0.0
    if facts.kind is EventKind.ACTION_LEARNING:
        if total >= DRIFT_MIN_DECISIONS and share > 0.5:
            return (
                f"The facilitator took {share:.0%} of this set's decisions: an Action Learning set decides for "
                "itself. Hand the next one to the group."
            )
        if days_past >= 2 and facts.units_reflected == 0:
            return "No meeting of this set has been reflected on: Action Learning reflects after every meeting."
        return ""
    if days_past >= facts.planned_days and not facts.event_review_done:
        return "The last day is over and there is no end-of-event review: a blitz ends with a reflection (r)."
    if days_past >= 2 and facts.day_reflections == 0 and not facts.event_review_done:
        return f"{days_past} days run and no day reflection yet: a blitz reflects at each day's debrief (r)."
    return ""
