"""Keys land where they are typed, at any speed (issue 10, part 4): a facilitator types in bursts while
talking. Each burst here is one tmux call: the app gets the keys as fast as a terminal delivers them."""

from __future__ import annotations

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, TAB

DECISIONS = [
    ("Die cart redesign", "i", "f", "in_scope", "facilitator"),
    ("New press for line 5", "p", "t", "parked", "team"),
    ("Second shift training", "f", "s", "deferred", "sponsor"),
    ("Quick-release clamps", "i", "t", "in_scope", "team"),
    ("Move the gauge cabinet", "o", "f", "out_of_scope", "facilitator"),
]


def open_event(term):
    seeded = seed.blitz(term.db_path)
    term.start()
    term.keys("Enter")
    term.wait_for("1 Charter", "Parking lot: 0 open")
    return seeded


def test_decisions_typed_in_one_burst_are_saved_exactly(term):
    open_event(term)
    for count, (subject, verdict_key, by_key, verdict, by) in enumerate(DECISIONS, start=1):
        term.burst(["d", subject, TAB, verdict_key, by_key, ENTER])
        term.wait_db("select count(*) from decisions", lambda n, c=count: n >= c, timeout=5)
        term.wait_gone("Log a decision", timeout=5)
    rows = term.query("select subject, verdict, decided_by from decisions order by rowid")
    assert [tuple(r) for r in rows] == [(s, v, b) for s, _, _, v, b in DECISIONS]


def test_a_follow_up_typed_in_one_burst_is_saved_exactly(term):
    open_event(term)
    term.burst(["a", "Order quick-release clamps", TAB, "Priya Nair", TAB, "2026-12-18", ENTER])
    term.wait_db("select count(*) from followups", lambda n: n >= 1, timeout=5)
    rows = term.query("select action, owner, due_date from followups")
    assert [tuple(r) for r in rows] == [("Order quick-release clamps", "Priya Nair", "2026-12-18")]
    assert term.scalar("select count(*) from decisions") == 0
