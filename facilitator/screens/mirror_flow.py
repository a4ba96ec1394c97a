"""The method mirror's part of the event screen: the `M` key and the drift nudge.

Kept here so the shared event screen only needs one call per hook.
"""

from __future__ import annotations

from collections import Counter

from textual.screen import Screen

from facilitator.domain.event import Event
from facilitator.widgets.mirror_nudge import MirrorNudge


def open_mirror(screen: Screen, event: Event | None) -> None:
    if event is not None:
        from facilitator.screens.mirror import MirrorScreen

        screen.app.push_screen(MirrorScreen(event.id))


def refresh(screen: Screen, event: Event | None, decided_by: Counter | None = None) -> None:
    """Re-check the drift after anything that moves it: a decision, a reflection, the status.

    ``decided_by``: who decided how often, when the screen already holds it (after a capture).
    """
    if event is None:
        return
    for nudge in screen.query(MirrorNudge):
        nudge.check(event, decided_by)
