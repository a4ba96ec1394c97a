"""The daily report-out, assembled from what was logged: a pure function from plain data to a plain report.

``assemble(DayRecords) -> DailyReport``; ``DailyReport.to_markdown()`` for the export. Reading the
records from the database is :func:`facilitator.report.gather.gather`'s job. The last day follows the
~30-minute report-out outline: problem and scope, current state, root causes, changes made, results
against targets, open actions, thanks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from facilitator.domain.event import Event, format_number
from facilitator.domain.followup import FollowUp, due_phrase, person_name
from facilitator.domain.markdown import escape, escape_lines
from facilitator.domain.measurement import Measurement, TargetProgress
from facilitator.domain.sustain import Sustain
from facilitator.report.learning import SetLearning, learning_sections

GOOD, BAD = "good", "bad"


@dataclass(frozen=True)
class SessionRun:
    title: str
    planned_minutes: int
    actual_minutes: float | None  # None: never started
    state: str  # pending, running, paused, finished, skipped

    @property
    def overrun(self) -> float:
        if self.actual_minutes is None:
            return 0.0
        return max(0.0, self.actual_minutes - self.planned_minutes)


class DecisionLine(NamedTuple):
    """A named tuple, not a frozen dataclass: as immutable, and made several times faster (a report-out
    holds every decision of the event, 10,000 in a big one)."""

    subject: str
    verdict: str  # in_scope, out_of_scope, parked, deferred, rejected
    verdict_label: str
    decided_by: str
    rationale: str = ""
    tags: tuple[str, ...] = ()
    day: int | None = None
    current: bool = True
    session: str = ""  # title of the session it was taken in
    session_kind: str = ""

    @property
    def about_causes(self) -> bool:
        """Tagged root-cause (or cause), or taken in a root-cause session (fishbone, 5 Whys, analysis)."""
        if any(tag.lower().replace("_", "-").startswith(("root", "cause")) for tag in self.tags):
            return True
        title = self.session.lower()
        return self.session_kind == "analysis" or any(w in title for w in ("root cause", "5 whys", "fishbone", "why"))


@dataclass(frozen=True)
class ReflectionLine:
    who: str
    framework: str
    answers: tuple[tuple[str, str], ...]  # (prompt, answer)


@dataclass(frozen=True)
class DayRecords:
    """Everything a day's report-out needs, already read from storage."""

    event: Event
    day: int
    today: date  # for "overdue"
    sessions: tuple[SessionRun, ...] = ()
    decisions: tuple[DecisionLine, ...] = ()  # the whole event's; the report picks the day's
    parking_lot: tuple[str, ...] = ()
    reflections: tuple[ReflectionLine, ...] = ()  # the day's
    new_followups: tuple[FollowUp, ...] = ()  # created on the day
    followups: tuple[FollowUp, ...] = ()  # all of the event's
    progress: tuple[TargetProgress, ...] = ()
    day_measurements: tuple[Measurement, ...] = ()
    sustain: tuple[Sustain, ...] = ()  # after the event: each target's gain kept (final day only)
    learning: SetLearning | None = None  # an Action Learning set's final meeting: learning leads
    attendance: tuple[str, ...] = ()  # who was there on the day (domain/attendance.py: day_lines)


class ReportLine(NamedTuple):
    """A named tuple, like DecisionLine: a report-out has a line per decision of the day."""

    text: str
    tone: str = ""  # "", GOOD or BAD: how the screen colours it


@dataclass(frozen=True)
class ReportSection:
    title: str
    lines: tuple[ReportLine, ...]
    empty: str = "Nothing recorded."
    minutes: int | None = None  # the final-day outline's time box


@dataclass(frozen=True)
class DailyReport:
    title: str
    subtitle: str
    event_title: str
    day: int
    days: int
    final: bool
    sections: tuple[ReportSection, ...]

    def to_markdown(self, level: int = 1) -> str:
        """Markdown text; ``level`` is the heading level of the title (2 when nested in an export).

        User text is escaped, so ``[bold]`` or ``*`` typed by someone reads as typed.
        """
        mark = "#" * level
        out = [f"{mark} {escape(self.title, heading=True)}", "", f"*{escape(self.subtitle)}*", ""]
        for section in self.sections:
            box = f" ({section.minutes} min)" if section.minutes else ""
            out += [f"{mark}# {section.title}{box}", ""]
            if section.lines:
                out += ["- " + text for text in escape_lines([line.text for line in section.lines])]
            else:
                out.append(f"_{section.empty}_")
            out.append("")
        return "\n".join(out).rstrip() + "\n"


