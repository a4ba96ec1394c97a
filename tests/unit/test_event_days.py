"""Working days: a 3-day blitz from Friday runs Friday, Monday, Tuesday; dates can also be picked."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from facilitator.cli import cli
from facilitator.domain.errors import ValidationError
from facilitator.domain.event import CharterForm, Event, EventKind, describe_schedule, parse_schedule, working_days

FRIDAY = date(2026, 11, 27)


def test_a_new_blitz_skips_the_weekend():
    event = CharterForm(title="Press 4", start_date=FRIDAY.isoformat(), days="3").to_event()
    assert [event.day_date(day) for day in (1, 2, 3)] == [FRIDAY, date(2026, 11, 30), date(2026, 12, 1)]
    assert event.end_date == date(2026, 12, 1)
    assert event.day_on(date(2026, 11, 28)) is None  # Saturday is not a blitz day
    assert CharterForm.from_event(event).dates == "weekdays"


def test_every_day_weekly_and_picked_dates():
    assert parse_schedule("every day", EventKind.KAIZEN, FRIDAY, 3) == ()
    assert parse_schedule("", EventKind.ACTION_LEARNING, FRIDAY, 4) == ()  # a set meets weekly
    picked = parse_schedule("2026-11-27, 2026-12-02,2026-12-04", EventKind.KAIZEN, FRIDAY, 3)
    event = Event(title="x", kind=EventKind.KAIZEN, start_date=FRIDAY, days=3, dates=picked)
    assert event.end_date == date(2026, 12, 4) and describe_schedule(event) == "2026-11-27, 2026-12-02, 2026-12-04"
    assert CharterForm.from_event(event).to_event(event).dates == picked


@pytest.mark.parametrize(
    "text, message",
    [
        ("2026-11-27, 2026-11-30", "2 date(s) for 3 days"),
        ("2026-11-28, 2026-11-30, 2026-12-01", "first date must be the start date"),
        ("2026-11-27, 2026-12-01, 2026-11-30", "in order"),
        ("2026-11-27, someday, 2026-12-01", "Each date must be a real date"),
    ],
)
def test_bad_dates_are_explained_beside_the_field(text, message):
    with pytest.raises(ValidationError) as caught:
        CharterForm(title="x", start_date=FRIDAY.isoformat(), days="3", dates=text).to_event()
    assert message in caught.value.errors["dates"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=1, max_value=20))
def test_working_days_never_land_on_a_weekend_after_the_first(start, days):
    found = working_days(start, days)
    assert len(found) == days and found[0] == start
    assert all(day.weekday() < 5 for day in found[1:])
    assert list(found) == sorted(set(found))


def test_dates_survive_storage_the_cli_and_a_json_round_trip(store, tmp_path):
    from facilitator.storage.store import Store

    event = store.events.add(CharterForm(title="Friday blitz", start_date=FRIDAY.isoformat(), days="3").to_event())
    assert store.events.get(event.id).dates == event.dates
    runner = CliRunner()
    listed = json.loads(runner.invoke(cli, ["--db", str(store.path), "events", "--json"]).output)
    assert listed[0]["dates"] == ["2026-11-27", "2026-11-30", "2026-12-01"]
    shown = runner.invoke(cli, ["--db", str(store.path), "show", event.id[:8]]).output
    assert "2026-11-27 to 2026-12-01 (3 days, weekdays)" in shown
    exported = tmp_path / "blitz.json"
    assert runner.invoke(cli, ["--db", str(store.path), "export", event.id, "--format", "json", "-o", str(exported)]).exit_code == 0
    other = tmp_path / "other.db"
    result = runner.invoke(cli, ["--db", str(other), "import", str(exported)])
    assert result.exit_code == 0, result.output
    copy = Store(other)
    try:
        assert copy.events.get(event.id).end_date == date(2026, 12, 1)
    finally:
        copy.close()


def test_an_import_with_dates_that_do_not_fit_is_refused(store, tmp_path):
    event = store.events.add(CharterForm(title="Friday blitz", start_date=FRIDAY.isoformat(), days="3").to_event())
    runner = CliRunner()
    exported = tmp_path / "blitz.json"
    runner.invoke(cli, ["--db", str(store.path), "export", event.id, "--format", "json", "-o", str(exported)])
    data = json.loads(exported.read_text())
    data["tables"]["events"][0]["dates"] = json.dumps(["2026-11-27"])
    exported.write_text(json.dumps(data))
    other = tmp_path / "other.db"
    result = runner.invoke(cli, ["--db", str(other), "import", str(exported)])
    assert result.exit_code == 1 and "nothing imported" in result.output
