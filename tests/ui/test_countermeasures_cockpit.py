"""The "7 Fixes" tab: propose, give dots, look at the 2x2, choose one into a decision and a follow-up, drop one."""

from __future__ import annotations

from datetime import date

from facilitator.domain.countermeasures import CountermeasureForm, Status
from facilitator.domain.decision import Verdict
from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.screens.dot_vote import DotVoteScreen
from facilitator.screens.event import EventScreen
from facilitator.widgets.countermeasure_grid import CountermeasureGrid
from facilitator.widgets.countermeasure_table import CountermeasureTable
from tests.countermeasure_support import add_cause
from tests.screen_text import rendered_text


def seed(store):
    event = store.events.add(
        Event(
            title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3, status=EventStatus.RUNNING,
            facilitator="Sam Reyes (CI lead)", team=("Luis Ortega (die setter)", "Priya Nair (maintenance)"),
        )
    )
    root = add_cause(store, event.id, "Dies are fetched after the press stops")
    add_cause(store, event.id, "Crane shared with line 3", verified=False)
    return event, root


async def open_fixes(app, pilot, event_id: str) -> EventScreen:
    app.push_screen(EventScreen(event_id))
    await pilot.pause()
    await pilot.press("7")
    await pilot.pause()
    return app.screen


def table_text(app) -> str:
    table = app.screen.query_one(CountermeasureTable)
    return "\n".join(" | ".join(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count))


async def test_propose_vote_and_choose_in_a_burst(store, make_app):
    event, root = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_fixes(app, pilot, event.id)
        assert screen.query_one("#areas").active == "countermeasures"
        # i, the text, effort, impact, tick the only verified cause, enter: all typed without waiting.
        await pilot.press("i", *"Stage the die cart", "tab", "2", "tab", "5", "tab", "space", "enter")
        await pilot.pause()
        [item] = store.countermeasures.for_event(event.id)
        assert (item.text, item.effort, item.impact, item.cause_ids) == ("Stage the die cart", 2, 5, (root,))
        assert "★ Stage the die cart" in table_text(app)  # a quick win, marked
        assert "Dies are fetched" in table_text(app)
        # v: Luis 2 dots, Priya 1.
        await pilot.press("v", "2", "tab", "1", "enter")
        await pilot.pause()
        assert store.countermeasures.get(item.id).votes == (("Luis Ortega", 2), ("Priya Nair", 1))
        # c: owner, due, enter.
        await pilot.press("c", *"Luis Ortega", "tab", *"+2w", "enter")
        await pilot.pause()
        chosen = store.countermeasures.get(item.id)
        assert chosen.status is Status.CHOSEN
        decision = store.decisions.get(chosen.decision_id)
        assert decision.verdict is Verdict.IN_SCOPE and decision.subject == "Countermeasure: Stage the die cart"
        followup = store.followups.get(chosen.followup_id)
        assert (followup.owner, followup.due_date) == ("Luis Ortega", date(2026, 12, 9))
        assert "chosen" in table_text(app)


async def test_dots_over_the_budget_are_refused_beside_the_member(store, make_app):
    event, root = seed(store)
    item = store.countermeasures.add(event.id, CountermeasureForm("Quick clamps", "4", "4", (root,)), day=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_fixes(app, pilot, event.id)
        await pilot.press("v", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DotVoteScreen)
        assert "3 dots in all" in str(app.screen.query_one("#m0-error").render())
        assert store.countermeasures.get(item.id).votes == ()
        await pilot.press("backspace", "3", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DotVoteScreen)
        assert store.countermeasures.get(item.id).dots == 3


async def test_drop_logs_a_parked_decision_and_the_2x2_marks_quick_wins(store, make_app):
    event, root = seed(store)
    repo = store.countermeasures
    repo.add(event.id, CountermeasureForm("Stage the die cart", "1", "5", (root,)), day=1)
    crane = repo.add(event.id, CountermeasureForm("Second crane", "5", "2", (root,)), day=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_fixes(app, pilot, event.id)
        await pilot.press("down", "delete", "p", "enter")
        await pilot.pause()
        dropped = repo.get(crane.id)
        assert dropped.status is Status.DROPPED
        assert store.decisions.get(dropped.decision_id).verdict is Verdict.PARKED
        await pilot.press("g")
        await pilot.pause()
        grid = app.screen.query_one(CountermeasureGrid)
        assert grid.display and app.focused is grid
        shown = rendered_text(grid, width=78)
        assert "★ QUICK WINS" in shown and "Stage the die cart" in shown
        assert "Second crane" not in shown  # dropped ones leave the 2x2
        assert max(len(line) for line in shown.splitlines()) <= 78
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, CountermeasureTable)
