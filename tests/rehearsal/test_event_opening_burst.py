"""Keys typed the moment an event opens land as typed: the event paints its charter first and builds each
other area when first needed, and a burst typed before any of them exists (open, a follow-up, an agenda
session from tab 2, a fishbone from tab 6) must lose nothing and put nothing in the wrong field."""

from __future__ import annotations

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, TAB


def test_a_burst_typed_as_the_event_opens_lands_as_typed(term):
    seeded = seed.blitz(term.db_path)
    term.start()
    # One tmux call from the list: open the event and type on before it has painted.
    term.burst([
        ENTER,
        "a", "Order quick-release clamps", TAB, "Priya Nair", TAB, "2026-12-18", ENTER,
        "2", "i", "Gemba walk press 4", TAB, TAB, "45", ENTER,
        "6", "N", "c", ENTER,
    ])
    term.wait_db("select count(*) from causes", lambda n: n >= 1, timeout=10)
    assert [tuple(r) for r in term.query("select action, owner, due_date from followups")] == [
        ("Order quick-release clamps", "Priya Nair", "2026-12-18"),
    ]
    added = term.query("select title, planned_minutes from sessions where title like 'Gemba walk press 4%'")
    assert [tuple(r) for r in added] == [("Gemba walk press 4", 45)]
    assert term.scalar("select text from causes") == "Changeover on press 4 takes 47 minutes."
    assert term.scalar("select count(*) from decisions") == 0
    term.burst(["5"])
    screen = term.wait_for("Order quick-release clamps")
    assert "Priya Nair" in screen
    assert seeded.event_id == term.event_id()
