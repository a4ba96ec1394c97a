"""Durations as typed, timer arithmetic from the log, and the day's slip forecast: pure domain rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.agenda import (
    MAX_SESSION_MINUTES,
    Session,
    SessionForm,
    format_minutes,
    parse_clock_time,
    parse_duration,
)
from facilitator.domain.agenda_templates import blitz_rows, blitz_sessions, set_meeting_sessions
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.forecast import forecast_day, format_countdown, replans
from facilitator.domain.timer import AgendaState, TimerAction, TimerEntry, TimerState, fold

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def entry(session: Session, action: TimerAction, minute: float, **kw) -> TimerEntry:
    return TimerEntry(session.event_id, session.id, action, at(minute), **kw)


SESSION = Session(event_id="e", day=1, position=0, title="Gemba", planned_minutes=60)


# Durations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("45", 45), ("45m", 45), ("1h", 60), ("1h30", 90), ("1:30", 90), ("90 min", 90), (" 2H ", 120), ("1h 5m", 65)],
)
def test_duration_accepts_the_usual_forms(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["abc", "-5", "0", "999h", "", "   ", "1.5h", "45 sec", "1:75", "0h0"])
def test_duration_refuses_anything_else_with_a_message_for_the_field(text):
    with pytest.raises(ValidationError) as caught:
        parse_duration(text)
    assert set(caught.value.errors) == {"planned_minutes"}
    assert caught.value.errors["planned_minutes"].startswith("Duration")


@given(st.integers(min_value=1, max_value=MAX_SESSION_MINUTES))
def test_every_valid_duration_round_trips_through_each_form(minutes):
    hours, rest = divmod(minutes, 60)
    assert parse_duration(str(minutes)) == minutes
    assert parse_duration(f"{minutes}m") == minutes
    assert parse_duration(f"{minutes} min") == minutes
    assert parse_duration(f"{hours}:{rest:02d}") == minutes
    assert parse_duration(format_minutes(minutes)) == minutes


@given(st.text(max_size=30))
@settings(max_examples=100)
def test_any_text_is_a_bounded_duration_or_a_validation_error(text):
    try:
        minutes = parse_duration(text)
    except ValidationError as error:
        assert "planned_minutes" in error.errors
    else:
        assert 1 <= minutes <= MAX_SESSION_MINUTES


@given(st.integers(min_value=MAX_SESSION_MINUTES + 1, max_value=10**6))
@settings(max_examples=50)
def test_too_long_is_refused(minutes):
    with pytest.raises(ValidationError):
        parse_duration(f"{minutes}m")


def test_clock_times():
    assert parse_clock_time("11:00").strftime("%H:%M") == "11:00"
    assert parse_clock_time("9.30").strftime("%H:%M") == "09:30"
    for bad in ("25:00", "11:60", "noon", ""):
        with pytest.raises(ValidationError):
            parse_clock_time(bad)


def test_session_form_gathers_every_message():
    form = SessionForm(title=" ", kind="nap", duration="abc", fixed_start="99:99", notes="ok")
    with pytest.raises(ValidationError) as caught:
        form.apply(SESSION)
    assert set(caught.value.errors) == {"title", "kind", "planned_minutes", "fixed_start"}
    saved = SessionForm(title="[bold]Gemba[/]", kind="observation", duration="1h30", fixed_start="9:30").apply(SESSION)
    assert (saved.title, saved.planned_minutes, saved.fixed_start.hour) == ("[bold]Gemba[/]", 90, 9)


# Timer arithmetic --------------------------------------------------------------------------------


def test_pause_resume_and_extend_arithmetic():
    timer = fold(
        SESSION,
        [
            entry(SESSION, TimerAction.START, 0),
            entry(SESSION, TimerAction.PAUSE, 20),
            entry(SESSION, TimerAction.RESUME, 35),  # 15 paused minutes do not count
            entry(SESSION, TimerAction.EXTEND, 40, minutes=5),
            entry(SESSION, TimerAction.EXTEND, 41, minutes=10),
        ],
    )
    assert timer.state is TimerState.RUNNING
    assert timer.elapsed(at(50)) == timedelta(minutes=35)
    assert timer.remaining(at(50)) == timedelta(minutes=60 + 15 - 35)
    assert timer.remaining(at(90)) == timedelta(0)
    assert timer.remaining(at(100)) == timedelta(minutes=-10)
    assert format_countdown(timer.remaining(at(100))) == "+10:00"


def test_a_paused_timer_stands_still():
    timer = fold(SESSION, [entry(SESSION, TimerAction.START, 0), entry(SESSION, TimerAction.PAUSE, 10)])
    assert timer.state is TimerState.PAUSED
    assert timer.elapsed(at(10)) == timer.elapsed(at(500)) == timedelta(minutes=10)


def test_finish_closes_the_open_segment_and_skip_counts_what_ran():
    finished = fold(SESSION, [entry(SESSION, TimerAction.START, 0), entry(SESSION, TimerAction.FINISH, 70)])
    assert finished.state is TimerState.FINISHED
    assert finished.elapsed(at(500)) == timedelta(minutes=70)
    skipped = fold(SESSION, [entry(SESSION, TimerAction.SKIP, 5)])
    assert skipped.state is TimerState.SKIPPED and skipped.elapsed(at(9)) == timedelta(0)


def test_count_down_to_a_clock_time_ignores_the_plan_and_pauses():
    until = at(180)
    timer = fold(SESSION, [entry(SESSION, TimerAction.START, 0), entry(SESSION, TimerAction.UNTIL, 1, until=until)])
    assert timer.remaining(at(170)) == timedelta(minutes=10)
    extended = fold(SESSION, [entry(SESSION, TimerAction.START, 0), entry(SESSION, TimerAction.UNTIL, 1, until=until),
                              entry(SESSION, TimerAction.EXTEND, 2, minutes=5)])
    assert extended.remaining(at(170)) == timedelta(minutes=15)


def test_format_countdown():
    assert format_countdown(timedelta(minutes=25)) == "25:00"
    assert format_countdown(timedelta(seconds=59.2)) == "01:00"
    assert format_countdown(timedelta(seconds=-75)) == "+01:15"
    assert format_countdown(timedelta(hours=2, minutes=3, seconds=4)) == "2:03:04"


def test_an_eight_hour_simulated_day_has_zero_drift():
    """Tick every second through 8 hours: each session ends exactly on its planned second."""
    sessions = [Session(event_id="e", day=1, position=i, title=f"S{i}", planned_minutes=m)
                for i, m in enumerate([30, 90, 15, 120, 30, 90, 60, 45])]
    assert sum(s.planned_minutes for s in sessions) == 480
    entries, minute = [], 0
    for session in sessions:
        entries.append(entry(session, TimerAction.START, minute))
        minute += session.planned_minutes
        entries.append(entry(session, TimerAction.FINISH, minute))
    state = AgendaState.build("e", sessions, entries)
    # Replay as the cockpit would see it: at every second, the running session's remaining time is
    # exactly what the plan says, however many ticks came before.
    boundaries = []
    cursor = 0
    for session in sessions:
        boundaries.append((cursor, cursor + session.planned_minutes, session))
        cursor += session.planned_minutes
    for second in range(0, 8 * 3600, 7):
        now = T0 + timedelta(seconds=second)
        start, end, session = next(b for b in boundaries if b[0] * 60 <= second < b[1] * 60)
        live = fold(session, [e for e in entries if e.session_id == session.id and e.at <= now])
        assert live.remaining(now) == timedelta(minutes=end) - timedelta(seconds=second)
    total = sum((state.timer(s.id).elapsed(at(10_000)) for s in sessions), timedelta())
    assert total == timedelta(hours=8)


# Templates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [2, 3, 4, 5])
def test_blitz_templates_follow_published_practice(days):
    plan = blitz_rows(days)
    assert len(plan) == days
    titles = [row[0] for day in plan for row in day]
    assert any("Kick-off" in t for t in titles[:2])
    assert any("Report-out" in t or "presentation" in t for t in [row[0] for row in plan[-1]])
    assert all(any("debrief" in row[0].lower() for row in day) for day in plan[:-1])
    sessions = blitz_sessions("e", days)
    assert {s.day for s in sessions} == set(range(1, days + 1))


def test_no_template_for_a_one_day_blitz():
    with pytest.raises(UserError):
        blitz_rows(1)


def test_set_meeting_template():
    titles = [s.title for s in set_meeting_sessions("e", 3)]
    assert any("Questioning" in t for t in titles) and "Reflection" in titles[-1]


# Forecast ----------------------------------------------------------------------------------------


def _day(minutes_list, fixed=None):
    from datetime import time

    sessions = []
    for i, m in enumerate(minutes_list):
        sessions.append(Session(event_id="e", day=1, position=i, title=f"S{i}", planned_minutes=m,
                                fixed_start=(fixed or {}).get(i) and time.fromisoformat(fixed[i])))
    return sessions


def test_forecast_projects_overruns_onto_the_end_of_the_day():
    sessions = _day([60, 60, 60], fixed={0: "08:00"})
    entries = [entry(sessions[0], TimerAction.START, 0), entry(sessions[0], TimerAction.FINISH, 80),
               entry(sessions[1], TimerAction.START, 80)]
    state = AgendaState.build("e", sessions, entries)
    forecast = forecast_day(state, 1, date(2026, 11, 25), at(100), UTC)
    assert forecast.planned_end == at(180)
    assert forecast.projected_end == at(200)
    assert forecast.slip_minutes == 20 and forecast.late
    # The running session in overrun pushes the rest from now.
    forecast = forecast_day(state, 1, date(2026, 11, 25), at(150), UTC)
    assert forecast.projected_end == at(210)


def test_a_fixed_time_session_absorbs_slack_before_it():
    sessions = _day([60, 30], fixed={0: "08:00", 1: "10:00"})
    entries = [entry(sessions[0], TimerAction.START, 0), entry(sessions[0], TimerAction.FINISH, 75)]
    forecast = forecast_day(AgendaState.build("e", sessions, entries), 1, date(2026, 11, 25), at(76), UTC)
    assert forecast.projected_end == forecast.planned_end == at(150)
    assert not forecast.late and replans(forecast, 5) == []


def test_replans_offer_shortening_skipping_and_moving():
    sessions = _day([60, 60, 40, 40], fixed={0: "08:00"})
    entries = [entry(sessions[0], TimerAction.START, 0), entry(sessions[0], TimerAction.FINISH, 90)]
    forecast = forecast_day(AgendaState.build("e", sessions, entries), 1, date(2026, 11, 25), at(90), UTC)
    assert forecast.slip_minutes == 30
    options = replans(forecast, days=3)
    kinds = [o.kind for o in options]
    assert kinds[0] == "shorten" and "skip" in kinds and "move" in kinds
    shorten = options[0]
    assert sum(sessions[i].planned_minutes - shorten.durations[sessions[i].id] for i in (1, 2, 3)) >= 30
    assert "to end by 11:20" in shorten.label
    # Applied (the plan changes and the log says from what), the day ends on time again, and its
    # planned end stays where it was: a re-plan does not move the goalposts.
    retimed = [replace(s, planned_minutes=shorten.durations.get(s.id, s.planned_minutes)) for s in sessions]
    log = entries + [
        entry(s, TimerAction.REPLAN, 90, minutes=shorten.durations[s.id], from_minutes=s.planned_minutes, from_day=1)
        for s in sessions[1:]
    ]
    after = forecast_day(AgendaState.build("e", retimed, log), 1, date(2026, 11, 25), at(90), UTC)
    assert after.planned_end == forecast.planned_end
    assert not after.late
    assert not any(o.kind == "move" for o in replans(forecast, days=1))


_ACTIONS = st.sampled_from([TimerAction.START, TimerAction.PAUSE, TimerAction.RESUME, TimerAction.EXTEND,
                            TimerAction.FINISH, TimerAction.SKIP])


@given(st.lists(st.tuples(_ACTIONS, st.integers(min_value=0, max_value=90)), max_size=12))
@settings(max_examples=100)
def test_any_log_gives_time_that_never_runs_ahead_of_the_clock(steps):
    entries, minute = [], 0
    for action, gap in steps:
        minute += gap
        entries.append(entry(SESSION, action, minute, minutes=5 if action is TimerAction.EXTEND else None))
    timer = fold(SESSION, entries)
    end = at(minute)
    later = at(minute + 60)
    elapsed, elapsed_later = timer.elapsed(end), timer.elapsed(later)
    first_start = timer.started_at
    assert elapsed <= (end - first_start if first_start else timedelta(0))
    assert elapsed_later >= elapsed
    if timer.state is TimerState.RUNNING:
        assert elapsed_later - elapsed == timedelta(minutes=60)
    else:
        assert elapsed_later == elapsed  # paused or closed: the clock moving changes nothing
    assert timer.remaining(end) + elapsed == timer.allowed
