"""How cost grows with the work: one database grown step by step to 50 events, 100,000 decisions, 20,000
follow-ups and 5,000 reflections, timing at each step what a facilitator does.

At each size: open (open the file, list the events, show the biggest event's first page of decisions),
search (one typed word in that event: page and count; and in a finished event of 200 decisions logged
before the file grew, whose cost must stay flat), export (that event as JSON and as Markdown),
import (its JSON file into an empty database) and the file's size. The rows go in with bulk inserts (one
transaction per step, sealed as the application would), so growing takes seconds, not hours. Prints one
table and, per column, the cost per 1,000 decisions in the event at the first and last step: flat or
falling means linear or better.

    .venv/bin/python bench/scale.py [--quick]     (--quick: a tenth of the sizes, a few seconds)
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.decision import DecisionFilter
from facilitator.domain.event import Event, EventKind, new_id
from facilitator.export import export_event, import_file
from facilitator.storage.digests import seal_unsealed
from facilitator.storage.store import Store

from _summary import median_seconds  # bench/ is on the path when a bench runs

EVENTS = 50
FULL = {"decisions": 100_000, "followups": 20_000, "reflections": 5_000}
STEPS = (0.1, 0.25, 0.5, 1.0)  # shares of FULL reached at each step
WORDS = "die cart clamp bolt shim press line changeover trial hinge crane layout tool quick release kit".split()
VERDICTS = ("in_scope", "out_of_scope", "parked", "deferred", "rejected")
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _events(store: Store) -> list[str]:
    ids = []
    for number in range(EVENTS):
        event = store.events.add(Event(title=f"Line {number} changeover blitz", kind=EventKind.KAIZEN,
                                       start_date=date(2026, 11, 23), days=5))
        ids.append(event.id)
    return ids


def _grow(store: Store, events: list[str], have: dict[str, int], want: dict[str, int], rng: random.Random) -> None:
    """Add rows up to ``want`` of each kind, spread over the events: the biggest event (the first) holds a
    fifth of the decisions, the others share the rest."""
    decisions, followups, reflections, answers = [], [], [], []
    for index in range(have["decisions"], want["decisions"]):
        event_id = events[0] if index % 5 == 0 else events[1 + index % (EVENTS - 1)]
        decisions.append((
            new_id(), event_id, None, 1 + index % 5, " ".join(rng.choices(WORDS, k=5)) + f" #{index}",
            VERDICTS[index % 5], " ".join(rng.choices(WORDS, k=10)), "team", " ".join(rng.choices(WORDS, k=2)),
            to_iso(START + timedelta(seconds=index)), None,
        ))
    for index in range(have["followups"], want["followups"]):
        moment = to_iso(START + timedelta(minutes=index))
        followups.append((new_id(), events[index % EVENTS], f"Fit quick-release clamps on press {index}", "Ana",
                          "2026-12-23", "open", None, None, None, moment, moment))
    for index in range(have["reflections"], want["reflections"]):
        reflection_id, event_id = new_id(), events[index % EVENTS]
        reflections.append((reflection_id, event_id, None, 1 + index % 5, "session", "action-learning",
                            "Action Learning end of session", "Group", "single", "done", None,
                            to_iso(START + timedelta(minutes=index)), None))
        answers.append((new_id(), event_id, reflection_id, 0, "Action Learning end of session",
                        "What did we learn about solving problems?", "We held back from solutions.", "Group"))
    conn = store.db.conn
    with store.db.atomic():
        conn.executemany("insert into decisions (id, event_id, session_id, day, subject, verdict, rationale, "
                         "decided_by, tags, decided_at, supersedes_id) values (?,?,?,?,?,?,?,?,?,?,?)", decisions)
        conn.executemany("insert into followups (id, event_id, action, owner, due_date, status, outcome, source_kind, "
                         "source_id, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)", followups)
        conn.executemany("insert into reflections (id, event_id, session_id, day, scope, framework, framework_name, "
                         "participant, loop, status, skipped_reason, created_at, updated_at) "
                         "values (?,?,?,?,?,?,?,?,?,?,?,?,?)", reflections)
        conn.executemany("insert into reflection_answers (id, event_id, reflection_id, position, framework, prompt, "
                         "answer, participant) values (?,?,?,?,?,?,?,?)", answers)
        for event_id in events:  # as the application would have, so every log verifies
            seal_unsealed(store.db, event_id)


SMALL = 200  # decisions of a finished event logged before the file grows: its search must not grow


def _small_event(store: Store, rng: random.Random) -> str:
    event = store.events.add(Event(title="Finished paint shop blitz", kind=EventKind.KAIZEN,
                                   start_date=date(2026, 11, 2), days=5))
    rows = [(new_id(), event.id, None, 1 + index % 5, " ".join(rng.choices(WORDS, k=5)) + f" #{index}",
             VERDICTS[index % 5], " ".join(rng.choices(WORDS, k=10)), "team", " ".join(rng.choices(WORDS, k=2)),
             to_iso(START - timedelta(days=20) + timedelta(seconds=index)), None) for index in range(SMALL)]
    with store.db.atomic():
        store.db.conn.executemany("insert into decisions (id, event_id, session_id, day, subject, verdict, rationale, "
                                  "decided_by, tags, decided_at, supersedes_id) values (?,?,?,?,?,?,?,?,?,?,?)", rows)
        seal_unsealed(store.db, event.id)
    return event.id


def _measure(path: Path, folder: Path, event_id: str, clock: FakeClock, runs: int, small: str) -> dict[str, float]:
    def open_cockpit() -> None:
        store = Store(path, clock)
        store.events.list()
        store.decisions.page(event_id, DecisionFilter())
        store.decisions.count(event_id, DecisionFilter())
        store.close()

    store = Store(path, clock)
    figures = {"open": median_seconds(open_cockpit, runs)}
    word = DecisionFilter(text="clamp")
    figures["search"] = median_seconds(lambda: (store.decisions.page(event_id, word), store.decisions.count(event_id, word)), runs)
    figures[f"search {SMALL}"] = median_seconds(lambda: (store.decisions.page(small, word), store.decisions.count(small, word)), runs)
    dump = folder / "event.json"
    # The heavy steps run once each (the whole bench stays within a few minutes on a busy 2-core machine).
    figures["export json"] = median_seconds(lambda: export_event(store, event_id, "json", dump), 1)
    figures["export md"] = median_seconds(lambda: export_event(store, event_id, "md", folder / "event.md"), 1)
    store.close()

    def import_once() -> None:
        target = folder / "import.db"
        for leftover in folder.glob("import.db*"):
            leftover.unlink()
        empty = Store(target, clock)
        import_file(empty, dump)
        empty.close()

    figures["import"] = median_seconds(import_once, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    options = parser.parse_args()
    scale = 0.1 if options.quick else 1.0
    runs = 3
    rng = random.Random(7)
    clock = FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    columns = ("open", "search", f"search {SMALL}", "export json", "export md", "import")
    print(f"scale: one database grown to {EVENTS} events, "
          + ", ".join(f"{int(count * scale):,} {name}" for name, count in FULL.items())
          + f"; open and search the median of {runs}, exports and import one run each, in ms")
    header = f"{'decisions':>10} {'in event':>9} {'follow-ups':>10} {'reflections':>11} " + "".join(
        f"{name:>12}" for name in columns) + f"{'db MB':>8}"
    print(header)
    rows = []
    with tempfile.TemporaryDirectory(prefix="facilitator-scale-") as tmp:
        folder = Path(tmp)
        path = folder / "scale.db"
        store = Store(path, clock)
        small = _small_event(store, rng)
        events = _events(store)
        have = {name: 0 for name in FULL}
        for share in STEPS:
            want = {name: int(count * scale * share) for name, count in FULL.items()}
            _grow(store, events, have, want, rng)
            have = want
            in_event = store.db.execute("select count(*) from decisions where event_id = ?", [events[0]]).fetchone()[0]
            figures = _measure(path, folder, events[0], clock, runs, small)
            size = sum(part.stat().st_size for part in folder.glob("scale.db*")) / 2**20
            rows.append((in_event, figures))
            print(f"{want['decisions']:>10,} {in_event:>9,} {want['followups']:>10,} {want['reflections']:>11,} "
                  + "".join(f"{figures[name] * 1000:>12.1f}" for name in columns) + f"{size:>8.1f}", flush=True)
        store.close()
    (first_n, first), (last_n, last) = rows[0], rows[-1]
    print(f"growth from the first to the last step ({last_n / first_n:.0f}x the decisions in the event):")
    for name in columns:
        growth = last[name] / first[name] if first[name] else float("inf")
        if name == f"search {SMALL}":  # its event stays the same size: the cost must not follow the file
            shape = "flat" if growth <= 1.5 else "grows with the file"
            print(f"  {name:12} {growth:6.1f}x   a finished event of {SMALL} decisions while the file grows  {shape}")
            continue
        per_first, per_last = first[name] / first_n * 1000, last[name] / last_n * 1000
        shape = "linear or better" if growth <= 1.25 * last_n / first_n else "worse than linear"
        print(f"  {name:12} {growth:6.1f}x   per 1,000 decisions {per_first * 1000:8.1f} -> {per_last * 1000:8.1f} ms  {shape}")


if __name__ == "__main__":
    main()
