"""A wall clock that jumps (NTP, a hand-fixed laptop clock) mid-event: the timer keeps what happened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.domain.event import Event, EventKind
from facilitator.domain.timer import TimerAction, TimerState
from facilitator.export.records import read_event
from facilitator.export.report import build_report
from facilitator.export.timeline import timeline
from facilitator.storage.store import Store
from facilitator.timer_cli import status


@pytest.fixture
def kickoff(store):
    event = store.events.add(Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25), days=3))
    session = store.agenda.add(event.id, 1, "Kick-off", "kickoff", 30)
    store.agenda.add(event.id, 1, "Gemba", "observation", 90)
    return event, session


def test_a_clock_set_back_keeps_the_pause_and_the_time_that_passed(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    clock.jump(minutes=-10)  # NTP sets the clock back: it now reads 07:55, before the start
    clock.advance(minutes=2)
    store.timer.pause(event.id)
    timer = store.timer.state(event.id).timer(session.id)
    assert timer.state is TimerState.PAUSED  # the pause is not lost behind the start
    assert timer.elapsed(clock.now()) == timedelta(minutes=7)
    jumps = store.timer.clock_jumps(event.id)
    assert [entry.note for entry in jumps] == ["clock moved back 10 min"]
    assert [e.action for e in store.timer.log(event.id)] == [TimerAction.START, TimerAction.CLOCK, TimerAction.PAUSE]
    clock.advance(minutes=20)
    assert store.timer.state(event.id).timer(session.id).elapsed(clock.now()) == timedelta(minutes=7)


def test_a_clock_set_forward_does_not_add_time(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    clock.jump(hours=1)
    clock.advance(minutes=1)
    store.timer.pause(event.id)
    timer = store.timer.state(event.id).timer(session.id)
    assert timer.elapsed(clock.now()) == timedelta(minutes=6)
    assert [entry.note for entry in store.timer.clock_jumps(event.id)] == ["clock moved forward 1 h 00 min"]


def test_small_drift_is_not_noted(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    clock.jump(seconds=-40)
    store.timer.pause(event.id)
    assert store.timer.clock_jumps(event.id) == []
    assert store.timer.state(event.id).timer(session.id).state is TimerState.PAUSED


def test_a_new_process_sees_a_clock_set_back_behind_the_log(tmp_path, clock, kickoff, store):
    """No monotonic reading carries over between processes: the log itself shows the step back."""
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    clock.jump(minutes=-15)
    other = Store(tmp_path / "cockpit.db", clock)  # e.g. `facilitator timer EVENT pause` from a shell
    try:
        before = other.timer.state(event.id).timer(session.id).elapsed(clock.now())
        assert before == timedelta()  # held, never negative
        assert "it was set back" in status(other, event)
        other.timer.pause(event.id)
        timer = other.timer.state(event.id).timer(session.id)
        assert timer.state is TimerState.PAUSED
        assert [e.note for e in other.timer.clock_jumps(event.id)] == ["clock moved back 10 min"]
        text = status(other, event)
        assert "Clock moved back 10 min at 07:50 (noted in the timer log)" in text
        assert "set back" not in text.split("noted")[-1]
    finally:
        other.close()


def test_elapsed_never_runs_backwards_before_the_jump_is_noted(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    state = store.timer.state(event.id)
    shown = state.timer(session.id).elapsed(clock.now())
    clock.jump(minutes=-10)
    assert state.timer(session.id).elapsed(clock.now()) >= timedelta()
    assert store.timer.check_clock(event.id) is True
    after = store.timer.state(event.id).timer(session.id).elapsed(clock.now())
    assert after == shown
    assert store.timer.check_clock(event.id) is False  # noted once


def test_next_after_a_jump_back_finishes_and_starts_in_order(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=30)
    clock.jump(hours=-2)
    store.timer.next(event.id)
    state = store.timer.state(event.id)
    assert state.timer(session.id).state is TimerState.FINISHED
    assert state.timer(session.id).actual_minutes(clock.now()) == 30
    assert state.running is not None and state.running.title == "Gemba"


def test_export_keeps_log_order_and_shows_the_jump(store, clock, kickoff):
    event, session = kickoff
    store.timer.start(session.id)
    clock.advance(minutes=5)
    clock.jump(minutes=-10)
    clock.advance(minutes=2)
    store.timer.finish(event.id)
    records = read_event(store.db, event.id)
    assert [row["action"] for row in records.rows("timer_log")] == ["start", "clock", "finish"]
    texts = [entry.text for entry in timeline(records)]
    assert any(t.startswith("The computer's clock moved back 10 min (from 08:07 to 07:57)") for t in texts)
    report = build_report(records, clock.now())
    agenda = next(section for section in report.sections if section.title.startswith("Agenda"))
    table = next(block for block in agenda.blocks if hasattr(block, "rows"))
    assert table.rows[0][:2] == ("Kick-off", "30") and table.rows[0][2] == "7"