def assemble(records: DayRecords) -> DailyReport:
    event = records.event
    final = records.day == event.days
    word = "Day" if event.kind.value == "kaizen" else "Meeting"
    when = event.day_date(records.day)
    kind = "Final report-out" if final else "Report-out"
    title = f"{event.title}: {kind}, {word.lower()} {records.day} of {event.days}"
    subtitle = f"{event.kind.label}, {when.strftime('%A %d %B %Y')}"
    if final and records.learning is not None:
        sections = _learning_outline(records)
    elif final:
        sections = _final_outline(records)
    else:
        sections = (
            _sessions(records),
            *((_attendance(records),) if records.attendance else ()),
            _scope_changes(records),
            _parking_lot(records),
            _reflections(records),
            _new_followups(records),
            _targets(records),
        )
    if final and records.attendance:
        sections = (*sections, _attendance(records))
    if records.sustain:
        sections = (*sections, _sustain(records))
    return DailyReport(title=title, subtitle=subtitle, event_title=event.title, day=records.day, days=event.days, final=final, sections=sections)


def _learning_outline(records: DayRecords) -> tuple[ReportSection, ...]:
    """A set's final report-out leads with learning; results and actions follow, no blitz outline."""
    assert records.learning is not None
    learned = tuple(
        ReportSection(title, tuple(ReportLine(line) for line in lines), empty)
        for title, lines, empty in learning_sections(records.learning)
    )
    results = tuple(ReportLine(f"{p.target.metric}: {p.summary()}", GOOD if p.met else "") for p in records.progress)
    actions = tuple(_followup_text(item, records.today) for item in records.followups if item.status.is_open)
    return (
        *learned,
        ReportSection("Results against targets", results, "No targets in the charter."),
        ReportSection("Actions agreed in the set", actions, "No open actions."),
    )


def _sustain(records: DayRecords) -> ReportSection:
    """The 30/60/90-day reviews: "Changeover time 47 -> 26 -> 34 min: 38% of the gain lost"."""
    lines = tuple(ReportLine(item.line(), BAD if item.slipping else "") for item in records.sustain)
    return ReportSection("Since the event: gains kept", lines, "No measurements since the event.")


# Daily sections -------------------------------------------------------------------------------------


def _minutes(value: float) -> str:
    return format_number(round(value))


def _sessions(records: DayRecords) -> ReportSection:
    lines = []
    runs = [s for s in records.sessions if s.actual_minutes is not None or s.state == "skipped"]
    overran = [s for s in runs if s.overrun >= 1]
    if records.sessions:
        # A session still on the clock has not been run yet: counting it as run told the sponsor the day was done.
        live = [s for s in runs if s.state in ("running", "paused")]
        done = [s for s in runs if s.state not in ("skipped", "running", "paused")]
        summary = f"{len(done)} of {len(records.sessions)} sessions run"
        if live:
            summary += f", {len(live)} {live[0].state}" if len(live) == 1 else f", {len(live)} under way"
        if overran:
            summary += f"; {len(overran)} overran by {_minutes(sum(s.overrun for s in overran))} min in all"
        lines.append(ReportLine(summary, BAD if overran else ""))
    for run in records.sessions:
        if run.state == "skipped":
            lines.append(ReportLine(f"{run.title}: skipped"))
        elif run.actual_minutes is None:
            lines.append(ReportLine(f"{run.title}: not run ({run.planned_minutes} min planned)"))
        else:
            text = f"{run.title}: {_minutes(run.actual_minutes)} of {run.planned_minutes} min"
            if run.overrun >= 1:
                text += f" (+{_minutes(run.overrun)} over)"
            if run.state in ("running", "paused"):
                text += f", {run.state}"
            lines.append(ReportLine(text, BAD if run.overrun >= 1 else ""))
    return ReportSection("Sessions run and overruns", tuple(lines), "No sessions were planned for this day.")


def _attendance(records: DayRecords) -> ReportSection:
    lines = tuple(ReportLine(line) for line in records.attendance)
    return ReportSection("Who was there", lines, "Attendance not taken.")


def _decision_text(decision: DecisionLine) -> str:
    why = f": {decision.rationale}" if decision.rationale else ""
    return f"{decision.verdict_label.capitalize()}: {decision.subject} (decided by {decision.decided_by}){why}"


def _scope_changes(records: DayRecords) -> ReportSection:
    today = [d for d in records.decisions if d.day == records.day]
    lines = tuple(ReportLine(_decision_text(d)) for d in today)
    return ReportSection("Scope changes of the day", lines, "No scope decisions today.")


