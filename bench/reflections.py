"""How long the reflection history takes to load and search as an event's reflections grow.

Prints figures (ms and ratios); asserts nothing. Run: .venv/bin/python bench/reflections.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Event, EventKind
from facilitator.domain.reflection import ReflectionForm, Scope, Target
from facilitator.storage.store import Store


def _fill(store: Store, event_id: str, count: int) -> None:
    # The sessions the reflections are about: foreign keys hold, so they must exist (5 a day for 8 days;
    # session k is on day 1 + k % 8, the day each reflection below names).
    sessions = [store.agenda.add(event_id, 1 + k % 8, f"Session {k}", planned_minutes=30).id for k in range(40)]
    with store.db.atomic():
        for n in range(count):
            store.reflections.add(
                ReflectionForm(
                    participant=f"Person {n % 7}", loop=("single", "double", "none")[n % 3],
                    answers=tuple((f"Prompt {p}", f"answer {n}-{p} about the gate and the buddy") for p in range(4)),
                    assumptions="We assumed people leave for pay" if n % 3 == 1 else "",
                ).to_reflection(event_id, Target(Scope.SESSION, session_id=sessions[n % 40], day=1 + n % 8), "aar", "AAR")
            )


def main() -> None:
    base = None
    for count in (100, 1000, 3000):
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "bench.db", FakeClock())
            event = store.events.add(Event(title="Bench", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 1, 1), days=8))
            _fill(store, event.id, count)
            start = time.perf_counter()
            history = store.reflections.history(event.id)
            load = time.perf_counter() - start
            start = time.perf_counter()
            found = store.reflections.history(event.id, search="leave for pay")
            search = time.perf_counter() - start
            start = time.perf_counter()
            store.reflections.counts(event.id)
            counts = time.perf_counter() - start
            store.close()
        per = load / count * 1000
        base = base or per
        print(
            f"{count:5d} reflections: history {load * 1000:7.1f} ms ({per:.3f} ms each, x{per / base:.2f} of 100), "
            f"search {search * 1000:7.1f} ms ({len(found)} hits), counts {counts * 1000:5.1f} ms, {len(history)} loaded"
        )


if __name__ == "__main__":
    main()
