"""Due dates as a facilitator types them on the shop floor: ``2026-12-01``, ``+30d``, ``fri``, ``next week``.

Everything is relative to ``today`` (passed in, from the injected clock), so the parser is a pure function.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from facilitator.domain.errors import ValidationError

MAX_DAYS_AHEAD = 3660  # about ten years: anything further is a typo, not a follow-up

_WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}
_UNITS = {"d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "week": 7, "weeks": 7}
_MONTH_UNITS = {"m": 1, "mo": 1, "month": 1, "months": 1}
_OFFSET = re.compile(r"^(?:\+|in\s+)\s*(\d{1,5})\s*([a-z]+)$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")

HELP = "Write a date as 2026-12-01, 1 dec, +30d, +2w, +3m, fri, tomorrow, next week or end of month."


def parse_due_date(text: str, today: date, *, field: str = "due", label: str = "Due date") -> date:
    """The date ``text`` means on ``today``, or a ValidationError saying what is understood.

    Weekday names mean their next occurrence after today (``fri`` on a Friday is a week away);
    ``next week`` is next Monday; ``end of week`` the coming Friday (today on a Friday); ``end of month`` the last day
    of this month (of next month when today is already the last day).
    """
    spoken = " ".join(text.strip().lower().split())
    if not spoken:
        raise ValidationError({field: f"{label} is required. {HELP}"})
    result = _parse(spoken, today)
    if result is None:
        shown = text.strip() if len(text.strip()) <= 30 else text.strip()[:30] + "..."
        raise ValidationError({field: f"{label}: {shown!r} is not a date I understand. {HELP}"})
    if (result - today).days > MAX_DAYS_AHEAD:
        raise ValidationError({field: f"{label} is more than ten years away; check the date."})
    return result


def _parse(spoken: str, today: date) -> date | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", spoken):
        try:
            return date.fromisoformat(spoken)
        except ValueError:
            return None
    if spoken in ("today", "now"):
        return today
    if spoken == "tomorrow":
        return today + timedelta(days=1)
    if spoken in ("next week", "next monday week"):
        return _next_weekday(today, 0)
    if spoken in ("end of week", "eow", "this week"):
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if spoken in ("end of month", "eom"):
        last = _last_of_month(today)
        return last if last != today else _last_of_month(last + timedelta(days=1))
    if spoken == "next month":
        return _add_months(today.replace(day=1), 1)
    words = spoken.removeprefix("next ").removeprefix("this ").removeprefix("on ")
    if words in _WEEKDAYS:
        return _next_weekday(today, _WEEKDAYS[words])
    named = _named_date(spoken, today)
    if named is not None:
        return named
    match = _OFFSET.match(spoken)
    if match:
        count, unit = int(match.group(1)), match.group(2)
        if unit in _UNITS:
            return today + timedelta(days=min(count * _UNITS[unit], MAX_DAYS_AHEAD + 1))
        if unit in _MONTH_UNITS:
            return _add_months(today, min(count, 1200))
    return None


def _named_date(spoken: str, today: date) -> date | None:
    """``1 dec``, ``dec 1``, ``1st December 2026``: without a year, the next such day from today on."""
    match = _DAY_MONTH.match(spoken)
    if match:
        day, month, year = match.group(1), match.group(2), match.group(3)
    elif match := _MONTH_DAY.match(spoken):
        month, day, year = match.group(1), match.group(2), match.group(3)
    else:
        return None
    if month not in _MONTHS:
        return None
    try:
        if year:
            return date(int(year), _MONTHS[month], int(day))
        found = date(today.year, _MONTHS[month], int(day)) if _valid(today.year, _MONTHS[month], int(day)) else None
        if found is None or found < today:
            year_ahead = next(y for y in range(today.year + 1, today.year + 9) if _valid(y, _MONTHS[month], int(day)))
            found = date(year_ahead, _MONTHS[month], int(day))
        return found
    except (ValueError, StopIteration):
        return None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, months: int) -> date:
    """Same day of the month ``months`` later, clamped to the month's last day (31 Jan + 1m = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > 9999:
        return date.max
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
