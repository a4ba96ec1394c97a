"""The charter's rules: what the form accepts, what it refuses and with which message."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import CharterForm, Direction, EventKind, parse_date, parse_days, parse_targets


def valid_form(**changes) -> CharterForm:
    values = dict(title="Press line 4 changeover", kind="kaizen", start_date="2026-11-23", days="5")
    values.update(changes)
    return CharterForm(**values)


def test_valid_form_builds_event():
    event = valid_form(team="Dana\n\n  Luis  \n", targets="Changeover time; min; 47; 20").to_event()
    assert event.title == "Press line 4 changeover"
    assert event.kind is EventKind.KAIZEN
    assert event.team == ("Dana", "Luis")
    assert event.end_date == date(2026, 11, 27)
    assert event.targets[0].direction is Direction.LOWER


def test_all_field_errors_are_reported_together():
    with pytest.raises(ValidationError) as caught:
        valid_form(title=" ", start_date="2026-13-01", days="7").to_event()
    assert set(caught.value.errors) == {"title", "start_date", "days"}
    assert caught.value.errors["days"] == "A Kaizen blitz has 2-5 days."


@pytest.mark.parametrize(
    ("kind", "days", "ok"),
    [("kaizen", "1", False), ("kaizen", "2", True), ("kaizen", "5", True), ("kaizen", "6", False),
     ("action_learning", "1", True), ("action_learning", "20", True), ("action_learning", "21", False),
     ("kaizen", "abc", False), ("kaizen", "", False), ("kaizen", "2.5", False)],
)
def test_day_count_within_the_kinds_range(kind, days, ok):
    if ok:
        assert parse_days(days, EventKind(kind)) == int(days)
    else:
        with pytest.raises(ValidationError):
            parse_days(days, EventKind(kind))


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-02-30", "30/11/2026", "2026-11-25T10:00:00"])
def test_dates_must_be_real(text):
    with pytest.raises(ValidationError) as caught:
        parse_date(text)
    assert "real date" in caught.value.errors["start_date"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_real_date_round_trips(day):
    assert parse_date(day.isoformat()) == day


def test_markup_and_emoji_kept_exactly_as_typed():
    title = "[bold]Weld[/] cell [link=x]5S[/link] 🔧"
    assert valid_form(title=title).to_event().title == title


@pytest.mark.parametrize("title", ["bell\x07", "esc\x1b[31m", "nul\x00"])
def test_control_characters_refused(title):
    with pytest.raises(ValidationError) as caught:
        valid_form(title=title).to_event()
    assert "control characters" in caught.value.errors["title"]


def test_huge_text_refused_with_its_size():
    with pytest.raises(ValidationError) as caught:
        valid_form(problem="x" * 25_000).to_event()
    assert "25,000" in caught.value.errors["problem"]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [("Lead time; h; 10", "metric; unit; baseline; goal"), ("Lead time; h; ten; 5", "baseline must be a number"),
     ("Lead time; h; 10; nan", "finite"), ("Yield; %; 1; 2\nYield; %; 3; 4", "already listed"), ("Lead time; h; 10; 10", "equals the baseline"), ("; h; 1; 2", "metric; unit")],
)
def test_bad_target_lines_refused(line, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_targets(line)
    assert fragment in caught.value.errors["targets"]


def test_a_target_renamed_on_its_line_keeps_its_id_and_a_new_one_gets_its_own():
    first = parse_targets("Changeover time; min; 47; 20\nYield; %; 91; 98")
    second = parse_targets("Die change time; min; 47; 20\nYield; %; 91; 98\nScrap; %; 4; 1", existing=first)
    assert [t.id for t in second[:2]] == [t.id for t in first]
    assert second[2].id not in {t.id for t in first}
    swapped = parse_targets("Yield; %; 91; 98\nChangeover time; min; 47; 20", existing=first)
    assert [t.id for t in swapped] == [first[1].id, first[0].id]


def test_target_ids_survive_an_edit_of_the_same_metric():
    first = parse_targets("Changeover time; min; 47; 20\nYield; %; 91; 98")
    second = parse_targets("Changeover time; min; 45; 18", existing=first)
    assert second[0].id == first[0].id


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
)
def test_targets_round_trip_through_their_line_form(baseline, goal):
    if baseline == goal:
        return
    target = parse_targets(f"Metric; unit; {baseline!r}; {goal!r}")[0]
    assert parse_targets(target.as_line())[0].baseline == pytest.approx(baseline)
    assert (target.direction is Direction.LOWER) == (goal < baseline)
