"""The "7 Fixes" tab: the ranked countermeasures, or the effort/impact 2x2, with the dot tally above.

It only shows; the keys of its table ask the event screen (countermeasure_flow) for dialogs.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from facilitator.domain.countermeasures import Countermeasure, members
from facilitator.domain.event import Event
from facilitator.messages import CountermeasureAsked
from facilitator.widgets.countermeasure_grid import CountermeasureGrid
from facilitator.widgets.countermeasure_table import QUICK_MARK, CountermeasureTable


class CountermeasureArea(Vertical):
    DEFAULT_CSS = """
    CountermeasureArea { height: 1fr; }
    CountermeasureArea #countermeasure-tally { height: 1; padding: 0 1; text-style: bold; }
    CountermeasureArea #countermeasure-hint { height: 1; padding: 0 1; color: $text-muted; }
    CountermeasureArea CountermeasureGrid { display: none; }
    CountermeasureArea.-grid CountermeasureGrid { display: block; }
    CountermeasureArea.-grid CountermeasureTable, CountermeasureArea.-grid #countermeasure-hint { display: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.event: Event | None = None
        self.items: list[Countermeasure] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="countermeasure-tally", markup=False)
        yield Static(
            f"i add - enter edit - v dots - c choose - del drop - g 2x2 - {QUICK_MARK} quick win",
            id="countermeasure-hint", markup=False,
        )
        yield CountermeasureTable(id="countermeasure-table")
        yield CountermeasureGrid(id="countermeasure-grid")

    def on_show(self) -> None:
        self.reload()
        self.focus_view()

    def load(self, event: Event) -> None:
        self.event = event
        self.reload()

    def reload(self) -> None:
        if self.event is None:
            return
        repo = self.app.store.countermeasures
        self.items = repo.for_event(self.event.id)
        texts = {cause.id: cause.text for cause in repo.causes(self.event.id)}
        self.query_one(CountermeasureTable).show(self.items, texts)
        self.query_one(CountermeasureGrid).show(self.items)
        self.query_one("#countermeasure-tally", Static).update(self._tally(repo.budget(self.event.id), repo.spent(self.event.id)))

    def _tally(self, budget: int, spent: dict[str, int]) -> str:
        assert self.event is not None
        team = members(self.event)
        quick = sum(1 for item in self.items if item.quick_win and item.status.value != "dropped")
        chosen = sum(1 for item in self.items if item.status.value == "chosen")
        if not self.items:
            return "Countermeasures: none yet"
        dots = f"{sum(spent.values())} of {budget * len(team)} dots placed ({budget} each)" if team else "no team in the charter to vote"
        return f"{len(self.items)} countermeasures - {dots} - {quick} quick win{'s' if quick != 1 else ''} - {chosen} chosen"

    def select(self, countermeasure_id: str) -> None:
        self.query_one(CountermeasureTable).select(countermeasure_id)

    def toggle_grid(self) -> None:
        self.toggle_class("-grid")
        self.focus_view()

    def focus_view(self) -> None:
        view = CountermeasureGrid if self.has_class("-grid") else CountermeasureTable
        self.query_one(view).focus()

    @on(CountermeasureAsked)
    def _grid_asked(self, message: CountermeasureAsked) -> None:
        if message.what == "grid":  # showing, not a dialog: the area does it itself
            message.stop()
            self.toggle_grid()

    @on(CountermeasureGrid.Closed)
    def _grid_closed(self, message: CountermeasureGrid.Closed) -> None:
        message.stop()
        self.toggle_grid()
