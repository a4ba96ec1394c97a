"""The follow-up area's part of the event screen: its tab, its keys, the day's line, the report-out.

Kept here so the shared event screen only needs one call per key.
"""

from __future__ import annotations

from textual.screen import Screen

from facilitator.domain.clock import local_today
from facilitator.domain.event import Event
from facilitator.widgets.day_notice import DayNotice
from facilitator.widgets.earlier_followups import day_notice
from facilitator.widgets.followup_area import FollowUpArea

# The dialogs are imported where they open, not above: the event screen's first paint needs none of them.


def show_event(screen: Screen, event: Event) -> None:
    screen.query_one(FollowUpArea).load(event)


def add_followup(screen: Screen) -> None:
    screen.query_one(FollowUpArea).add_followup()


def record_measurement(screen: Screen) -> None:
    screen.query_one(FollowUpArea).record_measurement()


def open_report_out(screen: Screen, event: Event | None) -> None:
    if event is not None:
        from facilitator.report.gather import current_day
        from facilitator.screens.report_out import ReportOutScreen

        screen.app.push_screen(ReportOutScreen(event.id, current_day(event, local_today(screen.app.clock))))


def greet(screen: Screen, event: Event) -> None:
    """Say on the screen's day line (not a toast: it would cover a dialog opened at once) what is open."""
    screen.query_one("#day-notice", DayNotice).say(day_notice(event, screen.app.store, local_today(screen.app.clock)))


def tab_shown(screen: Screen, tab: str) -> None:
    if tab == "followup":  # the facilitator is looking at them now: the line has done its work
        screen.query_one("#day-notice", DayNotice).dismiss()
