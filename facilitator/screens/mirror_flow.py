"""The method mirror's part of the event screen: the `M` key and the drift nudge.

Kept here so the shared event screen only needs one call per hook.
"""

from __future__ import annotations

from textual.screen import Screen

from facilitator.domain.event import Event
from facilitator.widgets.decision_insights import DecisionInsights
from facilitator.widgets.mirror_nudge import MirrorNudge


def open_mirror(screen: Screen, event: Event | None) -> None:
    if event is not None:
        from facilitator.screens.mirror import MirrorScreen

        screen.app.push_screen(MirrorScreen(event.id))


def refresh(screen: Screen, event: Event | None) -> None:
    """Re-check the drift after anything that moves it: a decision, a reflection, the status.

    Who decided how often is the count shown beside the charter: every path that changes decisions
    (a capture, an amendment, a shell) moves or re-reads it first, so the nudge need not count again.
    """
    if event is None:
        return
    tally = next((insights.tally for insights in screen.query(DecisionInsights)), None)
    decided_by = tally.decided_by if tally is not None else None
    for nudge in screen.query(MirrorNudge):
        nudge.check(event, decided_by)
