"""Rehearsal: at 80x24, the team proposes two countermeasures, gives its dots and chooses one, all typed in
bursts; the choice is an in-scope decision and a follow-up on disk, and the 2x2 marks the quick win."""

from __future__ import annotations

from datetime import timedelta

from facilitator.domain.event import Event, EventKind, EventStatus
from facilitator.storage.store import Store
from tests.countermeasure_support import add_cause
from tests.rehearsal.seed import today
from tests.rehearsal.terminal import ENTER, SPACE, TAB


def _seed(db) -> str:
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    try:
        event = store.events.add(Event(
            title="Press 4 changeover blitz", kind=EventKind.KAIZEN, days=3, start_date=today() - timedelta(days=1),
            status=EventStatus.RUNNING, facilitator="Sam Reyes",
            team=("Luis Ortega (die setter)", "Priya Nair (maintenance)"),
        ))
        add_cause(store, event.id, "Dies fetched after the press stops")
        return event.id
    finally:
        store.close()


def test_dots_and_a_choice_typed_in_bursts(term):
    event_id = _seed(term.db_path)
    term.start()
    term.wait_for("Press 4 changeover")
    term.keys(ENTER)
    term.wait_for("Parking lot:")
    # The tab (its keys show in the footer once the list has the focus), then two proposals in one breath.
    term.keys("7")
    term.wait_for("i Add", "v Dots")
    term.burst(["i", "Stage the die cart", TAB, "2", TAB, "5", TAB, SPACE, ENTER,
                "i", "Second crane", TAB, "5", TAB, "3", TAB, SPACE, ENTER])
    term.wait_for("Second crane", "2 countermeasures")
    assert term.scalar("select count(*) from countermeasure_causes where event_id = ?", [event_id]) == 2
    # Dots on the first row (the cursor stays on the last one saved: go up), then choose it.
    term.keys("Up")
    term.burst(["v", "2", TAB, "3", ENTER, "c", "Luis Ortega", TAB, "+2w", ENTER])
    term.wait_for("5 of 6 dots placed", "1 chosen")
    row = term.query(
        "select c.status, d.verdict, d.subject, f.owner from countermeasures c join decisions d on d.id = c.decision_id "
        "join followups f on f.id = c.followup_id where c.event_id = ?", [event_id],
    )
    assert [tuple(r) for r in row] == [("chosen", "in_scope", "Countermeasure: Stage the die cart", "Luis Ortega")]
    assert term.scalar("select sum(dots) from countermeasure_votes where event_id = ?", [event_id]) == 5
    # The 2x2 fits the 80x24 screen with the quick win marked; g goes back to the list.
    term.keys("g")
    screen = term.wait_for("QUICK WINS", "Stage the die cart")
    assert "Second crane" in screen and all(len(line) <= 80 for line in screen.splitlines())
    term.keys("g")
    term.wait_for("Countermeasure", "Answers")
    assert term.errors_logged() == ""
