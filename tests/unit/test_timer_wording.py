"""What the timer says matches what it does: a pause freezes every countdown, and starting starts the event."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.timer import TimerAction, TimerState


def planned_blitz(store):
    event = store.events.add(Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3))
    kickoff = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    gemba = store.agenda.add(event.id, 1, "Gemba", "observation", 90)
    return event, kickoff, gemba


def test_until_on_a_paused_session_resumes_it(store, clock):
    event, kickoff, _ = planned_blitz(store)
    store.timer.start(kickoff.id)
    clock.advance(minutes=10)
    store.timer.pause(event.id)
    change = store.timer.until(event.id, datetime(2026, 11, 25, 9, 0, tzinfo=UTC), label="09:00")
    assert "resumed" in change.message
    timer = change.state.timer(kickoff.id)
    assert timer.state is TimerState.RUNNING
    assert timer.remaining(clock.now()) == timedelta(minutes=50)
    actions = [entry.action for entry in store.timer.log(event.id)]
    assert actions[-2:] == [TimerAction.RESUME, TimerAction.UNTIL]
    assert store.timer.log(event.id)[-2].until is None  # only the until row carries the clock time


def test_a_pause_freezes_a_countdown_to_a_clock_time(store, clock):
    event, kickoff, _ = planned_blitz(store)
    store.timer.start(kickoff.id)
    store.timer.until(event.id, datetime(2026, 11, 25, 9, 0, tzinfo=UTC), label="09:00")
    clock.advance(minutes=20)
    store.timer.pause(event.id)
    clock.advance(minutes=15)
    paused = store.timer.state(event.id).timer(kickoff.id)
    assert paused.state is TimerState.PAUSED
    assert paused.remaining(clock.now()) == timedelta(minutes=40)  # PAUSED means the digits stand still
    store.timer.resume(event.id)
    resumed = store.timer.state(event.id).timer(kickoff.id)
    assert resumed.until == datetime(2026, 11, 25, 9, 15, tzinfo=UTC)  # moved on by the 15-minute pause
    assert resumed.remaining(clock.now()) == timedelta(minutes=40)


def test_starting_the_first_session_moves_a_planned_event_to_running(store, clock):
    event, kickoff, gemba = planned_blitz(store)
    assert store.events.get(event.id).status is EventStatus.PLANNED
    store.timer.start(kickoff.id)
    assert store.events.get(event.id).status is EventStatus.RUNNING
    # A done event is not reopened by a late session.
    store.events.set_status(event.id, EventStatus.DONE)
    store.timer.next(event.id)
    assert store.events.get(event.id).status is EventStatus.DONE


def test_the_command_line_start_moves_the_event_too(store):
    event, _, _ = planned_blitz(store)
    result = CliRunner().invoke(cli, ["--db", str(store.path), "timer", event.id[:8], "start"])
    assert result.exit_code == 0, result.output
    assert store.events.get(event.id).status is EventStatus.RUNNING
