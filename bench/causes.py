"""The causes tab at scale: opening the fishbone and the 5 Whys views with 500 causes vs an empty event.

Run: .venv/bin/python bench/causes.py [N] [ROUNDS]
Prints medians and ratios (N / empty); it asserts nothing. "first" is the causes tab coming into sight for
the first time on an open event screen (what the first 6 does: the area built, its records read, the
fishbone painted); "open" is 6 again after another tab; "whys" and "fishbone" switch
views (what v does) and paint; "reload" is a change from another process: the records read again and the
view in sight (the 5 Whys) repainted. The order makes each v figure a view drawn from scratch: "whys" is
the first 5 Whys view since the records were read, "fishbone" the first fishbone since they were read again
(the view keeps each view's drawn lines until something changes, so v then v again costs less).

Each figure is the CPU time the process spends from the action until the screen has settled, every frame
painted, including the terminal bytes the headless test driver would otherwise skip (``_display`` below
renders them as a real terminal driver does). CPU time rather than wall time: five engineers share two
cores, and wall time mostly measured the pilot's idle polling (20 ms steps) and the neighbours; the waits
a user also sees (the 60 fps frame timer) are the same for both sizes. Garbage left by earlier steps is
collected before each action, so a full collection it triggers is not charged to a view; the action's own
garbage is. Every round opens a fresh event screen and both sizes do the same steps; the first rounds are
a warm-up and are not counted. The rounds run in two halves per size, taken in turn (empty, full, empty,
full), so a neighbour's load that comes and goes weighs on both sizes alike.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from textual._compositor import CompositorUpdate

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
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

ROUNDS = 20  # in two halves per size, taken in turn (empty, full, empty, full): load drift hits both
WARM_UP = 3
GOALS = {"first": "first shown (6)", "open": "shown again (6)", "fishbone": "fishbone (v)", "whys": "5 Whys (v)"}  # the views the 1.2x goal is about
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


class _PaintingApp(FacilitatorApp):
    """The cockpit, counting its frames and turning each into terminal bytes as a real driver would."""

    frames = 0

    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # the headless driver skips this; a terminal does not
            self.frames += 1


async def _settled(app: _PaintingApp, pilot, action) -> float:
    """CPU seconds from ``action`` until the screen has settled; it must have painted a frame."""
    frames = app.frames
    gc.collect()  # the garbage of earlier steps is not this action's cost; its own is (gc stays on)
    began = time.process_time()
    done = action()
    if inspect.isawaitable(done):  # showing a tab builds its area the first time, in the key's own turn
        await done
    await pilot.pause()
    spent = time.process_time() - began
    assert app.frames > frames, "the action painted nothing"
    return spent


async def _measure(path: Path, n: int, rounds: int) -> dict[str, list[float]]:
    store = Store(path, FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC)))
    event = store.events.list()[0] if store.events.list() else None
    if event is None:
        event = store.events.add(Event(title="Bench", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
        _fill(store, event.id, n)
    app = _PaintingApp(store, settings=Settings())
    figures: dict[str, list[float]] = {"first": [], "open": [], "fishbone": [], "whys": [], "reload": []}
    async with app.run_test(size=(120, 40)) as pilot:
        for round_number in range(WARM_UP + rounds):
            app.push_screen(EventScreen(event.id))
            await pilot.pause()
            screen = app.screen
            # What 6 does. The first 6 on an opened event also builds the causes area and reads its records
            # (before the areas were built on demand, opening the event paid for that); 6 again only shows it.
            measured = {"first": await _settled(app, pilot, lambda: screen.action_show_tab("causes"))}
            view = screen.query_one(CausesView)
            await _settled(app, pilot, lambda: screen.action_show_tab("charter"))
            measured["open"] = await _settled(app, pilot, lambda: screen.action_show_tab("causes"))
            assert view.mode == "fishbone" and len(view.records.causes) == n
            measured["whys"] = await _settled(app, pilot, view.action_toggle_view)  # what v does
            assert view.mode == "whys"
            # Another process changed the records: read them again and repaint the view in sight.
            measured["reload"] = await _settled(app, pilot, lambda: causes_flow.show(screen, screen.event))
            measured["fishbone"] = await _settled(app, pilot, view.action_toggle_view)  # drawn afresh: new records
            assert view.mode == "fishbone"
            await pilot.press("escape")
            await pilot.pause()
            if round_number >= WARM_UP:
                for name, value in measured.items():
                    figures[name].append(value)
    store.close()
    return figures


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    samples: dict[int, dict[str, list[float]]] = {0: {}, n: {}}
    with tempfile.TemporaryDirectory() as folder:
        for half in (rounds // 2, rounds - rounds // 2):
            for size in (0, n):
                for name, values in asyncio.run(_measure(Path(folder) / f"{size}.db", size, half)).items():
                    samples[size].setdefault(name, []).extend(values)
    empty, full = ({name: statistics.median(values) for name, values in samples[size].items()} for size in (0, n))
    print(f"causes tab, CPU ms to a settled screen, median of {rounds} rounds after {WARM_UP} warm-up, 120x40, "
          f"empty event vs {n} causes")
    for name in empty:
        ratio = full[name] / empty[name] if empty[name] else float("nan")
        print(f"  {name:9} empty {empty[name] * 1000:7.1f} ms   {n} causes {full[name] * 1000:7.1f} ms   ratio {ratio:4.2f}")
        if name in GOALS:
            record(f"causes tab {GOALS[name]} at {n} causes vs none", ratio, 1.2)


if __name__ == "__main__":
    main()
