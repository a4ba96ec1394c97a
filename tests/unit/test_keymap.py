"""keymap.toml: every binding has an id, the README lists them all, and a bad entry is left out, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner
from textual.binding import Binding

from facilitator import keymap, paths
from facilitator.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def found():
    return keymap.scopes()


def test_every_binding_has_an_id_used_for_one_key_and_action():
    owners: dict[str, tuple[str, str, str]] = {}
    missing, clashing = [], []
    for cls in keymap.binding_classes():
        for binding in cls.__dict__.get("BINDINGS", ()):
            if not isinstance(binding, Binding) or not binding.id:
                missing.append(f"{cls.__qualname__}: {binding}")
                continue
            seen = owners.setdefault(binding.id, (binding.key, binding.action, cls.__qualname__))
            if seen[:2] != (binding.key, binding.action):
                clashing.append(f"{binding.id}: {seen[2]} and {cls.__qualname__}")
    assert not missing, f"bindings without an id: {missing}"
    assert not clashing, f"one id for two bindings: {clashing}"
    assert len(owners) > 100


def test_readme_lists_every_id_with_its_default_keys(found):
    text = README.read_text(encoding="utf-8")
    table = re.search(r"<!-- keymap-table[^>]*-->\n(.*?)<!-- /keymap-table -->", text, re.S)
    assert table, "README has no keymap table"
    assert table.group(1) == keymap.markdown_table(keymap.current_keys({}, found)), (
        "README's key table is out of date: paste `facilitator keymap --markdown` between its markers"
    )


def test_valid_entries_apply_and_each_bad_one_is_named(found):
    loaded = keymap.check(
        {
            "capture_decision": "ctrl+g",
            "key_help": "?,f1",
            "nonsense": "x",
            "reflect": 5,
            "report_out": "ctrl+bogus",
            "export": "p",  # the event screen's projector key
            "theme": "ctrl+q",  # quit, everywhere
        },
        found,
    )
    assert loaded.keymap == {"capture_decision": "ctrl+g", "key_help": "question_mark,f1"}
    line = loaded.problem_line()
    assert "\n" not in line
    for part in ("unknown id 'nonsense'", "reflect = 5", "'ctrl+bogus' is not a key", "export = 'p' clashes with timer_projector",
                 "theme = 'ctrl+q' clashes with quit", "the other 2 entries apply"):
        assert part in line


def test_two_ids_on_one_key_are_both_left_out_but_a_swap_is_fine(found):
    both = keymap.check({"capture_decision": "ctrl+g", "add_followup": "ctrl+g"}, found)
    assert both.keymap == {} and len(both.problems) == 2
    swap = keymap.check({"capture_decision": "a", "add_followup": "d"}, found)
    assert swap.keymap == {"capture_decision": "a", "add_followup": "d"} and not swap.problems
    # The same key on different screens is no clash: `n` on the list of events, `n` for next session.
    assert not keymap.check({"new_event": "N"}, found).problems


def test_a_file_that_does_not_parse_is_one_problem_and_no_file_is_the_defaults(tmp_path, found):
    assert keymap.read(tmp_path / "none.toml", found) == keymap.LoadedKeymap()
    broken = tmp_path / "keymap.toml"
    broken.write_text('capture_decision = "ctrl+g\n', encoding="utf-8")
    loaded = keymap.read(broken, found)
    assert loaded.keymap == {} and loaded.problem_line().startswith("keymap.toml: not valid TOML")


def test_cli_lists_current_keys_and_names_problems_on_stderr():
    runner = CliRunner()
    clean = runner.invoke(cli, ["keymap"])
    assert clean.exit_code == 0 and re.search(r"^capture_decision +d ", clean.output, re.M)
    paths.keymap_file().parent.mkdir(parents=True)
    paths.keymap_file().write_text('capture_decision = "ctrl+g"\nbogus = "x"\n', encoding="utf-8")
    result = runner.invoke(cli, ["keymap"])
    assert result.exit_code == 1
    assert re.search(r"^capture_decision +ctrl\+g +\* ", result.stdout, re.M)
    assert result.stderr.strip() == "keymap.toml: unknown id 'bogus'; the other entry applies"


_KEYS = st.sampled_from(["a", "N", "5", "?", "ctrl+g", "f1", "space", "enter", "escape", "ctrl+q", "x,y", "", "ctrl+", "shift+up", "bogus"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from([*sorted(keymap.known_ids(keymap.scopes()))[:40], "nope", ""]), _KEYS | st.integers(), max_size=8))
def test_any_table_gives_a_clean_keymap_and_never_raises(raw):
    found = keymap.scopes()
    loaded = keymap.check(raw, found)
    assert set(loaded.keymap) <= set(raw)
    # Whatever was kept is clean on its own: checking it again leaves it whole, with nothing to say.
    again = keymap.check(loaded.keymap, found)
    assert again.keymap == loaded.keymap and not again.problems
    assert len(loaded.keymap) + len(loaded.problems) >= len(raw)
