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


def test_search_keeps_to_the_open_event_among_others_logged_around_it(store, event):
    """Each index is read only between the event's first and last record: those two are found too."""
    other = store.events.add(Event(title="Paint shop", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    empty = store.events.add(Event(title="Not started", kind=EventKind.KAIZEN, start_date=date(2026, 11, 30), days=5))
    logged = {}
    for owner, subject in ((other, "clamp before"), (event, "clamp first"), (other, "clamp between"),
                           (event, "clamp last"), (other, "clamp after")):
        logged[subject] = store.decisions.capture(owner.id, DecisionDraft(subject, "in_scope", "team"), day=1)
    store.decisions.amend(logged["clamp before"].id, AmendedField.RATIONALE, "torque \N{WRENCH}")
    store.decisions.amend(logged["clamp first"].id, AmendedField.RATIONALE, "torque \N{WRENCH} [/]")
    store.decisions.amend(logged["clamp after"].id, AmendedField.RATIONALE, "torque \N{WRENCH}")
    assert _subjects(store, event, "clamp") == ["clamp first", "clamp last"]
    assert _subjects(store, event, "torque") == ["clamp first"]
    assert _subjects(store, other, "torque") == ["clamp after", "clamp before"]
    assert _subjects(store, other, "[/]") == []
    assert _subjects(store, empty, "clamp") == [] and _subjects(store, empty, "torque") == []


def test_a_database_from_before_the_search_index_finds_the_same_after_opening(tmp_path, clock):
    """0017_search_index adds an index on a database that already holds decisions and amendments."""
    from sqlite_utils import Database

    from facilitator.storage.migrations import MIGRATIONS
    from facilitator.storage.store import Store

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="0017_search_index")
    old.close()
    store = Store(path, clock, migrate=False)
    event = store.events.add(Event(title="Press line 4", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    first = store.decisions.capture(event.id, DecisionDraft("Die cart [/]", "in_scope", "team"), day=1)
    store.decisions.capture(event.id, DecisionDraft("Quick clamps", "parked", "team"), day=1)
    store.decisions.amend(first.id, AmendedField.RATIONALE, "torque \N{WRENCH}")
    before = {text: _subjects(store, event, text) for text in ("[/]", "\N{WRENCH}", "clamp", "cl")}
    store.close()

    store = Store(path, clock)
    indexes = {row[0] for row in store.db.execute("select name from sqlite_master where type = 'index'")}
    assert {"idx_decisions_event_id", "idx_decision_amendments_event_id"} <= indexes
    assert {text: _subjects(store, event, text) for text in before} == before
    assert before == {"[/]": ["Die cart [/]"], "\N{WRENCH}": ["Die cart [/]"], "clamp": ["Quick clamps"],
                      "cl": ["Quick clamps"]}
    store.close()
