"""Resident memory across report-out and quick-capture round trips on the demo blitz.

Opens the event, then N times: `o` (report-out) and escape, `d` (quick capture) and escape. Prints the
resident set size before and after, the growth, and how many of the dismissed screens are still alive
(they should all be garbage-collected). Headless through Pilot; it asserts nothing.

    .venv/bin/python bench/memory.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import tempfile
import weakref
from pathlib import Path


def rss_mb() -> float:
    """Resident set size now (Linux /proc; falls back to the peak from getrusage elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run(rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    os.environ["FACILITATOR_DATA_DIR"] = str(folder / "data")
    os.environ["FACILITATOR_CONFIG_DIR"] = str(folder / "config")
    from facilitator.app import FacilitatorApp
    from facilitator.config import Settings
    from facilitator.demo import load_demo
    from facilitator.demo.charters import BLITZ_ID
    from facilitator.screens.event import EventScreen
    from facilitator.storage.store import Store

    store = Store(folder / "bench.db")
    load_demo(store)
    app = FacilitatorApp(store, settings=Settings())
    dismissed: list[weakref.ref] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EventScreen(BLITZ_ID))
        await pilot.pause()
        # One warm-up round: first use loads modules and CSS that stay for good.
        for key in ("o", "d"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        gc.collect()
        before = rss_mb()
        for _ in range(rounds):
            for key in ("o", "d"):
                await pilot.press(key)
                await pilot.pause()
                dismissed.append(weakref.ref(app.screen))
                await pilot.press("escape")
                await pilot.pause()
        await pilot.pause(0.2)
        gc.collect()
        after = rss_mb()
        alive = sum(ref() is not None for ref in dismissed)
    store.close()
    print(f"{2 * rounds} round trips (report-out and quick capture, {rounds} each)")
    print(f"RSS before {before:.1f} MB, after {after:.1f} MB: {after - before:+.1f} MB")
    print(f"dismissed screens still alive: {alive} of {len(dismissed)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="round trips of each kind (default 40)")
    asyncio.run(run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
