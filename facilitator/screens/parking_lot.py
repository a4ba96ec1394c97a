"""The parking lot: parked items still open, each resolved into a decision or carried to the debrief."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from facilitator.domain.clock import local_time
from facilitator.domain.decision import Decision, Verdict
from facilitator.domain.display import visible
from facilitator.domain.errors import UserError
from facilitator.messages import DatabaseChanged
from facilitator.widgets.footer import Footer

_EMPTY = "The parking lot is empty. Park an item with d (quick capture), verdict p."
# The short columns, at the width of their longest value ("d3 14:05", "facilitator", "carried").
_FIXED = (("Parked", "when", 8), ("By", "by", 11), ("Debrief", "debrief", 7))
_SUBJECT_MIN = 12


class ParkingLotScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    ParkingLotScreen { align: center middle; }
    ParkingLotScreen > Vertical {
        width: 110; max-width: 100%; height: 80%; border: thick $warning; background: $surface; padding: 0 1;
    }
    ParkingLotScreen #parking-title { text-style: bold; height: 1; }
    ParkingLotScreen #parking-empty { color: $text-muted; height: auto; margin: 1 0; }
    ParkingLotScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="close_parking_lot", tooltip="Back to the event"),
        Binding("i", "resolve('in_scope')", "In scope", id="parked_in_scope", tooltip="Resolve the parked item: bring it into scope"),
        Binding("o", "resolve('out_of_scope')", "Out of scope", id="parked_out_of_scope", tooltip="Resolve the parked item: out of scope"),
        Binding("f", "resolve('deferred')", "Defer", id="parked_deferred", tooltip="Resolve the parked item: deferred to later"),
        Binding("b", "carry", "To debrief", id="parked_to_debrief", tooltip="Carry the parked item to today's debrief"),
    ]

    def __init__(
        self,
        event_id: str,
        resolve: Callable[[Decision, Verdict, Callable[[], None]], None],
        carry: Callable[[Decision], None],
    ) -> None:
        super().__init__()
        self.event_id = event_id
        self._resolve = resolve
        self._carry = carry
        self._stale = False
        self._items: list[Decision] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Parking lot", id="parking-title", markup=False)
            yield Static(_EMPTY, id="parking-empty", markup=False)
            yield DataTable(id="parking-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_items()

    def on_resize(self) -> None:
        # The items as last read: a resize refits the columns, and only a change in the database reads again.
        self._show_items(self._items)

    def _fit_columns(self, table: DataTable) -> None:
        """The item, the one long column, goes last and takes the width left, so a long subject ends in an
        ellipsis inside the frame instead of running off its edge at 80 columns."""
        width = table.size.width or self.query_one(Vertical).size.width or self.app.size.width
        padding = 2 * table.cell_padding * (len(_FIXED) + 1)
        subject = max(_SUBJECT_MIN, width - sum(w for _, _, w in _FIXED) - padding - 1)  # 1: the scrollbar's room
        table.clear(columns=True)
        for label, key, fixed in _FIXED:
            table.add_column(label, key=key, width=fixed)
        table.add_column("Item", key="subject", width=subject)

    def on_database_changed(self, message: DatabaseChanged) -> None:
        # Items parked or resolved elsewhere; under a dialog of its own, it catches up when shown again.
        if message.changes.touches("decisions", "decision_amendments"):
            self._stale = True
            if self.is_current:
                self._catch_up()

    def on_screen_resume(self) -> None:
        self._catch_up()

    def _catch_up(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_items()

    def refresh_items(self) -> None:
        self._items = self.app.store.decisions.parked(self.event_id)
        self._show_items(self._items)

    def _show_items(self, items: list[Decision]) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self._fit_columns(table)
        for item in items:
            table.add_row(
                Text(f"d{item.day} {local_time(item.decided_at):%H:%M}", no_wrap=True),
                Text(item.decided_by.value),
                Text("carried" if item.carried_to_debrief else "", style="italic"),
                Text(visible(item.subject), overflow="ellipsis", no_wrap=True),
                key=item.id,
            )
        self.query_one("#parking-title", Static).update(f"Parking lot: {len(items)} open")
        self.query_one("#parking-empty").display = not items
        table.display = bool(items)
        if items:
            table.move_cursor(row=min(keep, len(items) - 1))
            table.focus()

    def _selected(self) -> Decision | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.notify("Nothing parked.", severity="warning")
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.app.store.decisions.get(row_key.value)

    def action_resolve(self, verdict: str) -> None:
        if item := self._selected():
            self._resolve(item, Verdict(verdict), self.refresh_items)

    def action_carry(self) -> None:
        item = self._selected()
        if item is None:
            return
        if item.carried_to_debrief:
            self.notify("Already carried to the debrief.", markup=False)
            return
        try:
            self._carry(item)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.refresh_items()

    def action_close(self) -> None:
        self.dismiss(None)
