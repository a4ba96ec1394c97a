"""What leaves the cockpit: the report-out on a terminal and in a pipe, where exports and screenshots go,
and the theme picker (issue 11, items 13, 14, 15)."""

from __future__ import annotations

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER

OURS = ("shopfloor-dark", "projector-light", "andon")
TEXTUALS = ("textual-dark", "textual-light", "nord", "gruvbox", "catppuccin", "dracula", "tokyo-night",
            "monokai", "flexoki", "solarized", "rose-pine", "atom-one")


def seed_report(db) -> str:
    seeded = seed.blitz(db)
    seed.decide(db, seeded.event_id, "Standardise the kaizen!", "in_scope", day=1)
    seed.decide(db, seeded.event_id, "Cut scrap 14 -> 9 % with R&amp;D", "in_scope", day=1)
    return seeded.event_id


def test_report_out_prints_clean_markdown_in_a_pipe_and_renders_on_a_terminal(term):
    """11.13: no needless escapes; a typed &amp; stays as typed; a terminal gets it rendered."""
    event_id = seed_report(term.db_path)
    piped = term.cli("report-out", event_id).stdout
    assert "Standardise the kaizen!" in piped and "kaizen\\!" not in piped, piped
    assert "14 -> 9 %" in piped and "-\\>" not in piped, piped
    assert "amp;D" in piped, piped  # kept (escaped so that Markdown shows it as typed)
    term.start("report-out", event_id, ready="Standardise the kaizen!")
    term.wait_until(lambda _: term.exit_status() is not None, what="report-out to finish")
    screen = term.screen()
    assert term.exit_status() == 0, screen
    assert not any(line.startswith("#") for line in screen.splitlines()), screen
    assert "kaizen\\!" not in screen and "14 -> 9 %" in screen, screen
    assert "R&amp;D" in screen, screen


def test_exports_and_screenshots_go_beside_the_database_in_use(terminal, tmp_path):
    """11.14: with FACILITATOR_DB elsewhere, in-app exports go beside it and the cockpit says where."""
    db = tmp_path / "plant-records" / "line4.db"
    term = terminal(120, 40, db=db)
    term.env["HOME"] = str(tmp_path / "home")  # no ~/Downloads here
    event_id = seed_report(db)
    term.start()
    term.keys(ENTER)
    term.wait_for("1 Charter")
    term.keys("x")
    term.wait_for("Markdown report-out")
    term.keys("m")
    term.wait_until(lambda _: any(db.parent.rglob("*.md")), what="the export beside the database")
    assert not list((term.data_dir).rglob("*.md"))
    term.wait_for("plant-records")  # where it went, on screen
    term.keys("x")
    term.wait_for("Calendar (.ics)")
    term.keys("i")
    term.wait_until(lambda _: any(db.parent.rglob("*.ics")), what="the calendar beside the database")
    assert next(db.parent.rglob("*.ics")).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    # The palette's screenshot too.
    term.keys("C-p")
    term.wait_for("Search")
    term.write("Screenshot")
    term.keys(ENTER)
    term.wait_until(lambda _: any(db.parent.rglob("*.svg")), what="the screenshot beside the database")
    # The command line: a file name gives a file, never a folder of that name.
    out = tmp_path / "cli.csv"
    result = term.cli("export", event_id, "--format", "csv", "-o", str(out), check=False)
    assert not out.is_dir(), result
    assert (result.returncode == 0 and out.is_file()) or (result.returncode == 1 and len(result.stderr.splitlines()) == 1)
    assert term.errors_logged() == ""


def test_the_theme_picker_shows_our_themes_first(term):
    term.start()
    term.wait_for("No events yet.")
    term.keys("F2")
    screen = term.wait_for("shopfloor-dark")
    rows = screen.splitlines()

    def first_row(names):
        found = [i for i, row in enumerate(rows) for name in names if name in row]
        return min(found) if found else len(rows)

    last_ours = max(first_row([name]) for name in OURS)
    assert last_ours < len(rows), screen
    assert last_ours < first_row(TEXTUALS), screen
