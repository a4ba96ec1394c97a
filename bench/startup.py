"""Launch-to-first-paint time of the cockpit against a bare Textual app, measured in the same run.

Each launch is a fresh interpreter (imports are most of start-up), run headless, exiting right after the
first screen has been painted: the list of events of the demo database, and then the same launch going
straight on to an event holding 10,000 decisions (its screen painted, the decision log's first page
shown). Prints the median of several runs and the ratios.

First paint is the moment the frame showing the screen is handed to the terminal (``App._display``): the
bare app's first frame, the list's first frame with its rows, the event's first frame with its log's
first page in its table. Each launch reports that moment on the system's monotonic clock, which the
bench reads too, so launch to first paint includes interpreter start and every import. What the process
does after that (a frame more, then closing the database and the interpreter's own teardown, about 20 ms
for the bare app and 40 for the cockpit) is no part of what a facilitator waits for before reading the
screen, but it is measured too and printed as "to exit"; before first paint was timed this way, the goals
were held to that figure.

Every launch reads compiled bytecode, as an installed cockpit does from its second launch on (pip compiles
at install; an editable install writes it on first run): the warm-up launch writes it to a private folder
(PYTHONPYCACHEPREFIX), even where PYTHONDONTWRITEBYTECODE is set. Without it a development checkout under
that setting compiled the whole facilitator package from source at every launch, about 60 ms of the
list's first paint and 180 ms of the event's that no user pays; the bare app's Textual is compiled either way.

The warm-up launches also work out the list's readings and check the big event's decision log whole;
the timed launches are those of a facilitator reopening a cockpit nothing changed since, which remembers
both (storage/remembered.py). The first launch after a change works them out again: the lines "changed
since" time that (each of their launches forgets what was remembered first).

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from _summary import record  # bench/ is on the path when a bench runs

# Each script records the monotonic clock at its first frame worth timing and prints it once it has exited.
BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    painted = None

    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.painted is None:
            self.painted = time.monotonic()

app = Bare()
app.run(headless=True, size=(120, 40))
print(app.painted)
"""

COCKPIT = """
import sys
import time
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.storage.store import Store

class Timed(FacilitatorApp):
    def on_mount(self):
        # Textual calls FacilitatorApp.on_mount too (handlers run for each class). The home screen is the
        # app's first screen: exit once it has been painted (two refreshes, as when it was pushed on mount).
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and getattr(self, "painted", None) is None:
            if screen.query_one("#events").row_count:  # the frame holds the list itself
                self.painted = time.monotonic()

app = Timed(Store(sys.argv[1]), settings=Settings())
app.run(headless=True, size=(120, 40))
print(app.painted)
"""

EVENT = """
import sys
import time
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.storage.store import Store

class Timed(FacilitatorApp):
    def on_mount(self):
        # The home screen is the app's first screen; then open the event, as enter on its row does.
        self.call_after_refresh(self.open_event)

    def open_event(self):
        from facilitator.screens.event import EventScreen

        self.push_screen(EventScreen(sys.argv[2]))
        self.call_after_refresh(self.when_loaded)

    def when_loaded(self):
        # Exit once the log's first page is in its table and a frame has been painted since.
        table = self.screen.query_one("#decision-table")
        if table.row_count:
            self.call_after_refresh(self.exit)
        else:
            self.set_timer(0.005, self.when_loaded)

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        # As for the list: the first frame of the event screen whose log holds its first page. (A probe that
        # looked every 5 ms and took the frame after it saw the rows added up to 50 ms once the page came
        # with the screen's first frames rather than from a worker.)
        if renderable is not None and getattr(self, "painted", None) is None and type(screen).__name__ == "EventScreen":
            tables = screen.query("#decision-table")
            if tables and tables.first().row_count:
                self.painted = time.monotonic()

app = Timed(Store(sys.argv[1]), settings=Settings())
app.run(headless=True, size=(120, 40))
print(app.painted)
"""


