"""The causes tab: a fishbone and 5 Whys typed in bursts land in the database and on the screen."""

from __future__ import annotations

from datetime import date

from facilitator.domain.causes import Category, CauseKind, CauseTree, Verification
from facilitator.domain.event import Event, EventKind, EventStatus, Target
from facilitator.widgets.causes_view import FISHBONE, WHYS, CausesView
from tests.ui.burst import burst, typed
from tests.ui.event_setup import open_event

CHANGEOVER = Target(metric="Changeover time", unit="min", baseline=47, goal=20, id="t-co")


def seed(store) -> Event:
    return store.events.add(Event(
        title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3,
        problem="Changeovers take 47 minutes", targets=(CHANGEOVER,), status=EventStatus.RUNNING,
    ))


def screen_text(view: CausesView) -> str:
    return view.render().plain


async def test_a_fishbone_and_a_why_chain_typed_in_one_burst(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        keys = [
            "6", "N", "c", "enter",  # the charter's problem heads the fishbone
            "right", "i", *typed("Dies are bolted by hand"), "enter",  # machine bone
            "i", *typed("[bold]Three bolt sizes[/]"), "enter",
            "=", "=", "=",  # three dots on the second cause (selected after it was added)
            "s", *typed("Bolt heads worn"), "enter",
            "w", *typed("No spare bolts in the crib"), "enter",  # a 5 Whys chain from the sub-cause
            "w", *typed("Nobody orders them"), "enter",
            "R", "c", "g", *typed("Checked the crib"), "enter",
        ]
        await burst(pilot, keys, until=lambda: any(c.verified for c in store.causes.for_event(event.id))
                    and app.screen is screen)
        causes = store.causes.for_event(event.id)
        assert [(c.kind, c.text) for c in causes] == [
            (CauseKind.PROBLEM, "Changeovers take 47 minutes"),
            (CauseKind.CAUSE, "Dies are bolted by hand"),
            (CauseKind.CAUSE, "[bold]Three bolt sizes[/]"),
            (CauseKind.CAUSE, "Bolt heads worn"),
            (CauseKind.WHY, "No spare bolts in the crib"),
            (CauseKind.WHY, "Nobody orders them"),
        ]
        problem, bolted, sizes, worn, why1, why2 = causes
        assert problem.source == "charter" and problem.day is not None
        assert bolted.category is sizes.category is worn.category is Category.MACHINE
        assert sizes.votes == 3 and worn.parent_id == sizes.id
        assert why1.parent_id == worn.id and why2.parent_id == why1.id
        assert why2.is_root and why2.verified_how is Verification.GEMBA and why2.verification_note == "Checked the crib"
        view = screen.query_one(CausesView)
        assert view.mode == WHYS and view.selected.id == why2.id
        shown = screen_text(view)
        assert "why 2 Nobody orders them" in shown and "ROOT, verified (gemba)" in shown
        await pilot.press("v")
        assert view.mode == FISHBONE
        shown = screen_text(view)
        assert "MACHINE (2)" in shown and "●3 [bold]Three bolt sizes[/]" in shown  # markup shown as typed


async def test_votes_go_down_to_zero_and_root_toggles_and_removal_asks(make_app, store):
    event = seed(store)
    problem = store.causes.add_problem(event.id, "Long changeovers")
    cause = store.causes.add_child(problem.id, CauseKind.CAUSE, "Tools far away", category=Category.ENVIRONMENT)
    store.causes.add_child(cause.id, CauseKind.WHY, "Crib is across the aisle")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await burst(pilot, ["6", *["right"] * 5, "=", "-", "-", "R"],
                    until=lambda: store.causes.get(cause.id).is_root)
        assert store.causes.get(cause.id).votes == 0
        await burst(pilot, ["R", "delete"], until=lambda: app.screen is not screen)
        assert not store.causes.get(cause.id).is_root
        await burst(pilot, ["down", "enter"], until=lambda: app.screen is screen)
        assert [c.id for c in store.causes.for_event(event.id)] == [problem.id]
        assert "Nothing on this bone yet" in screen_text(screen.query_one(CausesView))


async def test_bad_text_keeps_the_dialog_open_and_saves_nothing(make_app, store):
    event = seed(store)
    store.causes.add_problem(event.id, "Long changeovers")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await burst(pilot, ["6", "i", "enter"], until=lambda: app.screen is not screen)
        assert "required" in str(app.screen.query_one("#prompt-error").render())
        await burst(pilot, ["escape"], until=lambda: app.screen is screen)
        assert store.causes.count(event.id) == 1


async def test_a_target_gap_starts_a_chain_and_a_cli_write_shows_up(make_app, store):
    event = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await burst(pilot, ["6", "v", "N", "1", "enter", "w", *typed("Bolts"), "enter"],
                    until=lambda: store.causes.count(event.id) == 2 and app.screen is screen)
        problem, why = store.causes.for_event(event.id)
        assert problem.source == "target:t-co" and problem.text.startswith("Changeover time is 47 min")
        assert why.parent_id == problem.id and why.kind is CauseKind.WHY
        # Another process adds a why: the tab follows the database.
        from facilitator.storage.store import Store

        other = Store(store.path, store.clock)
        other.causes.add_child(why.id, CauseKind.WHY, "Written from a shell")
        other.close()
        view = screen.query_one(CausesView)
        for _ in range(40):
            await pilot.pause(0.05)
            if "Written from a shell" in screen_text(view):
                break
        assert "why 2 Written from a shell" in screen_text(view)
        assert len(CauseTree.of(store.causes.for_event(event.id)).chains(problem.id)) == 1


async def test_key_help_lists_the_causes_keys_under_their_tab(make_app, store):
    from facilitator.screens.key_help import KeyHelpScreen

    event = seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        await pilot.press("6", "question_mark")
        assert isinstance(app.screen, KeyHelpScreen)
        groups = dict(app.screen.groups)
        ids = {binding.id for binding in groups["6 Causes"]}
        assert {"causes_add", "causes_add_sub", "causes_add_why", "causes_vote_up", "causes_verify", "causes_root",
                "causes_new_problem", "causes_toggle_view"} <= ids


async def test_what_is_painted_is_what_the_view_reads_and_follows_cursor_view_and_theme(make_app, store):
    event = seed(store)
    problem = store.causes.add_problem(event.id, "Long changeovers")
    for text in ("Tools far away", "Crib is locked"):
        store.causes.add_child(problem.id, CauseKind.CAUSE, text, category=Category.MAN)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("6")
        await pilot.pause()
        view = screen.query_one(CausesView)

        def painted() -> list[str]:
            return ["".join(segment.text for segment in view.render_line(y)).rstrip() for y in range(view.size.height)]

        def row_style(text: str):  # the bone's list, below the diagram that shows the cause too
            y = max(y for y, line in enumerate(painted()) if text in line)
            return next(segment.style for segment in view.render_line(y) if text in segment.text)

        lines = view.render().plain.splitlines()
        assert painted()[: len(lines)] == [line.rstrip() for line in lines]
        first = row_style("Tools far away")
        await pilot.press("down")
        await pilot.pause()
        assert view.selected.text == "Crib is locked" and row_style("Crib is locked") == first != row_style("Tools far away")
        app.theme = "projector-light"
        await pilot.pause()
        assert row_style("Crib is locked") != first  # the new theme's colours, not the strips drawn before
        await pilot.press("v")
        await pilot.pause()
        assert "5 Whys" in painted()[0] and not any("Tools far away" in line for line in painted())
