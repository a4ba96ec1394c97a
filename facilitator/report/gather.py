"""Read one day of an event from the store into :class:`DayRecords`, for :func:`assemble`.

Each area's repository is read through its public methods: agenda and timer (sessions and how long
they ran), decisions (scope changes, parking lot), reflections, follow-ups and measurements.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.domain.clock import local_today
from facilitator.domain.decision import Decision, DecisionFilter, Verdict
from facilitator.domain.measurement import progress_for
from facilitator.report.daily import DailyReport, DayRecords, DecisionLine, ReflectionLine, SessionRun, assemble
from facilitator.storage.store import Store

DECISIONS_LIMIT = 5_000


def current_day(event, today: date) -> int:
    """The day to report on: today's, else the last day once the event is over, else the first."""
    day = event.day_on(today)
    if day is not None:
        return day
    return event.days if today > event.end_date else 1


def daily_report(store: Store, event_id: str, day: int) -> DailyReport:
    return assemble(gather(store, event_id, day))


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

    return gather_learning(store, event.id)


def gather(store: Store, event_id: str, day: int) -> DayRecords:
    event = store.events.get(event_id)
    day = max(1, min(day, event.days))
    start = datetime.combine(event.day_date(day), time(0)).astimezone()
    end = start + timedelta(days=1)
    measurements = store.measurements.for_event(event_id)
    found = list(reversed(store.decisions.page(event_id, DecisionFilter(), limit=DECISIONS_LIMIT)))  # oldest first
    return DayRecords(
        event=event,
        day=day,
        today=local_today(store.clock),
        sessions=_sessions(store, event_id, day),
        decisions=_decisions(store, event_id, found),
        parking_lot=parked_as_of(found, day),
        reflections=_reflections(store, event_id, day, start, end),
        new_followups=tuple(store.followups.created_between(event_id, start, end)),
        followups=tuple(store.followups.for_event(event_id)),
        # Progress as it stood at the end of that day, so day 1's report-out still reads as it did on day 1.
        progress=progress_for(event.targets, [m for m in measurements if m.measured_at < end]),
        day_measurements=tuple(m for m in measurements if start <= m.measured_at < end),
        sustain=_sustain(event, measurements, local_today(store.clock)) if day == event.days else (),
        learning=_learning(store, event, day),
    )


def _sessions(store: Store, event_id: str, day: int) -> tuple[SessionRun, ...]:
    state = store.timer.state(event_id)
    now = store.clock.now()
    runs = []
    for session in store.agenda.sessions(event_id, day):
        timer = state.timer(session.id)
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


def parked_as_of(decisions: list[Decision], day: int) -> tuple[str, ...]:
    """The parking lot as it stood at the end of ``day``: items parked by then and not yet resolved by then,
    so a past day's report-out does not list what was parked (or keep out what was resolved) later."""
    resolved_on = {d.supersedes_id: d.day for d in decisions if d.supersedes_id is not None}
    return tuple(
        d.subject
        for d in decisions
        if d.verdict is Verdict.PARKED and d.day <= day and resolved_on.get(d.id, day + 1) > day
    )


def _decisions(store: Store, event_id: str, found: list[Decision]) -> tuple[DecisionLine, ...]:
    sessions = {session.id: session for session in store.agenda.sessions(event_id)}
    return tuple(
        DecisionLine(
            subject=d.subject,
            verdict=d.verdict.value,
            verdict_label=d.verdict.label,
            decided_by=d.decided_by.value,
            rationale=d.rationale,
            tags=d.tags,
            day=d.day,
            current=d.current,
            session=sessions[d.session_id].title if d.session_id in sessions else "",
            session_kind=sessions[d.session_id].kind.value if d.session_id in sessions else "",
        )
        for d in found
    )


def _reflections(store: Store, event_id: str, day: int, start: datetime, end: datetime) -> tuple[ReflectionLine, ...]:
    lines = []
    for reflection in store.reflections.history(event_id):
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


def daily_reports_markdown(store: Store, event_id: str, *, level: int = 2) -> str:
    """Every day's report-out so far (all of them once the event is over) as one Markdown section, for the
    export; empty before the event's first day."""
    event = store.events.get(event_id)
    today = local_today(store.clock)
    last = event.days if today > event.end_date else (event.day_on(today) or 0)
    if last == 0:
        return ""
    word = "Daily report-outs" if event.kind.value == "kaizen" else "Report-outs by meeting"
    parts = [f"{'#' * level} {word}", ""]
    parts += [daily_report(store, event_id, day).to_markdown(level=level + 1) for day in range(1, last + 1)]
    return "\n".join(parts)
