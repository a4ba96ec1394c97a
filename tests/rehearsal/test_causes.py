"""A root-cause session at 80x24: the fishbone and a branching 5 Whys typed in bursts while talking, then
read back from the screen, the database and the Markdown export; a change made by a second process shows."""

from __future__ import annotations

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, Key

RIGHT = Key("Right")
UP = Key("Up")


def test_fishbone_and_whys_typed_in_bursts(term):
    seeded = seed.blitz(term.db_path)
    term.start()
    term.keys("Enter")
    term.wait_for("1 Charter", "6 Causes")
    # The charter's problem heads the fishbone; two causes on the machine bone, one on method.
    term.burst(["6", "N", "c", ENTER])
    term.wait_db("select count(*) from causes", lambda n: n == 1)
    term.burst([RIGHT, "i", "Dies bolted by hand", ENTER, "i", "Shut height by trial hits", ENTER, "=", "="])
    term.wait_db("select max(votes) from causes", lambda n: n == 2)
    term.burst([RIGHT, "i", "Next die fetched after the stop", ENTER, "=", "=", "=",
                "w", "Nobody free during the last batch", ENTER,
                "w", "Setter also moves coil", ENTER])
    term.wait_db("select count(*) from causes where kind = 'why'", lambda n: n == 2)
    # A branch: back up to why 1 and ask why again; mark the new why the root cause, verified at the gemba.
    term.burst([UP, "w", "Cart shared with line 3", ENTER, "R", "c", "g", "Cart log checked", ENTER])
    term.wait_db("select count(*) from causes where verified = 1", lambda n: n == 1)
    term.wait_for("5 Whys", "why 1 Nobody free during the last batch", "ROOT, verified (gemba)")
    rows = term.query("select kind, category, text, votes, is_root, verified_how, day from causes order by created_at, rowid")
    assert [tuple(r)[:4] for r in rows] == [
        ("problem", None, "Changeover on press 4 takes 47 minutes.", 0),
        ("cause", "machine", "Dies bolted by hand", 0),
        ("cause", "machine", "Shut height by trial hits", 2),
        ("cause", "method", "Next die fetched after the stop", 3),
        ("why", None, "Nobody free during the last batch", 0),
        ("why", None, "Setter also moves coil", 0),
        ("why", None, "Cart shared with line 3", 0),
    ]
    assert [r["is_root"] for r in rows] == [0, 0, 0, 0, 0, 0, 1] and rows[-1]["verified_how"] == "gemba"
    assert all(r["day"] == 1 for r in rows)
    parents = dict(term.query("select text, (select text from causes p where p.id = c.parent_id) from causes c"))
    assert parents["Cart shared with line 3"] == "Nobody free during the last batch"  # beside why 2: a branch
    assert parents["Setter also moves coil"] == "Nobody free during the last batch"
    # The fishbone view draws the bones and the problem's head.
    term.keys("v")
    term.wait_for("METHOD (1)", "MACHINE (2)", "Changeover on press")
    # A second process rewords the root cause: the open cockpit shows it.
    root_id = term.scalar("select id from causes where is_root = 1")
    term.cli("export", seeded.event_id, "--format", "md", "-o", str(term.db_path.parent / "r.md"))
    markdown = (term.db_path.parent / "r.md").read_text(encoding="utf-8")
    assert "Cart shared with line 3 (verified at the gemba: Cart log checked)" in markdown
    term.execute("update causes set text = 'Lines 3 and 4 share one cart' where id = ?", [root_id])
    term.keys("v")
    term.wait_for("Lines 3 and 4 share one cart")
    assert not term.errors_logged()
