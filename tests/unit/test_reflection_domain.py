"""Reflection rules: frameworks, custom framework files, the cadence per kind, and what a form accepts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import EventKind, EventStatus
from facilitator.domain.frameworks import (
    BUILTIN_BY_KEY,
    default_framework_key,
    parse_framework,
    reversal_prompts,
)
from facilitator.domain.reflection import (
    Cadence,
    Loop,
    ReflectionForm,
    Scope,
    Target,
    after_session,
    after_status,
    parse_transfers,
)
from facilitator.reflection_files import load_frameworks

AL, KZ = EventKind.ACTION_LEARNING, EventKind.KAIZEN


def test_builtin_frameworks_carry_the_published_question_sets():
    assert set(BUILTIN_BY_KEY) == {"aar", "what-so-what", "gibbs", "kolb", "action-learning", "double-loop"}
    assert BUILTIN_BY_KEY["aar"].prompts[2] == "Why was there a difference?"
    assert len(BUILTIN_BY_KEY["gibbs"].prompts) == 6
    assert "take back to our own work" in BUILTIN_BY_KEY["action-learning"].prompts[2]
    assert BUILTIN_BY_KEY["double-loop"].prompts[0] == "What were we assuming?"
    assert all(framework.explanation for framework in BUILTIN_BY_KEY.values())


def test_default_framework_per_kind():
    assert default_framework_key(AL) == "action-learning"
    assert default_framework_key(KZ) == "aar"


@pytest.mark.parametrize("how", ["finished", "next"])
def test_action_learning_opens_reflection_whenever_a_session_ends(how):
    for last_of_day in (False, True):
        assert after_session(AL, how, last_of_day=last_of_day, last_of_event=False) is Cadence.OPEN_SESSION


def test_action_learning_skipped_session_or_a_break_needs_no_reflection():
    assert after_session(AL, "skipped", last_of_day=False, last_of_event=False) is Cadence.NOTHING
    # ...unless it had run before it was skipped: a session that ran is reflected on.
    assert after_session(AL, "skipped", last_of_day=False, last_of_event=False, ran=True) is Cadence.OPEN_SESSION
    assert after_session(AL, "finished", last_of_day=False, last_of_event=False, is_break=True) is Cadence.NOTHING
    assert after_session(KZ, "finished", last_of_day=True, last_of_event=False, is_break=True) is Cadence.OFFER_DAY


def test_kaizen_offers_day_reflection_only_at_day_end_and_requires_review_at_event_end():
    assert after_session(KZ, "finished", last_of_day=False, last_of_event=False) is Cadence.NOTHING
    assert after_session(KZ, "next", last_of_day=True, last_of_event=False) is Cadence.OFFER_DAY
    assert after_session(KZ, "skipped", last_of_day=True, last_of_event=False) is Cadence.OFFER_DAY
    assert after_session(KZ, "finished", last_of_day=True, last_of_event=True) is Cadence.REQUIRE_EVENT


def test_status_done_requires_end_of_event_review_for_a_blitz_only():
    assert after_status(KZ, EventStatus.DONE) is Cadence.REQUIRE_EVENT
    assert after_status(KZ, EventStatus.RUNNING) is Cadence.NOTHING
    assert after_status(AL, EventStatus.DONE) is Cadence.NOTHING


def test_reversal_prompts_quote_the_decision():
    prompts = reversal_prompts("Die carts stay out of scope")
    assert '"Die carts stay out of scope"' in prompts[0]
    assert "assumption behind this decision did not hold" in prompts[0]


VALID = '''
name = "Start / Stop / Continue"
explanation = "Three lists the team can act on tomorrow."
prompts = ["What should we start?", "What should we stop?", "What should we keep [bold]doing[/]?"]
'''


def test_valid_framework_file_parses_and_keeps_markup_as_text():
    framework = parse_framework(VALID, "start-stop.toml")
    assert framework.key == "start-stop"
    assert framework.name == "Start / Stop / Continue"
    assert framework.prompts[2] == "What should we keep [bold]doing[/]?"
    assert not framework.builtin


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = ", "not valid TOML"),
        ('explanation = "x"\nprompts = ["a"]', "needs a 'name'"),
        ('name = "n"\nprompts = ["a"]', "needs a 'explanation'"),
        ('name = "n"\nexplanation = "x"', "needs 'prompts'"),
        ('name = "n"\nexplanation = "x"\nprompts = []', "needs 'prompts'"),
        ('name = "n"\nexplanation = "x"\nprompts = [1]', "prompt 1 is not text"),
        ('name = "n"\nexplanation = "x"\nprompts = ["a", "a"]', "two prompts are the same"),
        ('name = "n"\nexplanation = "x"\nprompts = ["a"]\ncolour = "red"', "unknown keys colour"),
        ('key = "Bad Key"\nname = "n"\nexplanation = "x"\nprompts = ["a"]', "'key' must be"),
        ('name = "n\\u0007"\nexplanation = "x"\nprompts = ["a"]', "control characters"),
        ('name = "n"\nexplanation = "x"\nprompts = [' + ", ".join(f'"q{i}"' for i in range(13)) + "]", "at most 12"),
    ],
)
def test_broken_framework_file_is_refused_with_its_name(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_framework(text, "broken.toml")
    assert caught.value.errors["framework"].startswith("broken.toml: ")
    assert message in caught.value.errors["framework"]


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_framework_parser_never_crashes_on_any_text(text):
    try:
        framework = parse_framework(text, "fuzz.toml")
    except ValidationError:
        return
    assert framework.prompts


def test_loading_a_folder_keeps_good_files_and_reports_broken_ones(tmp_path):
    (tmp_path / "start-stop.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "broken.toml").write_text("prompts = 'oops", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    loaded = load_frameworks(tmp_path)
    assert "start-stop" in loaded.frameworks
    assert "aar" in loaded.frameworks and "double-loop" in loaded.frameworks
    assert len(loaded.problems) == 2
    assert any("broken.toml" in problem for problem in loaded.problems)
    assert any("binary.toml" in problem for problem in loaded.problems)
    assert loaded.get("gone-since").key == "aar"


def test_missing_folder_gives_the_builtins(tmp_path):
    loaded = load_frameworks(tmp_path / "nope")
    assert len(loaded.frameworks) == 6 and loaded.problems == []


def form(**kwargs) -> ReflectionForm:
    kwargs.setdefault("answers", (("What did we do best as a group?", "We listened"),))
    return ReflectionForm(**kwargs)


def test_form_builds_reflection_with_answers_assumptions_and_transfers():
    reflection = form(
        participant="  Li Wei ",
        loop="double",
        answers=(("Q1", " We listened "), ("Q2", "   ")),
        assumptions="People leave for pay\n\nNobody reads the handbook",
        transfers="Gate buddy on day 1; Kwame Mensah; plant 3 logistics\nShadow shift; Olivia Grant",
    ).to_reflection("ev", Target(Scope.SESSION, session_id="s1", day=2), "action-learning", "AL")
    assert reflection.participant == "Li Wei"
    assert [(a.prompt, a.answer, a.participant) for a in reflection.answers] == [("Q1", "We listened", "Li Wei")]
    assert reflection.assumptions == ("People leave for pay", "Nobody reads the handbook")
    assert [(t.text, t.owner, t.where) for t in reflection.transfers] == [
        ("Gate buddy on day 1", "Kwame Mensah", "plant 3 logistics"),
        ("Shadow shift", "Olivia Grant", ""),
    ]
    assert reflection.loop is Loop.DOUBLE and reflection.session_id == "s1"


def test_blank_participant_means_the_group():
    assert form(participant="").to_reflection("ev", Target(Scope.DAY, day=1), "aar", "AAR").participant == "Group"


def test_form_refuses_no_answers_double_loop_without_assumption_and_ownerless_transfer():
    with pytest.raises(ValidationError) as caught:
        form(answers=(("Q1", "  "),)).to_reflection("ev", Target(Scope.EVENT), "aar", "AAR")
    assert "answers" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        form(loop="double").to_reflection("ev", Target(Scope.EVENT), "aar", "AAR")
    assert "name the assumption" in caught.value.errors["assumptions"]
    with pytest.raises(ValidationError) as caught:
        form(transfers="Carry it; ").to_reflection("ev", Target(Scope.EVENT), "aar", "AAR")
    assert "needs an owner" in caught.value.errors["transfers"]


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_transfer_parser_accepts_or_refuses_cleanly(text):
    try:
        transfers = parse_transfers(text)
    except ValidationError as error:
        assert set(error.errors) == {"transfers"}
        return
    assert all(t.text and t.owner for t in transfers)
