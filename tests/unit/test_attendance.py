"""Who was there: the checklist rules, the rows they save, the report-out line and the mirror's use of it."""

from __future__ import annotations

import pytest

from facilitator.domain.attendance import (
    Attendee, Role, attendance_id, clean_guest, continuity, headcount, next_role, roster, summary, team_names, toggled,
    with_role,
)
from facilitator.domain.errors import ValidationError
from facilitator.domain.event import EventKind
from tests.export_support import add_session, kaizen_event

TEAM = ("Dana Whitfield", "Luis Ortega", "Priya Nair")


def test_the_team_comes_from_the_charter_as_names_each_once():
    # Names are kept as typed; the same spelling twice is one person.
    assert team_names(("Luis Ortega (die setter)", "Dana Whitfield", "Luis Ortega")) == ("Luis Ortega", "Dana Whitfield")


def test_roster_keeps_charter_order_then_guests_and_people_since_removed():
    marked = [Attendee("Ravi Shah", True, guest=True, marked=True), Attendee("luis ortega", True, Role.SCRIBE, marked=True),
              Attendee("Old Member", True, marked=True)]
    people = roster(TEAM, marked)
    assert [a.person for a in people] == ["Dana Whitfield", "luis ortega", "Priya Nair", "Ravi Shah", "Old Member"]
    assert people[1].role is Role.SCRIBE and not people[0].marked


def test_roles_cycle_by_kind_and_one_holder_roles_move():
    assert [next_role(EventKind.KAIZEN, r) for r in (Role.NONE, Role.TIMEKEEPER, Role.SCRIBE)] == [
        Role.TIMEKEEPER, Role.SCRIBE, Role.NONE]
    assert next_role(EventKind.ACTION_LEARNING, Role.NONE) is Role.PRESENTER
    assert next_role(EventKind.KAIZEN, Role.PRESENTER) is Role.NONE  # a role the kind does not use starts over
    # Cycling skips a one-holder role someone else has, never taking it in passing; presenters are shared.
    assert next_role(EventKind.KAIZEN, Role.NONE, {Role.TIMEKEEPER}) is Role.SCRIBE
    assert next_role(EventKind.KAIZEN, Role.NONE, {Role.TIMEKEEPER, Role.SCRIBE}) is Role.NONE
    assert next_role(EventKind.ACTION_LEARNING, Role.NONE, {Role.PRESENTER}) is Role.PRESENTER
    people = roster(TEAM, [])
    people = with_role(people, 0, Role.TIMEKEEPER)
    assert people[0].present  # given a role means there
    people = with_role(people, 1, Role.TIMEKEEPER)
    assert [a.role for a in people] == [Role.NONE, Role.TIMEKEEPER, Role.NONE]
    people = with_role(with_role(people, 0, Role.PRESENTER), 2, Role.PRESENTER)  # presenters are shared
    assert [a.role for a in people] == [Role.PRESENTER, Role.TIMEKEEPER, Role.PRESENTER]


def test_marking_absent_drops_the_role():
    people = with_role(roster(TEAM, []), 0, Role.SCRIBE)
    people = toggled(people, 0)
    assert not people[0].present and people[0].role is Role.NONE


def test_guest_names_are_checked():
    people = roster(TEAM, [])
    assert clean_guest("  Ravi Shah ", people) == "Ravi Shah"
    for bad in ("", "dana whitfield", "x" * 81, "bell\x07"):
        with pytest.raises(ValidationError):
            clean_guest(bad, people)


def test_summary_says_who_was_there_and_nothing_before_it_was_taken():
    people = roster(TEAM, [])
    assert summary(people) == ""
    people = toggled(with_role(with_role(people, 0, Role.TIMEKEEPER), 1, Role.SCRIBE), 1)
    people = toggled(people, 1)
    people.append(Attendee("Ravi Shah", True, guest=True, marked=True))
    assert summary(people) == "2 of 3 present: timekeeper Dana Whitfield; guest Ravi Shah; absent Priya Nair"


def test_headcount_is_the_short_form():
    people = roster(TEAM, [])
    assert headcount(people) == ""
    people = [*toggled(people, 0), Attendee("Ravi Shah", True, guest=True, marked=True)]
    assert headcount(people) == "1 of 3 here, 1 guest"


def test_continuity_is_the_share_of_marked_days_each_member_came():
    team = ("A", "B")
    assert continuity({1: {"A", "B"}}, team) is None  # one day says nothing about continuity
    assert continuity({1: {"A", "B"}, 2: {"a", "B"}}, team) == 1.0
    assert continuity({1: {"A"}, 2: {"B"}}, team) == 0.5
    assert continuity({1: {"A", "B"}, 2: set()}, team) is None  # a day nobody came to is not a marked day


