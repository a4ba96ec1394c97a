"""Search finds any text that can be typed into a decision: brackets, emoji, one character, amendments."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.decision import AmendedField, DecisionDraft, DecisionFilter
from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Event, EventKind

ODD = ["[/]", "]]]][[[", "torque wrench \N{WRENCH}", "50% of_the line", r"C:\tools\die", 'say "NEAR(" *']


@pytest.fixture
def event(store) -> Event:
    return store.events.add(Event(title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))


def _subjects(store, event, text: str) -> list[str]:
    found = store.decisions.page(event.id, DecisionFilter(text=text))
    assert store.decisions.count(event.id, DecisionFilter(text=text)) == len(found)
    return sorted(decision.subject for decision in found)


def test_text_a_word_index_drops_is_found(store, event):
    for subject in ODD + ["Die cart redesign", "Quick-release clamps"]:
        store.decisions.capture(event.id, DecisionDraft(subject, "in_scope", "team"), day=1)
    assert _subjects(store, event, "[/]") == ["[/]"]
    assert _subjects(store, event, "]]]][[[") == ["]]]][[["]
    assert _subjects(store, event, "\N{WRENCH}") == ["torque wrench \N{WRENCH}"]
    assert _subjects(store, event, "%") == ["50% of_the line"]  # LIKE wildcards are plain text
    assert _subjects(store, event, "_") == ["50% of_the line"]
    assert _subjects(store, event, "\\t") == [r"C:\tools\die"]
    assert _subjects(store, event, 'NEAR("') == ['say "NEAR(" *']
    assert _subjects(store, event, "CLAMP") == ["Quick-release clamps"]  # case aside
    assert _subjects(store, event, "cart die") == ["Die cart redesign"]  # every piece, any order
    assert _subjects(store, event, "ie") == [r"C:\tools\die", "Die cart redesign"]
    assert _subjects(store, event, "nothing-like-this") == []


def test_amended_text_is_found(store, event):
    decision = store.decisions.capture(event.id, DecisionDraft("Die cart", "in_scope", "team"), day=1)
    store.decisions.amend(decision.id, AmendedField.SUBJECT, "Die cart \N{WRENCH} [v2]")
    assert _subjects(store, event, "[v2]") == ["Die cart \N{WRENCH} [v2]"]
    assert _subjects(store, event, "\N{WRENCH}") == ["Die cart \N{WRENCH} [v2]"]


def test_the_cli_finds_brackets_and_emoji(store, event, tmp_path):
    store.decisions.capture(event.id, DecisionDraft("Fix [/] on the board", "parked", "team"), day=1)
    store.decisions.capture(event.id, DecisionDraft("Torque \N{WRENCH}", "parked", "team"), day=1)
    store.close()
    for typed, subject in (("[/]", "Fix [/] on the board"), ("\N{WRENCH}", "Torque \N{WRENCH}")):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "cockpit.db"), "decisions", event.id, "--search", typed])
        assert result.exit_code == 0 and subject in result.output
        assert result.output.count("Torque") + result.output.count("Fix [/]") == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=40), data=st.data())
def test_any_subject_is_found_by_any_piece_of_it(store, event, text, data):
    """The rule: every whitespace-separated piece of what is typed is found inside the text."""
    try:
        decision = store.decisions.capture(event.id, DecisionDraft(text, "in_scope", "team"), day=1)
    except ValidationError:
        return  # capture refuses it (empty, control characters): nothing to find
    subject = decision.subject
    start = data.draw(st.integers(0, len(subject) - 1))
    end = data.draw(st.integers(start + 1, len(subject)))
    piece = subject[start:end]
    found = store.decisions.page(event.id, DecisionFilter(text=piece), limit=10_000)
    assert decision.id in {d.id for d in found}
    assert DecisionFilter(text=piece).matches(decision)
