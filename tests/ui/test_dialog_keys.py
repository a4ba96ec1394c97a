"""Keys do what the screen says: enter saves from any field, esc never loses typing, digits switch areas."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select, Static, TabbedContent

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.followup import FollowUp
from facilitator.screens.decision_capture import DecisionCaptureScreen
from facilitator.screens.home import HomeScreen
from tests.screen_text import rendered_text
from tests.ui.event_setup import blitz, open_event


async def test_enter_on_the_from_list_saves_the_follow_up_instead_of_opening_it(make_app, store):
    event = blitz(store)
    store.agenda.add(event.id, 3, "Gemba walk", planned_minutes=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("a", *"Label dies", "tab", *"Tom Hale", "tab", *"fri", "tab")
        assert isinstance(app.focused, Select) and app.focused.id == "source"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        saved = store.followups.for_event(event.id)
        assert [(f.action, f.owner, f.due_date) for f in saved] == [("Label dies", "Tom Hale", date(2026, 11, 27))]


async def test_enter_on_a_verdict_or_a_session_kind_saves(make_app, store):
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("d", *"Die cart", "tab", "i")
        await pilot.press("shift+tab")  # back on the verdict row
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert [d.subject for d in store.decisions.page(event.id)] == ["Die cart"]
        await pilot.press("2", "i", *"Gemba walk", "tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert [s.title for s in store.agenda.sessions(event.id, 3)] == ["Gemba walk"]


async def test_esc_in_the_decision_search_clears_then_leaves_the_field_before_leaving_the_event(make_app, store):
    event = blitz(store)
    store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("3", "slash", *"die", "escape")
        assert app.screen is screen
        search = screen.query_one("#decision-search", Input)
        assert search.value == ""
        await pilot.press("escape")
        assert app.screen is screen and app.focused is not search
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_esc_on_a_half_typed_decision_asks_before_discarding(make_app, store):
    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("d", *"Die cart", "escape")
        assert isinstance(app.screen, DecisionCaptureScreen)
        assert "esc again discards" in str(app.screen.query_one("#form-error", Static).render())
        assert app.screen.query_one("#subject", Input).value == "Die cart"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and store.decisions.page(event.id) == []
        await pilot.press("d", "escape")  # nothing typed: one esc closes
        await pilot.pause()
        assert app.screen is screen


async def test_digits_switch_areas_from_every_area(make_app, store):
    earlier = blitz(store, "Earlier blitz", date(2026, 11, 2))
    store.followups.add(FollowUp(earlier.id, "Label dies", "Tom", date(2026, 11, 20)))
    event = blitz(store)
    store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=3)
    store.followups.add(FollowUp(event.id, "Order carts", "Ann", date(2026, 12, 20)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        areas = {"1": "charter", "2": "agenda", "3": "decisions", "4": "reflection", "5": "followup"}
        for start in areas:
            for goal in areas:
                if goal == start:
                    continue
                await pilot.press(start, goal)
                assert screen.query_one(TabbedContent).active == areas[goal], f"{start} then {goal}"
        assert screen.query_one("#decision-search", Input).value == ""


async def test_footer_at_80_columns_shows_the_session_keys_and_help_lists_every_area(make_app, store):
    from textual.widgets._footer import FooterKey

    from facilitator.screens.key_help import KeyHelpScreen
    from facilitator.widgets.key_bar import KeyBar

    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        bar = screen.query_one(KeyBar)
        shown = {
            key.key for key in bar.query(FooterKey)
            if key.region.height == 1 and bar.region.contains_region(key.region) and key.region.width >= len(key.key_display) + len(key.description) + 1
        }
        assert {"space", "n", "d", "a", "o", "x", "P", "r", "m", "S", "question_mark"} <= shown
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeyHelpScreen)
        text = "\n".join(rendered_text(s, width=200) for s in app.screen.query(Static))
        for area, key_line in (("Timer", "Extend by"), ("2 Agenda", "Add session"), ("3 Decisions", "Verdict"),
                               ("5 Follow-up", "Move on"), ("Areas", "Decisions"), ("The cockpit", "Theme")):
            assert area in text and key_line in text
        await pilot.press("escape")
        assert app.screen is screen


async def test_f2_lists_the_cockpits_own_themes_first_and_says_what_they_are_for(make_app):
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause(0.3)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [line.split("\n")[0] for line in shown[:3]] == ["shopfloor-dark", "projector-light", "andon"]
        assert "projector in a bright room" in shown[1]
        assert any(line.startswith("nord") and "Textual built-in" in line for line in shown[3:])


async def test_notices_wait_while_a_dialog_is_open_and_never_pile_up(make_app, store, clock):
    from textual.widgets._toast import Toast

    from facilitator.widgets.timer_bar import TimerBar

    event = blitz(store)
    session = store.agenda.add(event.id, 3, "Kick-off", planned_minutes=30)
    store.timer.start(session.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event.id)
        app.clear_notifications()
        await pilot.press("d", *"Die cart")
        app.notify("Open follow-ups: 4 from earlier events")
        clock.advance(minutes=31)
        screen.query_one(TimerBar).tick()  # time is up while the dialog is open
        await pilot.pause()
        assert isinstance(app.screen, DecisionCaptureScreen)
        assert not app.screen.query(Toast) and not list(app._notifications)
        assert screen.query_one(TimerBar).has_class("-alarm")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert [n.message for n in app._notifications] == ["Open follow-ups: 4 from earlier events"]
        for number in range(4):
            app.notify(f"Notice {number}")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Notice 2", "Notice 3"]


async def test_a_verdict_key_moves_on_to_decided_by_and_the_row_in_hand_is_marked(make_app, store):
    from facilitator.widgets.choice_picker import ChoicePicker

    event = blitz(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event(app, pilot, event.id)
        await pilot.press("d")
        marked = lambda: [row.query_one(".capture-label").render().plain for row in app.screen.query(".capture-row.-current")]  # noqa: E731
        assert marked() == ["Subject"]
        await pilot.press(*"Die cart", "tab")
        assert marked() == ["Verdict"]
        await pilot.press("i")
        assert isinstance(app.focused, ChoicePicker) and app.focused.id == "decided_by"
        assert marked() == ["Decided by"]
        await pilot.press("t")
        assert app.focused.id == "rationale" and marked() == ["Why"]
