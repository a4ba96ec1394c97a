"""One line, always in sight on the event screen: how many parked items are still open.

It shows the count the decision insights hold (decision_flow.show_counts): the parked items are counted
once per change, with the rest of the tally, not a second time for this line.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class ParkingCount(Static):
    DEFAULT_CSS = """
    ParkingCount { height: 1; width: auto; padding: 0 1; color: $text-muted; }
    ParkingCount.-open { color: $warning; text-style: bold; }
    """

    count: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def watch_count(self, count: int) -> None:
        self.set_class(count > 0, "-open")
        self.update(Text(f"Parking lot: {count} open  (P)", no_wrap=True))
