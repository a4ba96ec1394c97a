"""Who was there and evidence in a real terminal: attendance typed in one burst lands in the database,
and a photo attached by path is copied in and shown with its session."""

from __future__ import annotations

from dataclasses import replace

from facilitator.demo.people import before_photo
from facilitator.storage.store import Store
from tests.rehearsal import seed
from tests.rehearsal.terminal import DOWN, ENTER, ESC, SPACE, TAB


def _with_team(db, event_id: str) -> None:
    store = Store(db)
    try:
        event = store.events.get(event_id)
        store.events.update(replace(event, team=("Dana Whitfield (operator)", "Luis Ortega (die setter)", "Priya Nair")))
    finally:
        store.close()


def test_attendance_in_a_burst_and_a_photo_by_path(term, tmp_path):
    seeded = seed.blitz(term.db_path)
    _with_team(term.db_path, seeded.event_id)
    kickoff = seeded.day(1)[0]
    photo = tmp_path / "before.png"
    photo.write_bytes(before_photo())
    term.start()
    term.keys("Enter")
    term.wait_for("Kick-off")
    term.keys("2")
    term.wait_for("Day 1 of 3")
    # Dana here and timekeeper, Luis here and scribe (r skips the role Dana holds), a guest; no waiting.
    term.burst(["w", SPACE, "r", DOWN, SPACE, "r", "g", "Ravi Shah", ENTER])
    term.wait_db("select count(*) from attendance where session_id = ?", lambda n: n == 4, [kickoff.id])
    term.wait_for("Ravi Shah (guest)")
    term.keys("Escape")
    term.wait_for("Who: 2 of 3 here, 1 guest (w)")
    rows = term.query("select person, present, role, guest from attendance where session_id = ? order by position", [kickoff.id])
    assert [tuple(row) for row in rows] == [
        ("Dana Whitfield", 1, "timekeeper", 0), ("Luis Ortega", 1, "scribe", 0), ("Priya Nair", 0, "", 0),
        ("Ravi Shah", 1, "", 1),
    ]
    term.burst(["v", str(tmp_path / "missing.png"), ENTER])
    term.wait_for("does not exist")
    term.keys("C-u")  # clear the field, as a person would
    term.burst([str(photo), TAB, "Die cart in the aisle", ENTER])
    term.wait_db("select count(*) from evidence", lambda n: n == 1)
    term.keys("Escape")
    term.wait_for("1 file: before.png")
    sha = term.scalar("select sha256 from evidence")
    assert (term.db_path.parent / "evidence" / sha).read_bytes() == before_photo()
    assert not term.errors_logged()
