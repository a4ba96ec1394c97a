"""The causes tab at scale: opening the fishbone and the 5 Whys views with 500 causes vs an empty event.

Run: .venv/bin/python bench/causes.py [N]
Prints medians and ratios (N / empty); it asserts nothing. "open" is the causes tab coming into sight on an
open event screen (what 6 does: the records read, the fishbone painted); "whys" and "fishbone" switch
views (what v does) and paint; "reload" is reading
the records and preparing both views (what a change from another process costs), without painting.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.domain.causes import Category
from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.event import Event, EventKind, new_id
from facilitator.screens import causes_flow
from facilitator.screens.event import EventScreen
from facilitator.storage.store import Store
from facilitator.widgets.causes_view import CausesView

from _summary import record  # bench/ is on the path when a bench runs

ROUNDS = 7
GOALS = {"open": "opens (6)", "fishbone": "fishbone (v)", "whys": "5 Whys (v)"}  # the views the 1.2x goal is about
WORDS = "die cart clamp bolt shim press changeover crane tool crib gauge coil setter shift hinge pins".split()


def _fill(store: Store, event_id: str, n: int) -> None:
    """``n`` records: two problems, three in five on the bones (some sub-causes), the rest 5 Whys chains."""
    rng = random.Random(7)
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    rows: list[dict] = []

    def add(kind: str, parent: str | None, category: str | None, source: str | None = None) -> str:
        row_id = new_id()
        rows.append({
            "id": row_id, "event_id": event_id, "parent_id": parent, "kind": kind, "category": category,
            "text": " ".join(rng.choices(WORDS, k=8)) + f" #{len(rows)}", "source": source, "is_root": 0,
            "verified": 0, "verified_how": None, "votes": rng.randint(0, 6), "day": 2,
            "created_at": to_iso(start + timedelta(seconds=20 * len(rows))),
        })
        return row_id

    if n == 0:
        return
    problems = [add("problem", None, None, "typed"), add("problem", None, None, "charter")]
    causes: list[tuple[str, str]] = []
    whys: list[str] = []
    while len(rows) < n:
        roll = rng.random()
        if roll < 0.5 or not causes:
            category = rng.choice(list(Category)).value
            causes.append((add("cause", rng.choice(problems), category), category))
        elif roll < 0.6:
            parent, category = rng.choice(causes)
            causes.append((add("cause", parent, category), category))
        else:
            parent = rng.choice(whys) if whys and rng.random() < 0.7 else rng.choice(causes)[0]
            whys.append(add("why", parent, None))
    with store.db.atomic():
        store.db["causes"].insert_all(rows, batch_size=500)


async def _measure(path: Path, n: int) -> dict[str, float]:
    store = Store(path, FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC)))
    event = store.events.add(Event(title="Bench", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    _fill(store, event.id, n)
    app = FacilitatorApp(store, settings=Settings())
    figures: dict[str, list[float]] = {"open": [], "fishbone": [], "whys": [], "reload": []}
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(ROUNDS):
            app.push_screen(EventScreen(event.id))
            await pilot.pause()
            screen = app.screen
            view = screen.query_one(CausesView)
            began = time.perf_counter()
            screen.action_show_tab("causes")  # what 6 does; no key queue in the figure
            await pilot.pause()
            figures["open"].append(time.perf_counter() - began)
            assert view.mode == "fishbone" and len(view.records.causes) == n
            began = time.perf_counter()
            view.action_toggle_view()  # what v does
            await pilot.pause()
            figures["whys"].append(time.perf_counter() - began)
            began = time.perf_counter()
            view.action_toggle_view()
            await pilot.pause()
            figures["fishbone"].append(time.perf_counter() - began)
            began = time.perf_counter()
            causes_flow.show(screen, screen.event)
            view.render()
            view.mode = "whys"
            view.render()
            figures["reload"].append(time.perf_counter() - began)
            view.mode = "fishbone"
            await pilot.press("escape")
            await pilot.pause()
    store.close()
    return {name: statistics.median(values) for name, values in figures.items()}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as folder:
        empty = asyncio.run(_measure(Path(folder) / "empty.db", 0))
        full = asyncio.run(_measure(Path(folder) / "full.db", n))
    print(f"causes tab, median of {ROUNDS} rounds, 120x40, empty event vs {n} causes")
    for name in empty:
        ratio = full[name] / empty[name] if empty[name] else float("nan")
        print(f"  {name:9} empty {empty[name] * 1000:7.1f} ms   {n} causes {full[name] * 1000:7.1f} ms   ratio {ratio:4.2f}")
        if name in GOALS:
            record(f"causes tab {GOALS[name]} at {n} causes vs none", ratio, 1.2)


if __name__ == "__main__":
    main()
