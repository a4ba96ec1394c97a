"""The demo events and their charters: a press-line changeover blitz and an onboarding AL set."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
from facilitator.storage.store import Store

_NAMESPACE = uuid.UUID("6f1c1d3e-8f5b-4d7c-9a51-2f0c5e8b7a10")


def demo_id(name: str) -> str:
    """A stable id for a demo record, so a second load finds the first."""
    return str(uuid.uuid5(_NAMESPACE, name))


BLITZ_ID = demo_id("event:press-line-4")
ACTION_LEARNING_ID = demo_id("event:onboarding-set")

BLITZ_TEAM = (
    "Dana Whitfield (press operator, line 4)",
    "Luis Ortega (die setter)",
    "Priya Nair (maintenance technician)",
    "Tom Becker (quality engineer)",
    "Grace Osei (production supervisor, 2nd shift)",
    "Marek Kowalski (tool room)",
)


def blitz(today: date) -> Event:
    return Event(
        id=BLITZ_ID,
        title="Press line 4 changeover blitz (SMED)",
        kind=EventKind.KAIZEN,
        start_date=today - timedelta(days=2),
        days=5,
        problem=(
            "Die changeovers on the 800-tonne transfer press (line 4) take 47 minutes on average "
            "(last 6 weeks, 212 changeovers). Line 4 runs 14 part numbers in batches sized to avoid "
            "changeovers, so finished-goods stock for the door-hinge family has grown to 9 days "
            "and two customer shipments were late in October."
        ),
        area=Area.PRODUCT,
        sponsor="Helen Brandt (plant manager, Midlands Stamping plant 2)",
        facilitator="Sam Reyes (CI lead)",
        team=BLITZ_TEAM,
        in_bounds=(
            "Line 4 die changeover, last good part to first good part",
            "Die carts, staging area and tool crib for line 4",
            "Changeover standard work and operator training",
        ),
        out_of_bounds=(
            "Capital spending above 5,000 EUR",
            "Staffing levels and shift patterns",
            "Press lines 1-3 and the paint shop",
        ),
        targets=(
            Target(metric="Changeover time", unit="min", baseline=47, goal=20, id=demo_id("target:changeover")),
            Target(metric="First-pass yield after changeover", unit="%", baseline=91, goal=98, id=demo_id("target:fpy")),
            Target(metric="Changeovers per shift", unit="count", baseline=2, goal=4, id=demo_id("target:per-shift")),
        ),
        status=EventStatus.RUNNING,
    )


def action_learning_set(today: date) -> Event:
    return Event(
        id=ACTION_LEARNING_ID,
        title="New-starter onboarding across three sites",
        kind=EventKind.ACTION_LEARNING,
        start_date=today - timedelta(weeks=4),
        days=8,
        problem=(
            "Four in ten new production starters leave within 90 days, and the three sites onboard "
            "them in three different ways. How might we make a new starter's first month one they "
            "would recommend to a friend?"
        ),
        area=Area.COMPANY_WIDE,
        sponsor="Ruth Okafor (HR director)",
        facilitator="Sam Reyes (set adviser)",
        team=(
            "Anja Vogel (site manager, plant 1)",
            "Kwame Mensah (team leader, plant 2)",
            "Li Wei (HR business partner)",
            "Olivia Grant (training coordinator)",
            "Jonas Berg (logistics supervisor, plant 3)",
        ),
        in_bounds=("Recruitment hand-over to first 90 days", "All three sites"),
        out_of_bounds=("Pay rates and contracts (union agreement)",),
        targets=(
            Target(metric="90-day retention of new starters", unit="%", baseline=60, goal=80, id=demo_id("target:retention")),
        ),
        status=EventStatus.RUNNING,
    )


def seed(store: Store, today: date) -> None:
    store.events.add(blitz(today))
    store.events.add(action_learning_set(today))
