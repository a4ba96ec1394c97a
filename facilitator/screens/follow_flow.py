"""What the event screen reloads when another process committed: each area only if its tables moved.

The app notices commits from elsewhere (the CLI, a second cockpit, Datasette) with one PRAGMA a second
and posts :class:`~facilitator.messages.DatabaseChanged`; this maps the tables that moved to the areas
that show them, so a decision logged from a shell does not re-read the agenda, and vice versa.
"""

from __future__ import annotations

from textual.screen import Screen

from facilitator.screens import causes_flow, decision_flow
from facilitator.storage.changes import Changes
from facilitator.storage.errors import NotFound
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.decision_insights import DecisionInsights
from facilitator.widgets.countermeasure_area import CountermeasureArea
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.followup_area import FollowUpArea
from facilitator.widgets.reflection_history import ReflectionHistory

CHARTER = ("events", "targets")
TIMER = ("events", "sessions", "timer_log")  # the event's dates decide which day is today
DECISIONS = ("decisions", "decision_amendments")
REFLECTIONS = ("reflections", "reflection_answers", "assumptions", "learning_transfers")
FOLLOWUPS = ("followups", "followup_changes", "measurements")
COUNTERMEASURES = ("countermeasures", "countermeasure_causes", "countermeasure_votes", "causes")
PEOPLE = ("attendance", "evidence")


def follow(screen: Screen, changes: Changes) -> None:
    """Reload what ``changes`` touches on the event screen (which has ``reload`` and ``reload_timer``)."""
    event_before = getattr(screen, "event", None)
    if changes.touches(*CHARTER):
        try:
            screen.reload()  # the title, charter, insights and follow-up area follow the event (watch_event)
        except NotFound:
            return  # deleted by hand under our feet; the screen keeps what it showed
    event = getattr(screen, "event", None)
    event_reloaded = event != event_before
    if changes.touches(*TIMER):
        screen.reload_timer()  # the timer bar, and the agenda with its "reflection owed" marks
    elif changes.touches(*REFLECTIONS):
        for view in screen.query(AgendaView):
            view.refresh_view()
    if changes.touches("sessions") and event is not None and not event_reloaded:
        decision_flow.show_event(screen, event)  # session titles for the log's filter
    if changes.touches(*DECISIONS):
        for log in screen.query(DecisionLog):
            log.follow()
        for insights in screen.query(DecisionInsights):
            insights.refresh_insights()
        decision_flow.show_counts(screen)
    if changes.touches(*REFLECTIONS, "sessions"):
        for history in screen.query(ReflectionHistory):
            history.refresh_history()
    if changes.touches("causes") and event is not None:
        causes_flow.show(screen, event, hidden=True)
    if changes.touches(*FOLLOWUPS, "evidence") and not event_reloaded:
        for area in screen.query(FollowUpArea):
            area.reload()
    if changes.touches(*COUNTERMEASURES) and not event_reloaded:
        for area in screen.query(CountermeasureArea):
            area.reload()
    if changes.touches(*PEOPLE):
        from facilitator.screens import people_flow

        people_flow.show_session(screen, event)
