"""The demo blitz's countermeasures, ranked on day 2 ("Generate and rank solutions"): the team's dots,
the die cart chosen (an in-scope decision and Luis's follow-up), the second crane dropped as capital.

Each answers the verified causes of the demo whose text holds one of its words; before the causes area
has seeded any, they stand without links (the demo of causes may load in either order).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.demo.charters import BLITZ_ID, demo_id
from facilitator.domain.clock import FakeClock, local_time
from facilitator.domain.countermeasures import CountermeasureForm
from facilitator.domain.decision import DecidedBy, Verdict
from facilitator.storage.countermeasures import CountermeasureRepository
from facilitator.storage.store import Store

# name, text, effort, impact, words that find the causes it answers, day-2 time proposed
_PROPOSALS = (
    ("die-cart", "Stage the next die, bolts and shims on a cart before the press stops", 2, 5, ("die cart", "fetch", "one job"), "14:05"),
    ("clamps", "Quick-release clamps: one bolt size for every line 4 die", 3, 4, ("clamp", "bolt"), "14:12"),
    ("gauge", "First-off gauge kept at the press, not in the QC lab", 1, 4, ("gauge",), "14:20"),
    ("shim-card", "Locating pins and a shut-height card per die, so nobody adjusts by trial", 2, 3, ("shut height", "locating", "shim"), "14:31"),
    ("crane", "Second overhead crane for line 4", 5, 3, ("crane", "die cart"), "14:40"),
    ("checklist", "Changeover checklist posted at the press", 1, 2, ("checklist", "order", "one job"), "14:46"),
)

# Three dots each (six members, six options); who put their dots where, in the day-2 ranking.
_DOTS = {
    "Dana Whitfield": {"die-cart": 2, "gauge": 1},
    "Luis Ortega": {"die-cart": 2, "clamps": 1},
    "Priya Nair": {"clamps": 2, "shim-card": 1},
    "Tom Becker": {"gauge": 2, "die-cart": 1},
    "Grace Osei": {"die-cart": 1, "crane": 2},
    "Marek Kowalski": {"clamps": 1, "checklist": 1, "shim-card": 1},
}


def _at(day: date, clock_time: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock_time)).astimezone()


def _answers(repo: CountermeasureRepository, words: tuple[str, ...]) -> tuple[str, ...]:
    verified = repo.verified_causes(BLITZ_ID)
    return tuple(cause.id for cause in verified if any(word in cause.text.lower() for word in words))


def seed(store: Store, today: date) -> None:
    if not store.db["countermeasures"].exists():
        return  # a database kept at an older schema (a migration test) has nowhere to put them
    if store.db.execute("select 1 from countermeasures where event_id = ? limit 1", [BLITZ_ID]).fetchone():
        return
    blitz = store.events.get(BLITZ_ID)
    day2 = blitz.day_date(2)
    ids = {}
    for name, text, effort, impact, words, clock_time in _PROPOSALS:
        repo = CountermeasureRepository(store.db, FakeClock(_at(day2, clock_time)))
        item = repo.add(
            BLITZ_ID, CountermeasureForm(text, str(effort), str(impact), _answers(repo, words)), day=2,
            by="Sam Reyes", any_cause=True, id=demo_id(f"countermeasure:{name}"),
        )
        ids[name] = item.id
    voting = CountermeasureRepository(store.db, FakeClock(_at(day2, "15:10")))
    for name in ids:
        votes = {member: dots[name] for member, dots in _DOTS.items() if name in dots}
        voting.set_votes(ids[name], votes)
    dropping = CountermeasureRepository(store.db, FakeClock(_at(day2, "16:02")))
    dropping.drop(
        ids["crane"], verdict=Verdict.OUT_OF_SCOPE, decided_by=DecidedBy.SPONSOR, day=2,
        rationale="Capital above the 5,000 EUR limit; the die cart frees the crane at changeover anyway.",
    )
    choosing = CountermeasureRepository(store.db, FakeClock(_at(day2, "16:06")))
    choosing.choose(
        ids["die-cart"], owner="Luis Ortega", due=(blitz.end_date + timedelta(days=14)).isoformat(),
        decided_by=DecidedBy.TEAM, day=2, today=local_time(choosing.clock.now()).date(),
        rationale="Most dots (6 of 18), effort 2, impact 5: the quick win to trial on day 3.",
    )
