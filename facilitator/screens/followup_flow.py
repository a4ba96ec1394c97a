"""The follow-up area's part of the event screen: its tab, its keys, the day's notice, the report-out.

Kept here so the shared event screen only needs one call per key.
"""

from __future__ import annotations

from textual.screen import Screen

from facilitator.domain.clock import local_today
from facilitator.domain.event import Event
from facilitator.screens.report_out import ReportOutScreen
from facilitator.report.gather import current_day
from facilitator.widgets.earlier_followups import day_notice
from facilitator.widgets.followup_area import FollowUpArea


def show_event(screen: Screen, event: Event) -> None:
    screen.query_one(FollowUpArea).load(event)


def add_followup(screen: Screen) -> None:
    screen.query_one(FollowUpArea).add_followup()


def record_measurement(screen: Screen) -> None:
    screen.query_one(FollowUpArea).record_measurement()


def open_report_out(screen: Screen, event: Event | None) -> None:
    if event is not None:
        screen.app.push_screen(ReportOutScreen(event.id, current_day(event, local_today(screen.app.clock))))


def greet(screen: Screen, event: Event) -> None:
    notice = day_notice(event, screen.app.store, local_today(screen.app.clock))
    if notice:
        screen.notify(notice, title="Open follow-ups", timeout=12, markup=False)