def test_saving_a_checklist_writes_one_row_per_person_and_only_real_changes(store, clock):
    event = kaizen_event(store)
    session = add_session(store.db, event, 1, 0, "Kick-off", 30)
    people = with_role(store.attendance.roster(event, session), 0, Role.TIMEKEEPER)
    people.append(Attendee("Ravi Shah", True, guest=True))
    store.attendance.save(event.id, session, people)
    rows = list(store.db.query("select * from attendance order by position"))
    assert [(r["person"], r["present"], r["role"], r["guest"]) for r in rows] == [
        ("Dana Whitfield", 1, "timekeeper", 0), ("Luis Ortega", 0, "", 0), ("Ravi Shah", 1, "", 1)]
    assert rows[0]["id"] == attendance_id(session, "dana whitfield")
    stamped = rows[0]["updated_at"]
    clock.advance(minutes=5)
    store.attendance.save(event.id, session, store.attendance.roster(event, session))
    assert store.db.execute("select updated_at from attendance where person = 'Dana Whitfield'").fetchone()[0] == stamped
    assert summary(store.attendance.roster(event, session)) == (
        "1 of 2 present: timekeeper Dana Whitfield; guest Ravi Shah; absent Luis Ortega")


def test_deleting_a_session_takes_its_attendance(store):
    event = kaizen_event(store)
    session = add_session(store.db, event, 1, 0, "Kick-off", 30)
    store.attendance.save(event.id, session, toggled(store.attendance.roster(event, session), 0))
    store.agenda.delete(session)
    assert store.db.execute("select count(*) from attendance").fetchone()[0] == 0


def test_attendance_for_a_session_of_another_event_is_refused(store):
    from facilitator.domain.errors import UserError

    event = kaizen_event(store)
    other = kaizen_event(store, "Another blitz")
    session = add_session(store.db, other, 1, 0, "Kick-off", 30)
    with pytest.raises(UserError):
        store.attendance.save(event.id, session, [Attendee("Dana Whitfield", True)])
    assert store.db.execute("select count(*) from attendance").fetchone()[0] == 0


def test_a_days_report_out_says_who_came_the_roles_the_guests_and_who_missed_what(store):
    from facilitator.report.gather import daily_report

    event = kaizen_event(store)
    first = add_session(store.db, event, 2, 0, "Fishbone", 60)
    second = add_session(store.db, event, 2, 1, "Rank solutions", 60)
    add_session(store.db, event, 2, 2, "Debrief", 20)  # not taken: not counted
    people = with_role(with_role(store.attendance.roster(event, first), 0, Role.TIMEKEEPER), 1, Role.SCRIBE)
    store.attendance.save(event.id, first, [*people, Attendee("Ravi Shah", True, guest=True)])
    store.attendance.save(event.id, second, with_role(store.attendance.roster(event, second), 0, Role.SCRIBE))
    markdown = daily_report(store, event.id, 2).to_markdown()
    assert (
        "## Who was there\n\n"
        "- 2 of 2 of the team came (2 sessions taken)\n"
        "- Timekeeper Dana Whitfield; scribe Luis Ortega, Dana Whitfield\n"
        "- Guest: Ravi Shah (Fishbone)\n"
        "- Missed: Luis Ortega (Rank solutions)\n"
    ) in markdown
    assert "Who was there" not in daily_report(store, event.id, 1).to_markdown()  # never taken that day


def test_the_mirror_reads_a_series_with_changing_people_as_a_task_force():
    from facilitator.domain.mirror import Column, Element, MirrorFacts, mirror

    def time_frame(continuity):
        facts = MirrorFacts(kind=EventKind.ACTION_LEARNING, planned_days=6, span_days=35, units_held=4, continuity=continuity)
        return next(row for row in mirror(facts).rows if row.element is Element.TIME_FRAME)

    assert time_frame(None).closest is Column.ACTION_LEARNING and "attendance" not in time_frame(None).measured
    steady = time_frame(0.9)
    assert steady.closest is Column.ACTION_LEARNING and steady.measured.endswith("; attendance 90%")
    assert "same people" in steady.reading
    changing = time_frame(0.4)
    assert changing.closest is Column.TASK_FORCE and "keeps its members" in changing.reading


def test_the_demo_set_keeps_its_members(store):
    from facilitator.demo import load_demo
    from facilitator.demo.charters import ACTION_LEARNING_ID
    from facilitator.domain.mirror import Element
    from facilitator.storage.mirror import event_mirror

    load_demo(store)
    row = next(r for r in event_mirror(store, ACTION_LEARNING_ID).rows if r.element is Element.TIME_FRAME)
    assert row.measured.endswith("; attendance 95%") and "same people" in row.reading
