"""A session ends, the reflection screen opens, the group answers, and the answers are in the database."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Select, Static, TextArea

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.domain.reflection import Scope, Target
from facilitator.messages import SessionFinished
from facilitator.screens.event import EventScreen
from facilitator.screens.reflection import ReflectionScreen
from facilitator.screens.reflection_offer import ReflectionOfferScreen
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.reflection_history import ReflectionHistory
from tests.screen_text import rendered_text


def add_event(store, kind: EventKind, days: int = 3) -> tuple[Event, list]:
    event = store.events.add(
        Event(title="Onboarding [bold]set[/]", kind=kind, start_date=date(2026, 11, 23), days=days,
              status=EventStatus.RUNNING)
    )
    sessions = [
        store.agenda.add(event.id, 1, "Opening round"),
        store.agenda.add(event.id, 1, "Questioning the problem"),
        store.agenda.add(event.id, 2, "Report back"),
    ]
    return event, sessions


async def open_event(app, pilot, event):
    await pilot.pause()
    app.push_screen(EventScreen(event.id))
    await pilot.pause()
    return app.screen


def history_text(app) -> str:
    screen = app.screen
    body = " ".join(rendered_text(screen.query_one("#reflection-body", Static), width=400).split())
    return body + str(
        screen.query_one("#reflection-counts", Static).render()
    ) + str(screen.query_one("#reflection-owed", Static).render())


async def test_action_learning_session_end_opens_reflection_and_answers_land_in_db(make_app, store):
    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        screen.post_message(SessionFinished(event.id, sessions[0].id, "next"))
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionScreen)
        assert "Opening round" in str(form.query_one("#about", Static).render())
        assert form.query_one("#framework", Select).value == "action-learning"
        await pilot.click("#participant")
        await pilot.press(*"Li Wei")
        form.query_one("#answer-1", TextArea).text = "We let [bold]Jonas[/] finish his question"
        form.query_one("#loop", Select).value = "double"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Double-loop without an assumption is refused beside the field; nothing is saved.
        assert app.screen is form
        assert "name the assumption" in str(form.query_one("#assumptions-error", Static).render())
        assert store.db["reflection_answers"].count == 0
        form.query_one("#assumptions", TextArea).text = "We assumed people leave for pay"
        form.query_one("#transfers", TextArea).text = "Meet starters at the gate; Kwame Mensah; plant 3"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#participant", Input).value == ""
        form.query_one("#answer-2", TextArea).text = "Ask before advising"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("4")
        await pilot.pause()
        text = history_text(app)
        assert "We let [bold]Jonas[/] finish his question" in text
        assert "We assumed people leave for pay" in text
        assert "1 session reflected" in text and "double-loop 1" in text
    rows = list(store.db.query("select participant, prompt, answer, framework from reflection_answers order by participant"))
    assert [(r["participant"], r["prompt"], r["answer"]) for r in rows] == [
        ("Group", "What did we learn about solving problems?", "Ask before advising"),
        ("Li Wei", "What did we do best as a group?", "We let [bold]Jonas[/] finish his question"),
    ]
    assert {r["framework"] for r in rows} == {"Action Learning end of session"}
    assert [f.owner for f in store.followups.for_event(event.id)] == ["Kwame Mensah"]
    assert store.reflections.owed_session_ids(event.id) == set()


async def test_skipping_asks_a_reason_and_the_session_shows_reflection_owed(make_app, store):
    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        screen.post_message(SessionFinished(event.id, sessions[1].id, "finished"))
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "reason for skipping is required" in str(app.screen.query_one("#prompt-error", Static).render())
        await pilot.press(*"Sponsor arrived")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        await pilot.press("4")
        await pilot.pause()
        text = history_text(app)
        assert "Reflection owed: 'Questioning the problem'" in text
        assert "Sponsor arrived" in text
        await screen.area_ready("agenda")
        agenda = screen.query_one(AgendaView).query_one(DataTable)
        status = agenda.get_row(sessions[1].id)[5]
        assert "reflection owed" in str(status)
        assert "reflection owed" not in str(agenda.get_row(sessions[0].id)[5])
        # r reopens the owed reflection; answering it clears the marker.
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionScreen) and form.request.target.session_id == sessions[1].id
        form.query_one("#answer-1", TextArea).text = "Caught up at the start of meeting 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Reflection owed" not in history_text(app)
        assert "reflection owed" not in str(agenda.get_row(sessions[1].id)[5])
    assert store.reflections.owed_session_ids(event.id) == set()


async def test_skipped_session_in_action_learning_opens_nothing(make_app, store):
    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        screen.post_message(SessionFinished(event.id, sessions[0].id, "skipped"))
        await pilot.pause()
        assert app.screen is screen


async def test_kaizen_offers_day_reflection_at_day_end_and_requires_review_at_event_end(make_app, store):
    event, sessions = add_event(store, EventKind.KAIZEN)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        screen.post_message(SessionFinished(event.id, sessions[0].id, "finished"))
        await pilot.pause()
        assert app.screen is screen  # mid-day: nothing
        screen.post_message(SessionFinished(event.id, sessions[1].id, "finished"))
        await pilot.pause()
        assert isinstance(app.screen, ReflectionOfferScreen)
        await pilot.press("y")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionScreen)
        assert form.request.target == Target(Scope.DAY, day=1) and not form.request.required
        assert form.query_one("#framework", Select).value == "aar"
        await pilot.press("escape")  # offered, not required: closes without a reason
        await pilot.pause()
        assert app.screen is screen
        assert not store.reflections.is_owed(event.id, Target(Scope.DAY, day=1))
        screen.post_message(SessionFinished(event.id, sessions[2].id, "finished"))
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReflectionScreen) and review.request.required
        assert review.request.target.scope is Scope.EVENT
        assert store.reflections.event_review_owed(event.id)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"Plant tour")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("4")
        await pilot.pause()
        assert "END-OF-EVENT REVIEW OWED" in history_text(app)
    assert store.reflections.event_review_owed(event.id)


async def test_setting_a_blitz_done_requires_the_end_of_event_review(make_app, store):
    event, _ = add_event(store, EventKind.KAIZEN)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_event(app, pilot, event)
        await pilot.press("S")  # running -> done
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        assert app.screen.request.target.scope is Scope.EVENT
        app.screen.query_one("#answer-2", TextArea).text = "Changeover down to 24 minutes"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.reflections.counts(event.id).event_review_done
    assert not store.reflections.event_review_owed(event.id)


async def test_custom_framework_file_is_offered_and_a_broken_one_reported(make_app, store, tmp_path):
    folder = tmp_path / "config" / "frameworks"
    folder.mkdir(parents=True)
    (folder / "ssc.toml").write_text(
        'name = "Start / Stop / Continue"\nexplanation = "Three lists."\n'
        'prompts = ["What should we start?", "What should we stop?", "What should we continue?"]\n',
        encoding="utf-8",
    )
    (folder / "broken.toml").write_text("name = [", encoding="utf-8")
    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionScreen)
        # Said in the form, where no notice covers the answers; the notice follows when it closes.
        assert "broken.toml" in str(form.query_one("#framework-problems", Static).render())
        form.query_one("#answer-1", TextArea).text = "kept while switching"
        form.query_one("#framework", Select).value = "ssc"
        await pilot.pause()
        assert str(form.query_one("#explanation", Static).render()) == "Three lists."
        form.query_one("#answer-2", TextArea).text = "Stop the 40-slide induction deck"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert any("broken.toml" in n.message for n in app._notifications)
    [row] = store.db.query("select framework, prompt, answer from reflection_answers")
    assert (row["framework"], row["prompt"]) == ("Start / Stop / Continue", "What should we stop?")


async def test_long_and_markup_answers_are_shown_as_typed_and_searchable(make_app, store):
    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    from facilitator.domain.reflection import ReflectionForm

    long_answer = "[link=http://x]click[/link] " + "very long answer " * 300 + "[/]"
    for name, answer in (("Anja", long_answer), ("Jonas", "Plain")):
        store.reflections.add(
            ReflectionForm(participant=name, answers=(("Q?", answer),)).to_reflection(
                event.id, Target(Scope.SESSION, session_id=sessions[0].id, day=1), "action-learning", "AL"
            )
        )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_event(app, pilot, event)
        await pilot.press("4")
        await pilot.pause()
        assert screen.query_one(ReflectionHistory).display
        assert "[link=http://x]click[/link]" in history_text(app)
        assert history_text(app).count("very long answer") == 300
        screen.query_one("#reflection-search", Input).value = "plain"
        await pilot.pause()
        assert "Jonas" in history_text(app) and "Anja" not in history_text(app)
        screen.query_one("#reflection-grouping", Select).value = "day"
        screen.query_one("#reflection-search", Input).value = ""
        await pilot.pause()
        assert "Meeting 1, Mon 23 Nov" in history_text(app)
        assert "What we take forward" in history_text(app)


def _reversed_in_first_session(store, subject: str) -> tuple[Event, list]:
    """An Action Learning set whose first session reversed a scope decision taken earlier that day."""
    from facilitator.domain.decision import DecisionDraft

    event, sessions = add_event(store, EventKind.ACTION_LEARNING)
    first = store.decisions.capture(
        event.id, DecisionDraft(subject=subject, verdict="in_scope", decided_by="team"), day=1
    )
    store.decisions.supersede(
        first.id, DecisionDraft(subject=first.subject, verdict="out_of_scope", decided_by="team"),
        day=1, session_id=sessions[0].id,
    )
    return event, sessions


async def _reflection_after_first_session(app, pilot, event, sessions) -> ReflectionScreen:
    screen = await open_event(app, pilot, event)
    screen.post_message(SessionFinished(event.id, sessions[0].id, "finished"))
    await pilot.pause()
    form = app.screen
    assert isinstance(form, ReflectionScreen)
    return form


async def test_a_scope_decision_reversed_in_the_session_is_quoted_in_double_loop_prompts(make_app, store):
    event, sessions = _reversed_in_first_session(store, "Buddies only at [red]plant 2[/]")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _reflection_after_first_session(app, pilot, event, sessions)
        assert form.query_one("#reversal-note", Static).display
        first_prompt = form.prompts()[0]
        assert '"Buddies only at [red]plant 2[/] (in scope)"' in first_prompt
        assert "Which assumption behind this decision did not hold?" in first_prompt
        form.query_one("#answer-1", TextArea).text = "That plant 2 was different"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [row] = store.db.query("select prompt from reflection_answers")
    assert row["prompt"] == first_prompt


def set_with_check_in(store) -> tuple[Event, object]:
    """A running Action Learning set whose first meeting opens with a 15-minute check-in."""
    event = store.events.add(
        Event(title="Set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 25), days=8,
              status=EventStatus.RUNNING)
    )
    check_in = store.agenda.add(event.id, 1, "Check-in", planned_minutes=15)
    store.agenda.add(event.id, 1, "Questioning", planned_minutes=45)
    return event, check_in


async def finish_check_in_with_next(app, pilot, clock, minutes: int) -> ReflectionScreen:
    """Start the set's check-in, let ``minutes`` pass and press n: the reflection the set owes opens."""
    await pilot.press("space")
    await pilot.pause()
    clock.advance(minutes=minutes)
    await pilot.press("n")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, ReflectionScreen)
    return form


