"""The home screen's "Reads as" column: each event's overall mirror reading and, once it is done, how many of
its targets slip back. An event none of whose days is over yet reads "too early" (domain.mirror.too_early).

Working them out reads most of each event's records, and the rules behind them load a dozen modules: a
thread worker (its own SQLite connection) does it after the list is filled, so a long list never waits
for it. What it found is remembered with a fingerprint of the whole file (storage/remembered.py: every
table's change counter, the schema, the slip share and the rules' own files): when nothing moved since,
the next launch fills the column straight away, with no worker and none of those modules.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist
from textual.worker import get_current_worker

from facilitator.domain.clock import local_today
from facilitator.storage import remembered
from facilitator.widgets.theme_styles import theme_styles

COLUMN_KEY = "reading"
COLUMN_LABEL = "Reads as"
WIDTH = len("Task force! 1 slipping")
_SHORT = {"action_learning": "AL", "kaizen": "Kaizen", "task_force": "Task force"}
READINGS = "home-readings"  # the file in the data dir
# The rules a reading follows: a changed one (an upgrade, an edit) means working every reading out again.
_RULES = ("domain/mirror.py", "domain/sustain.py", "domain/attendance.py", "domain/measurement.py",
          "storage/mirror.py", "storage/sustain.py")

# A reading as remembered: the kind it reads as ("" while too early), whether that is its own kind, and how
# many targets slip.
Reading = tuple[str, bool, int]
TOO_EARLY = "too early"


def add_column(table: DataTable) -> None:
    # A fixed width: the cells arrive after the first paint, and the columns should not jump when they do.
    table.add_column(COLUMN_LABEL, key=COLUMN_KEY, width=WIDTH)


def placeholder() -> Text:
    return Text("")


def cell(reading: Reading, styles: dict) -> Text:
    """``Kaizen`` when the event reads as its own kind; ``Task force!`` in the warning colour when not;
    then, for a done event whose gains slip back, ``2 slipping`` in the error colour."""
    closest, own, slipping = reading
    if not closest:
        return Text(TOO_EARLY, style=styles["muted"])
    label = _SHORT[closest]
    text = Text(label) if own else Text(f"{label}!", style=styles["warning"])
    if slipping:
        text.append(f" {slipping} slipping", style=styles["error"])
    return text


def fingerprint(conn: sqlite3.Connection, slip_share: int | None, today: str) -> str | None:
    package = Path(__file__).resolve().parent.parent
    try:
        rules = [(stat.st_size, stat.st_mtime_ns) for stat in (os.stat(package / name) for name in _RULES)]
    except OSError:  # not laid out as files: no way to tell the rules apart, so never remember
        return None
    # Today too: a day ending changes which events are still too early to read.
    return remembered.fingerprint(conn, also=(slip_share, rules, today))


def start(screen: Screen, table: DataTable, event_ids: list[str]) -> None:
    if not event_ids:
        return
    store = screen.app.store
    slip_share = getattr(getattr(screen.app, "settings", None), "slip_share", None)
    today = local_today(screen.app.clock)
    seen = fingerprint(store.conn, slip_share, today.isoformat())
    known = remembered.recall(READINGS, store.path, "list") if seen is not None else None
    if isinstance(known, dict) and known.get("fingerprint") == seen:
        cells = known.get("readings") or {}
        if all(event_id in cells for event_id in event_ids):
            apply(screen, table, {event_id: tuple(cells[event_id]) for event_id in event_ids})
            return

    def compute() -> None:
        # Imported here, in the worker: the mirror and sustain rules are not needed to paint the list.
        from facilitator.domain.mirror import too_early
        from facilitator.domain.sustain import DEFAULT_SLIP_SHARE
        from facilitator.storage.mirror import days_past, event_mirror
        from facilitator.storage.sustain import slipping_count

        share = DEFAULT_SLIP_SHARE if slip_share is None else slip_share

        worker = get_current_worker()
        local = store.for_thread()
        try:
            # Read before the records: a change made meanwhile moves it, and the next launch works it out again.
            seen = fingerprint(local.conn, slip_share, today.isoformat())
            found: dict[str, Reading] = {}
            for event_id in event_ids:
                event = local.events.get(event_id)
                if too_early(event.status, days_past(event, today)):
                    found[event_id] = ("", True, 0)
                    continue
                mirror = event_mirror(local, event)
                found[event_id] = (mirror.closest.value, mirror.closest is mirror.own, slipping_count(local, event, share))
        finally:
            local.close()
        if seen is not None:
            remembered.remember(READINGS, store.path, "list", {"fingerprint": seen, "readings": found})
        if not worker.is_cancelled:
            screen.app.call_from_thread(apply, screen, table, found)

    screen.run_worker(compute, thread=True, group="home-readings", exclusive=True, exit_on_error=False)


def apply(screen: Screen, table: DataTable, found: dict[str, Reading]) -> None:
    styles = theme_styles(screen.app)
    for event_id, reading in found.items():
        try:
            table.update_cell(event_id, COLUMN_KEY, cell(reading, styles))
        except (CellDoesNotExist, RowDoesNotExist):
            continue  # the list changed while the readings were computed
