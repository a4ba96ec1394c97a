"""The home screen's "Reads as" column: each event's overall mirror reading, filled in off the UI thread.

The list paints first with an empty column; a thread worker (its own SQLite connection) computes each
event's mirror and fills the cells in, so a long list never delays the first paint.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist
from textual.worker import get_current_worker

from facilitator.domain.mirror import Mirror
from facilitator.widgets.theme_styles import theme_styles

COLUMN_KEY = "reading"
COLUMN_LABEL = "Reads as"
_SHORT = {"action_learning": "AL", "kaizen": "Kaizen", "task_force": "Task force"}


def add_column(table: DataTable) -> None:
    # A fixed width: the cells arrive after the first paint, and the columns should not jump when they do.
    table.add_column(COLUMN_LABEL, key=COLUMN_KEY, width=len("Task force!"))


def placeholder() -> Text:
    return Text("")


def cell(mirror: Mirror, styles: dict) -> Text:
    """``Kaizen`` when the event reads as its own kind; ``Task force!`` in the warning colour when not."""
    label = _SHORT[mirror.closest.value]
    if mirror.closest is mirror.own:
        return Text(label)
    return Text(f"{label}!", style=styles["warning"])


def start(screen: Screen, table: DataTable, event_ids: list[str]) -> None:
    if not event_ids:
        return
    store = screen.app.store

    def compute() -> None:
        from facilitator.storage.mirror import event_mirror

        worker = get_current_worker()
        local = store.for_thread()
        try:
            found = {event_id: event_mirror(local, event_id) for event_id in event_ids}
        finally:
            local.close()
        if not worker.is_cancelled:
            screen.app.call_from_thread(apply, screen, table, found)

    screen.run_worker(compute, thread=True, group="home-readings", exclusive=True, exit_on_error=False)


def apply(screen: Screen, table: DataTable, found: dict[str, Mirror]) -> None:
    styles = theme_styles(screen.app)
    for event_id, mirror in found.items():
        try:
            table.update_cell(event_id, COLUMN_KEY, cell(mirror, styles))
        except (CellDoesNotExist, RowDoesNotExist):
            continue  # the list changed while the readings were computed
