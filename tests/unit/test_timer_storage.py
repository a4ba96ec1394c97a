"""The agenda and the timer log in SQLite: what the facilitator does through the day, then reopened."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta

import pytest

from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.domain.agenda_templates import blitz_sessions
from facilitator.domain.clock import FakeClock
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventKind
from facilitator.domain.forecast import forecast_day
from facilitator.domain.timer import TimerAction, TimerState
from facilitator.storage.store import Store
from facilitator.storage.tables import EVENT_TABLES


@pytest.fixture
def blitz(store):
    event = store.events.add(Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3))
    kickoff = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    gemba = store.agenda.add(event.id, 1, "Gemba", "observation", 90)
    lunch = store.agenda.add(event.id, 1, "Lunch", "break", 30)
    return event, kickoff, gemba, lunch


def test_agenda_order_add_move_and_delete(store, blitz):
    event, kickoff, gemba, lunch = blitz
    assert [s.title for s in store.agenda.sessions(event.id, 1)] == ["Kick-off", "Gemba", "Lunch"]
    store.agenda.add(event.id, 1, "Safety brief", "training", 10, position=0)
    store.agenda.shift(lunch.id, -1)
    assert [s.title for s in store.agenda.sessions(event.id, 1)] == ["Safety brief", "Kick-off", "Lunch", "Gemba"]
    store.agenda.move(gemba.id, 2)
    assert [s.title for s in store.agenda.sessions(event.id, 2)] == ["Gemba"]
    assert [s.position for s in store.agenda.sessions(event.id, 1)] == [0, 1, 2]
    store.agenda.delete(lunch.id)
    assert [s.title for s in store.agenda.sessions(event.id)] == ["Safety brief", "Kick-off", "Gemba"]


def test_a_session_with_logged_time_is_not_silently_deleted(store, clock, blitz):
    event, kickoff, *_ = blitz
    store.timer.start(kickoff.id)
    clock.advance(minutes=5)
    with pytest.raises(UserError, match="logged time"):
        store.agenda.delete(kickoff.id)
    assert store.agenda.get(kickoff.id).title == "Kick-off"
    store.agenda.delete(kickoff.id, with_log=True)
    assert store.timer.log(event.id) == []


def test_start_pause_resume_extend_finish_next(store, clock, blitz):
    event, kickoff, gemba, lunch = blitz
    change = store.timer.toggle(event.id)
    assert change.message == "Started Kick-off."
    clock.advance(minutes=20)
    assert store.timer.toggle(event.id).message == "Paused Kick-off."
    clock.advance(minutes=7)
    store.timer.toggle(event.id)
    store.timer.extend(event.id, 5)
    clock.advance(minutes=14)
    state = store.timer.state(event.id)
    timer = state.timer(kickoff.id)
    assert timer.elapsed(clock.now()) == timedelta(minutes=34)
    assert timer.remaining(clock.now()) == timedelta(minutes=1)
    change = store.timer.next(event.id)
    assert change.message == "Finished Kick-off; started Gemba."
    assert change.ended == ((kickoff.id, "next"),)
    assert store.timer.current(event.id).id == gemba.id
    clock.advance(minutes=90)
    change = store.timer.finish(event.id)
    assert change.ended == ((gemba.id, "finished"),)
    assert store.timer.current(event.id) is None
    assert [e.action for e in store.timer.log(event.id)] == [
        TimerAction.START, TimerAction.PAUSE, TimerAction.RESUME, TimerAction.EXTEND,
        TimerAction.FINISH, TimerAction.START, TimerAction.FINISH,
    ]


def test_only_one_session_runs_starting_another_pauses_the_first(store, clock, blitz):
    event, kickoff, gemba, _ = blitz
    store.timer.start(kickoff.id)
    clock.advance(minutes=10)
    change = store.timer.start(gemba.id)
    assert change.message == "Paused Kick-off; started Gemba."
    state = change.state
    assert state.timer(kickoff.id).state is TimerState.PAUSED
    assert state.running.id == gemba.id
    clock.advance(minutes=3)
    change = store.timer.start(kickoff.id)
    assert change.message == "Paused Gemba; resumed Kick-off."
    assert sum(t.state is TimerState.RUNNING for t in change.state.timers.values()) == 1


def test_skip_and_nothing_running_messages(store, clock, blitz):
    event, kickoff, gemba, lunch = blitz
    with pytest.raises(UserError, match="No session is running"):
        store.timer.finish(event.id)
    store.timer.skip(event.id, lunch.id, note="Lunch brought to the gemba")
    store.timer.start(kickoff.id)
    change = store.timer.skip(event.id)
    assert change.ended == ((kickoff.id, "skipped"),)
    assert store.timer.next(event.id).message == "Started Gemba."
    clock.advance(minutes=1)
    assert store.timer.next(event.id).message == "Finished Gemba; that was the last session."


def test_space_on_an_empty_agenda_says_what_to_do(store):
    event = store.events.add(Event(title="Empty", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=2))
    with pytest.raises(UserError, match="No sessions yet"):
        store.timer.toggle(event.id)


def test_until_a_clock_time(store, clock, blitz):
    event, kickoff, *_ = blitz
    store.timer.start(kickoff.id)
    with pytest.raises(UserError, match="already passed"):
        store.timer.until(event.id, clock.now() - timedelta(minutes=1))
    change = store.timer.until(event.id, clock.now() + timedelta(minutes=45), "08:45")
    clock.advance(minutes=44)
    assert change.state.timer(kickoff.id).remaining(clock.now()) == timedelta(minutes=1)


def test_replan_shortens_and_logs_and_keeps_the_planned_end(store, clock, blitz):
    event, kickoff, gemba, lunch = blitz
    store.timer.start(kickoff.id)
    clock.advance(minutes=60)  # 30 minutes over
    store.timer.finish(event.id)
    state = store.timer.state(event.id)
    before = forecast_day(state, 1, event.start_date, clock.now(), clock.now().tzinfo)
    assert before.slip_minutes == 30
    store.timer.replan_durations(event.id, {gemba.id: 60}, "Re-plan: shorten Gemba")
    assert store.agenda.get(gemba.id).planned_minutes == 60
    after = forecast_day(store.timer.state(event.id), 1, event.start_date, clock.now(), clock.now().tzinfo)
    assert after.planned_end == before.planned_end and not after.late
    replans = [e for e in store.timer.log(event.id) if e.action is TimerAction.REPLAN]
    assert replans[0].note == "Re-plan: shorten Gemba (1h30 -> 1h)"
    store.timer.replan_move(lunch.id, 2, "Re-plan: move Lunch to day 2")
    assert store.agenda.get(lunch.id).day == 2


def test_timer_log_is_exported_with_the_event():
    assert [t.name for t in EVENT_TABLES].index("timer_log") > [t.name for t in EVENT_TABLES].index("sessions")


def test_template_fills_days_and_demo_is_idempotent(store):
    load_demo(store)
    load_demo(store)
    blitz_agenda = store.agenda.sessions(BLITZ_ID)
    assert len(blitz_agenda) == len(blitz_sessions(BLITZ_ID, 5))
    state = store.timer.state(BLITZ_ID)
    running = state.running
    assert running is not None and running.day == 3
    assert state.timer(running.id).remaining(store.clock.now()) > timedelta(0)
    done = [s for s in state.sessions if state.timer(s.id).state is TimerState.FINISHED]
    assert {s.day for s in done} >= {1, 2}
    # Days 1 and 2 ran over, at plausible local times.
    for session in done:
        timer = state.timer(session.id)
        assert 5 <= timer.started_at.hour <= 17 or session.day == 3
    assert sum(state.timer(s.id).actual_minutes(store.clock.now()) for s in state.day(1)) > sum(
        s.planned_minutes for s in state.day(1)
    )
    al = store.timer.state(ACTION_LEARNING_ID)
    assert {s.day for s in al.sessions} == set(range(1, 9))
    assert all(al.timer(s.id).state is TimerState.FINISHED for s in al.sessions if s.day <= 4)


CHILD = textwrap.dedent(
    """
    import sys, time
    from facilitator.domain.clock import FakeClock, from_iso
    from facilitator.storage.store import Store
    store = Store(sys.argv[1], FakeClock(from_iso(sys.argv[2])))
    store.timer.start(sys.argv[3])
    print("started", flush=True)
    while True:
        time.sleep(1)
    """
)


def test_a_timer_survives_kill_9(tmp_path):
    path = tmp_path / "crash.db"
    started = datetime.fromisoformat("2026-11-25T09:00:00+00:00")
    setup = Store(path, FakeClock(started))
    event = setup.events.add(Event(title="Crash", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=2))
    session = setup.agenda.add(event.id, 1, "Gemba", "observation", 90)
    setup.close()

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), started.isoformat(), session.id],
        stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    try:
        assert child.stdout.readline().strip() == "started"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    reopened = Store(path, FakeClock(started + timedelta(minutes=37, seconds=12)))
    try:
        state = reopened.timer.state(event.id)
        timer = state.timer(session.id)
        assert state.running.id == session.id
        assert timer.elapsed(reopened.clock.now()) == timedelta(minutes=37, seconds=12)
        assert timer.remaining(reopened.clock.now()) == timedelta(minutes=52, seconds=48)
        # A laptop asleep for hours: still running, and the overrun is right.
        reopened.clock.advance(hours=3)
        assert timer.remaining(reopened.clock.now()) == -timedelta(hours=2, minutes=7, seconds=12)
    finally:
        reopened.close()

