"""The decision log keeps history honest: append-only in the database, superseded and amended, never lost."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.decision import (
    AmendedField,
    DecidedBy,
    Decision,
    DecisionDraft,
    DecisionFilter,
    LogState,
    Verdict,
    decision_day,
    facilitation_style,
    search_terms,
    trigram_phrase,
    parse_tags,
    scope_changes_line,
)
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.event import Event, EventKind
from facilitator.storage.errors import CannotWrite


@pytest.fixture
def event(store) -> Event:
    return store.events.add(Event(title="Press line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))


def _log(store, event, subject, verdict="in_scope", by="team", day=1, **kw):
    return store.decisions.capture(event.id, DecisionDraft(subject, verdict, by, **kw), day=day)


# Domain ------------------------------------------------------------------------------------------


def test_draft_gathers_every_message():
    with pytest.raises(ValidationError) as caught:
        DecisionDraft(subject="  ", verdict="maybe", decided_by="boss", rationale="x\x00").validate()
    assert set(caught.value.errors) == {"subject", "verdict", "decided_by", "rationale"}
    assert "Subject is empty" in caught.value.errors["subject"]


def test_tags_split_and_deduplicate():
    assert parse_tags("#capex, safety  Capex  smed") == ("capex", "safety", "smed")


def test_day_defaults_to_today_then_session_then_nearest():
    blitz = Event(title="b", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5)
    assert decision_day(blitz, date(2026, 11, 25), 1) == 3
    assert decision_day(blitz, date(2026, 12, 9), 4) == 4
    assert decision_day(blitz, date(2026, 12, 9), None) == 5
    assert decision_day(blitz, date(2026, 11, 1), None) == 1


def test_scope_changes_line_reads_like_a_debrief():
    counts = Counter({Verdict.OUT_OF_SCOPE: 3, Verdict.PARKED: 2})
    assert scope_changes_line(2, counts) == "day 2: 3 items moved out of scope, 2 parked"


def test_facilitation_style_against_the_kind():
    kaizen = facilitation_style(EventKind.KAIZEN, Counter({DecidedBy.FACILITATOR: 5, DecidedBy.TEAM: 5}))
    assert kaizen.facilitator_share == 0.5 and "as expected" in kaizen.verdict
    al = facilitation_style(EventKind.ACTION_LEARNING, Counter({DecidedBy.FACILITATOR: 4, DecidedBy.TEAM: 6}))
    assert "more than this kind expects" in al.verdict and "group" in al.verdict


def test_trigram_phrase_quotes_fts_syntax():
    assert trigram_phrase('di"e') == '"di""e"'


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_typed_piece_is_a_valid_fts5_query(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(body, tokenize='trigram')")
    conn.execute("insert into t values ('die cart redesign')")
    for piece in search_terms(text):
        (count,) = conn.execute("select count(*) from t where t match ?", [trigram_phrase(piece)]).fetchone()
        assert count in (0, 1)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_tags_parse_to_clean_words_or_refuse(text):
    try:
        tags = parse_tags(text)
    except ValidationError as error:
        assert set(error.errors) == {"tags"}
        return
    assert len(tags) <= 10
    assert all(tag and not any(ch in tag for ch in ", \t\n") and not tag.startswith("#") for tag in tags)
    assert parse_tags(" ".join(tags)) == tags


def test_filter_matches_a_new_decision_like_the_query_would():
    decision = Decision(event_id="e", subject="Quick-release clamps", verdict=Verdict.IN_SCOPE,
                        decided_by=DecidedBy.TEAM, day=3, decided_at=datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert DecisionFilter(text="clam").matches(decision)
    assert DecisionFilter(text="quick cla", day=3, verdict=Verdict.IN_SCOPE).matches(decision)
    assert not DecisionFilter(text="clamps die").matches(decision)
    assert not DecisionFilter(decided_by=DecidedBy.SPONSOR).matches(decision)
    assert not DecisionFilter(state=LogState.SUPERSEDED).matches(decision)


# Storage: append-only ----------------------------------------------------------------------------


def test_supersede_links_both_and_keeps_the_old(store, event, clock):
    old = _log(store, event, "Second die cart", "in_scope", "facilitator", day=2)
    clock.advance(minutes=30)
    new = store.decisions.supersede(old.id, DecisionDraft("Second die cart", "out_of_scope", "sponsor", "Over 5k"), day=2)
    assert new.supersedes_id == old.id
    assert store.decisions.get(old.id).superseded_by_id == new.id
    assert store.decisions.get(old.id).verdict is Verdict.IN_SCOPE
    assert [d.id for d in store.decisions.page(event.id, DecisionFilter(state=LogState.CURRENT))] == [new.id]
    assert [d.id for d in store.decisions.page(event.id, DecisionFilter(state=LogState.SUPERSEDED))] == [old.id]
    with pytest.raises(UserError, match="already changed"):
        store.decisions.supersede(old.id, DecisionDraft("Again", "parked", "team"), day=2)


def test_amendment_keeps_the_original_text(store, event, clock):
    decision = _log(store, event, "New hydralic clamps")
    clock.advance(minutes=5)
    store.decisions.amend(decision.id, AmendedField.SUBJECT, "New hydraulic clamps")
    store.decisions.amend(decision.id, AmendedField.RATIONALE, "Capex 38k EUR, above the limit")
    now = store.decisions.get(decision.id)
    assert (now.subject, now.rationale, now.amended) == ("New hydraulic clamps", "Capex 38k EUR, above the limit", True)
    [entry] = store.decisions.history(decision.id)
    assert entry.original.subject == "New hydralic clamps"
    assert [(a.field, a.text) for a in entry.amendments] == [
        (AmendedField.SUBJECT, "New hydraulic clamps"), (AmendedField.RATIONALE, "Capex 38k EUR, above the limit")
    ]
    with pytest.raises(ValidationError):
        store.decisions.amend(decision.id, AmendedField.SUBJECT, "   ")


@pytest.mark.parametrize(
    "sql",
    [
        "update decisions set subject = 'rewritten'",
        "update decisions set verdict = 'rejected'",
        "delete from decisions",
        "update decision_amendments set text = 'rewritten'",
        "delete from decision_amendments",
    ],
)
def test_database_refuses_edits_and_deletes(store, event, sql):
    decision = _log(store, event, "Die cart redesign")
    store.decisions.amend(decision.id, AmendedField.SUBJECT, "Die-cart redesign")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute(sql)
    assert store.decisions.get(decision.id).subject == "Die-cart redesign"


def test_repository_has_no_way_to_delete_or_edit(store):
    assert not any(hasattr(store.decisions, name) for name in ("delete", "update", "remove", "edit"))


def test_cannot_supersede_across_events(store, event):
    other = store.events.add(Event(title="Other", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3))
    decision = _log(store, event, "Die cart")
    with pytest.raises(UserError):
        store.decisions.capture(other.id, DecisionDraft("x", "parked", "team"), day=1, supersedes_id=decision.id)
    row = {"id": "x", "event_id": other.id, "day": 1, "subject": "x", "verdict": "parked", "decided_by": "team",
           "decided_at": "2026-11-25T08:00:00+00:00", "supersedes_id": decision.id}
    with pytest.raises(sqlite3.DatabaseError, match="same event"):
        store.db["decisions"].insert(row)


def test_reversals_during_a_session(store, event, clock):
    session = store.agenda.add(event.id, 3, "Implement changes", planned_minutes=60)
    old = _log(store, event, "Trial on DH-14", day=3)
    clock.advance(minutes=10)
    new = store.decisions.supersede(old.id, DecisionDraft("Trial on DH-09", "in_scope", "team"), day=3, session_id=session.id)
    _log(store, event, "Unrelated", day=3)
    pairs = store.decisions.reversals_during(session.id)
    assert [(a.subject, b.subject) for a, b in pairs] == [("Trial on DH-14", "Trial on DH-09")]
    assert pairs[0][1].id == new.id


def test_parking_lot_resolve_and_carry(store, event, clock):
    parked = _log(store, event, "Move die storage", "parked", day=1)
    assert store.decisions.parked_count(event.id) == 1
    store.decisions.carry_to_debrief(parked.id, 1)
    assert store.decisions.parked(event.id)[0].carried_to_debrief
    clock.advance(hours=20)
    resolved = store.decisions.resolve_parked(parked.id, Verdict.IN_SCOPE, DecidedBy.SPONSOR, day=2)
    assert resolved.supersedes_id == parked.id and resolved.subject == "Move die storage"
    assert store.decisions.parked_count(event.id) == 0
    with pytest.raises(UserError):
        store.decisions.resolve_parked(resolved.id, Verdict.OUT_OF_SCOPE, DecidedBy.TEAM, day=2)


def test_filters_search_and_paging(store, event, clock):
    for n in range(25):
        _log(store, event, f"Item {n} clamp" if n % 5 == 0 else f"Item {n}", "parked" if n % 2 else "in_scope",
             "facilitator" if n % 3 else "team", day=1 + n % 3)
        clock.advance(minutes=1)
    first = store.decisions.page(event.id, limit=10)
    second = store.decisions.page(event.id, after=first[-1], limit=10)
    assert [d.subject for d in first][:2] == ["Item 24", "Item 23"]
    assert second[0].subject == "Item 14"
    assert store.decisions.count(event.id, DecisionFilter(text="clamp")) == 5
    assert store.decisions.count(event.id, DecisionFilter(verdict=Verdict.PARKED, day=2)) == len(
        [n for n in range(25) if n % 2 and 1 + n % 3 == 2]
    )
    assert store.decisions.count(event.id, DecisionFilter(decided_by=DecidedBy.TEAM)) == 9


@pytest.mark.parametrize("hostile", ['"', "*", "NEAR(", '"die', "(", "AND", "OR NOT", "[bold]", "x" * 10_000, "'; drop table decisions; --"])
def test_search_with_hostile_text_answers(store, event, hostile):
    _log(store, event, 'Quote "die" cart (NEAR AND [bold]')
    store.decisions.page(event.id, DecisionFilter(text=hostile))
    assert store.decisions.count(event.id) == 1


def test_amendments_are_searchable(store, event):
    decision = _log(store, event, "Clamps")
    store.decisions.amend(decision.id, AmendedField.RATIONALE, "Hydraulic ones cost 38k")
    assert [d.id for d in store.decisions.page(event.id, DecisionFilter(text="hydraul"))] == [decision.id]


def test_record_refuses_a_broken_write(store, event):
    decision = Decision(event_id="no-such-event", subject="x", verdict=Verdict.PARKED, decided_by=DecidedBy.TEAM,
                        day=1, decided_at=store.clock.now())
    with pytest.raises(CannotWrite):
        store.decisions.record(decision)
    assert store.decisions.count(event.id) == 0


def test_search_index_can_be_rebuilt_after_vacuum(store, event):
    decision = _log(store, event, "Quick-release clamps")
    store.decisions.amend(decision.id, AmendedField.RATIONALE, "Made in the tool room")
    store.db.execute("vacuum")
    store.decisions.rebuild_search()
    assert [d.id for d in store.decisions.page(event.id, DecisionFilter(text="tool room"))] == [decision.id]
    assert store.decisions.count(event.id, DecisionFilter(text="clamps")) == 1


_FIELD_TEXT = st.one_of(st.sampled_from(["", " ", "in_scope", "parked", "team", "sponsor", "#a a, A b", "x" * 201]),
                        st.text(max_size=30))


@settings(max_examples=300, deadline=None)
@given(subject=_FIELD_TEXT, verdict=_FIELD_TEXT, decided_by=_FIELD_TEXT, rationale=_FIELD_TEXT, tags=_FIELD_TEXT)
def test_a_draft_is_judged_as_every_field_checked_in_turn(subject, verdict, decided_by, rationale, tags):
    from facilitator.domain.decision import clean_rationale, clean_subject, parse_decided_by, parse_tags, parse_verdict
    from facilitator.domain.errors import FieldChecks, ValidationError

    checks = FieldChecks()
    for name, parse, text in (("subject", clean_subject, subject), ("verdict", parse_verdict, verdict),
                              ("decided_by", parse_decided_by, decided_by), ("rationale", clean_rationale, rationale),
                              ("tags", parse_tags, tags)):
        checks.check(name, lambda parse=parse, text=text: parse(text))
    draft = DecisionDraft(subject=subject, verdict=verdict, decided_by=decided_by, rationale=rationale, tags=tags)
    if checks.errors:
        with pytest.raises(ValidationError) as refused:
            draft.validate()
        assert list(refused.value.errors.items()) == list(checks.errors.items())  # every field's message, in the form's order
    else:
        assert draft.validate() == tuple(checks.values.values())


def test_tags_keep_the_first_spelling_and_drop_repeats_in_any_case():
    from facilitator.domain.decision import parse_tags

    assert parse_tags("#Safety safety, SAFETY smed #smed 5S") == ("Safety", "smed", "5S")
