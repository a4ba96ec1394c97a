"""The follow-up area's part of the event screen: its tab, its keys, the day's line, the report-out.

Kept here so the shared event screen only needs one call per key.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.screen import Screen

from facilitator.domain.clock import local_today
from facilitator.domain.event import Event
from facilitator.messages import DayStarted
from facilitator.widgets.day_notice import DayNotice
from facilitator.widgets.earlier_followups import day_notice

if TYPE_CHECKING:
    from textual.css.query import DOMQuery

    from facilitator.widgets.followup_area import FollowUpArea

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def _areas(screen: Screen) -> DOMQuery[FollowUpArea]:
    """The screen's follow-up area: none until it is first needed, and its module is imported only then."""
    from facilitator.widgets.followup_area import FollowUpArea

    return screen.query(FollowUpArea)


def show_event(screen: Screen, event: Event) -> None:
    for area in _areas(screen):  # none until the area is first needed; it loads then
        area.load(event)


def add_followup(screen: Screen) -> None:
    _areas(screen).first().add_followup()


def record_measurement(screen: Screen) -> None:
    _areas(screen).first().record_measurement()


def open_report_out(screen: Screen, event: Event | None) -> None:
    if event is not None:
        from facilitator.report.gather import current_day
        from facilitator.screens.report_out import ReportOutScreen

        screen.app.push_screen(ReportOutScreen(event.id, current_day(event, local_today(screen.app.clock))))


def greet(screen: Screen, event: Event) -> None:
    """Say on the screen's day line (not a toast: it would cover a dialog opened at once) what is open."""
    screen.query_one("#day-notice", DayNotice).say(day_notice(event, screen.app.store, local_today(screen.app.clock)))


# The day watch lives on the screen, not in the follow-up area: the area is built only once it is needed.
DAY_CHECK_SECONDS = 60


def new_day(screen: Screen, event: Event | None, seen: date) -> date:
    """A laptop left open overnight: when the date has changed since ``seen``, re-read the follow-ups and
    have the screen say what is open. Returns today's date, the next call's ``seen``."""
    today = local_today(screen.app.clock)
    if today != seen and event is not None:
        for area in _areas(screen):
            area.reload()
        screen.post_message(DayStarted(day_notice(event, screen.app.store, today)))
    return today


def tab_shown(screen: Screen, tab: str) -> None:
    if tab == "followup":  # the facilitator is looking at them now: the line has done its work
        screen.query_one("#day-notice", DayNotice).dismiss()
