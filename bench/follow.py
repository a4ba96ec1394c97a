"""Following the database: commit-elsewhere-to-screen latency, the cost of an idle check, parallel writers.

Run: .venv/bin/python bench/follow.py [ROUNDS] [DECIDES_PER_LOOP]
Prints figures; asserts nothing. The cockpit runs headless (Pilot) on the demo at the shipped one-second
check interval. Another process commits (space in a second cockpit, a decision from a shell) at a random
moment of the interval; the latency is from its commit to the widgets holding the new state (the next
frame paints it). Both processes read the same system-wide monotonic clock. Then two loops of `facilitator decide` (each call through the
command's own entry point, with its own connection) write in parallel while the cockpit stays open.
Goals: median under 1 s; an idle check under 1 ms and 0 table queries; 0 refused, 0 lost.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.demo import load_demo
from facilitator.screens.event import EventScreen
from facilitator.storage.store import Store
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.parking_count import ParkingCount
from facilitator.widgets.timer_bar import TimerBar

# The other process: commits on request, then says when (time.monotonic is system-wide on Linux).
_OTHER = """
import sys, time
from facilitator.domain.decision import DecisionDraft
from facilitator.storage.store import Store
store = Store(sys.argv[1])
event_id = sys.argv[2]
for line in sys.stdin:
    if line.strip() == "space":
        store.timer.toggle(event_id)
    else:
        store.decisions.capture(event_id, DecisionDraft("bench " + line.strip(), "parked", "team"), day=1)
    print(time.monotonic(), flush=True)
"""

_LOOP = """
import sys
from click.testing import CliRunner
from facilitator.cli import cli
db, event, tag, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
refused = 0
for i in range(n):
    if CliRunner().invoke(cli, ["--db", db, "decide", event, f"{tag} {i}", "--verdict", "parked"]).exit_code:
        refused += 1
print(refused)
"""


def _status(screen) -> str:
    return str(screen.query_one(TimerBar).query_one("#timer-status").render())


async def _latency(pilot, other, ask: str, shown) -> float:
    await pilot.pause(random.uniform(0, 1))  # land anywhere in the check interval
    loop = asyncio.get_running_loop()
    other.stdin.write(ask + "\n")
    other.stdin.flush()
    committed = float(await loop.run_in_executor(None, other.stdout.readline))
    while not shown():
        # A bare sleep: pilot.pause() waits for every widget's queue and would add its own delay.
        await asyncio.sleep(0.002)
    return time.monotonic() - committed


async def _idle_check(app, store, calls: int = 10_000) -> tuple[float, int]:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    began = time.perf_counter()
    for _ in range(calls):
        app.follow_database()
    spent = time.perf_counter() - began
    store.db.conn.set_trace_callback(None)
    return spent / calls * 1000, sum(1 for sql in statements if sql != "PRAGMA data_version")


async def main(rounds: int, per_loop: int) -> None:
    random.seed(7)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACILITATOR_DATA_DIR"] = str(Path(tmp) / "data")  # never the user's own folders
        os.environ["FACILITATOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        path = Path(tmp) / "follow.db"
        store = Store(path)
        load_demo(store)
        event = next(e for e in store.events.list() if e.kind.value == "kaizen" and e.status.value == "running")
        other = subprocess.Popen(
            [sys.executable, "-c", _OTHER, str(path), event.id], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )
        app = FacilitatorApp(store, settings=Settings())
        timer: list[float] = []
        decisions: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(EventScreen(event.id))
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen = app.screen
            await pilot.press("3")
            log, count = screen.query_one(DecisionLog), screen.query_one(ParkingCount)
            for _ in range(rounds):
                before = _status(screen)
                timer.append(await _latency(pilot, other, "space", lambda: _status(screen) != before))
                total, parked = log.total, count.count
                decisions.append(
                    await _latency(
                        pilot, other, "decide", lambda: log.total == total + 1 and count.count == parked + 1 and not log.loading
                    )
                )
            idle_ms, idle_queries = await _idle_check(app, store)

            began = time.monotonic()
            loops = [
                subprocess.Popen(
                    [sys.executable, "-c", _LOOP, str(path), event.id, f"loop{n}", str(per_loop)],
                    stdout=subprocess.PIPE, text=True,
                )
                for n in range(2)
            ]
            while any(loop.poll() is None for loop in loops):
                await pilot.pause(0.1)  # the cockpit stays open and keeps following meanwhile
            refused = sum(int(loop.communicate()[0]) for loop in loops)
            writing = time.monotonic() - began
            wanted = store.decisions.count(event.id)
            finished = time.monotonic()
            while log.total != wanted or log.loading:
                await pilot.pause(0.01)
            caught_up = time.monotonic() - finished
            found = {
                row[0] for row in store.db.execute("select subject from decisions where subject like 'loop%'")
            }
            lost = 2 * per_loop - len(found)
        other.stdin.close()
        other.wait()
        store.close()
    print(f"follow bench: demo blitz, cockpit headless at the shipped {FacilitatorApp.FOLLOW_SECONDS:g} s check")
    for label, figures in (("space in another process -> timer bar", timer), ("decide in another process -> log + parking count", decisions)):
        print(
            f"  {label:50} median {statistics.median(figures) * 1000:6.0f} ms   max {max(figures) * 1000:6.0f} ms"
            f"   ({len(figures)} rounds)"
        )
    print(f"  {'idle check (nothing changed)':50} {idle_ms:.4f} ms   table queries: {idle_queries}")
    print(
        f"  {'2 loops x %d decide, cockpit open' % per_loop:50} refused {refused}   lost {lost}   "
        f"{writing:.1f} s; log count caught up {caught_up * 1000:.0f} ms after the last"
    )


if __name__ == "__main__":
    args = [int(arg) for arg in sys.argv[1:]]
    asyncio.run(main(*(args + [10, 200][len(args):])))
