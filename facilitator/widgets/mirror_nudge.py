"""One line on the event screen, shown only while a running event drifts from its own kind.

An Action Learning set whose facilitator takes most decisions, a blitz with no end reflection: the
method mirror (M) says why; this line says it without being asked.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.widgets import Static

from facilitator.domain.clock import local_today
from facilitator.domain.event import Event


class MirrorNudge(Static):
    DEFAULT_CSS = """
    MirrorNudge { height: auto; max-height: 2; padding: 0 1; color: $warning; text-style: bold; display: none; }
    MirrorNudge.-drifting { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""

    def check(self, event: Event, decided_by: Counter | None = None) -> str:
        """Re-read the event's records (who decided: ``decided_by`` when given); returns the nudge now shown."""
        from facilitator.storage.mirror import event_drift

        message = event_drift(self.app.store, event, local_today(self.app.clock), decided_by)
        self.message = message
        self.set_class(bool(message), "-drifting")
        self.update(Text(f"Mirror: {message}  (M)" if message else ""))
        return message
