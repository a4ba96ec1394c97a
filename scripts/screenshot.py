"""Write docs/screenshot.svg: the demo blitz on day 3, mid-morning, on a fixed clock.

    .venv/bin/python scripts/screenshot.py [--theme projector-light] [-o docs/screenshot.svg]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


async def shoot(theme: str, output: Path, size: tuple[int, int]) -> None:
    from facilitator.app import FacilitatorApp
    from facilitator.config import Settings
    from facilitator.demo import charters, load_demo
    from facilitator.domain.clock import FakeClock
    from facilitator.storage.store import Store

    with tempfile.TemporaryDirectory() as folder:
        os.environ["FACILITATOR_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["FACILITATOR_CONFIG_DIR"] = str(Path(folder) / "config")
        clock = FakeClock(datetime(2026, 11, 25, 10, 40, tzinfo=UTC))
        store = Store(Path(folder) / "demo.db", clock)
        load_demo(store)
        app = FacilitatorApp(store, settings=Settings(theme=theme))
        async with app.run_test(size=size) as pilot:
            from facilitator.screens.event import EventScreen

            await app.push_screen(EventScreen(charters.BLITZ_ID))
            await pilot.pause()
            await pilot.press("2")
            await pilot.pause(0.5)
            app.clear_notifications()
            await pilot.pause(0.2)
            output.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(filename=output.name, path=str(output.parent))
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="shopfloor-dark")
    parser.add_argument("-o", "--output", type=Path, default=Path("docs/screenshot.svg"))
    options = parser.parse_args()
    os.environ.setdefault("TZ", "UTC")
    asyncio.run(shoot(options.theme, options.output, (120, 36)))
    print(options.output)


if __name__ == "__main__":
    main()
