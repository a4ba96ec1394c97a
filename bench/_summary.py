"""One table of every bench's ratios and goals, printed at the end of `make bench`.

A bench calls :func:`record` for each ratio it measures; when ``FACILITATOR_BENCH_SUMMARY`` names a file
(as `make bench` does) the figure is appended there as a JSON line. ``python bench/_summary.py FILE``
prints the table. Run alone, a bench just prints its own figures. :func:`median_seconds` is the timing
every bench shares: the machine is shared, so one slow run says little.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def record(what: str, ratio: float, goal: float) -> None:
    path = os.environ.get("FACILITATOR_BENCH_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"what": what, "ratio": ratio, "goal": goal}) + "\n")


def main(path: Path) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    if not rows:
        print("no ratios were recorded")
        return
    width = max(len(row["what"]) for row in rows)
    print(f"\n{'ratio (within one run)':<{width}}   now    goal   met")
    for row in rows:
        met = "yes" if row["ratio"] <= row["goal"] else "NO"
        print(f"{row['what']:<{width}} {row['ratio']:5.2f}x  <={row['goal']:.1f}x  {met}")
    print(f"{sum(row['ratio'] <= row['goal'] for row in rows)} of {len(rows)} goals met")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
