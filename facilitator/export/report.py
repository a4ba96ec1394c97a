"""The report-out a sponsor reads in five minutes, built from an event's exported rows.

Charter and scope, agenda planned vs actual per day, scope decisions, reflection summary, open
follow-ups, targets, then the full timeline. Every section is always present and says plainly when
it has nothing, so an event that ended early still exports everything it has.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from facilitator.domain.clock import local_time
from facilitator.domain.event import format_number
from facilitator.domain.timer import effective_moments
from facilitator.export import causes_section
from facilitator.export import countermeasures_section
from facilitator.export.document import Bullets, Heading, Pairs, Para, Report, Section, Table
from facilitator.export.records import EventRecords, Row
from facilitator.export.timeline import moment, start_date, timeline

_KIND_LABELS = {"kaizen": "Kaizen blitz", "action_learning": "Action Learning set"}
_NONE = "None recorded."


def build_report(records: EventRecords, now: datetime) -> Report:
    event = records.event
    kind = _KIND_LABELS.get(event["kind"], event["kind"])
    start = start_date(event)
    word = "days" if event["kind"] == "kaizen" else "meetings"
    report = Report(
        title=str(event["title"]),
        subtitle=f"{kind}, {event['days']} {word} from {start.isoformat() if start else event.get('start_date')} "
        f"({event['status']}); exported {local_time(now).strftime('%Y-%m-%d %H:%M')}",
    )
    report.sections = [
        _charter(event),
        _agenda(records, now),
        _decisions(records),
        causes_section.section(records),
        countermeasures_section.section(records),
        _reflections(records),
        _followups(records, local_time(now).date()),
        _targets(records),
        _timeline(records),
    ]
    return report


def _list(text: str | None) -> tuple[str, ...]:
    try:
        items = json.loads(text or "[]", strict=False)  # raw control characters: shown as symbols later
    except ValueError:
        return (str(text),)
    return tuple(str(item) for item in items) if isinstance(items, list) else (str(items),)


def _charter(event: Row) -> Section:
    section = Section("Charter and scope")
    section.add(Para(event.get("problem") or "No problem statement was written."))
    section.add(
        Pairs(
            (
                ("Sponsor", event.get("sponsor") or "-"),
                ("Facilitator", event.get("facilitator") or "-"),
                ("Area", str(event.get("area") or "-").replace("_", " ")),
            )
        )
    )
    for label, column in (("Team", "team"), ("In bounds", "in_bounds"), ("Out of bounds", "out_of_bounds")):
        items = _list(event.get(column))
        section.add(Heading(label))
        section.add(Bullets(items) if items else Para(_NONE, muted=True))
    return section


def _log_moments(log: list[Row]) -> dict[Any, datetime]:
    """Each timer-log row's moment in today's clock frame, the log read in the order it was written."""
    readable = [(row, moment(row["at"])) for row in log]
    readable = [(row, at) for row, at in readable if at is not None]
    moments = effective_moments([(row["action"], at, moment(row.get("until_at"))) for row, at in readable])
    return {row["id"]: at for (row, _), at in zip(readable, moments, strict=True)}


def _actual_minutes(log: list[Row], now: datetime, moments: dict[Any, datetime]) -> tuple[float | None, str, int]:
    """Minutes the session's timer ran, its state, and minutes it was extended by."""
    running_since: datetime | None = None
    total = 0.0
    state = "not started"
    extended = 0
    for row in log:
        at = moments.get(row["id"])
        if at is None:
            continue
        action = row["action"]
        if action in ("start", "resume") and running_since is None and state not in ("finished", "skipped"):
            running_since, state = at, "running"
        elif action in ("pause", "finish", "skip"):
            if running_since is not None:
                total += max((at - running_since).total_seconds(), 0) / 60
                running_since = None
            state = {"pause": "paused", "finish": "finished", "skip": "skipped"}[action]
        elif action == "extend":
            extended += int(row.get("minutes") or 0)
    if running_since is not None:
        total += max((now - running_since).total_seconds(), 0) / 60
    return (None if state == "not started" else total), state, extended


