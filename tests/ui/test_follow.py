"""Every open screen follows the database: what a shell, a second cockpit or Datasette commits shows
within a second, and the next key acts on what the database holds now."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta

from textual.widgets import DataTable

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.domain.reflection import Scope, Target
from facilitator.screens.event import EventScreen
from facilitator.storage.store import Store
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.charter_view import CharterView
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.newspaper import Newspaper
from facilitator.widgets.parking_count import ParkingCount
from tests.screen_text import rendered_text
from tests.ui.test_timer import bar_text

FAST = 0.05  # the app's check interval in most tests: no real one-second waits
DEADLINE = 1.0  # the promise: a commit elsewhere shows within a second


def blitz(store) -> tuple[Event, list]:
    event = store.events.add(
        Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3, status=EventStatus.RUNNING)
    )
    sessions = [store.agenda.add(event.id, 2, title, "observation", 60) for title in ("Gemba walk", "Lunch", "Debrief")]
    return event, sessions


def shell(store, *args: str) -> None:
    """The real `facilitator` command in another process, on the same file."""
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--db", str(store.path), *args],
        capture_output=True, text=True, env=os.environ.copy(), timeout=60,
    )
    assert result.returncode == 0, result.stderr


async def open_event(app, pilot, event) -> EventScreen:
    await pilot.pause()
    app.push_screen(EventScreen(event.id))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def shown_within(pilot, condition, deadline: float = DEADLINE) -> float:
    """Seconds until the screen shows it, driven by the app's own timer; fails past the deadline."""
    start = time.monotonic()
    while not condition():
        waited = time.monotonic() - start
        assert waited < deadline, f"not shown after {waited:.2f} s"
        await pilot.pause(0.02)
    return time.monotonic() - start


async def test_a_pause_from_a_shell_shows_and_space_then_resumes(make_app, store, clock):
    clock.set(datetime.now(UTC) - timedelta(minutes=10))  # the shell stamps the real time; keep the order
    event, sessions = blitz(store)
    store.timer.start(sessions[1].id)
    app = make_app(follow_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        assert bar_text(screen).startswith("RUNNING | Lunch")
        shell(store, "timer", event.id[:8], "pause")
        await shown_within(pilot, lambda: bar_text(screen).startswith("PAUSED | Lunch"))
        clock.set(datetime.now(UTC))
        await pilot.press("space")
        await pilot.pause()
        assert bar_text(screen).startswith("RUNNING | Lunch")
        assert any("Resumed Lunch" in str(n.message) for n in app._notifications)
    assert [entry.action.value for entry in store.timer.log(event.id)] == ["start", "pause", "resume"]


async def test_decisions_from_a_shell_show_in_the_log_and_the_parking_count(make_app, store):
    event, _ = blitz(store)
    store.decisions.capture(event.id, DecisionDraft("Earlier", "in_scope", "team"), day=2)
    app = make_app(follow_seconds=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("3")
        log = screen.query_one(DecisionLog)
        count = screen.query_one(ParkingCount)
        assert log.total == 1 and count.count == 0
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        shell(store, "decide", event.id[:8], "Move die storage", "--verdict", "parked", "--by", "team")
        await shown_within(pilot, lambda: log.total == 2 and count.count == 1 and not log.loading)
        store.db.conn.set_trace_callback(None)
        table = screen.query_one("#decision-table", DataTable)
        assert str(table.get_row_at(0)[3]) == "Move die storage"
        assert "Parking lot: 1 open" in str(count.render())
        # Only the decision areas re-read: the timer, agenda and follow-ups were left alone.
        assert not [sql for sql in statements if "timer_log" in sql or "followups" in sql]


async def test_a_followup_done_in_datasette_shows_in_the_newspaper(make_app, store):
    event, _ = blitz(store)
    item = store.followups.add(FollowUp(event_id=event.id, action="Shadow board", owner="Luis", due_date=date(2026, 12, 1)))
    app = make_app(follow_seconds=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("5")
        await pilot.pause()
        newspaper = screen.query_one(Newspaper)
        assert newspaper.items[item.id].status is FollowUpStatus.OPEN
        by_hand = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"update followups set status = 'done' where id = ?\", [sys.argv[2]]); c.commit()"
        subprocess.run([sys.executable, "-c", by_hand, str(store.path), item.id], check=True, timeout=60)
        await shown_within(pilot, lambda: newspaper.items[item.id].status is FollowUpStatus.DONE)


async def test_moving_on_an_item_changed_elsewhere_is_refused_and_shows_it(make_app, store):
    event, _ = blitz(store)
    item = store.followups.add(FollowUp(event_id=event.id, action="Shadow board", owner="Luis", due_date=date(2026, 12, 1)))
    app = make_app(follow_seconds=3600)  # the check does not run: the key meets a screen that is behind
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("5")
        await pilot.pause()
        newspaper = screen.query_one(Newspaper)
        newspaper.move_cursor(row=newspaper.get_row_index(item.id))
        other = Store(store.path, store.clock)
        other.followups.set_status(item.id, FollowUpStatus.DONE)
        other.close()
        await pilot.press("s")  # the screen still says open; moving on from done would reopen it
        await pilot.pause()
        assert store.followups.get(item.id).status is FollowUpStatus.DONE
        assert newspaper.items[item.id].status is FollowUpStatus.DONE
        assert any("changed elsewhere" in str(n.message) for n in app._notifications)


async def test_at_the_real_interval_a_second_cockpit_shows_within_a_second(make_app, store):
    event, sessions = blitz(store)
    app = make_app()  # the shipped interval
    assert app._follow_seconds == 1.0
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        assert bar_text(screen).startswith("READY")
        second = Store(store.path, store.clock)
        second.timer.start(sessions[0].id)
        second.close()
        await shown_within(pilot, lambda: bar_text(screen).startswith("RUNNING | Gemba walk"), deadline=1.5)


async def test_an_idle_check_reads_no_table(make_app, store):
    event, _ = blitz(store)
    app = make_app(follow_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event)
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        await pilot.pause(5 * FAST)
        store.db.conn.set_trace_callback(None)
        assert statements and set(statements) == {"PRAGMA data_version"}


async def test_a_charter_edit_and_an_owed_reflection_from_elsewhere_show(make_app, store):
    event, sessions = blitz(store)
    app = make_app(follow_seconds=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("2")
        agenda = screen.query_one(AgendaView)
        await pilot.pause()
        other = Store(store.path, store.clock)
        other.events.rename(event.id, "Line 4 SMED, second week")
        await shown_within(pilot, lambda: screen.title == "Line 4 SMED, second week")
        assert "Line 4 SMED, second week" in rendered_text(screen.query_one(CharterView))
        other.reflections.mark_owed(event.id, Target(Scope.SESSION, sessions[0].id, 2), "action-learning", "AL")
        other.close()
        await shown_within(pilot, lambda: sessions[0].id in agenda._owed)
        table = agenda.query_one(DataTable)
        assert "reflection owed" in str(table.get_row(sessions[0].id))
