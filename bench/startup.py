"""Launch-to-first-paint time of the cockpit against a bare Textual app, measured in the same run.

Each launch is a fresh interpreter (imports are most of start-up), run headless, exiting right after the
first screen has been painted. Prints the median of several runs and the ratio.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(120, 40))
"""

COCKPIT = """
import sys
from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.storage.store import Store

class Timed(FacilitatorApp):
    def on_mount(self):
        # Textual calls FacilitatorApp.on_mount too (handlers run for each class): it pushes the home
        # screen (calling it here as well pushed two). Exit once it has been painted.
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

Timed(Store(sys.argv[1]), settings=Settings()).run(headless=True, size=(120, 40))
"""


def launch(script: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(script), *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE)
        cockpit_script = Path(folder) / "cockpit.py"
        cockpit_script.write_text(COCKPIT)
        subprocess.run([sys.executable, "-m", "facilitator", "--db", db, "demo"], check=True, capture_output=True)
        launch(bare_script)  # warm the file cache for both
        launch(cockpit_script, db)
        bare, cockpit = [], []
        for _ in range(options.runs):
            bare.append(launch(bare_script))
            cockpit.append(launch(cockpit_script, db))
    bare_ms = statistics.median(bare) * 1000
    cockpit_ms = statistics.median(cockpit) * 1000
    print(f"startup, median of {options.runs} launches to first paint (demo database)")
    print(f"  bare Textual app : {bare_ms:7.1f} ms")
    print(f"  facilitator      : {cockpit_ms:7.1f} ms")
    print(f"  ratio            : {cockpit_ms / bare_ms:7.2f}x")


if __name__ == "__main__":
    main()