def seed_big_event(db: str, count: int) -> str:
    """An event holding ``count`` decisions, inserted in bulk and sealed as the application would."""
    import uuid
    from datetime import UTC, date, datetime, timedelta

    from facilitator.domain.clock import to_iso
    from facilitator.domain.event import Event, EventKind
    from facilitator.storage.digests import seal_unsealed
    from facilitator.storage.store import Store

    store = Store(db)
    event = store.events.add(Event(title="Press line 4 changeover blitz (10,000 decisions)", kind=EventKind.KAIZEN,
                                   start_date=date.today() - timedelta(days=1), days=5))
    start = datetime.now(UTC) - timedelta(days=1)
    rows = [
        {"id": str(uuid.uuid4()), "event_id": event.id, "day": 1 + index * 2 // count,
         "subject": f"Idea {index}: stage die {index % 14} on the cart", "verdict": "in_scope",
         "rationale": "team agreed", "decided_by": "team", "tags": "smed",
         "decided_at": to_iso(start + timedelta(seconds=5 * index))}
        for index in range(count)
    ]
    with store.db.atomic():
        store.db["decisions"].insert_all(rows, batch_size=1000)
        seal_unsealed(store.db, event.id)
    store.close()
    return event.id


def launch(script: Path, *args: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from launch to first paint, and to the process's exit."""
    started = time.monotonic()  # the clock the launched script reads at its first paint
    done = subprocess.run([sys.executable, str(script), *args], check=True, capture_output=True, env=env, text=True)
    ended = time.monotonic()
    painted = float(done.stdout.strip().splitlines()[-1])  # a launch that never painted stops the bench here
    return painted - started, ended - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        big = str(Path(folder) / "big.db")
        scripts = {}
        for name, text in (("bare", BARE), ("cockpit", COCKPIT), ("event", EVENT)):
            scripts[name] = Path(folder) / f"{name}.py"
            scripts[name].write_text(text)
        subprocess.run([sys.executable, "-m", "facilitator", "--db", db, "demo"], check=True, capture_output=True)
        event_id = seed_big_event(big, 10_000)
        scripts["cockpit_changed"] = scripts["cockpit"]
        scripts["event_changed"] = scripts["event"]
        args = {"bare": (), "cockpit": (db,), "event": (big, event_id), "cockpit_changed": (db,),
                "event_changed": (big, event_id)}
        readings, checked = Path(folder) / "data" / "home-readings.json", Path(folder) / "data" / "checked-logs.json"
        remembered = {"cockpit_changed": (readings,), "event_changed": (readings, checked)}
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        # What the cockpit remembers (the decision logs found intact) stays in the bench's folder, not yours.
        env["FACILITATOR_DATA_DIR"] = str(Path(folder) / "data")
        for name, script in scripts.items():
            launch(script, *args[name], env=env)  # warm the file cache and write the bytecode for each
        times: dict[str, list[float]] = {name: [] for name in scripts}
        for _ in range(options.runs):  # interleaved, so a busy moment on the machine hits all three alike
            for name, script in scripts.items():
                for forgotten in remembered.get(name, ()):
                    forgotten.unlink(missing_ok=True)  # as after a change: worked out again
                times[name].append(launch(script, *args[name], env=env))
    names = ("bare", "cockpit", "cockpit_changed", "event", "event_changed")
    paint = {name: statistics.median(t[0] for t in times[name]) * 1000 for name in names}
    exit_ = {name: statistics.median(t[1] for t in times[name]) * 1000 for name in names}
    labels = {
        "bare": "bare Textual app                    ", "cockpit": "facilitator, list of events (demo)  ",
        "cockpit_changed": "  the same, records changed since   ", "event": "facilitator, a 10,000-decision event",
        "event_changed": "  the same, its log changed since   ",
    }
    print(f"startup, median of {options.runs} launches: launch to first paint, and to exit")
    for name in names:
        ratios = "" if name == "bare" else (
            f"   ratio {paint[name] / paint['bare']:5.2f}x   (to exit {exit_[name]:6.1f} ms, "
            f"{exit_[name] / exit_['bare']:5.2f}x)"
        )
        bare_exit = f"   (to exit {exit_['bare']:6.1f} ms)" if name == "bare" else ""
        print(f"  {labels[name]}  : {paint[name]:7.1f} ms{ratios}{bare_exit}")
    bare_ms, cockpit_ms, list_changed_ms, event_ms, changed_ms = (paint[name] for name in names)
    record("first paint, demo database vs a bare Textual app", cockpit_ms / bare_ms, 1.3)
    record("first paint, demo database, its records changed since the last launch", list_changed_ms / bare_ms, 1.3)
    record("first paint, a 10,000-decision event open vs bare", event_ms / bare_ms, 1.4)
    record("first paint, that event after its log changed (checked whole)", changed_ms / bare_ms, 1.4)


if __name__ == "__main__":
    main()
