"""Messages that cross widgets and screens, named as facts that happened.

Widgets post them up; the event screen (or whoever cares) reacts. Defined here, in one place, so areas
built separately (timer, decisions, reflection, follow-up) can listen to each other without importing
each other's widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from facilitator.storage.changes import Changes

if TYPE_CHECKING:
    from facilitator.domain.causes import Category, Cause
    from facilitator.domain.countermeasures import Countermeasure


@dataclass
class SessionFinished(Message):
    """A timed session ended: ``how`` is "finished", "next" or "skipped"."""

    event_id: str
    session_id: str
    how: str


@dataclass
class DecisionLogged(Message):
    """A decision was committed (quick capture, a change, a parked item resolved).

    ``store.decisions.get(decision_id).supersedes_id`` names the decision it reversed or changed, if any.
    """

    event_id: str
    decision_id: str


@dataclass
class EventChanged(Message):
    """Something about the event that other areas show (counts, status) may have changed."""

    event_id: str


@dataclass
class FollowUpSaved(Message):
    """A follow-up was added, edited or moved to another status (already committed)."""

    event_id: str
    followup_id: str


@dataclass
class MeasurementRecorded(Message):
    """A target got a new measurement (already committed)."""

    event_id: str
    measurement_id: str


@dataclass
class DayStarted(Message):
    """The date changed while the event was open (a laptop left open overnight); the new day's line."""

    notice: str | None


@dataclass
class DecisionLogBroken(Message):
    """The event's decision chain no longer verifies: what was changed, for a line over every tab."""

    what: str


@dataclass
class DatabaseChanged(Message, bubble=False):
    """Another process (the CLI, a second cockpit, the projector, Datasette) committed to these tables.

    The app posts it to every screen in its stack; each reloads only the areas ``changes`` touches.
    """

    changes: Changes


# The two asks below are here, not nested in their widgets, so the event screen can listen for them
# without importing the causes and fixes areas, which it builds only when they are first needed.
@dataclass
class CauseChangeAsked(Message):
    """A causes key asked for a change: ``action`` on ``cause`` (the highlighted record), on ``problem``'s ``bone``."""

    action: str
    cause: Cause | None
    problem: Cause | None
    bone: Category


@dataclass
class CountermeasureAsked(Message):
    """The facilitator asked to ``what`` (add, edit, vote, choose, drop, grid) on ``item``."""

    what: str
    item: Countermeasure | None
