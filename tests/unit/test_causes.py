"""Root-cause records: the rules (domain), the tree, and storage (stamps, votes, verification, removal)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from facilitator.domain.causes import Category, Cause, CauseKind, CauseTree, Verification, check_cause
from facilitator.domain.errors import ValidationError
from facilitator.storage.changes import ChangeWatcher
from facilitator.storage.errors import CannotWrite, NotFound
from facilitator.storage.store import Store
from tests.export_support import add_session, kaizen_event

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def _cause(**fields) -> Cause:
    base = dict(event_id="e", kind=CauseKind.CAUSE, text="Die bolts need a wrench", created_at=NOW,
                parent_id="p", category=Category.MACHINE)
    return Cause(**(base | fields))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "x" * 501}, "text"),
        ({"kind": CauseKind.PROBLEM, "category": None, "parent_id": None, "text": "x" * 2001}, "text"),
        ({"text": "bell\x07"}, "text"),
        ({"text": "two\nlines"}, "text"),
        ({"category": None}, "category"),
        ({"kind": CauseKind.WHY}, "category"),
        ({"kind": CauseKind.PROBLEM, "category": None}, "parent_id"),
        ({"parent_id": None}, "parent_id"),
        ({"verified": True}, "verified_how"),
        ({"verified_how": Verification.DATA}, "verified_how"),
        ({"votes": -1}, "votes"),
        ({"source": "charter"}, "source"),
        ({"verification_note": "esc\x1b"}, "verification_note"),
        ({"created_by": "x" * 101}, "created_by"),
    ],
)
def test_a_record_breaking_a_rule_is_refused_naming_the_field(fields, field):
    with pytest.raises(ValidationError) as refused:
        check_cause(_cause(**fields))
    assert field in refused.value.errors


def test_a_record_is_kept_as_typed_with_markup_and_trimmed():
    cause = check_cause(_cause(text="  [bold]No die cart[/]  "))
    assert cause.text == "[bold]No die cart[/]"
    problem = check_cause(_cause(kind=CauseKind.PROBLEM, parent_id=None, category=None, source="target:abc"))
    assert problem.source == "target:abc"
    with pytest.raises(ValidationError):
        check_cause(_cause(kind=CauseKind.PROBLEM, parent_id=None, category=None, source="target:"))


def test_the_tree_orders_bones_by_votes_and_walks_branching_chains():
    problem = _cause(kind=CauseKind.PROBLEM, parent_id=None, category=None, id="p")
    low = _cause(id="low", votes=1)
    high = _cause(id="high", votes=4)
    method = _cause(id="m", category=Category.METHOD)
    why1 = _cause(id="w1", kind=CauseKind.WHY, category=None, parent_id="high")
    why2a = _cause(id="w2a", kind=CauseKind.WHY, category=None, parent_id="w1")
    why2b = _cause(id="w2b", kind=CauseKind.WHY, category=None, parent_id="w1", is_root=True)
    tree = CauseTree.of([problem, low, high, method, why1, why2a, why2b])
    bones = tree.bones("p")
    assert [c.id for c in bones[Category.MACHINE]] == ["high", "low"]
    assert [c.id for c in bones[Category.METHOD]] == ["m"]
    assert list(bones) == list(Category)
    assert [[c.id for c in chain] for chain in tree.chains("high")] == [["w1", "w2a"], ["w1", "w2b"]]
    assert tree.chains("low") == []
    assert [c.id for c in tree.chain_starts()] == ["high"]
    assert tree.depth("w2b") == 3 and tree.depth("p") == 0
    assert tree.problem_of("w2b").id == "p"
    assert [c.id for c in tree.roots()] == ["w2b"]


def test_json_keys_of_the_bones_are_the_six_categories():
    assert [c.value for c in Category] == ["man", "machine", "method", "material", "measurement", "environment"]


@pytest.fixture
def blitz(store):
    return kaizen_event(store)


def test_storage_builds_a_fishbone_and_a_chain_stamped_with_day_and_session(store, blitz, clock):
    session = add_session(store.db, blitz, 2, 0, "Root cause: fishbone and 5 Whys", 90)
    store.db.conn.commit()
    causes = store.causes
    problem = causes.add_problem(blitz.id, "Changeovers take 47 minutes", source="charter", day=2, session_id=session)
    clock.advance(minutes=1)
    bolts = causes.add_child(problem.id, CauseKind.CAUSE, "Die bolts need hand tools", category=Category.MACHINE,
                             day=2, session_id=session)
    sub = causes.add_child(bolts.id, CauseKind.CAUSE, "Bolt heads differ per die", category=Category.MAN, day=2)
    assert sub.category is Category.MACHINE  # a sub-cause stays on its cause's bone
    why = causes.add_child(bolts.id, CauseKind.WHY, "Each die came from a different toolmaker", day=2)
    assert why.category is None

    again = Store(store.path, store.clock)
    loaded = again.causes.for_event(blitz.id)
    assert [c.id for c in loaded] == [problem.id, bolts.id, sub.id, why.id]
    assert loaded[1].session_id == session and loaded[1].day == 2
    assert loaded[0].source == "charter" and loaded[1].created_at == clock.now()
    again.close()

    with pytest.raises(ValidationError):
        causes.add_child(problem.id, CauseKind.CAUSE, "No bone given")
    with pytest.raises(ValidationError):
        causes.add_child(why.id, CauseKind.CAUSE, "A bone under a why", category=Category.METHOD)
    with pytest.raises(NotFound):
        causes.add_child("gone", CauseKind.WHY, "Under nothing")
    assert causes.count(blitz.id) == 4


def test_votes_verification_root_and_text_are_saved_and_bad_input_changes_nothing(store, blitz):
    causes = store.causes
    problem = causes.add_problem(blitz.id, "Scrap after changeover")
    cause = causes.add_child(problem.id, CauseKind.CAUSE, "First hits not checked", category=Category.MEASUREMENT)
    causes.vote(cause.id, +1)
    causes.vote(cause.id, +1)
    assert causes.vote(cause.id, -1).votes == 1
    assert causes.vote(cause.id, -5).votes == 0
    verified = causes.verify(cause.id, Verification.GEMBA, "Watched three changeovers")
    assert verified.verified and verified.verified_how is Verification.GEMBA
    assert causes.set_root(cause.id, True).is_root
    with pytest.raises(ValidationError):
        causes.edit_text(cause.id, "bad\x1b[31m")
    with pytest.raises(ValidationError):
        causes.verify(cause.id, Verification.DATA, "x" * 1001)
    kept = causes.get(cause.id)
    assert kept.text == "First hits not checked" and kept.verified_how is Verification.GEMBA
    assert kept.verification_note == "Watched three changeovers"
    unverified = causes.verify(cause.id, None)
    assert not unverified.verified and unverified.verified_how is None and unverified.verification_note == ""
    assert causes.edit_text(cause.id, " First hit not measured ").text == "First hit not measured"


def test_removing_a_cause_takes_its_whys_and_a_removed_session_leaves_causes(store, blitz):
    session = add_session(store.db, blitz, 1, 0, "Gemba walk", 60)
    store.db.conn.commit()
    causes = store.causes
    problem = causes.add_problem(blitz.id, "Long changeovers", session_id=session, day=1)
    cause = causes.add_child(problem.id, CauseKind.CAUSE, "Tools far away", category=Category.ENVIRONMENT)
    why = causes.add_child(cause.id, CauseKind.WHY, "Tool board is at the next line")
    causes.add_child(why.id, CauseKind.WHY, "Nobody owns the tool board")
    assert causes.delete(cause.id) == 3
    assert [c.id for c in causes.for_event(blitz.id)] == [problem.id]
    store.agenda.delete(session)
    assert causes.get(problem.id).session_id is None


def test_a_cause_a_countermeasure_answers_is_not_removed(store, blitz):
    from facilitator.domain.errors import UserError

    problem = store.causes.add_problem(blitz.id, "Long changeovers")
    cause = store.causes.add_child(problem.id, CauseKind.CAUSE, "Bolted clamps", category=Category.MACHINE)
    why = store.causes.add_child(cause.id, CauseKind.WHY, "Dies from the old press")
    store.db["countermeasures"].insert({"id": "cm", "event_id": blitz.id, "text": "Quick clamps", "effort": 2,
                                        "impact": 4, "day": 1, "created_at": "2026-11-25T08:00:00"})
    store.db["countermeasure_causes"].insert({"id": "l", "event_id": blitz.id, "countermeasure_id": "cm",
                                              "cause_id": why.id})
    with pytest.raises(UserError, match="countermeasure"):
        store.causes.delete(cause.id)
    assert store.causes.count(blitz.id) == 3


def test_the_database_refuses_what_the_domain_refuses(store, blitz):
    other = kaizen_event(store, title="Another blitz")
    problem = store.causes.add_problem(blitz.id, "Long changeovers")
    bad_rows = [
        {"kind": "cause", "category": None, "parent_id": problem.id},
        {"kind": "why", "category": "man", "parent_id": problem.id},
        {"kind": "problem", "category": None, "parent_id": problem.id},
        {"kind": "why", "category": None, "parent_id": problem.id, "verified": 1},
        {"kind": "why", "category": None, "parent_id": problem.id, "votes": -2},
        {"kind": "why", "category": "people", "parent_id": problem.id},
        {"kind": "why", "category": None, "parent_id": problem.id, "event_id": other.id},
    ]
    for number, bad in enumerate(bad_rows):
        row = {"id": f"bad{number}", "event_id": blitz.id, "text": "x", "created_at": "2026-11-25T08:00:00"} | bad
        with pytest.raises(sqlite3.IntegrityError):
            store.db["causes"].insert(row)
    assert store.causes.count(blitz.id) == 1


def test_another_connection_sees_the_causes_table_move(store, blitz):
    watcher = ChangeWatcher(store.db)
    other = Store(store.path, store.clock)
    other.causes.add_problem(blitz.id, "Typed in a second cockpit")
    other.close()
    changes = watcher.check()
    assert changes.touches("causes") and not changes.touches("decisions")


def test_a_read_only_database_refuses_a_vote_in_one_line(store, blitz, tmp_path):
    problem = store.causes.add_problem(blitz.id, "Long changeovers")
    reader = Store(store.path, store.clock, read_only=True)
    with pytest.raises(CannotWrite, match="Nothing was changed"):
        reader.causes.add_child(problem.id, CauseKind.WHY, "Read-only")
    reader.close()


def _tree(store, blitz):
    causes = store.causes
    problem = causes.add_problem(blitz.id, "Changeovers take 47 minutes", source="charter", day=1)
    cause = causes.add_child(problem.id, CauseKind.CAUSE, "<b>Bolts</b> & \"nuts\"", category=Category.MACHINE)
    why = causes.add_child(cause.id, CauseKind.WHY, "[bold]Dies differ[/]")
    causes.verify(why.id, Verification.TRIAL, "Tried one standard bolt")
    causes.set_root(why.id, True)
    return problem, cause, why


def test_causes_travel_through_a_json_file_and_back_byte_for_byte(store, blitz, tmp_path):
    from facilitator.export import export_event, import_file

    _tree(store, blitz)
    first = export_event(store, blitz.id, "json", tmp_path / "one.json")
    empty = Store(tmp_path / "empty.db", store.clock)
    report = import_file(empty, first)
    assert report.added["causes"] == 3
    second = export_event(empty, blitz.id, "json", tmp_path / "two.json")
    assert first.read_bytes() == second.read_bytes()
    assert [c.text for c in empty.causes.for_event(blitz.id)][2] == "[bold]Dies differ[/]"
    empty.close()


def test_an_import_with_a_bad_cause_is_refused_naming_it_and_changes_nothing(store, blitz, tmp_path):
    import json

    from facilitator.export import export_event, import_file
    from facilitator.export.json_format import BadFile
    from tests.export_support import snapshot

    _, _, why = _tree(store, blitz)
    path = export_event(store, blitz.id, "json", tmp_path / "one.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for row in data["tables"]["causes"]:
        if row["id"] == why.id:
            row["text"] = "x" * 600
    path.write_text(json.dumps(data), encoding="utf-8")
    empty = Store(tmp_path / "empty.db", store.clock)
    before = snapshot(empty.db)
    with pytest.raises(BadFile, match=f"causes row {why.id}, field text"):
        import_file(empty, path)
    assert snapshot(empty.db) == before
    empty.close()


def _file_with(store, blitz, tmp_path, change):
    """The blitz's export with ``change(rows_by_id)`` applied to its causes, written back."""
    import json

    from facilitator.export import export_event

    path = export_event(store, blitz.id, "json", tmp_path / "one.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    change({row["id"]: row for row in data["tables"]["causes"]})
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("placement", ["cause under a why", "sub-cause on another bone", "parents in a loop"])
def test_an_import_placing_a_record_where_the_tab_could_not_is_refused_and_writes_nothing(store, blitz, tmp_path, placement):
    from facilitator.export import import_file
    from facilitator.export.json_format import BadFile
    from tests.export_support import snapshot

    problem, cause, why = _tree(store, blitz)
    sub = store.causes.add_child(cause.id, CauseKind.CAUSE, "Bolt heads worn")
    deeper = store.causes.add_child(why.id, CauseKind.WHY, "Nobody orders them")

    def change(rows):
        if placement == "cause under a why":  # a fishbone sub-cause hung under a 5 Whys node
            rows[sub.id]["parent_id"] = why.id
        elif placement == "sub-cause on another bone":
            rows[sub.id]["category"] = "method"
        else:  # two whys answering each other: neither leads up to the problem
            rows[why.id]["parent_id"] = deeper.id

    path = _file_with(store, blitz, tmp_path, change)
    empty = Store(tmp_path / "empty.db", store.clock)
    before = snapshot(empty.db)
    field = "category" if placement == "sub-cause on another bone" else "parent_id"
    record = f"({why.id}|{deeper.id})" if placement == "parents in a loop" else sub.id  # the loop's first in the file
    with pytest.raises(BadFile, match=f"causes row {record}, field {field}: .*nothing imported"):
        import_file(empty, path)
    assert snapshot(empty.db) == before and empty.causes.for_event(blitz.id) == []
    empty.close()


def test_an_import_hanging_a_cause_under_a_why_already_here_is_refused(store, blitz, tmp_path):
    """The parent need not be in the file: a record of the file may hang under one already imported."""
    import json

    from facilitator.export import import_file
    from facilitator.export.json_format import BadFile

    _, cause, why = _tree(store, blitz)
    target = Store(tmp_path / "target.db", store.clock)
    import_file(target, _file_with(store, blitz, tmp_path, lambda rows: None))
    sub = store.causes.add_child(cause.id, CauseKind.CAUSE, "Bolt heads worn")

    def under_the_why(rows):
        rows[sub.id]["parent_id"] = why.id

    path = _file_with(store, blitz, tmp_path, under_the_why)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"]["causes"] = [row for row in data["tables"]["causes"] if row["id"] == sub.id]  # the why is not in it
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BadFile, match=f"causes row {sub.id}, field parent_id: A fishbone cause hangs on the problem"):
        import_file(target, path)
    assert target.causes.count(blitz.id) == 3
    target.close()


