"""Demo decisions: three days of scope calls in the press-line blitz, a few in the Action Learning set.

The blitz log has what a real one has: the facilitator deciding about half of it under time pressure,
the sponsor stepping in on money, parked items (some resolved, some still open), a typo fixed by an
amendment, and reversals, one of them this morning in the running session.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID, demo_id
from facilitator.domain.clock import local_time
from facilitator.domain.decision import AmendedField, DecidedBy, Decision, Verdict
from facilitator.storage.store import Store

F, T, S = DecidedBy.FACILITATOR, DecidedBy.TEAM, DecidedBy.SPONSOR
IN, OUT, PARK, DEFER, REJECT = (
    Verdict.IN_SCOPE, Verdict.OUT_OF_SCOPE, Verdict.PARKED, Verdict.DEFERRED, Verdict.REJECTED,
)

# (key, day, HH:MM, session position or None, subject, verdict, decided by, rationale, tags, supersedes key)
_BLITZ = [
    ("scope-ends", 1, "08:41", 1, "Changeover measured from last good part to first good part", IN, F,
     "The SMED definition; matches the first in-bounds line of the charter.", "scope", None),
    ("lines-1-3", 1, "08:47", 1, "Press lines 1-3 changeovers", OUT, S,
     "Charter: line 4 only. Lines 1-3 get the new standard after the blitz.", "scope", None),
    ("die-cart", 1, "08:52", 1, "Die cart redesign", IN, T,
     "Carts arrive late and take two people to align; the fix is well under 5,000 EUR.", "die-cart", None),
    ("forklifts", 1, "08:55", 1, "Replace the forklift fleet", REJECT, S, "Capital spending, and not a changeover cause.", "capex", None),
    ("video", 1, "10:20", 4, "Time the changeover on video, not stopwatches", IN, F, "", "gemba", None),
    ("paint-queue", 1, "10:55", 4, "Paint shop queue blocking die storage", PARK, F, "", "paint-shop", None),
    ("rota", 1, "11:30", 4, "Dedicated changeover crew on each shift", OUT, F,
     "Staffing levels are out of bounds in the charter.", "staffing", None),
    ("internal-external", 1, "13:25", 6, "Map internal vs external steps for each die family", IN, F, "", "smed", None),
    ("die-storage", 1, "14:05", 6, "Move die storage next to line 4", PARK, T,
     "Needs floor space we may not have; check with the sponsor.", "layout", None),
    ("clamps", 1, "14:40", 7, "New hydralic clamps (capex 38k EUR)", OUT, S,
     "Above the 5,000 EUR capital limit of the charter.", "capex clamps", None),
    ("bolt-kits", 1, "15:40", 8, "Bolt kits per die on shadow boards", IN, T, "Searching for bolts was 6 of the 47 minutes.", "5s", None),
    ("erp-codes", 1, "15:45", 8, "ERP changeover codes for line 4", PARK, F, "", "it", None),
    ("bolt-sizes", 2, "08:40", 1, "Standardise bolt sizes across door-hinge dies", IN, T,
     "Fishbone: 7 of 41 causes trace back to mixed bolt sizes.", "smed", None),
    ("shut-heights", 2, "09:10", 1, "Re-machine die shut heights", DEFER, F, "Tool room has no capacity this week.", "tool-room", None),
    ("clamp-check", 2, "09:50", 2, "Hydraulic clamp pressure check at every changeover", IN, F, "", "clamps", None),
    ("die-storage-in", 2, "10:30", 2, "Move die storage next to line 4", IN, S,
     "Floor space freed by scrapping the old rack; no capital needed.", "layout", "die-storage"),
    ("preheat", 2, "11:05", 4, "Pre-heat dies before the changeover", REJECT, T,
     "Cold stamping of hinge steel; pre-heating buys nothing.", "", None),
    ("quick-release", 2, "11:20", 4, "Quick-release clamps made in the tool room", IN, T, "", "clamps tool-room", None),
    ("second-cart", 2, "13:20", 6, "Second die cart to stage the next die during the run", IN, F,
     "Turns die staging into an external step.", "die-cart smed", None),
    ("light-curtain", 2, "14:10", 7, "Relocate the light curtain on the die-side door", PARK, T, "", "safety", None),
    ("tablet", 2, "14:30", 7, "Changeover checklist on a tablet", DEFER, F, "Paper first; digitise once it is stable.", "it", None),
    ("second-cart-out", 2, "15:35", 8, "Second die cart to stage the next die during the run", OUT, S,
     "Two carts come to 6,200 EUR, above the limit; share the line 3 cart instead.", "die-cart capex", "second-cart"),
    ("paint-queue-defer", 2, "15:40", 8, "Paint shop queue blocking die storage", DEFER, S,
     "Its own project in Q1, owned by the paint shop.", "paint-shop", "paint-queue"),
    ("overtime", 2, "15:50", 8, "Weekend overtime for an extra trial", OUT, F, "Staffing is out of bounds.", "staffing", None),
    ("first-die", 3, "08:10", 0, "First trial on door-hinge die DH-14", IN, F, "", "trial", None),
    ("shims", 3, "08:40", 1, "Shim stock kept at the press", IN, T, "", "5s", None),
    ("crane", 3, "09:05", 1, "Crane booking for die lifts", PARK, F, "", "crane", None),
    ("colour-code", 3, "09:30", 1, "Colour-code die clamps by die family", IN, F, "", "visual", None),
    ("first-die-09", 3, "09:50", 1, "First trial on door-hinge die DH-09", IN, T,
     "DH-14 is booked for a customer run today; DH-09 is next in the schedule.", "trial", "first-die"),
    ("sign-off", 3, "10:10", 1, "Operator signs off the first good part", IN, S, "", "quality", None),
]

# (decision key, day, HH:MM, field, text)
_BLITZ_AMENDMENTS = [
    ("clamps", 2, "08:05", AmendedField.SUBJECT, "New hydraulic clamps (capex 38k EUR)"),
    ("video", 1, "16:05", AmendedField.RATIONALE,
     "Video shows the walking and waiting a stopwatch misses; the team reviews it together."),
    ("erp-codes", 1, "15:50", AmendedField.DEBRIEF, "Carried to the day 1 debrief"),
]

_SET = [
    ("first-30-days", 1, "14:50", 3, "Focus on the first 30 days, not on recruitment", IN, T,
     "Most leavers go in weeks 2-4.", "", None),
    ("pay", 1, "14:55", 3, "New-starter pay rates", OUT, T, "Union agreement; outside the set's remit.", "", None),
    ("buddy-pilot", 2, "14:48", 3, "Buddy system pilot at plant 2", IN, T, "", "buddy", None),
    ("exit-calls", 2, "14:52", 3, "Exit calls at day 45 for every leaver", IN, T, "", "", None),
    ("app", 3, "14:50", 3, "A common onboarding app for the three sites", PARK, F,
     "The group was split; parked until the buddy pilot reports.", "it", None),
    ("day-shift", 3, "14:55", 3, "Day shift only in a new starter's first week", DEFER, S, "", "", None),
    ("buddy-all", 4, "14:55", 3, "Buddy system at all three sites", IN, T,
     "Plant 2 pilot: none of the 6 buddied starters left in the first month.", "buddy", "buddy-pilot"),
]


def seed(store: Store, today: date) -> None:
    if list(store.db.query("select 1 from decisions where id = ?", [demo_id("decision:blitz:scope-ends")])):
        return
    tz = local_time(store.clock.now()).tzinfo
    now = store.clock.now()
    blitz_start = today - timedelta(days=2)
    set_start = today - timedelta(weeks=4)
    _seed(store, BLITZ_ID, "blitz", _BLITZ, lambda day: blitz_start + timedelta(days=day - 1), tz, now)
    _seed(store, ACTION_LEARNING_ID, "set", _SET, lambda day: set_start + timedelta(weeks=day - 1), tz, now)
    for key, day, hhmm, field, text in _BLITZ_AMENDMENTS:
        at = datetime.combine(blitz_start + timedelta(days=day - 1), time.fromisoformat(hhmm), tzinfo=tz)
        decision_id = demo_id(f"decision:blitz:{key}")
        if at <= now and list(store.db.query("select 1 from decisions where id = ?", [decision_id])):
            store.decisions.amend(decision_id, field, text, at=at, id=demo_id(f"amendment:blitz:{key}:{field}"))


def _seed(store: Store, event_id: str, prefix: str, rows, day_date, tz, now: datetime) -> None:
    sessions = {row["id"] for row in store.db.query("select id from sessions where event_id = ?", [event_id])}
    recorded: set[str] = set()
    for key, day, hhmm, position, subject, verdict, decided_by, rationale, tags, supersedes in rows:
        at = datetime.combine(day_date(day), time.fromisoformat(hhmm), tzinfo=tz)
        if at > now or (supersedes and supersedes not in recorded):
            continue  # loaded early in the morning: this part of today has not happened yet
        session_id = demo_id(f"session:{prefix}:{day}:{position}")
        store.decisions.record(
            Decision(
                id=demo_id(f"decision:{prefix}:{key}"),
                event_id=event_id,
                subject=subject,
                verdict=verdict,
                decided_by=decided_by,
                day=day,
                decided_at=at,
                rationale=rationale,
                tags=tuple(tags.split()),
                session_id=session_id if session_id in sessions else None,
                supersedes_id=demo_id(f"decision:{prefix}:{supersedes}") if supersedes else None,
            )
        )
        recorded.add(key)
