"""The home screen's "Reads as" column: each event's overall mirror reading and, once it is done, how many of
its targets slip back; filled in off the UI thread.

The list paints first with an empty column; a thread worker (its own SQLite connection) computes each
event's mirror and fills the cells in, so a long list never delays the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist
from textual.worker import get_current_worker

from facilitator.widgets.theme_styles import theme_styles

if TYPE_CHECKING:
    from facilitator.domain.mirror import Mirror

COLUMN_KEY = "reading"
COLUMN_LABEL = "Reads as"
WIDTH = len("Task force! 1 slipping")
_SHORT = {"action_learning": "AL", "kaizen": "Kaizen", "task_force": "Task force"}


def add_column(table: DataTable) -> None:
    # A fixed width: the cells arrive after the first paint, and the columns should not jump when they do.
    table.add_column(COLUMN_LABEL, key=COLUMN_KEY, width=WIDTH)


def placeholder() -> Text:
    return Text("")


def cell(mirror: Mirror, slipping: int, styles: dict) -> Text:
    """``Kaizen`` when the event reads as its own kind; ``Task force!`` in the warning colour when not;
    then, for a done event whose gains slip back, ``2 slipping`` in the error colour."""
    label = _SHORT[mirror.closest.value]
    text = Text(label) if mirror.closest is mirror.own else Text(f"{label}!", style=styles["warning"])
    if slipping:
        text.append(f" {slipping} slipping", style=styles["error"])
    return text


def start(screen: Screen, table: DataTable, event_ids: list[str]) -> None:
    if not event_ids:
        return
    store = screen.app.store
    slip_share = getattr(getattr(screen.app, "settings", None), "slip_share", None)

    def compute() -> None:
        # Imported here, in the worker: the mirror and sustain rules are not needed to paint the list.
        from facilitator.domain.sustain import DEFAULT_SLIP_SHARE
        from facilitator.storage.mirror import event_mirror
        from facilitator.storage.sustain import slipping_count

        share = DEFAULT_SLIP_SHARE if slip_share is None else slip_share

        worker = get_current_worker()
        local = store.for_thread()
        try:
            found = {}
            for event_id in event_ids:
                event = local.events.get(event_id)
                found[event_id] = (event_mirror(local, event), slipping_count(local, event, share))
        finally:
            local.close()
        if not worker.is_cancelled:
            screen.app.call_from_thread(apply, screen, table, found)

    screen.run_worker(compute, thread=True, group="home-readings", exclusive=True, exit_on_error=False)


def apply(screen: Screen, table: DataTable, found: dict[str, tuple[Mirror, int]]) -> None:
    styles = theme_styles(screen.app)
    for event_id, (mirror, slipping) in found.items():
        try:
            table.update_cell(event_id, COLUMN_KEY, cell(mirror, slipping, styles))
        except (CellDoesNotExist, RowDoesNotExist):
            continue  # the list changed while the readings were computed