async def test_timer_next_in_action_learning_opens_reflection_for_the_session_that_ended(make_app, store, clock):
    event, check_in = set_with_check_in(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event)
        form = await finish_check_in_with_next(app, pilot, clock, minutes=17)
        assert form.request.target.session_id == check_in.id and form.request.required
        assert store.reflections.owed_session_ids(event.id) == {check_in.id}
        form.query_one("#answer-3", TextArea).text = "Start with actions, not news"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    assert store.reflections.reflected_session_ids(event.id) == {check_in.id}
    assert store.reflections.owed_session_ids(event.id) == set()


async def test_every_question_reads_whole_at_80_columns(make_app, store):
    # A question quoting a reversed decision, and the "where else" line, are longer than 80 columns:
    # they wrap onto a second line instead of stopping mid-word ("Which ass").
    from textual.widgets import Label

    event, sessions = _reversed_in_first_session(store, "Operator training matrix")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _reflection_after_first_session(app, pilot, event, sessions)
        await pilot.pause()
        labels = list(form.query("#reflection-form Label").results(Label))
        assert any("Which assumption" in str(label.render()) for label in labels)
        for label in labels:
            text = str(label.render())
            assert label.size.width <= label.parent.content_size.width, text
            assert label.size.width * label.size.height >= len(text), text
