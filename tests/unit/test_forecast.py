"""The day's forecast comes from what remains, whatever order sessions were run in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.agenda import Session, SessionKind
from facilitator.domain.forecast import forecast_day, replans, verdict
from facilitator.domain.timer import AgendaState, TimerAction, TimerEntry, TimerState

DAY = date(2026, 11, 25)
EVENT = "event-1"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 25, hour, minute, tzinfo=UTC)


def session(index: int, minutes: int, title: str = "", fixed: time | None = None, kind=SessionKind.OTHER) -> Session:
    return Session(EVENT, 1, index, title or f"S{index}", kind, minutes, fixed, id=f"s{index}")


def entry(sid: str, action: TimerAction, moment: datetime) -> TimerEntry:
    return TimerEntry(EVENT, sid, action, moment)


def blitz_day() -> list[Session]:
    return [
        session(0, 30, "Kick-off"), session(1, 90, "Gemba"), session(2, 120, "Current-state map"),
        session(3, 30, "Lunch", time(12, 30), SessionKind.BREAK), session(4, 60, "Ideas"),
        session(5, 60, "Try-storm"), session(6, 20, "Debrief", kind=SessionKind.DEBRIEF),
    ]


def test_finishing_the_debrief_early_does_not_make_the_day_early():
    sessions = blitz_day()
    log = [
        entry("s0", TimerAction.START, at(8)), entry("s0", TimerAction.FINISH, at(8, 30)),
        entry("s1", TimerAction.START, at(8, 30)), entry("s1", TimerAction.FINISH, at(10)),
        # The debrief run (and finished) out of order, then the 2-hour map started.
        entry("s6", TimerAction.START, at(10)), entry("s6", TimerAction.FINISH, at(10, 5)),
        entry("s2", TimerAction.START, at(10, 5)),
    ]
    now = at(10, 20)
    forecast = forecast_day(AgendaState.build(EVENT, sessions, log), 1, DAY, now, UTC)
    rows = {row.session.title: row for row in forecast.rows}
    assert rows["Current-state map"].projected_end == at(12, 5)
    assert rows["Lunch"].projected_start == at(12, 30)  # a fixed-time session keeps its time
    assert rows["Ideas"].projected_start == at(13) and rows["Try-storm"].projected_end == at(15)
    assert forecast.projected_end == at(15)
    # Honestly early: the debrief took 5 of its 20 minutes and the map has 20 minutes of slack before lunch.
    assert verdict(forecast) == "20m early"
    # Before the fix the day "ended" at the debrief's finish, 10:05, while the map ran to 12:05.
    assert forecast.projected_end >= rows["Current-state map"].projected_end + timedelta(minutes=120)


def test_a_session_run_before_the_days_start_ends_from_now_and_clashes_with_nothing():
    sessions = [session(0, 30, "Kick-off", time(8)), *blitz_day()[1:]]
    log = [entry("s6", TimerAction.START, at(6)), entry("s6", TimerAction.FINISH, at(6, 5)),
           entry("s1", TimerAction.START, at(6, 5))]  # a gemba walk on the night shift, before the kick-off
    now = at(6, 15)
    forecast = forecast_day(AgendaState.build(EVENT, sessions, log), 1, DAY, now, UTC)
    rows = {row.session.title: row for row in forecast.rows}
    assert rows["Gemba"].projected_end == at(7, 35)  # 90 minutes from 06:05, not from 08:00
    assert not forecast.conflicts
    assert rows["Kick-off"].projected_start == at(8) and rows["Current-state map"].projected_start == at(8, 30)
    # What remains (kick-off, map, lunch, ideas, try-storm) ends at 15:00; the plan ended at 15:20.
    assert forecast.projected_end == at(15)
    assert verdict(forecast) == "20m early"


def test_a_morning_running_into_lunch_is_a_clash_with_a_replan_not_a_moved_lunch():
    sessions = blitz_day()
    log = [entry("s0", TimerAction.START, at(8)), entry("s0", TimerAction.FINISH, at(9, 30)),
           entry("s1", TimerAction.START, at(9, 30))]
    now = at(9, 40)
    forecast = forecast_day(AgendaState.build(EVENT, sessions, log), 1, DAY, now, UTC)
    lunch = forecast.rows[3]
    assert lunch.projected_start == at(12, 30)
    assert lunch.conflict == timedelta(minutes=30)  # the map now ends at 13:00
    # The morning's half hour is still to do after lunch: the day ends 30 minutes late.
    assert forecast.projected_end == at(15, 50)
    assert verdict(forecast) == "30m late; runs 30m into Lunch at 12:30"
    options = replans(forecast, days=3)
    assert options and options[0].kind == "shorten"


def test_a_day_loaded_after_its_planned_start_says_so_once():
    loaded = at(12, 42)
    sessions = [
        Session(EVENT, 1, index, title, SessionKind.OTHER, minutes, id=f"s{index}", created_at=loaded)
        for index, (title, minutes) in enumerate([("Kick-off", 30), ("Gemba", 90), ("Debrief", 20)])
    ]
    forecast = forecast_day(AgendaState.build(EVENT, sessions, []), 1, DAY, at(12, 45), UTC)
    # Not "4h45 late": only the 3 minutes since the agenda was loaded count against the day.
    assert verdict(forecast) == "starting 4h42 after the planned 08:00; 3m late"
    assert forecast.planned_end == at(15, 2) and forecast.projected_end == at(15, 5)
    # Once a session has run before the agenda was typed in, the day began on time after all.
    ran = [entry("s0", TimerAction.START, at(8)), entry("s0", TimerAction.FINISH, at(8, 30))]
    assert "starting" not in verdict(forecast_day(AgendaState.build(EVENT, sessions, ran), 1, DAY, at(12, 45), UTC))


def loaded_at(moment: datetime) -> list[Session]:
    return [replace(item, created_at=moment) for item in blitz_day_with_its_kickoff_at_8()]


def blitz_day_with_its_kickoff_at_8() -> list[Session]:
    return [replace(blitz_day()[0], fixed_start=time(8, 0)), *blitz_day()[1:]]


@pytest.mark.parametrize("loaded", [at(16), at(23, 30)])
def test_a_fixed_time_gone_by_when_the_day_was_loaded_keeps_its_time_and_is_no_clash(loaded):
    sessions = loaded_at(loaded)
    for now in (loaded + timedelta(minutes=5), loaded + timedelta(days=1)):  # the same evening, or looked back on
        forecast = forecast_day(AgendaState.build(EVENT, sessions, []), 1, DAY, now, UTC)
        rows = {row.session.title: row for row in forecast.rows}
        assert (rows["Lunch"].planned_start, rows["Lunch"].projected_start) == (at(12, 30), at(12, 30))
        assert not forecast.conflicts and "clash" not in verdict(forecast) and "into" not in verdict(forecast)
        assert rows["Kick-off"].planned_start == loaded  # the day itself starts when it was loaded
        # The rest of the day's work goes on from the start, around the lunch that has gone by.
        work = sum(item.planned_minutes for item in sessions if item.title != "Lunch")
        assert forecast.planned_end == loaded + timedelta(minutes=work)
        assert forecast.baseline_end is None or forecast.baseline_end == forecast.planned_end
    forecast = forecast_day(AgendaState.build(EVENT, sessions, []), 1, DAY, loaded + timedelta(minutes=5), UTC)
    offset = "8h" if loaded == at(16) else "15h30"
    assert verdict(forecast) == f"starting {offset} after the planned 08:00; 5m late"


def test_a_day_loaded_early_keeps_lunch_and_still_shows_a_morning_that_runs_into_it():
    sessions = loaded_at(at(7, 30))  # loaded before the day: no late start, every fixed time ahead
    log = [entry("s0", TimerAction.START, at(8)), entry("s0", TimerAction.FINISH, at(9, 30)),
           entry("s1", TimerAction.START, at(9, 30))]
    forecast = forecast_day(AgendaState.build(EVENT, sessions, log), 1, DAY, at(9, 40), UTC)
    lunch = forecast.rows[3]
    assert (lunch.projected_start, lunch.conflict) == (at(12, 30), timedelta(minutes=30))
    assert verdict(forecast) == "30m late; runs 30m into Lunch at 12:30"
    assert replans(forecast, days=3)


# Property: whatever was run, in whatever order, the projection never promises less than what remains.

ACTIONS = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(["start", "pause", "finish", "skip"]), st.integers(0, 60)),
    max_size=12,
)
DAYS = st.lists(
    st.tuples(st.integers(5, 180), st.one_of(st.none(), st.sampled_from([time(10, 0), time(12, 30), time(15, 0)]))),
    min_size=1, max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(DAYS, ACTIONS, st.integers(0, 180))  # the whole day stays on the day
def test_projected_end_is_never_before_now_plus_what_remains(plan, actions, idle):
    sessions = [session(index, minutes, fixed=fixed) for index, (minutes, fixed) in enumerate(plan)]
    moment, log = at(8), []
    for index, action, gap in actions:
        if index >= len(sessions):
            continue
        moment += timedelta(minutes=gap)
        log.append(entry(sessions[index].id, TimerAction(action), moment))
    now = moment + timedelta(minutes=idle)
    state = AgendaState.build(EVENT, sessions, log)
    forecast = forecast_day(state, 1, DAY, now, UTC)
    remaining = timedelta()
    for item in sessions:
        timer = state.timer(item.id)
        if timer.state is TimerState.PENDING:
            remaining += timedelta(minutes=item.planned_minutes)
        elif timer.state.is_open:
            remaining += max(timer.remaining(now), timedelta())
    if any(not state.timer(item.id).state.is_closed for item in sessions):
        assert forecast.projected_end >= now + remaining
    for row in forecast.rows:
        if row.state is TimerState.PENDING and row.session.fixed_start is not None:
            fixed = datetime.combine(DAY, row.session.fixed_start, tzinfo=UTC)
            assert row.projected_start == max(fixed, now)  # fixed sessions keep their time
        if row.state is TimerState.FINISHED and state.timer(row.session.id).started_at is not None:
            timer = state.timer(row.session.id)
            assert (row.projected_start, row.projected_end) == (timer.started_at, timer.ended_at)
