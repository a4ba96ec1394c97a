"""The cost of one UI tick of the live timer with a 5-day, 60-session agenda vs a bare Textual tick.

Run: .venv/bin/python bench/tick.py [TICKS]
Prints figures and ratios; asserts nothing. Each tick advances a fake clock by one second so the
countdown really changes and re-renders. It also counts SQL statements run during the ticks: the tick
must re-render from memory, so that count should be 0.

Pilot's pause, part of every tick measured, waits on each widget of the screen in turn, so the ratio has a
floor that is no code of ours: the bare tick again on a screen holding as many widgets as the cockpit's
(FloorApp, plain Statics), printed last.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.domain.clock import FakeClock
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.screens.event import EventScreen
from facilitator.storage.store import Store
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.timer_bar import TimerBar

from _summary import record  # bench/ is on the path when a bench runs


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("00:00", id="clock")


class FloorApp(BareApp):
    """The bare clock on a screen of ``widgets`` widgets (the screen included), the others idle Statics."""

    def __init__(self, widgets: int) -> None:
        super().__init__()
        self.widgets = widgets

    def compose(self) -> ComposeResult:
        yield from super().compose()
        with VerticalScroll():
            for number in range(self.widgets - 3):
                yield Static(f"line {number}")


async def time_ticks(app, tick, advance, ticks: int) -> list[float]:
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(ticks):
            advance()
            start = time.perf_counter()
            tick(app)
            await pilot.pause()  # let the re-render happen: part of the tick's cost
            samples.append(time.perf_counter() - start)
        time_ticks.still = await _still(pilot, ticks)  # type: ignore[attr-defined]
    return samples


async def _still(pilot, ticks: int) -> list[float]:
    """Pilot's pause with nothing changed: it waits on every widget of the screen, so it grows with them."""
    samples = []
    for _ in range(ticks):
        start = time.perf_counter()
        await pilot.pause()
        samples.append(time.perf_counter() - start)
    return samples


def seed(store: Store) -> str:
    event = store.events.add(Event(title="Bench blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 25),
                                   days=5, status=EventStatus.RUNNING))
    for day in range(1, 6):
        for index in range(12):
            store.agenda.add(event.id, day, f"Session {day}.{index}", "analysis", 30)
    first = store.agenda.sessions(event.id, 1)[0]
    store.timer.start(first.id)
    return event.id


async def main(ticks: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
        store = Store(Path(folder) / "bench.db", clock)
        event_id = seed(store)
        assert len(store.agenda.sessions(event_id)) == 60
        statements: list[str] = []

        app = FacilitatorApp(store, settings=Settings())

        async def cockpit() -> list[float]:
            async with app.run_test(size=(120, 40)) as pilot:
                app.push_screen(EventScreen(event_id))
                await pilot.pause()
                await pilot.press("2")
                await pilot.pause()
                bar = app.screen.query_one(TimerBar)
                agenda = app.screen.query_one(AgendaView)
                samples, forecast, compute = [], [], []
                trace = store.db.conn.set_trace_callback
                for _ in range(ticks):
                    clock.advance(seconds=1)
                    start = time.perf_counter()
                    trace(statements.append)
                    bar.tick()
                    trace(None)
                    compute.append(time.perf_counter() - start)
                    await pilot.pause()
                    samples.append(time.perf_counter() - start)
                for _ in range(max(5, ticks // 20)):
                    clock.advance(seconds=15)
                    start = time.perf_counter()
                    trace(statements.append)
                    agenda.redraw()
                    trace(None)
                    await pilot.pause()
                    forecast.append(time.perf_counter() - start)
                cockpit.forecast = forecast  # type: ignore[attr-defined]
                cockpit.compute = compute  # type: ignore[attr-defined]
                cockpit.still = await _still(pilot, ticks)  # type: ignore[attr-defined]
                cockpit.widgets = len(list(app.screen.walk_children(with_self=True)))  # type: ignore[attr-defined]
                return samples

        ours = await cockpit()
        counter = {"n": 0}

        def bare_advance() -> None:
            counter["n"] += 1

        def bare_tick(bare) -> None:
            bare.query_one("#clock", Static).update(f"{counter['n'] // 60:02d}:{counter['n'] % 60:02d}")

        bare = await time_ticks(BareApp(), bare_tick, bare_advance, ticks)
        bare_still = time_ticks.still  # type: ignore[attr-defined]
        floor_app = FloorApp(cockpit.widgets)  # type: ignore[attr-defined]
        floor = await time_ticks(floor_app, bare_tick, bare_advance, ticks)
        store.close()

    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    forecast_ms = statistics.median(cockpit.forecast) * 1000  # type: ignore[attr-defined]
    print(f"ticks measured:                      {ticks}")
    print(f"timer bar tick, 60 sessions (median): {ours_ms:7.3f} ms")
    print(f"bare Textual Static tick (median):    {bare_ms:7.3f} ms")
    print(f"ratio timer / bare:                   {ours_ms / bare_ms:7.2f}x")
    record("timer tick (60 sessions) vs a bare Static tick", ours_ms / bare_ms, 1.2)
    print(f"  of which the tick's own code:       {statistics.median(cockpit.compute) * 1000:7.3f} ms"  # type: ignore[attr-defined]
          "  (the rest is Textual's render of the changed widgets and Pilot's pause)")
    still_ms = statistics.median(cockpit.still) * 1000  # type: ignore[attr-defined]
    bare_still_ms = statistics.median(bare_still) * 1000
    print(f"  Pilot pause, nothing changed:       {still_ms:7.3f} ms on the cockpit ({cockpit.widgets} widgets),"  # type: ignore[attr-defined]
          f" {bare_still_ms:.3f} ms bare: the floor of the ratio is {still_ms / bare_still_ms:.2f}x")
    floor_ms = statistics.median(floor) * 1000
    print(f"  floor: the bare tick on a screen of {floor_app.widgets} widgets, none of our code: {floor_ms:7.3f} ms,"
          f" ratio {floor_ms / bare_ms:.2f}x")
    print(f"agenda forecast refresh (every 15 s): {forecast_ms:7.3f} ms")
    print(f"SQL statements run by the ticks and forecast refreshes themselves: {len(statements)}")
    for text in sorted(set(statements))[:5]:
        print("   ", " ".join(text.split())[:110])


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
