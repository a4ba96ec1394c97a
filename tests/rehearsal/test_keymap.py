"""A user's keymap.toml in a real terminal at 80x24: the new key opens the dialog in a burst, the footer
shows it, a clashing entry is named at start and left out, and doctor and keymap say the same."""

from __future__ import annotations

from tests.rehearsal import seed
from tests.rehearsal.terminal import ENTER, TAB, Key


def test_a_remapped_decision_key_in_a_burst(term):
    seeded = seed.blitz(term.db_path)
    term.config_dir.mkdir(parents=True, exist_ok=True)
    (term.config_dir / "keymap.toml").write_text('capture_decision = "ctrl+g"\nexport = "p"\n', encoding="utf-8")
    term.start()
    term.wait_for("keymap.toml: export = 'p'")  # the one-line notice at start
    term.keys("Enter")
    term.wait_for("1 Charter", "^g Decide")
    term.burst([Key("C-g"), "New die cart", TAB, "i", ENTER])
    assert term.wait_db("select count(*) from decisions", lambda n: n == 1) == 1
    assert term.scalar("select subject from decisions") == "New die cart"
    assert term.scalar("select event_id from decisions") == seeded.event_id

    listed = term.cli("keymap", check=False)
    assert listed.returncode == 1 and "export = 'p' clashes with timer_projector" in listed.stderr
    assert any(line.split()[:3] == ["capture_decision", "ctrl+g", "*"] for line in listed.stdout.splitlines())
    doctor = term.cli("doctor", check=False)
    assert doctor.returncode == 1
    assert [line.split()[1] for line in doctor.stdout.splitlines() if line.startswith("!")] == ["keymap"]
    assert term.errors_logged() == ""
