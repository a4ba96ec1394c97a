"""The target sheet: measured values, progress from baseline to goal in the right direction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Event, EventKind, Target
from facilitator.domain.measurement import (
    Measurement,
    parse_measured_at,
    parse_value,
    progress_for,
)

CHANGEOVER = Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="t-co")
YIELD = Target(metric="First-pass yield", unit="%", baseline=91, goal=98, id="t-fpy")
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(("typed", "value"), [("31", 31.0), (" 31.5 ", 31.5), ("31,5", 31.5), ("-2", -2.0), ("96%", 96.0)])
def test_numbers_as_typed(typed, value):
    assert parse_value(typed, YIELD if typed.endswith("%") else CHANGEOVER) == value


@pytest.mark.parametrize(
    ("typed", "target", "fragment"),
    [
        ("", CHANGEOVER, "required"),
        ("thirty", CHANGEOVER, "must be a number"),
        ("3l", CHANGEOVER, "must be a number"),
        ("nan", CHANGEOVER, "finite"),
        ("inf", CHANGEOVER, "finite"),
        ("1e300", CHANGEOVER, "finite"),
        ("120", YIELD, "0 to 100"),
    ],
)
def test_bad_numbers_refused(typed, target, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_value(typed, target)
    assert fragment in caught.value.errors["value"]


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_any_ordinary_number_reads_back(value):
    assert parse_value(repr(value), CHANGEOVER) == value


def test_when_as_typed():
    assert parse_measured_at("", NOW) == NOW
    assert parse_measured_at("now", NOW) == NOW
    assert parse_measured_at("09:30", NOW) == NOW.replace(hour=9, minute=30)
    assert parse_measured_at("2026-11-24 16:05", NOW) == datetime(2026, 11, 24, 16, 5, tzinfo=UTC)
    for bad in ("16:00", "25:00", "yesterday", "2026-11-31 10:00"):
        with pytest.raises(ValidationError):
            parse_measured_at(bad, NOW)


def m(target: Target, value: float, hours: float) -> Measurement:
    return Measurement(event_id="e", target_id=target.id, value=value, measured_at=NOW - timedelta(hours=hours))


def test_progress_in_both_directions():
    changeover, fpy = progress_for(
        (CHANGEOVER, YIELD),
        [m(CHANGEOVER, 26, 1), m(CHANGEOVER, 47, 30), m(YIELD, 99, 2), m(YIELD, 93, 20)],
    )
    assert [x.value for x in changeover.measurements] == [47, 26]
    assert changeover.actual == 26
    assert changeover.fraction == pytest.approx(21 / 27)
    assert not changeover.met
    assert changeover.summary() == "47 -> 26 min (goal 20, lower is better): 78% of the way"
    assert fpy.met
    assert fpy.summary() == "91 -> 99 % (goal 98, higher is better): goal met"


def test_unmeasured_target():
    (progress,) = progress_for((CHANGEOVER,), [])
    assert progress.actual is None and progress.fraction is None and not progress.met
    assert "not measured yet" in progress.summary()


def test_measurements_are_stored_and_survive_charter_edits(store, clock):
    event = store.events.add(
        Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5, targets=(CHANGEOVER, YIELD))
    )
    first = store.measurements.add(Measurement(event_id=event.id, target_id=CHANGEOVER.id, value=47, measured_at=NOW - timedelta(days=1), note="baseline check"))
    second = store.measurements.add(Measurement(event_id=event.id, target_id=YIELD.id, value=95, measured_at=NOW))
    store.events.update(replace(store.events.get(event.id), title="SMED line 4"))
    assert store.measurements.for_event(event.id) == [first, second]
    # A target taken out of the charter takes its measurements with it.
    store.events.update(replace(store.events.get(event.id), targets=(YIELD,)))
    assert store.measurements.for_event(event.id) == [second]


def test_measurement_for_a_target_of_another_event_is_refused(store):
    from facilitator.storage.errors import NotFound

    event = store.events.add(Event(title="SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    with pytest.raises(NotFound):
        store.measurements.add(Measurement(event_id=event.id, target_id="nope", value=1, measured_at=NOW))
    assert store.measurements.for_event(event.id) == []


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_clock_times_today_up_to_now(hour, minute):
    moment = NOW.replace(hour=hour, minute=minute)
    if moment <= NOW + timedelta(minutes=1):
        assert parse_measured_at(f"{hour:02d}:{minute:02d}", NOW) == moment
    else:
        with pytest.raises(ValidationError):
            parse_measured_at(f"{hour}:{minute:02d}", NOW)


@given(st.text(max_size=30))
def test_any_typed_value_is_a_number_or_a_message_beside_the_field(typed):
    try:
        value = parse_value(typed, YIELD)
    except ValidationError as error:
        assert set(error.errors) == {"value"}
    else:
        assert 0 <= value <= 100
