"""Read one day of an event from the store into :class:`DayRecords`, for :func:`assemble`.

Each area's repository is read through its public methods: agenda and timer (sessions and how long
they ran), decisions (scope changes, parking lot), reflections, follow-ups and measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from facilitator.domain.clock import local_today
from facilitator.domain.decision import Verdict
from facilitator.domain.event import Event
from facilitator.domain.measurement import progress_for
from facilitator.report.daily import DailyReport, DayRecords, DecisionLine, ReflectionLine, SessionRun, assemble
from facilitator.storage.decision_reads import DecisionRow, event_decision_rows
from facilitator.storage.store import Store

def current_day(event, today: date) -> int:
    """The day to report on: today's, else the last day once the event is over, else the first."""
    day = event.day_on(today)
    if day is not None:
        return day
    return event.days if today > event.end_date else 1


def daily_report(store: Store, event_id: str, day: int) -> DailyReport:
    return assemble(gather(store, event_id, day))


def daily_reports(
    store: Store, event: Event | str, days: range, decisions: list[dict] | None = None
) -> list[DailyReport]:
    """Several days' report-outs, reading what every day shares (the decision log, the timer, ...) once:
    the export and the import's read-back take every day, and each read is the whole event's.
    ``event``: the event, or its id when the caller has not read it. ``decisions``: the event's decision
    rows, already read by an export (see event_decision_rows)."""
    shared = _read_event(store, event, decisions)
    return [assemble(gather(store, shared.event.id, day, shared)) for day in days]


@dataclass(frozen=True)
class _EventReads:
    """What each day's report-out reads of the whole event."""

    event: Event
    measurements: list
    found: list[DecisionRow]  # oldest first
    decisions: tuple[DecisionLine, ...]
    sessions: list
    state: object
    reflections: list
    followups: tuple


def _read_event(store: Store, event: Event | str, decisions: list[dict] | None = None) -> _EventReads:
    if isinstance(event, str):
        event = store.events.get(event)  # first: an unknown event is refused before anything else is read
    event_id = event.id
    # Every decision, in one pass over the event's rows: a day's report-out accounts for all of its own, and
    # the parking lot and the final day's summary need the days before it too.
    found = event_decision_rows(store.db, event_id, decisions)
    sessions = store.agenda.sessions(event_id)
    return _EventReads(
        event=event,
        measurements=store.measurements.for_event(event_id),
        found=found,
        decisions=_decisions(sessions, found),
        sessions=sessions,
        state=store.timer.state(event_id),
        reflections=store.reflections.history(event_id),
        followups=tuple(store.followups.for_event(event_id)),
    )


def _sustain(event, measurements, today: date) -> tuple:
    """Once measurements were taken after the event, the final report-out says how much of each gain is kept."""
    from facilitator.config import Settings
    from facilitator.domain.sustain import sustain_for

    if today <= event.end_date or not any(m.measured_at.astimezone().date() > event.end_date for m in measurements):
        return ()
    return sustain_for(event.id, event.targets, measurements, Settings.load().slip_share)


def _learning(store: Store, event, day: int):
    if day != event.days or event.kind.value != "action_learning":
        return None
    from facilitator.report.learning import gather_learning

    return gather_learning(store, event)


def gather(store: Store, event_id: str, day: int, shared: _EventReads | None = None) -> DayRecords:
    reads = shared or _read_event(store, event_id)
    event = reads.event
    day = max(1, min(day, event.days))
    start = datetime.combine(event.day_date(day), time(0)).astimezone()
    end = start + timedelta(days=1)
    measurements = reads.measurements
    return DayRecords(
        event=event,
        day=day,
        today=local_today(store.clock),
        sessions=_sessions(reads, store.clock.now(), day),
        decisions=reads.decisions,
        parking_lot=parked_as_of(reads.found, day),
        reflections=_reflections(reads.reflections, day, start, end),
        new_followups=tuple(store.followups.created_between(event_id, start, end)),
        followups=reads.followups,
        # Progress as it stood at the end of that day, so day 1's report-out still reads as it did on day 1.
        progress=progress_for(event.targets, [m for m in measurements if m.measured_at < end]),
        day_measurements=tuple(m for m in measurements if start <= m.measured_at < end),
        sustain=_sustain(event, measurements, local_today(store.clock)) if day == event.days else (),
        learning=_learning(store, event, day),
        attendance=_attendance(store, reads, day),
    )


