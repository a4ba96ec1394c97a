"""Demo follow-ups and target measurements for the line 4 blitz, plus an earlier, finished 5S blitz on
press line 2 whose open follow-ups show up when the line 4 event opens (same area: product)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import BLITZ_ID, demo_id
from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
from facilitator.domain.followup import FollowUp, FollowUpStatus
from facilitator.domain.measurement import Measurement
from facilitator.storage.store import Store

EARLIER_BLITZ_ID = demo_id("event:press-line-2-5s")

# (target, day, local time, value, note)
_MEASUREMENTS = (
    ("changeover", 1, "10:40", 47, "Baseline re-timed on the floor: last good part to first good part"),
    ("changeover", 1, "15:20", 44, "Die cart pre-staged before the last batch ended"),
    ("changeover", 2, "11:05", 38, "Bolts replaced by quarter-turn fasteners on the bolster"),
    ("changeover", 2, "16:10", 31, "Two-person changeover: Luis and Dana in parallel"),
    ("changeover", 3, "09:45", 26, "Shut heights standardised on dies 4-117 and 4-121"),
    ("fpy", 1, "16:00", 91, "First 20 parts after each changeover, 2 changeovers"),
    ("fpy", 2, "16:30", 93, "First-off gauge check at the press"),
    ("fpy", 3, "10:15", 96, "Locating pins on the die set, no shimming"),
    ("per-shift", 1, "16:30", 2, "Current batch plan"),
    ("per-shift", 2, "17:00", 3, "Trial: smaller batches for the door-hinge family"),
)

# (name, action, owner, due: days from today or ("end", days after the event ends), status, outcome, created day)
_BLITZ_FOLLOWUPS = (
    ("cart-quote", "Get a quote for a second die cart with a roller deck", "Marek Kowalski", -1, "open", "", 1),
    ("floor-tape", "Mark die-cart parking positions on the floor (yellow tape)", "Luis Ortega", -1, "done",
     "Taped on Monday evening; photo on the line 4 board", 1),
    ("gauge", "Move the first-off gauge check from the QC lab to the press", "Tom Becker", -1, "blocked",
     "Gauge needs calibration by metrology first", 1),
    ("checklist", "External set-up checklist: stage next die and clamps during the last 20 parts",
     "Dana Whitfield", 2, "in_progress", "", 2),
    ("clamps", "Replace bolt clamps on dies 4-117 and 4-121 with quick-release clamps", "Priya Nair",
     ("end", 14), "open", "", 2),
    ("standard", "Write SMED standard work for the 14 part numbers on line 4", "Grace Osei", ("end", 7), "open", "", 2),
    ("training", "Train 2nd and 3rd shift die setters on the new standard work", "Grace Osei",
     ("end", 21), "open", "", 3),
    ("audit", "Time 10 changeovers a week and post them on the line 4 board", "Tom Becker", ("end", 30), "open", "", 3),
    ("shut-heights", "Standardise shut heights on the remaining 12 line 4 dies", "Marek Kowalski",
     ("end", 55), "open", "", 3),
    ("batches", "Re-size door-hinge batches once changeover is under 25 min", "Helen Brandt",
     ("end", 45), "open", "", 3),
    ("stock", "Review finished-goods stock for the door-hinge family (aim: 4 days)", "Helen Brandt",
     ("end", 85), "open", "", 3),
)

_EARLIER_FOLLOWUPS = (
    ("red-tag", "Clear the red-tag area: scrap or return the 43 tagged items", "Marek Kowalski", 30,
     "in_progress", "31 of 43 items gone; 12 dies wait for the scrap decision"),
    ("shadow", "Shadow boards for press line 2 hand tools", "Luis Ortega", 14, "done", "In use since September"),
    ("audit-5s", "Weekly 5S audit by the team leader, scores on the line 2 board", "Grace Osei", 45, "open", ""),
    ("coil-markings", "Repaint worn floor markings at the coil entry", "Priya Nair", 100, "open", ""),
    ("sustain", "90-day sustain check with the plant manager", "Helen Brandt", 90, "open", ""),
)


# The 5S blitz's targets during the event and at its 30/60/90-day reviews: the shadow boards hold the
# search time; the audit score peaks at the 30-day review and slips back once the weekly audit lapses.
# (target, days after the event's first day, local time, value, note)
_EARLIER_MEASUREMENTS = (
    ("5s-find", 0, "10:00", 6, "Timed 10 tool fetches at changeover"),
    ("5s-find", 2, "14:00", 1.5, "Shadow boards up for the hand tools"),
    ("5s-find", 32, "09:30", 1, "30-day review: 10 fetches timed"),
    ("5s-find", 62, "09:30", 1.2, "60-day review"),
    ("5s-find", 87, "09:30", 1.3, "90-day review, a week early"),
    ("5s-audit", 0, "11:00", 42, "Baseline audit by Grace"),
    ("5s-audit", 2, "15:00", 78, "End-of-event audit"),
    ("5s-audit", 32, "10:00", 88, "30-day review: weekly audits running"),
    ("5s-audit", 62, "10:00", 74, "60-day review: two weekly audits missed"),
    ("5s-audit", 87, "10:00", 66, "90-day review: red-tag area filling up again"),
)


def earlier_blitz(today: date) -> Event:
    start = today - timedelta(days=91)
    return Event(
        id=EARLIER_BLITZ_ID,
        title="Press line 2 5S blitz",
        kind=EventKind.KAIZEN,
        start_date=start - timedelta(days=start.weekday()),  # a Monday
        days=3,
        problem=(
            "Operators on press line 2 spend about 6 minutes finding a tool or a gauge at each "
            "changeover; the area holds tools for dies that left the plant in 2023."
        ),
        area=Area.PRODUCT,
        sponsor="Helen Brandt (plant manager, Midlands Stamping plant 2)",
        facilitator="Sam Reyes (CI lead)",
        team=("Luis Ortega (die setter)", "Priya Nair (maintenance technician)", "Marek Kowalski (tool room)",
              "Grace Osei (production supervisor, 2nd shift)"),
        in_bounds=("Press line 2 work area, tool racks and the gauge cabinet",),
        out_of_bounds=("Capital spending above 2,000 EUR",),
        targets=(
            Target(metric="Time to find a tool", unit="min", baseline=6, goal=1, id=demo_id("target:5s-find")),
            Target(metric="5S audit score", unit="%", baseline=42, goal=85, id=demo_id("target:5s-audit")),
        ),
        status=EventStatus.DONE,
    )


def _local(day: date, clock_time: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock_time)).astimezone()


def seed(store: Store, today: date) -> None:
    blitz = store.events.get(BLITZ_ID)
    now = store.clock.now()
    by = "Sam Reyes"
    for target, day, clock_time, value, note in _MEASUREMENTS:
        measured = min(_local(blitz.day_date(day), clock_time), now - timedelta(minutes=15))
        store.measurements.add(
            Measurement(
                event_id=BLITZ_ID, target_id=demo_id(f"target:{target}"), value=value, measured_at=measured,
                note=note, id=demo_id(f"measurement:{target}:{day}:{clock_time}"),
            )
        )
    for name, action, owner, due, status, outcome, day in _BLITZ_FOLLOWUPS:
        due_date = blitz.end_date + timedelta(days=due[1]) if isinstance(due, tuple) else today + timedelta(days=due)
        created = min(_local(blitz.day_date(day), "16:45"), now - timedelta(minutes=20))
        store.followups.add(
            FollowUp(
                event_id=BLITZ_ID, action=action, owner=owner, due_date=due_date, status=FollowUpStatus(status),
                outcome=outcome, id=demo_id(f"followup:{name}"),
            ),
            by=by, at=created,
        )
    earlier = store.events.add(earlier_blitz(today))
    for name, action, owner, due_days, status, outcome in _EARLIER_FOLLOWUPS:
        store.followups.add(
            FollowUp(
                event_id=earlier.id, action=action, owner=owner,
                due_date=earlier.end_date + timedelta(days=due_days), status=FollowUpStatus(status),
                outcome=outcome, id=demo_id(f"followup:5s:{name}"),
            ),
            by=by, at=_local(earlier.end_date, "15:30"),
        )
    for target, offset, clock_time, value, note in _EARLIER_MEASUREMENTS:
        measured = min(_local(earlier.start_date + timedelta(days=offset), clock_time), now - timedelta(minutes=15))
        store.measurements.add(
            Measurement(
                event_id=earlier.id, target_id=demo_id(f"target:{target}"), value=value, measured_at=measured,
                note=note, id=demo_id(f"measurement:{target}:{offset}"),
            )
        )
