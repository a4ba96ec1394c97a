"""The cockpit meets a damaged file: it shows the one line and how to recover, and does not crash."""

from __future__ import annotations

from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.demo import load_demo
from facilitator.screens.damaged import DamagedScreen
from facilitator.storage import database
from facilitator.storage.store import Store
from tests.screen_text import rendered_text
from tests.unit.test_damaged_files import damage


async def test_opening_an_event_in_a_damaged_file_shows_the_line(tmp_path, monkeypatch):
    path = tmp_path / "damaged.db"
    store = Store(path)
    load_demo(store)
    store.close()
    before = damage(path)
    # Too big to check within the budget: the damage is met when the event's areas are read.
    monkeypatch.setattr(database, "QUICK_CHECK_BUDGET", 0)
    app = FacilitatorApp(Store(path), settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, DamagedScreen)
        text = rendered_text(app.screen.query_one("#damaged-message"))
        assert "is damaged" in text and ".recover" in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert not (tmp_path / "data" / "logs" / "errors.log").exists()
    app.store.close()
    assert path.read_bytes() == before


async def test_an_event_changed_by_hand_to_a_value_it_cannot_read_is_named_not_a_crash(tmp_path):
    import sqlite3

    path = tmp_path / "plant.db"
    store = Store(path)
    load_demo(store)
    store.close()
    with sqlite3.connect(path) as conn:  # a Datasette user "tidies" the area's spelling
        conn.execute("update events set area = 'Product' where title like 'Press line 4%'")
    conn.close()
    app = FacilitatorApp(Store(path), settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(app.screen, DamagedScreen)
        text = rendered_text(app.screen.query_one("#damaged-message"))
        assert "'Press line 4 changeover blitz (SMED)') holds a value facilitator cannot read" in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert not (tmp_path / "data" / "logs" / "errors.log").exists()
    app.store.close()
