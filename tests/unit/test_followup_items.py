"""The Kaizen newspaper: items saved with a log of status changes, grouped by review, overdue items found."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Area, Event, EventKind
from facilitator.domain.followup import (
    FollowUp,
    FollowUpForm,
    FollowUpStatus,
    SourceKind,
    due_phrase,
    group_by_review,
)

TODAY = date(2026, 11, 25)


def blitz(**changes) -> Event:
    base = Event(title="Line 4 SMED", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5, area=Area.PRODUCT)
    return replace(base, **changes)


def item(event_id: str, action: str, due: date, status=FollowUpStatus.OPEN) -> FollowUp:
    return FollowUp(event_id=event_id, action=action, owner="Luis Ortega", due_date=due, status=status)


def test_form_validates_every_field_at_once():
    with pytest.raises(ValidationError) as caught:
        FollowUpForm(action="  ", owner="", due="someday").to_followup("e", TODAY)
    assert set(caught.value.errors) == {"action", "owner", "due"}


def test_form_refuses_a_new_date_in_the_past_but_keeps_an_overdue_one():
    with pytest.raises(ValidationError) as caught:
        FollowUpForm(action="Label die carts", owner="Luis", due="2026-11-01").to_followup("e", TODAY)
    assert "in the past" in caught.value.errors["due"]
    overdue = item("e", "Label die carts", date(2026, 11, 1))
    edited = FollowUpForm.from_followup(overdue)
    assert replace(edited, action="Label all die carts").to_followup("e", TODAY, overdue).due_date == date(2026, 11, 1)


def test_form_keeps_markup_as_typed_and_records_the_source():
    saved = FollowUpForm(action="Fix [bold]clamp[/]", owner="Priya", due="fri", source="session:s1").to_followup("e", TODAY)
    assert saved.action == "Fix [bold]clamp[/]"
    assert (saved.source_kind, saved.source_id, saved.due_date) == (SourceKind.SESSION, "s1", date(2026, 11, 27))


def test_status_path():
    assert FollowUpStatus.OPEN.next is FollowUpStatus.IN_PROGRESS
    assert FollowUpStatus.IN_PROGRESS.next is FollowUpStatus.DONE
    assert FollowUpStatus.BLOCKED.next is FollowUpStatus.IN_PROGRESS
    assert FollowUpStatus.DONE.next is FollowUpStatus.OPEN


def test_review_grouping_and_overdue():
    end = date(2026, 11, 27)  # reviews on 12-27, 2027-01-26, 2027-02-25
    items = [
        item("e", "late", date(2026, 11, 20)),
        item("e", "done early", date(2026, 11, 20), FollowUpStatus.DONE),
        item("e", "on review day", date(2026, 12, 27)),
        item("e", "second", date(2026, 12, 28)),
        item("e", "third", date(2027, 2, 25)),
        item("e", "beyond", date(2027, 2, 26)),
    ]
    groups = group_by_review(items, end)
    assert [(g.days, [i.action for i in g.items]) for g in groups] == [
        (30, ["late", "on review day", "done early"]),
        (60, ["second"]),
        (90, ["third"]),
        (None, ["beyond"]),
    ]
    assert groups[0].title == "30-day review (2026-12-27)"
    assert [i.action for i in items if i.is_overdue(TODAY)] == ["late"]


def test_due_phrase():
    assert due_phrase(TODAY, TODAY) == "due today"
    assert due_phrase(TODAY + timedelta(days=3), TODAY) == "due in 3 days"
    assert due_phrase(TODAY - timedelta(days=1), TODAY) == "1 day overdue"
    assert due_phrase(TODAY - timedelta(days=9), TODAY) == "9 days overdue"


def test_status_changes_are_saved_and_logged(store, clock):
    event = store.events.add(blitz())
    saved = store.followups.add(item(event.id, "Shadow board for die-change tools", date(2026, 12, 4)), by="Sam")
    clock.advance(hours=2)
    store.followups.set_status(saved.id, FollowUpStatus.IN_PROGRESS, by="Sam")
    clock.advance(days=3)
    done = store.followups.set_status(saved.id, FollowUpStatus.DONE, outcome="Board up on line 4", by="Grace")
    store.followups.set_status(saved.id, FollowUpStatus.DONE, by="Grace")  # no change, no log line
    assert store.followups.get(saved.id).status is FollowUpStatus.DONE
    assert store.followups.get(saved.id).outcome == "Board up on line 4"
    assert done.updated_at == clock.now()
    log = store.followups.changes(event.id)
    assert [(c.from_status, c.to_status, c.changed_by) for c in log] == [
        (None, FollowUpStatus.OPEN, "Sam"),
        (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, "Sam"),
        (FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, "Grace"),
    ]
    assert log[-1].changed_at == clock.now()


def test_update_logs_a_status_change_made_in_the_edit_form(store):
    event = store.events.add(blitz())
    saved = store.followups.add(item(event.id, "Order quick clamps", date(2026, 12, 4)))
    store.followups.update(replace(saved, status=FollowUpStatus.BLOCKED, outcome="Waiting for a quote"))
    assert [c.to_status for c in store.followups.changes(event.id)] == [FollowUpStatus.OPEN, FollowUpStatus.BLOCKED]


def test_open_items_of_earlier_events_in_the_same_area(store):
    current = store.events.add(blitz())
    earlier = store.events.add(blitz(title="Press line 2 5S", start_date=date(2026, 8, 24), days=3))
    other_area = store.events.add(blitz(title="Payroll", start_date=date(2026, 8, 1), area=Area.DEPARTMENT))
    later = store.events.add(blitz(title="Next one", start_date=date(2027, 1, 11)))
    store.followups.add(item(earlier.id, "Red-tag area cleared", date(2026, 9, 30)))
    store.followups.add(item(earlier.id, "Done already", date(2026, 9, 1), FollowUpStatus.DONE))
    store.followups.add(item(other_area.id, "Other area", date(2026, 9, 1)))
    store.followups.add(item(later.id, "From the future", date(2027, 2, 1)))
    store.followups.add(item(current.id, "Own item", date(2026, 12, 1)))
    found = store.followups.open_from_earlier_events(current)
    assert [(event.title, followup.action) for event, followup in found] == [("Press line 2 5S", "Red-tag area cleared")]


def test_follow_ups_survive_reopening_the_database(tmp_path, clock):
    from facilitator.storage.store import Store

    first = Store(tmp_path / "x.db", clock)
    event = first.events.add(blitz())
    saved = first.followups.add(item(event.id, "Train 2nd shift on SMED standard", date(2026, 12, 11)))
    first.close()
    second = Store(tmp_path / "x.db", clock)
    assert second.followups.for_event(event.id) == [saved]
    second.close()


def test_owner_suggestions_are_names_without_roles():
    from facilitator.domain.followup import owner_suggestions

    event = blitz(team=("Luis Ortega (die setter)", "Priya Nair"), sponsor="Helen Brandt (plant manager)",
                  facilitator="Luis Ortega (die setter)")
    assert owner_suggestions(event) == ["Luis Ortega", "Priya Nair", "Helen Brandt"]
