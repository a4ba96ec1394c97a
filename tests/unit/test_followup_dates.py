"""Due dates as typed: ISO dates, offsets, weekdays and phrases are understood; anything else is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.due_dates import MAX_DAYS_AHEAD, parse_due_date
from facilitator.domain.errors import ValidationError

WEDNESDAY = date(2026, 11, 25)
todays = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        (" 2026-12-01 ", date(2026, 12, 1)),
        ("+30d", date(2026, 12, 25)),
        ("+2w", date(2026, 12, 9)),
        ("+1m", date(2026, 12, 25)),
        ("in 3 days", date(2026, 11, 28)),
        ("today", WEDNESDAY),
        ("tomorrow", date(2026, 11, 26)),
        ("Tomorrow", date(2026, 11, 26)),
        ("fri", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("next fri", date(2026, 11, 27)),
        ("wed", date(2026, 12, 2)),  # the next Wednesday, not today
        ("mon", date(2026, 11, 30)),
        ("next week", date(2026, 11, 30)),
        ("next   WEEK", date(2026, 11, 30)),
        ("end of week", date(2026, 11, 27)),
        ("end of month", date(2026, 11, 30)),
        ("eom", date(2026, 11, 30)),
        ("next month", date(2026, 12, 1)),
        ("1 dec", date(2026, 12, 1)),
        ("Dec 1", date(2026, 12, 1)),
        ("1st December 2027", date(2027, 12, 1)),
        ("december 1, 2027", date(2027, 12, 1)),
        ("25 nov", WEDNESDAY),
        ("24 nov", date(2027, 11, 24)),  # already past this year: next year's
        ("29 feb", date(2028, 2, 29)),
    ],
)
def test_understood(typed, expected):
    assert parse_due_date(typed, WEDNESDAY) == expected


def test_month_offset_clamps_to_the_last_day():
    assert parse_due_date("+1m", date(2027, 1, 31)) == date(2027, 2, 28)


def test_end_of_month_on_the_last_day_means_next_month():
    assert parse_due_date("end of month", date(2026, 11, 30)) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "required"),
        ("   ", "required"),
        ("soon", "not a date I understand"),
        ("2026-02-30", "not a date I understand"),
        ("2026/12/01", "not a date I understand"),
        ("+30", "not a date I understand"),
        ("+30y", "not a date I understand"),
        ("-3d", "not a date I understand"),
        ("next fortnight", "not a date I understand"),
        ("fri[bold]", "not a date I understand"),
        ("31 apr", "not a date I understand"),
        ("1 smarch", "not a date I understand"),
        ("01/12", "not a date I understand"),
        ("+99999d", "more than ten years"),
        ("2099-01-01", "more than ten years"),
    ],
)
def test_refused_with_a_message(typed, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_due_date(typed, WEDNESDAY)
    assert set(caught.value.errors) == {"due"}
    assert fragment in caught.value.errors["due"]


@given(todays, st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_iso_dates_read_back(today, when):
    if (when - today).days > MAX_DAYS_AHEAD:
        with pytest.raises(ValidationError):
            parse_due_date(when.isoformat(), today)
    else:
        assert parse_due_date(when.isoformat(), today) == when


@given(todays, st.integers(min_value=0, max_value=MAX_DAYS_AHEAD))
def test_day_offsets(today, days):
    assert parse_due_date(f"+{days}d", today) == today + timedelta(days=days)


@given(todays, st.integers(min_value=0, max_value=MAX_DAYS_AHEAD // 7))
def test_week_offsets(today, weeks):
    assert parse_due_date(f"+{weeks}w", today) == today + timedelta(weeks=weeks)


@given(todays, st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), st.booleans())
def test_weekday_is_the_next_occurrence(today, name, full):
    names = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday", "fri": "friday",
             "sat": "saturday", "sun": "sunday"}
    result = parse_due_date(names[name] if full else name, today)
    assert result.strftime("%a").lower() == name
    assert 1 <= (result - today).days <= 7


@given(todays, st.integers(min_value=0, max_value=364), st.booleans())
def test_day_and_month_names_mean_the_next_such_day(today, ahead, month_first):
    when = today + timedelta(days=ahead)
    month = when.strftime("%b").lower()
    typed = f"{month} {when.day}" if month_first else f"{when.day} {month}"
    assert parse_due_date(typed, today) == when


@given(todays)
def test_next_week_is_a_monday_within_seven_days(today):
    result = parse_due_date("next week", today)
    assert result.weekday() == 0
    assert 1 <= (result - today).days <= 7


@given(todays)
def test_end_of_month_is_a_last_day_after_today(today):
    result = parse_due_date("end of month", today)
    assert (result + timedelta(days=1)).day == 1
    assert result > today


@settings(max_examples=100)
@given(todays, st.text(max_size=40))
def test_any_text_is_a_date_or_a_validation_error(today, typed):
    try:
        result = parse_due_date(typed, today)
    except ValidationError as error:
        assert error.errors["due"]
    else:
        assert isinstance(result, date)
        assert (result - today).days <= MAX_DAYS_AHEAD