def test_html_draws_the_fishbone_escaped_and_markdown_fences_it(store, blitz, tmp_path):
    import json
    import re

    from facilitator.export import export_event
    from tests.export_support import HOSTILE

    problem = store.causes.add_problem(blitz.id, "<script>alert('head')</script> ```")
    for number, hostile in enumerate(HOSTILE):
        category = list(Category)[number % 6]
        cause = store.causes.add_child(problem.id, CauseKind.CAUSE, hostile.replace("\n", " ").replace("\r", " "),
                                       category=category)
    store.causes.add_child(cause.id, CauseKind.WHY, "````four ticks")
    html = export_event(store, blitz.id, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count('<svg class="fishbone"') == 1
    for bone in ("MAN", "MACHINE", "METHOD", "MATERIAL", "MEASUREMENT", "ENVIRONMENT"):
        assert f">{bone} (" in html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;head&#x27;)&lt;/script&gt;" in html
    assert not re.search(r"<[^>]*\b(src|href)\s*=|url\(|@import|<link|https?://", html.replace("http://evil", ""))
    markdown = export_event(store, blitz.id, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    assert "`````\n" in markdown  # a fence longer than the four backticks typed in a why
    assert "MACHINE (" in markdown and "Root causes found (0)" in markdown
    data = json.loads(export_event(store, blitz.id, "json", tmp_path / "r.json").read_text(encoding="utf-8"))
    (fishbone,) = data["derived"]["fishbone"]
    assert list(fishbone["bones"]) == sorted(["man", "machine", "method", "material", "measurement", "environment"])
    assert fishbone["problem_id"] == problem.id
