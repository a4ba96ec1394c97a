"""An action acts on what the database holds now, not on what a screen read a moment ago."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.decision import DecidedBy, DecisionDraft, Verdict
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventKind
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.storage.store import Store


@pytest.fixture
def other(store):
    """A second process on the same file: a shell, a second cockpit, Datasette."""
    second = Store(store.path, store.clock)
    yield second
    second.close()


def event_in(store) -> Event:
    return store.events.add(Event(title="Line 4", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))


def test_space_after_a_pause_elsewhere_resumes(store, other):
    event = event_in(store)
    session = store.agenda.add(event.id, 2, "Lunch", "observation", 45)
    store.timer.start(session.id)
    other.timer.pause(event.id)
    change = store.timer.toggle(event.id)
    assert change.message == "Resumed Lunch."
    assert [entry.action.value for entry in store.timer.log(event.id)] == ["start", "pause", "resume"]


def test_a_followup_moved_elsewhere_is_not_moved_again_from_a_stale_screen(store, other):
    event = event_in(store)
    item = store.followups.add(FollowUp(event_id=event.id, action="Shadow board", owner="Luis", due_date=date(2026, 12, 1)))
    other.followups.set_status(item.id, FollowUpStatus.DONE)
    with pytest.raises(UserError, match="changed elsewhere: it is done now"):
        store.followups.set_status(item.id, FollowUpStatus.IN_PROGRESS, expected=FollowUpStatus.OPEN)
    assert store.followups.get(item.id).status is FollowUpStatus.DONE
    assert [change.to_status for change in store.followups.changes(event.id)] == [FollowUpStatus.OPEN, FollowUpStatus.DONE]


def test_a_parked_item_resolved_elsewhere_is_not_resolved_twice(store, other):
    event = event_in(store)
    parked = store.decisions.capture(event.id, DecisionDraft("Move die storage", "parked", "team"), day=2)
    other.decisions.resolve_parked(parked.id, Verdict.IN_SCOPE, DecidedBy.TEAM, day=2)
    with pytest.raises(UserError, match="not on the parking lot any more"):
        store.decisions.resolve_parked(parked.id, Verdict.OUT_OF_SCOPE, DecidedBy.FACILITATOR, day=2)
    assert store.decisions.count(event.id) == 2