def _agenda(records: EventRecords, now: datetime) -> Section:
    section = Section("Agenda: planned vs actual")
    sessions = records.rows("sessions")
    if not sessions:
        section.add(Para("No agenda was planned.", muted=True))
        return section
    logs = records.grouped("timer_log", "session_id")
    moments = _log_moments(records.rows("timer_log"))
    by_day: dict[int, list[Row]] = {}
    for session in sessions:
        by_day.setdefault(int(session["day"]), []).append(session)
    word = "Day" if records.event["kind"] == "kaizen" else "Meeting"
    for day, day_sessions in sorted(by_day.items()):
        rows = []
        planned_total = actual_total = 0.0
        for session in day_sessions:
            actual, state, extended = _actual_minutes(logs.get(session["id"], []), now, moments)
            planned = int(session["planned_minutes"])
            planned_total += planned
            if actual is None:
                rows.append((session["title"], str(planned), "-", "-", state))
                continue
            actual_total += actual
            over = round(actual) - planned
            note = state + (f", extended {extended} min" if extended else "")
            difference = _signed(over) if state != "skipped" else "-"
            rows.append((session["title"], str(planned), str(round(actual)), difference, note))
        section.add(Heading(f"{word} {day}"))
        section.add(Table(("Session", "Planned min", "Actual min", "Over (+) / under (-)", "State"), tuple(rows)))
        section.add(Para(f"Planned {round(planned_total)} min, ran {round(actual_total)} min.", muted=True))
    return section


def _signed(minutes: int) -> str:
    return f"+{minutes}" if minutes > 0 else str(minutes)


_VERDICTS = {
    "in_scope": "In scope",
    "out_of_scope": "Out of scope",
    "parked": "Parked",
    "deferred": "Deferred",
    "rejected": "Rejected",
}


def _decisions(records: EventRecords) -> Section:
    """Scope decisions as they stand now: superseded ones are replaced by their successor, amendments applied."""
    section = Section("Scope decisions")
    decisions = records.rows("decisions")
    if not decisions:
        section.add(Para("No decisions were logged.", muted=True))
        return section
    superseded = {row["supersedes_id"] for row in decisions if row.get("supersedes_id")}
    by_verdict: dict[object, list[Row]] = {}
    for row in decisions:
        if row["id"] not in superseded:
            by_verdict.setdefault(row.get("verdict"), []).append(row)
    amendments = records.grouped("decision_amendments", "decision_id")
    for verdict, label in _VERDICTS.items():
        chosen = by_verdict.get(verdict)
        if not chosen:
            continue
        section.add(Heading(f"{label} ({len(chosen)})"))
        section.add(Bullets(tuple(_decision_line(row, records, amendments) for row in chosen)))
    if superseded:
        section.add(Para(f"{len(superseded)} earlier decision(s) were superseded; the timeline keeps them.", muted=True))
    return section


def _amended(row: Row, amendments: list[Row], column: str) -> str:
    """The latest of the row's ``amendments`` of ``column`` wins over the text first typed."""
    latest = [a for a in amendments if a["field"] == column]
    return str(latest[-1]["text"]) if latest else str(row.get(column) or "")


def _decision_line(row: Row, records: EventRecords, amendments: dict[object, list[Row]]) -> str:
    """``amendments``: every decision's amendments by decision id (most rows of a 10,000-decision log have
    none, and then the text as typed stands)."""
    own = amendments.get(row["id"])
    by = f" (decided by {row['decided_by']}, day {row['day']})" if row.get("decided_by") else ""
    rationale = _amended(row, own, "rationale") if own else str(row.get("rationale") or "")
    why = f": {rationale}" if rationale else ""
    supersedes_id = row.get("supersedes_id")
    previous = records.get("decisions", supersedes_id) if supersedes_id is not None else None
    was = _VERDICTS.get(previous.get("verdict"), "") if previous else ""
    replaces = (
        f" (was {was.lower()}: {_amended(previous, amendments.get(previous['id'], ()), 'subject')})" if previous else ""
    )
    carried = ""
    if own and row.get("verdict") == "parked" and any(a["field"] == "debrief" for a in own):
        carried = " (carried to the debrief)"
    subject = _amended(row, own, "subject") if own else str(row.get("subject") or "")
    return f"{subject}{by}{why}{replaces}{carried}"


