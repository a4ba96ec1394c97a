"""The facilitator logs decisions in seconds while the clock runs, finds them again, and never loses history."""

from __future__ import annotations

import asyncio
import io
from datetime import date

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, Static

from facilitator.domain.decision import DecisionDraft, DecisionFilter, LogState, Verdict
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.timer import TimerState
from facilitator.screens.decision_capture import DecisionCaptureScreen
from facilitator.screens.decision_history import DecisionHistoryScreen
from facilitator.screens.event import EventScreen
from facilitator.screens.parking_lot import ParkingLotScreen
from facilitator.widgets.decision_insights import DecisionInsights
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.parking_count import ParkingCount
from tests.ui.event_setup import open_event


def _blitz(store) -> Event:
    # The fixture clock says 2026-11-25 (TZ=UTC): day 3 of a blitz that started on the 23rd.
    return store.events.add(Event(title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _table_subjects(screen) -> list[str]:
    table = screen.query_one("#decision-table", DataTable)
    return [str(table.get_row_at(index)[3]) for index in range(table.row_count)]


async def test_quick_capture_while_timer_runs_keeps_its_time(make_app, store, clock):
    event = _blitz(store)
    session = store.agenda.add(event.id, 3, "Implement changes", planned_minutes=60)
    store.timer.start(session.id)
    clock.advance(minutes=10)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        assert "Implement changes" in str(app.screen.query_one("#capture-context", Static).render())
        await pilot.press(*"Die cart [bold]redesign[/]")
        await pilot.press("tab", "i", "t")
        clock.advance(minutes=1)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is screen
        saved = store.decisions.page(event.id)
        assert [(d.subject, d.verdict, d.decided_by.value, d.day, d.session_id) for d in saved] == [
            ("Die cart [bold]redesign[/]", Verdict.IN_SCOPE, "team", 3, session.id)
        ]
        assert _table_subjects(screen) == ["Die cart [bold]redesign[/]"]
        timer = store.timer.state(event.id).timer(session.id)
        assert timer.state is TimerState.RUNNING
        assert timer.elapsed(clock.now()).total_seconds() == 11 * 60


async def test_empty_subject_refused_and_escape_saves_nothing(make_app, store):
    event = _blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("tab", "o", "enter")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one("#subject-error", Static)
        assert error.display and "Subject is empty" in str(error.render())
        await pilot.press("escape")  # a verdict was picked: the first esc asks
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
    assert store.decisions.count(event.id) == 0


async def test_capture_adds_row_in_place_and_parking_count_follows(make_app, store, clock):
    event = _blitz(store)
    for n in range(3):
        store.decisions.capture(event.id, DecisionDraft(f"Earlier {n}", "in_scope", "team"), day=2)
        clock.advance(minutes=1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        log = screen.query_one(DecisionLog)
        loads = []
        original = log.reload
        log.reload = lambda: (loads.append(1), original())[1]
        assert "Parking lot: 0 open" in str(screen.query_one(ParkingCount).render())
        await pilot.press("d", *"Move die storage", "tab", "p")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert _table_subjects(screen)[0] == "Move die storage"
        assert len(_table_subjects(screen)) == 4
        assert loads == []  # appended in place, not reloaded
        assert "Parking lot: 1 open" in str(screen.query_one(ParkingCount).render())


def _shown_text(widget) -> str:
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_a_capture_moves_the_counts_by_one_without_recounting_the_log(make_app, store, clock):
    event = _blitz(store)
    store.events.set_status(event.id, EventStatus.RUNNING)  # a running event's mirror nudge follows decisions too
    store.decisions.capture(event.id, DecisionDraft("Earlier", "in_scope", "facilitator"), day=2)
    store.decisions.capture(event.id, DecisionDraft("Second press operator", "parked", "sponsor"), day=2)
    clock.advance(minutes=1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        insights = screen.query_one(DecisionInsights)
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        await pilot.press("d", *"Move die storage", "tab", "p")
        await pilot.press("enter")
        await _settle(app, pilot)
        await pilot.press("P")  # resolve the older parked item: a change that closes one
        await pilot.pause()
        await pilot.press("i", "enter")
        await _settle(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        store.db.conn.set_trace_callback(None)
        shown = _shown_text(insights)
        assert "Parking lot: 1 open" in str(screen.query_one(ParkingCount).render())
        assert "Parking lot: 1 open" in shown and "(4 decisions)" in shown
        insights.refresh_insights()  # what a full recount shows: the same
        assert _shown_text(insights) == shown
    assert [s for s in statements if ("count(" in s or "group by" in s) and "from decisions" in s] == []


async def test_search_hostile_input_never_breaks(make_app, store, clock):
    event = _blitz(store)
    store.decisions.capture(event.id, DecisionDraft('Quote "die" cart (NEAR', "in_scope", "team"), day=1)
    clock.advance(minutes=1)
    store.decisions.capture(event.id, DecisionDraft("[bold]Clamps[/] AND capex", "out_of_scope", "sponsor"), day=1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        search = screen.query_one("#decision-search", Input)
        for hostile, expected in [
            ('"', ["Quote \"die\" cart (NEAR"]),  # any character typed is searched for as typed
            ("*", []),
            ("[/]", ["[bold]Clamps[/] AND capex"]),
            ("(NEAR", ["Quote \"die\" cart (NEAR"]),
            ("NEAR(", []),
            ('"die', ["Quote \"die\" cart (NEAR"]),
            ("[bold]", ["[bold]Clamps[/] AND capex"]),
            ("AND", ["[bold]Clamps[/] AND capex"]),
            ("x" * 10_000, []),
            ("cla", ["[bold]Clamps[/] AND capex"]),
        ]:
            search.value = hostile
            await _settle(app, pilot)
            assert _table_subjects(screen) == expected, hostile


async def test_history_amend_and_change_keep_the_original(make_app, store, clock):
    event = _blitz(store)
    first = store.decisions.capture(event.id, DecisionDraft("New hydralic clamps", "in_scope", "team"), day=2)
    clock.advance(minutes=5)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        screen.query_one("#decision-table", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionHistoryScreen)
        await pilot.press("a")
        await pilot.pause()
        prompt = app.screen
        prompt.query_one(Input).value = "New hydraulic clamps (capex 38k EUR)"
        await pilot.press("enter")
        await pilot.pause()
        body = str(app.screen.query_one("#history-body", Static).render())
        assert "New hydralic clamps" in body and "amended subject to: New hydraulic clamps" in body
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        await pilot.press("o", "s", "enter")
        await _settle(app, pilot)
        assert app.screen is screen
        subjects = _table_subjects(screen)
        assert subjects[0].startswith("changes earlier: New hydraulic clamps (capex 38k EUR)")
        assert "superseded" in subjects[1]
    chain = store.decisions.history(first.id)
    assert [entry.original.subject for entry in chain] == ["New hydralic clamps", "New hydraulic clamps (capex 38k EUR)"]
    assert chain[1].original.supersedes_id == first.id
    assert store.decisions.count(event.id, DecisionFilter(state=LogState.CURRENT)) == 1


async def test_parking_lot_resolves_and_carries(make_app, store, clock):
    event = _blitz(store)
    parked = store.decisions.capture(event.id, DecisionDraft("Move die storage next to line 4", "parked", "team"), day=2)
    clock.advance(minutes=3)
    store.decisions.capture(event.id, DecisionDraft("Second press operator", "parked", "sponsor"), day=2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("P")
        await pilot.pause()
        lot = app.screen
        assert isinstance(lot, ParkingLotScreen)
        assert lot.query_one(DataTable).row_count == 2
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is lot
        assert lot.query_one(DataTable).row_count == 1
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("escape")
        await _settle(app, pilot)
        assert "Parking lot: 1 open" in str(screen.query_one(ParkingCount).render())
    resolved = store.decisions.get(parked.id)
    assert resolved.superseded_by_id is not None
    assert store.decisions.get(resolved.superseded_by_id).verdict is Verdict.IN_SCOPE
    assert [item.carried_to_debrief for item in store.decisions.parked(event.id)] == [True]


async def test_a_long_parked_item_ends_in_an_ellipsis_inside_the_parking_lot_at_80_columns(make_app, store, clock):
    event = _blitz(store)
    subject = "Relocate the light curtain on the die-side of press 4 so the setter can reach the clamps"
    store.decisions.capture(event.id, DecisionDraft(subject, "parked", "facilitator"), day=2)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        await pilot.press("P")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        shown = "".join(segment.text for segment in table.render_line(1))  # the first item's row
        assert "…" in shown and "Relocate the light curtain" in shown
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing runs off the edge
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        wider = "".join(segment.text for segment in table.render_line(1))
        assert "so the setter" in wider and "so the setter" not in shown  # a wider frame shows more of it


async def test_long_log_loads_page_by_page(make_app, store, clock, monkeypatch):
    import facilitator.widgets.decision_log as log_module

    monkeypatch.setattr(log_module, "PAGE_SIZE", 30)
    event = _blitz(store)
    for n in range(75):
        store.decisions.capture(event.id, DecisionDraft(f"Item {n}", "in_scope", "team"), day=1)
        clock.advance(seconds=30)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        table = screen.query_one("#decision-table", DataTable)
        assert table.row_count == 30
        assert "30 of 75 decisions" in str(screen.query_one("#decision-filters", Static).render())
        for _ in range(3):
            table.move_cursor(row=table.row_count - 1)
            await _settle(app, pilot)
        assert table.row_count == 75
        assert _table_subjects(screen)[-1] == "Item 0"
        assert "75 decisions" in str(screen.query_one("#decision-filters", Static).render())


async def test_leaving_the_event_while_the_log_loads_is_harmless(make_app, store):
    event = _blitz(store)
    store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            app.push_screen(EventScreen(event.id))
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = await open_event(app, pilot, event.id)
        assert _table_subjects(screen) == ["Die cart"]


async def test_a_log_changed_past_the_triggers_is_flagged_on_the_decisions_tab(make_app, store, clock):
    event = _blitz(store)
    intact = store.events.add(Event(title="Untouched", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    store.decisions.capture(intact.id, DecisionDraft("Kept as logged", "in_scope", "team"), day=1)
    decision = store.decisions.capture(event.id, DecisionDraft("Die cart [b]redesign[/]", "in_scope", "team"), day=1)
    store.db.execute("drop trigger decisions_no_update")
    store.db.execute("update decisions set verdict = 'rejected' where id = ?", [decision.id])
    store.db.conn.commit()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # On the charter, where the event opens, a line above the tabs says it too (not a toast over the rows).
        line = str(screen.query_one("#log-notice").render())
        assert line.startswith("Decision log changed outside facilitator: ")
        assert f"decision {decision.id[:8]} 'Die cart [b]redesign[/]' was changed" in line
        assert not any("changed outside" in str(n.message) for n in app._notifications)
        await pilot.press("3")
        await pilot.pause()
        log = screen.query_one(DecisionLog)
        warning = str(log.query_one("#decision-seal", Static).render())
        assert log.has_class("-broken")
        assert f"decision {decision.id[:8]} 'Die cart [b]redesign[/]' was changed after it was logged" in warning
        app.pop_screen()
        screen = await open_event(app, pilot, intact.id)
        assert not screen.query_one(DecisionLog).has_class("-broken")


async def test_answers_arriving_while_the_event_closes_are_dropped_quietly(make_app, store, clock):
    # Textual removes the log's children before the log: a capture, a search answer or a seal check that
    # lands in between finds no table. Each is offered at every step of the closing, and none may fail.
    event = _blitz(store)
    store.decisions.capture(event.id, DecisionDraft("Earlier", "in_scope", "team"), day=2)
    clock.advance(minutes=1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3")
        log = screen.query_one(DecisionLog)
        late = store.decisions.capture(event.id, DecisionDraft("Arrives late", "parked", "team"), day=3)
        rows = store.decisions.page(event.id)
        closing = app.pop_screen()
        steps = 0
        while log.is_attached and steps < 500:
            log.add_decision(late)
            log._show(rows, len(rows), False, log._generation)
            log._show_broken("decision 1 was edited")
            steps += 1
            await asyncio.sleep(0)
        await closing
        assert steps > 1 and not log.is_attached
    assert [d.subject for d in store.decisions.page(event.id)] == ["Arrives late", "Earlier"]
