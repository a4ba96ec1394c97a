"""`facilitator timer EVENT [ACTION]`: the timer and today's agenda from a shell, same rules as the cockpit."""

from __future__ import annotations

from datetime import datetime

from facilitator.domain.agenda import format_minutes
from facilitator.domain.clock import local_time, local_today
from facilitator.domain.errors import UserError
from facilitator.domain.forecast import forecast_day, format_countdown, verdict
from facilitator.domain.timer import CLOCK_JUMP_THRESHOLD, TimerAction, effective_moments
from facilitator.storage.store import Store

ACTIONS = ("status", "toggle", "start", "pause", "resume", "next", "finish", "skip", "extend")


def _hm(moment: datetime) -> str:
    return f"{local_time(moment):%H:%M}"


def run(store: Store, event_ref: str, action: str, minutes: int = 5) -> str:
    event = store.events.resolve(event_ref)
    timer = store.timer
    message = ""
    if action != "status":
        day = event.day_on(local_today(store.clock))
        if action in ("toggle", "start"):
            change = timer.toggle(event.id, day=day)
        elif action == "extend":
            if not 1 <= minutes <= 240:
                raise UserError("Extend by 1 to 240 minutes.")
            change = timer.extend(event.id, minutes)
        else:
            change = getattr(timer, action)(event.id)
        message = change.message + "\n"
    return message + status(store, event)


def status(store: Store, event) -> str:
    state = store.timer.state(event.id)
    now = store.clock.now()
    lines = [event.title]
    current = state.current
    if current is not None:
        running = state.timer(current.id)
        word = "paused" if running.state.value == "paused" else "running"
        lines.append(f"{word}: {current.title}  {format_countdown(running.remaining(now))}")
    day = event.day_on(local_today(store.clock)) or (current.day if current else 1)
    forecast = forecast_day(state, day, event.day_date(day), now, local_time(now).tzinfo)
    lines.append(f"Day {day} of {event.days}, {event.day_date(day).isoformat()}")
    for row in forecast.rows:
        actual = format_minutes(round(row.actual_minutes)) if row.actual_minutes is not None else ""
        lines.append(
            f"  {_hm(row.projected_start)}-{_hm(row.projected_end)}  {row.session.title[:50]:<50} "
            f"plan {format_minutes(row.session.planned_minutes):>5}  actual {actual:>5}  {row.state.value}"
        )
    if forecast.rows:
        lines.append(
            f"Planned end {_hm(forecast.planned_end)}, projected end {_hm(forecast.projected_end)} ({verdict(forecast)})"
        )
    else:
        lines.append("No sessions on this day.")
    lines.extend(_clock_lines(store, event.id, now))
    return "\n".join(lines)


def _clock_lines(store: Store, event_id: str, now: datetime) -> list[str]:
    """Clock jumps noted in the log (the last three), and a clock behind the log not yet noted."""
    log = store.timer.log(event_id)
    lines = [
        f"Clock {entry.note.removeprefix('clock ')} at {_hm(entry.at)} (noted in the timer log)"
        for entry in log
        if entry.action is TimerAction.CLOCK
    ][-3:]
    if log:
        last = effective_moments([(e.action, e.at, e.until) for e in log])[-1]
        if last - now > CLOCK_JUMP_THRESHOLD:
            lines.append(
                f"The clock reads {_hm(now)}, before the last timer action at {_hm(last)}: "
                "it was set back; the next action notes it."
            )
    return lines
