"""One line, always in sight on the event screen: how many parked items are still open."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.domain.decision import Decision
from facilitator.domain.decision_tally import DecisionTally


class ParkingCount(Static):
    DEFAULT_CSS = """
    ParkingCount { height: 1; width: auto; padding: 0 1; color: $text-muted; }
    ParkingCount.-open { color: $warning; text-style: bold; }
    """

    count: reactive[int] = reactive(0)

    def __init__(self, event_id: str, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.event_id = event_id
        self._moved_by: set[str] = set()  # decisions already counted since the last full read


    def on_mount(self) -> None:
        self.refresh_count()

    def refresh_count(self) -> None:
        self._moved_by.clear()
        self.count = self.app.store.decisions.parked_count(self.event_id)

    def decision_logged(self, decision: Decision, superseded: Decision | None) -> None:
        """One capture moves the count by itself: no recount of the whole event's decisions."""
        if decision.event_id != self.event_id or decision.id in self._moved_by:
            return
        self._moved_by.add(decision.id)
        self.count = DecisionTally(parked=self.count).after(decision, superseded).parked

    def watch_count(self, count: int) -> None:
        self.set_class(count > 0, "-open")
        self.update(Text(f"Parking lot: {count} open  (P)", no_wrap=True))
