"""Export an event with 10,000 decisions in each format; print each time as a ratio of a plain dump.

The baseline is sqlite-utils reading the same decision rows and writing them as JSON, in the same run,
so the figures compare across machines. Run: .venv/bin/python bench/export.py [decisions] [--import-only]
(--import-only: the baseline, then only the JSON export the imports read and the import figures).
"""

from __future__ import annotations

import json
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.event import Event, EventKind
from facilitator.export import export_event, import_file
from facilitator.storage.store import Store

from _summary import median_seconds, record  # bench/ is on the path when a bench runs

VERDICTS = ("in_scope", "out_of_scope", "parked", "deferred", "rejected")


def build(store: Store, count: int) -> str:
    event = store.events.add(Event(title="Press line 4 changeover blitz (SMED)", kind=EventKind.KAIZEN,
                                   start_date=store.clock.now().date() - timedelta(days=2), days=5))
    start = store.clock.now() - timedelta(days=2)
    rows = [
        {
            "id": str(uuid.uuid4()), "event_id": event.id, "day": 1 + index * 3 // count,
            "subject": f"Idea {index}: stage die {index % 14} on the cart",
            "verdict": VERDICTS[index % 5], "rationale": "=cheap and quick" if index % 7 == 0 else "team agreed",
            "decided_by": "team", "tags": "smed", "decided_at": to_iso(start + timedelta(seconds=15 * index)),
        }
        for index in range(count)
    ]
    with store.db.atomic():
        store.db["decisions"].insert_all(rows, batch_size=1000)
    return event.id


def timed(work, runs: int = 5) -> float:
    return median_seconds(work, runs)


GOALS = {"md": 3.0, "csv": 2.0}


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--import-only"]
    import_only = len(arguments) < len(sys.argv) - 1
    count = int(arguments[0]) if arguments else 10_000
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    store = Store(folder / "bench.db", FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC)))
    event_id = build(store, count)

    def baseline() -> None:
        rows = list(store.db["decisions"].rows_where("event_id = ?", [event_id]))
        (folder / "baseline.json").write_text(json.dumps(rows), encoding="utf-8")

    base = timed(baseline)
    print(f"{count:,} decisions; baseline (sqlite-utils rows -> JSON): {base * 1000:.0f} ms (medians of 5)")
    outputs = {"md": "e.md", "json": "e.json", "csv": "e.zip", "html": "e.html"}
    for fmt, name in outputs.items():
        if import_only and fmt != "json":
            continue
        seconds = timed(lambda: export_event(store, event_id, fmt, folder / name))
        size = (folder / name).stat().st_size
        print(f"  export {fmt:<4} {seconds / base:5.1f}x baseline  ({size / 1024:,.0f} KiB)")
        if fmt in GOALS:
            record(f"export {fmt}, {count:,} decisions vs a JSON dump", seconds / base, GOALS[fmt])
    empties = iter(range(100))

    def import_fresh() -> None:
        empty = Store(folder / f"empty-{next(empties)}.db", store.clock)
        import_file(empty, folder / "e.json")
        empty.close()

    seconds = timed(import_fresh, 3)
    print(f"  import json {seconds / base:5.1f}x baseline  (into an empty database)")
    record(f"import {count:,} decisions into an empty db vs a JSON dump", seconds / base, 4.0)
    rows = [list(row.values()) for row in store.db.query("select * from events where id = ?", [event_id])]
    decisions = list(store.db.execute("select * from decisions where event_id = ? order by rowid", [event_id]))

    def sqlite_alone() -> None:
        """The floor under an import: a new database, then only SQLite writing the same rows, search
        index and triggers included, in one statement (no parsing, checks, digests or read-back)."""
        empty = Store(folder / f"empty-{next(empties)}.db", store.clock)
        with empty.db.atomic():
            empty.db.conn.executemany(f"insert into events values ({', '.join('?' * len(rows[0]))})", rows)
            empty.db.execute("create temp table staged as select * from decisions where 0")
            empty.db.conn.executemany(f"insert into temp.staged values ({', '.join('?' * len(decisions[0]))})", decisions)
            empty.db.execute("insert into decisions select * from temp.staged order by rowid")
        empty.close()

    floor = timed(sqlite_alone, 3)
    print(f"  floor       {floor / base:5.1f}x baseline  (SQLite alone writing those rows into a new database)")
    again = Store(folder / "again.db", store.clock)
    import_file(again, folder / "e.json")
    seconds = timed(lambda: import_file(again, folder / "e.json"), 3)
    print(f"  re-import   {seconds / base:5.1f}x baseline  (everything already there)")
    record("re-import of the same file (nothing new)", seconds / base, 2.0)
    again.close()
    store.close()


if __name__ == "__main__":
    main()
