"""Demo root-cause analysis for the line 4 blitz, from day 2's "Root cause" session: a fishbone on the
changeover-time gap with the team's dot votes, 5 Whys chains (one branching) down to verified root
causes, and a second, shorter analysis of the first-pass-yield gap."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import BLITZ_ID, demo_id
from facilitator.domain.causes import Category, Cause, CauseKind, Verification, target_gap
from facilitator.storage.store import Store

M, MA, ME, MT, MS, E = (Category.MAN, Category.MACHINE, Category.METHOD, Category.MATERIAL,
                        Category.MEASUREMENT, Category.ENVIRONMENT)

# (name, parent name, category or None for a why, text, votes, who)
_FISHBONE = (
    ("setter-alone", "changeover", M, "Die setter works alone while the operator waits", 5, "Dana Whitfield"),
    ("shifts-differ", "changeover", M, "2nd and 3rd shift set dies in a different order", 3, "Grace Osei"),
    ("learn-by-watching", "changeover", M, "New die setters learn by watching; nothing written down", 1, "Grace Osei"),
    ("bolted-clamps", "changeover", MA, "Dies are clamped with 16 bolts each, by hand", 6, "Luis Ortega"),
    ("bolt-sizes", "bolted-clamps", MA, "Three bolt sizes across the 14 dies", 2, "Luis Ortega"),
    ("shut-height", "changeover", MA, "Shut height found by trial hits", 4, "Priya Nair"),
    ("t-slots", "changeover", MA, "Bolster T-slots worn on the operator side", 1, "Priya Nair"),
    ("fetch-late", "changeover", ME, "Next die is fetched only after the press stops", 7, "Sam Reyes"),
    ("no-checklist", "changeover", ME, "No changeover checklist: each setter has his own order", 3, "Tom Becker"),
    ("coil-not-staged", "changeover", MT, "Coil for the next part number is not staged", 2, "Dana Whitfield"),
    ("cart-shared", "changeover", MT, "Die cart shared with line 3", 2, "Marek Kowalski"),
    ("qc-lab", "changeover", MS, "First-off parts wait for the QC lab", 5, "Tom Becker"),
    ("not-recorded", "changeover", MS, "Changeover time is not recorded per shift", 1, "Grace Osei"),
    ("crib-far", "changeover", E, "Tool crib is 60 m away across the main aisle", 3, "Marek Kowalski"),
    ("staging-blocked", "changeover", E, "Die staging area blocked by WIP racks", 2, "Dana Whitfield"),
)

# (name, parent name, text, who)
_WHYS = (
    ("fetch-1", "fetch-late", "Nobody is free to fetch it while the press runs the last batch", "Luis Ortega"),
    ("fetch-2", "fetch-1", "The die setter also moves coil and bins for line 4", "Grace Osei"),
    ("fetch-3", "fetch-2", "The changeover is planned as one job for one person, not as external and internal steps",
     "Sam Reyes"),
    ("cart-1", "fetch-late", "The die cart is at line 3 when line 4 needs it", "Marek Kowalski"),
    ("cart-2", "cart-1", "Lines 3 and 4 share one die cart", "Marek Kowalski"),
    ("clamp-1", "bolted-clamps", "The dies were built for the old 600-tonne press", "Priya Nair"),
    ("clamp-2", "clamp-1", "Clamps were never changed when the dies moved to line 4 in 2019", "Priya Nair"),
    ("lab-1", "qc-lab", "The first-off gauge is kept in the QC lab", "Tom Becker"),
    ("lab-2", "lab-1", "Everyone believed the gauge needs a temperature-controlled room", "Tom Becker"),
    ("lab-3", "lab-2", "Nobody had checked: the gauge is rated for the shop floor", "Tom Becker"),
    ("fpy-1", "fpy", "Parts out of tolerance in the first 20 hits", "Tom Becker"),
    ("fpy-2", "fpy-1", "Die position is set by shimming by eye", "Luis Ortega"),
    ("fpy-3", "fpy-2", "Dies have no locating pins", "Priya Nair"),
)

# (name, verified how, note, root cause)
_VERIFIED = (
    ("fetch-3", Verification.GEMBA, "Filmed 3 changeovers: 19 of 47 min were external work done with the press stopped", True),
    ("cart-2", Verification.DATA, "Cart log, 6 weeks: 38% of line 4 changeovers waited for the cart (6 min on average)", True),
    ("clamp-2", Verification.TRIAL, "Quarter-turn fasteners on die 4-117: clamping 11 min -> 3 min", True),
    ("lab-3", Verification.DATA, "Gauge spec sheet: 10-35 °C; line 4 measured 14-24 °C this week", True),
    ("fpy-3", Verification.TRIAL, "Pins fitted on die 4-121: first 20 parts good on 2 changeovers", True),
    ("shut-height", Verification.GEMBA, "Watched 2 changeovers: 4 and 6 trial hits", False),
)


def _local(day: date, clock_time: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock_time)).astimezone()


def seed(store: Store, today: date) -> None:
    if not store.db["causes"].exists():
        return  # a database kept at an older schema (a migration test): inserting would create the table by hand
    blitz = store.events.get(BLITZ_ID)
    session = next((s for s in store.agenda.sessions(BLITZ_ID, 2) if s.title.lower().startswith("root cause")), None)
    session_id = session.id if session is not None else None
    start = min(_local(blitz.day_date(2), "10:15"), store.clock.now() - timedelta(hours=2))
    targets = {target.id: target for target in blitz.targets}
    changeover, fpy = targets[demo_id("target:changeover")], targets[demo_id("target:fpy")]
    verified = {name: (how, note, root) for name, how, note, root in _VERIFIED}
    records: list[Cause] = []

    def add(name: str, kind: CauseKind, text: str, *, parent: str | None = None, category: Category | None = None,
            source: str | None = None, votes: int = 0, who: str = "") -> None:
        how, note, root = verified.get(name, (None, "", False))
        records.append(Cause(
            event_id=BLITZ_ID, kind=kind, text=text, created_at=start + timedelta(minutes=3 * len(records)),
            parent_id=demo_id(f"cause:{parent}") if parent else None, category=category, source=source,
            is_root=root, verified=how is not None, verified_how=how, verification_note=note, votes=votes,
            session_id=session_id, day=2, created_by=who, id=demo_id(f"cause:{name}"),
        ))

    add("changeover", CauseKind.PROBLEM, target_gap(changeover), source=f"target:{changeover.id}", who="Sam Reyes")
    for name, parent, category, text, votes, who in _FISHBONE:
        add(name, CauseKind.CAUSE, text, parent=parent, category=category, votes=votes, who=who)
    add("fpy", CauseKind.PROBLEM, target_gap(fpy), source=f"target:{fpy.id}", who="Tom Becker")
    for name, parent, text, who in _WHYS:
        add(name, CauseKind.WHY, text, parent=parent, who=who)
    for record in records:
        store.causes.record(record)