def _attendance(store: Store, reads: _EventReads, day: int) -> tuple[str, ...]:
    from facilitator.domain.attendance import day_lines, roster, team_names

    marked = store.attendance.for_event(reads.event.id)
    team = team_names(reads.event)
    sessions = [s for s in reads.sessions if s.day == day and s.id in marked]
    return tuple(day_lines([(s.title, roster(team, marked[s.id])) for s in sessions]))


def _sessions(reads: _EventReads, now: datetime, day: int) -> tuple[SessionRun, ...]:
    runs = []
    for session in reads.sessions:
        if session.day != day:
            continue
        timer = reads.state.timer(session.id)
        started = timer.started_at is not None
        runs.append(
            SessionRun(
                title=session.title,
                planned_minutes=session.planned_minutes,
                actual_minutes=timer.actual_minutes(now) if started else None,
                state=timer.state.value,
            )
        )
    return tuple(runs)


def parked_as_of(decisions: list[DecisionRow], day: int) -> tuple[str, ...]:
    """The parking lot as it stood at the end of ``day``: items parked by then and not yet resolved by then,
    so a past day's report-out does not list what was parked (or keep out what was resolved) later."""
    resolved_on = {d.supersedes_id: d.day for d in decisions if d.supersedes_id is not None}
    parked = Verdict.PARKED.value
    return tuple(
        d.subject
        for d in decisions
        if d.verdict == parked and d.day <= day and resolved_on.get(d.id, day + 1) > day
    )


def _decisions(all_sessions: list, found: list[DecisionRow]) -> tuple[DecisionLine, ...]:
    sessions = {session.id: (session.title, session.kind.value) for session in all_sessions}
    labels = {verdict.value: verdict.label for verdict in Verdict}
    unknown = ("", "")
    lines = []
    for d in found:
        session, session_kind = sessions.get(d.session_id, unknown)
        lines.append(DecisionLine(
            subject=d.subject, verdict=d.verdict, verdict_label=labels[d.verdict], decided_by=d.decided_by,
            rationale=d.rationale, tags=d.tags, day=d.day, current=d.superseded_by_id is None,
            session=session, session_kind=session_kind,
        ))
    return tuple(lines)


def _reflections(history: list, day: int, start: datetime, end: datetime) -> tuple[ReflectionLine, ...]:
    lines = []
    for reflection in history:
        if reflection.status.value != "done":
            continue
        on_day = reflection.day == day or (
            reflection.day is None and reflection.created_at is not None and start <= reflection.created_at < end
        )
        if not on_day:
            continue
        lines.append(
            ReflectionLine(
                who=reflection.participant,
                framework=reflection.framework_name,
                answers=tuple((a.prompt, a.answer) for a in reflection.answers),
            )
        )
    return tuple(lines)


def daily_reports_markdown(
    store: Store, event: Event | str, *, level: int = 2, decisions: list[dict] | None = None
) -> str:
    """Every day's report-out so far (all of them once the event is over) as one Markdown section, for the
    export; empty before the event's first day. ``event``: the event, or its id when the caller has not
    read it. ``decisions``: the event's decision rows the export read."""
    if isinstance(event, str):
        event = store.events.get(event)
    today = local_today(store.clock)
    last = event.days if today > event.end_date else (event.day_on(today) or 0)
    if last == 0:
        return ""
    word = "Daily report-outs" if event.kind.value == "kaizen" else "Report-outs by meeting"
    parts = [f"{'#' * level} {word}", ""]
    parts += [report.to_markdown(level=level + 1) for report in daily_reports(store, event, range(1, last + 1), decisions)]
    return "\n".join(parts)
