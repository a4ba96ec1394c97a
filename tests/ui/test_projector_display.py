"""The second screen: `facilitator projector` follows what the cockpit commits and changes nothing."""

from __future__ import annotations

import sqlite3

import pytest
from textual.color import Color
from textual.widgets import Static

from facilitator.config import Settings
from facilitator.domain.decision import DecisionDraft
from facilitator.projector_app import ProjectorApp
from facilitator.screens.room_display import RoomDisplayScreen
from facilitator.storage.errors import CannotWrite
from facilitator.storage.store import Store
from facilitator.widgets.big_digits import BigDigits
from facilitator.widgets.room_clock import RoomClock
from tests.ui.test_timer import add_blitz


def dump(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def room_text(app) -> dict[str, str]:
    clock = app.screen.query_one(RoomClock)
    texts = {part: str(clock.query_one(f"#room-{part}", Static).render()) for part in ("status", "title", "next", "day", "parked")}
    texts["digits"] = clock.query_one(BigDigits).value
    return texts


@pytest.fixture
def display(store, clock):
    """A read-only store on the cockpit's file, as `facilitator projector` opens it."""
    viewer = Store(store.path, clock, read_only=True)
    yield viewer
    viewer.close()


async def test_projector_follows_the_cockpit_and_changes_nothing(store, clock, display):
    event, sessions = add_blitz(store)
    app = ProjectorApp(display, event.id, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomDisplayScreen)
        assert room_text(app)["status"] == "READY"
        # The cockpit (another connection) starts the day: the display shows it at its next check.
        store.timer.start(sessions[0].id)
        screen.check()
        await pilot.pause()
        shown = room_text(app)
        assert shown["status"] == "RUNNING" and shown["digits"] == "30:00"
        assert shown["title"] == "Kick-off [red]now[/]"  # typed text, not markup
        assert "Next: Gemba walk (1h30) at 08:30" in shown["next"]
        assert "Day 1 of 3: 0 of 4 sessions done, projected end 11:20" in shown["day"]
        assert shown["parked"] == "Parking lot: empty"
        digits = app.screen.query_one(BigDigits)
        assert digits.digit_rows >= 24 / 3
        # Nothing changed since: a check reads no table.
        loads = screen.loads
        screen.check()
        assert screen.loads == loads
        # Overrun: +mm:ss in the alarm colour.
        clock.advance(minutes=33)
        app.screen.query_one(RoomClock).tick()
        await pilot.pause()
        assert room_text(app)["digits"] == "+03:00" and room_text(app)["status"] == "OVERRUN"
        assert app.screen.query_one(RoomClock).has_class("-overrun")
        shown_rgb = digits.rich_style.color.triplet
        alarm = Color.parse(app.current_theme.error)
        assert max(abs(a - b) for a, b in zip(shown_rgb, (alarm.r, alarm.g, alarm.b))) <= 2
        # A pause and a parked item from elsewhere.
        store.timer.pause(event.id)
        store.decisions.capture(event.id, DecisionDraft("Buy a second crane", "parked", "team"), day=1)
        screen.check()
        await pilot.pause()
        assert room_text(app)["status"] == "PAUSED" and room_text(app)["parked"] == "Parking lot: 1 open"
        before = dump(store.path)
        # The cockpit's keys do nothing here; only quit and theme are bound.
        await pilot.press("space", "n", "f", "k", "plus", "d", "enter", "t")
        await pilot.pause()
        assert app.theme != "shopfloor-dark"
        assert dump(store.path) == before
        await pilot.press("q")
    assert dump(store.path) == before
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        display.db.execute("insert into timer_log (id) values ('x')")


async def test_digits_fill_a_third_of_a_large_window(store, clock, display):
    event, sessions = add_blitz(store)
    store.timer.start(sessions[1].id)
    app = ProjectorApp(display, event.id, settings=Settings(), theme="projector-light")
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        digits = app.screen.query_one(BigDigits)
        assert digits.value == "1:30:00"
        assert digits.digit_rows >= 60 / 3


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(CannotWrite, match="No database at"):
        Store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_projector_display_at_80x24(snap_compare, store, clock, display):
    event, sessions = add_blitz(store)
    store.timer.start(sessions[0].id)
    clock.advance(minutes=34, seconds=15)  # 4:15 over
    app = ProjectorApp(display, event.id, settings=Settings(), theme="projector-light")
    assert snap_compare(app, terminal_size=(80, 24))
