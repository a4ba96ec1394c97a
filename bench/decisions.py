"""Decision log at scale: capture-to-visible and search latency at 10,000 decisions vs an empty event.

Run: .venv/bin/python bench/decisions.py [N]
Prints figures and ratios (10k / empty); it asserts nothing. Everything runs headless through Pilot,
so the numbers include the worker thread, its own connection and the table update.

The rounds run in two halves per size, taken in turn (empty, full, empty, full): a neighbour's load that
comes and goes, and the heap earlier cockpits leave behind in this process (a full garbage collection
scans all of it), weigh on both sizes alike. A third event holds one screenful of decisions (SCREENFUL):
the log shows as many rows as at 10,000, so "screenful vs empty" is what painting a full table costs and
"10,000 vs screenful" what the size of the log itself costs.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.decision import DecidedBy, DecisionFilter, Verdict
from facilitator.domain.event import Event, EventKind, new_id
from facilitator.screens.event import EventScreen
from facilitator.storage.digests import seal_unsealed
from facilitator.storage.store import Store

from _summary import record  # bench/ is on the path when a bench runs

WORDS = (
    "die cart clamp bolt shim press line changeover trial hinge crane storage layout tool room quick release "
    "hydraulic pressure kit shadow board operator crew overtime paint queue light curtain video gemba"
).split()
ROUNDS = 5  # captures per opening of the event screen
OPENINGS = 6  # openings per size, in two halves taken in turn
SCREENFUL = 60  # as many decisions as the log's first page (PAGE_SIZE): its table is as full as at 10,000
# Subjects with text a word tokenizer drops: one in every 500 decisions carries one of these.
ODD_SUBJECTS = ("fix the [/] markup on the andon board", "]]]][[[ bracket rack", "torque wrench \N{WRENCH} station")
# Searched by the SQL-only round: (what is typed, how many decisions hold it at n decisions).
ODD_SEARCHES = ("[/]", "]]]][[[", "\N{WRENCH}", "cl", "clamp")


def _fill(store: Store, event_id: str, n: int) -> None:
    rng = random.Random(4)
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    rows = []
    for i in range(n):
        rows.append({
            "id": new_id(), "event_id": event_id, "session_id": None, "day": 1 + i * 2 // max(n, 1),
            "subject": (ODD_SUBJECTS[i // 500 % 3] if i % 500 == 7 else " ".join(rng.choices(WORDS, k=5))) + f" #{i}", "verdict": rng.choice(list(Verdict)).value,
            "rationale": " ".join(rng.choices(WORDS, k=12)), "decided_by": rng.choice(list(DecidedBy)).value,
            "tags": " ".join(rng.choices(WORDS, k=2)), "decided_at": to_iso(start + timedelta(seconds=10 * i)),
            "supersedes_id": None,
        })
    with store.db.atomic():
        store.db["decisions"].insert_all(rows, batch_size=1000)
        seal_unsealed(store.db, event_id)  # as the application would have, so the log verifies


async def _measure(path: Path, n: int, openings: int, odd: bool) -> dict[str, list[float]]:
    clock = FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    store = Store(path, clock)
    events = store.events.list()
    if events:  # the second half: the same event, with the captures of the first half in it
        event = events[0]
        clock.advance(days=1)  # later than every capture so far: each new one goes on top of the log
    else:
        event = store.events.add(Event(title="Bench", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
        _fill(store, event.id, n)
    app = FacilitatorApp(store, settings=Settings())
    figures: dict[str, list[float]] = {"open": [], "capture": [], "search": [], "search_sql": []}
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(openings):
            began = time.perf_counter()
            app.push_screen(EventScreen(event.id))
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            figures["open"].append(time.perf_counter() - began)
            screen = app.screen
            await pilot.press("3")
            table = screen.query_one("#decision-table")
            for round_ in range(ROUNDS):
                await pilot.press("d")
                await pilot.pause()
                await pilot.press(*f"bench capture {round_}", "tab", "i")
                clock.advance(minutes=1)
                began = time.perf_counter()
                await pilot.press("enter")
                while not (table.row_count and str(table.get_row_at(0)[3]).startswith(f"bench capture {round_}")):
                    await pilot.pause()
                figures["capture"].append(time.perf_counter() - began)
            search = screen.query_one("#decision-search")
            for term in ("clamp", "hydraulic pre", "zzz-nothing", 'NEAR( "*'):
                began = time.perf_counter()
                search.value = term
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                figures["search"].append(time.perf_counter() - began)
                sql_began = time.perf_counter()
                store.decisions.page(event.id, DecisionFilter(text=term))
                store.decisions.count(event.id, DecisionFilter(text=term))
                figures["search_sql"].append(time.perf_counter() - sql_began)
            search.value = ""
            await app.workers.wait_for_complete()
            app.pop_screen()
            await pilot.pause()
    for term in ODD_SEARCHES if odd else ():
        times = []
        for _ in range(ROUNDS):
            began = time.perf_counter()
            found = store.decisions.count(event.id, DecisionFilter(text=term))
            store.decisions.page(event.id, DecisionFilter(text=term))
            times.append(time.perf_counter() - began)
        figures[f"odd {term}"] = times
        figures[f"found {term}"] = [found]
    store.close()
    return figures


async def main(n: int) -> None:
    sizes = (0, SCREENFUL, n)
    samples: dict[int, dict[str, list[float]]] = {size: {} for size in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACILITATOR_DATA_DIR"] = str(Path(tmp) / "data")  # never the user's own folders
        os.environ["FACILITATOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        for half, openings in enumerate((OPENINGS // 2, OPENINGS - OPENINGS // 2)):
            for size in sizes:
                measured = await _measure(Path(tmp) / f"{size}.db", size, openings, odd=half == 1 and size == n)
                for name, values in measured.items():
                    samples[size].setdefault(name, []).extend(values)
    empty, screenful, full = ({name: statistics.median(values) for name, values in samples[size].items()} for size in sizes)
    print(f"decision log bench: {n:,} decisions vs an empty event (median of {OPENINGS} openings, "
          f"{OPENINGS * ROUNDS} captures, {OPENINGS * 4} searches, the sizes taken in turn)")
    labels = {
        "open": "event screen + log open (first page shown)",
        "capture": "quick capture: enter -> row visible",
        "search": "search as you type: keystroke -> table updated",
        "search_sql": "search query alone (page + count)",
    }
    for name, label in labels.items():
        ratio = full[name] / empty[name] if empty[name] else float("inf")
        print(f"  {label:48} empty {empty[name] * 1000:7.1f} ms   {n:,}: {full[name] * 1000:7.1f} ms   ratio {ratio:5.2f}")
        if name in ("search", "capture"):
            record(f"{label.split(':')[0]} at {n:,} decisions vs an empty event", ratio, 1.2)
    print(f"the same with one screenful ({SCREENFUL} decisions, as many rows in sight as at {n:,}):")
    for name, label in labels.items():
        if name != "search_sql":
            print(f"  {label:48} {SCREENFUL}: {screenful[name] * 1000:7.1f} ms   vs empty {screenful[name] / empty[name]:5.2f}"
                  f"   {n:,} vs {SCREENFUL}: {full[name] / screenful[name]:5.2f}")
    print(f"search for text a word index drops, at {n:,} decisions (page + count):")
    for term in ODD_SEARCHES:
        print(f"  {term!r:14} found {int(full['found ' + term]):5}   {full['odd ' + term] * 1000:7.1f} ms")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
