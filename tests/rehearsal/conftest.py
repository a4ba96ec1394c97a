"""Rehearsal fixtures: a real terminal per test, its files in tmp_path, its tmux server always killed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rehearsal.terminal import Terminal, tmux_missing_reason

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # Every test here is a rehearsal (select with -m rehearsal, leave out with -m "not rehearsal");
    # without tmux they are skipped with the reason rather than failing on a machine that lacks it.
    reason = tmux_missing_reason()
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.rehearsal)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def terminal(tmp_path):
    """Make Terminals of a given size (not yet started); every one is killed when the test ends.

    Paths match tests/conftest.py's isolated_dirs, so in-process helpers see the same database.
    """
    made: list[Terminal] = []

    def make(cols: int = 80, rows: int = 24, db=None) -> Terminal:
        term = Terminal(tmp_path, cols, rows, db)
        made.append(term)
        return term

    yield make
    for term in made:
        term.close()


@pytest.fixture
def term(terminal) -> Terminal:
    """An 80x24 terminal, not yet started: call term.start() (the cockpit) or term.start("demo", ...)."""
    return terminal()