def _reflections(records: EventRecords) -> Section:
    section = Section("Reflection summary")
    reflections = records.rows("reflections")
    done = [row for row in reflections if row.get("status") in (None, "done")]
    owed = [row for row in reflections if row.get("status") in ("owed", "skipped")]
    if not reflections:
        section.add(Para("No reflections were recorded.", muted=True))
        return section
    loops = {"single": 0, "double": 0}
    for row in done:
        if row.get("loop") in loops:
            loops[row["loop"]] += 1
    section.add(
        Pairs(
            (
                ("Reflections", str(len(done))),
                ("Single loop (fix the action)", str(loops["single"])),
                ("Double loop (question the assumptions)", str(loops["double"])),
                ("Owed or skipped", str(len(owed))),
            )
        )
    )
    assumptions = [row["text"] for row in records.rows("assumptions")]
    if assumptions:
        section.add(Heading("Assumptions questioned"))
        section.add(Bullets(tuple(assumptions)))
    transfers = records.rows("learning_transfers")
    if transfers:
        section.add(Heading("Learning carried elsewhere"))
        section.add(
            Bullets(
                tuple(
                    f"{row['text']} ({row['owner']}" + (f", to {row['where_to']})" if row.get("where_to") else ")")
                    for row in transfers
                )
            )
        )
    return section


def _followups(records: EventRecords, today: date) -> Section:
    section = Section("Open follow-ups")
    items = [row for row in records.rows("followups") if row.get("status") != "done"]
    done = len(records.rows("followups")) - len(items)
    if not items:
        section.add(Para("No open follow-ups." + (f" {done} done." if done else ""), muted=True))
        return section
    rows = []
    for row in sorted(items, key=lambda row: (str(row["due_date"]), str(row["action"]))):
        overdue = str(row["due_date"]) < today.isoformat()
        rows.append(
            (
                row["action"],
                row["owner"],
                str(row["due_date"]) + (" (overdue)" if overdue else ""),
                str(row["status"]).replace("_", " "),
            )
        )
    section.add(Table(("Action", "Owner", "Due", "Status"), tuple(rows)))
    if done:
        section.add(Para(f"{done} follow-up(s) already done.", muted=True))
    return section


def _targets(records: EventRecords) -> Section:
    section = Section("Targets")
    targets = records.rows("targets")
    if not targets:
        section.add(Para("No targets were set.", muted=True))
        return section
    measured = records.grouped("measurements", "target_id")
    rows = []
    for target in targets:
        values = sorted(measured.get(target["id"], []), key=lambda row: (row["measured_at"], row["id"]))
        actual = values[-1]["value"] if values else None
        lower = target["goal"] < target["baseline"]
        if actual is None:
            verdict = "not measured"
        elif (actual <= target["goal"]) if lower else (actual >= target["goal"]):
            verdict = "met"
        else:
            verdict = "not yet"
        rows.append(
            (
                target["metric"],
                target.get("unit") or "",
                format_number(target["baseline"]),
                format_number(target["goal"]),
                "-" if actual is None else format_number(actual),
                verdict,
            )
        )
    section.add(Table(("Metric", "Unit", "Baseline", "Goal", "Actual", "Result"), tuple(rows)))
    return section


def _timeline(records: EventRecords) -> Section:
    section = Section("Timeline")
    entries = timeline(records)
    if not entries:
        section.add(Para("Nothing has happened yet.", muted=True))
        return section
    word = "Day" if records.event["kind"] == "kaizen" else "Meeting"
    group: tuple[int | None, date] | None = None
    rows: list[tuple[str, ...]] = []

    def flush() -> None:
        if rows:
            section.add(Table(("Time", "Session", "What", "Details"), tuple(rows)))
            rows.clear()

    for entry in entries:
        day_key = (entry.day, entry.local.date())
        if group != day_key:
            flush()
            group = day_key
            label = f"{word} {entry.day}" if entry.day else "Outside the event days"
            section.add(Heading(f"{label} ({day_key[1].isoformat()})"))
        rows.append((entry.clock_label(), entry.session or "-", entry.kind, entry.text))
    flush()
    return section
