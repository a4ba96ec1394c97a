"""Read each event's targets and measurements for the sustain watch (gains that slip back). No Textual."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from facilitator.domain.clock import local_time
from facilitator.domain.event import Event, EventStatus
from facilitator.domain.sustain import DEFAULT_SLIP_SHARE, ReviewDue, Sustain, review_due, sustain_for

if TYPE_CHECKING:
    from facilitator.storage.store import Store


def event_sustain(store: Store, event: Event, slip_share: int = DEFAULT_SLIP_SHARE) -> tuple[Sustain, ...]:
    return sustain_for(event.id, event.targets, store.measurements.for_event(event.id), slip_share)


def done_events_sustain(store: Store, slip_share: int = DEFAULT_SLIP_SHARE) -> list[tuple[Event, tuple[Sustain, ...]]]:
    """Every done event (archived ones too: a gain slips whether or not the event is filed away), newest first."""
    return [
        (event, event_sustain(store, event, slip_share))
        for event in store.events.list(include_archived=True)
        if event.status is EventStatus.DONE and event.targets
    ]


def slipping_count(store: Store, event: Event, slip_share: int = DEFAULT_SLIP_SHARE) -> int:
    if event.status is not EventStatus.DONE or not event.targets:
        return 0
    return sum(1 for item in event_sustain(store, event, slip_share) if item.slipping)


def event_review_due(store: Store, event: Event, today: date) -> ReviewDue | None:
    """The 30/60/90-day review that asks for a measurement now, for an event that has ended."""
    if not event.targets or today <= event.end_date:
        return None
    measured_on: dict[str, list[date]] = {}
    for measurement in store.measurements.for_event(event.id):
        measured_on.setdefault(measurement.target_id, []).append(local_time(measurement.measured_at).date())
    return review_due(event.end_date, event.targets, measured_on, today)
