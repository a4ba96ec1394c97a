"""How long the follow-up tab and a report-out take as an event's follow-ups and measurements grow.

Prints figures (ms and ratios); asserts nothing. Run: .venv/bin/python bench/followups.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Area, Event, EventKind, Target
from facilitator.domain.followup import FollowUp, FollowUpStatus, group_by_review
from facilitator.domain.measurement import Measurement, progress_for
from facilitator.report.gather import daily_report
from facilitator.storage.store import Store

TARGET = Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="t")


def _fill(store: Store, event: Event, items: int, measurements: int) -> None:
    start = datetime(2026, 11, 23, 8, tzinfo=UTC)
    statuses = list(FollowUpStatus)
    with store.db.atomic():
        for n in range(items):
            store.followups.add(
                FollowUp(event_id=event.id, action=f"Action {n} on die {n % 40}", owner=f"Person {n % 9}",
                         due_date=date(2026, 11, 20) + timedelta(days=n % 120), status=statuses[n % 4]),
                at=start + timedelta(minutes=n),
            )
        for n in range(measurements):
            store.measurements.add(
                Measurement(event_id=event.id, target_id="t", value=47 - n % 27, measured_at=start + timedelta(minutes=3 * n))
            )


def _ms(work, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def main() -> None:
    base = None
    for items, measurements in ((50, 20), (500, 200), (5000, 2000)):
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "bench.db", FakeClock(datetime(2026, 11, 25, 12, tzinfo=UTC)))
            event = store.events.add(Event(title="Bench", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23),
                                           days=5, area=Area.PRODUCT, targets=(TARGET,)))
            _fill(store, event, items, measurements)
            load = _ms(lambda: group_by_review(store.followups.for_event(event.id), event.end_date))
            sheet = _ms(lambda: progress_for(event.targets, store.measurements.for_event(event.id)))
            report = _ms(lambda: daily_report(store, event.id, 3), repeat=3)
            base = base or load
            print(f"{items:>5} follow-ups, {measurements:>4} measurements: newspaper {load:7.1f} ms "
                  f"(x{load / base:5.1f}), target sheet {sheet:6.1f} ms, report-out {report:7.1f} ms")
            store.close()


if __name__ == "__main__":
    main()
