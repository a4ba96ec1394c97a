"""A new event's first day typed in one go, as a facilitator who knows the keys plans it in front of the team."""

from __future__ import annotations

from facilitator.domain.event import Event, EventKind
from facilitator.storage.store import Store
from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, TAB, Key


def test_sessions_typed_one_after_another_stay_in_that_order(term):
    term.db_path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(term.db_path)
    try:
        store.events.add(Event(title="Paint line rework blitz", kind=EventKind.KAIZEN, days=3, start_date=seed.today()))
    finally:
        store.close()
    term.start()
    term.keys("Enter")
    term.wait_for("1 Charter", "Paint line rework blitz")
    term.keys("2")
    term.wait_for("No sessions on this day")
    clear = Key("C-u")
    burst: list[str] = []
    for title, duration, fixed in (("Kick-off", "15m", ""), ("Gemba walk", "1h", ""), ("Lunch", "30", "12:30")):
        burst += ["i", title, TAB, TAB, clear, duration]
        if fixed:
            burst += [TAB, fixed]
        burst.append(ENTER)
    term.burst(burst)
    term.wait_db("select count(*) from sessions", lambda n: n == 3)
    rows = term.query("select title from sessions where day = 1 order by position")
    assert [row["title"] for row in rows] == ["Kick-off", "Gemba walk", "Lunch"]
    screen = term.wait_for("Lunch")
    lines = screen.splitlines()
    order = [next(i for i, line in enumerate(lines) if title in line) for title in ("Kick-off", "Gemba walk", "Lunch")]
    assert order == sorted(order), screen