def _parking_lot(records: DayRecords) -> ReportSection:
    return ReportSection("Parking lot", tuple(ReportLine(item) for item in records.parking_lot), "The parking lot is empty.")


def _reflections(records: DayRecords) -> ReportSection:
    lines = []
    for reflection in records.reflections:
        said = "; ".join(f"{prompt} {answer}" for prompt, answer in reflection.answers[:3] if answer)
        lines.append(ReportLine(f"{reflection.who} ({reflection.framework}): {said or 'no answers'}"))
    return ReportSection("Reflections", tuple(lines), "No reflections today.")


def _followup_text(item: FollowUp, today: date) -> ReportLine:
    late = item.is_overdue(today)
    when = due_phrase(item.due_date, today) if item.status.is_open else item.status.label
    if item.status.value in ("in_progress", "blocked"):
        when = f"{item.status.label}, {when}"
    return ReportLine(f"{item.action} - {item.owner}, due {item.due_date.isoformat()} ({when})", BAD if late else "")


def _new_followups(records: DayRecords) -> ReportSection:
    lines = tuple(_followup_text(item, records.today) for item in records.new_followups)
    return ReportSection("New follow-ups", lines, "No follow-ups added today.")


def _targets(records: DayRecords) -> ReportSection:
    lines = [ReportLine(f"{p.target.metric}: {p.summary()}", GOOD if p.met else "") for p in records.progress]
    by_id = {p.target.id: p.target for p in records.progress}
    for measurement in records.day_measurements:
        target = by_id.get(measurement.target_id)
        if target is None:
            continue
        note = f" - {measurement.note}" if measurement.note else ""
        at = measurement.measured_at.astimezone().strftime("%H:%M")
        value = f"{format_number(measurement.value)} {target.unit}".rstrip()
        lines.append(ReportLine(f"Measured at {at}: {target.metric} = {value}{note}"))
    return ReportSection("Target progress", tuple(lines), "No targets in the charter.")


# The final day: the ~30-minute outline ---------------------------------------------------------------


def _final_outline(records: DayRecords) -> tuple[ReportSection, ...]:
    event = records.event
    current = [d for d in records.decisions if d.current]
    counts = Counter(d.verdict_label for d in current)
    scope = [ReportLine(event.problem)] if event.problem else []
    scope += [ReportLine(f"In bounds: {item}") for item in event.in_bounds]
    scope += [ReportLine(f"Out of bounds: {item}") for item in event.out_of_bounds]
    if counts:
        scope.append(ReportLine("Scope decisions: " + ", ".join(f"{n} {label}" for label, n in sorted(counts.items()))))

    baseline = [
        ReportLine(f"{p.target.metric}: {format_number(p.target.baseline)} {p.target.unit}".rstrip() + " at the start")
        for p in records.progress
    ]

    causes = [ReportLine(_decision_text(d)) for d in current if d.about_causes and d.verdict == "in_scope"]

    changes = [ReportLine(_decision_text(d)) for d in current if d.verdict == "in_scope"]
    changes += [
        ReportLine(f"Done: {item.action} ({item.owner})" + (f" - {item.outcome}" if item.outcome else ""), GOOD)
        for item in records.followups
        if not item.status.is_open
    ]

    results = [ReportLine(f"{p.target.metric}: {p.summary()}", GOOD if p.met else "") for p in records.progress]

    open_items = [_followup_text(item, records.today) for item in records.followups if item.status.is_open]
    open_items += [ReportLine(f"Parking lot, for the sponsor: {item}") for item in records.parking_lot]

    people = [person_name(name) for name in event.team]
    thanks = []
    if people:
        thanks.append(ReportLine("The team: " + ", ".join(people)))
    if event.sponsor:
        thanks.append(ReportLine(f"Our sponsor, {person_name(event.sponsor)}, for the time and the trust"))

    return (
        ReportSection("Problem and scope", tuple(scope), "No problem statement was written.", 3),
        ReportSection("Current state", tuple(baseline), "No baselines: the charter has no targets.", 5),
        ReportSection(
            "Root causes", tuple(causes),
            "No root causes logged (decide in a root-cause session, or tag a decision root-cause).", 5,
        ),
        ReportSection("Changes made", tuple(changes), "No changes logged yet.", 7),
        ReportSection("Results against targets", tuple(results), "No targets in the charter.", 5),
        ReportSection("Open actions", tuple(open_items), "No open actions.", 3),
        ReportSection("Thanks", tuple(thanks), "Thank the team and the sponsor.", 2),
    )
