"""`facilitator causes EVENT`: the fishbone and the 5 Whys as the causes tab draws them, or JSON; one line on a bad event."""

from __future__ import annotations

import json

from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.demo import load_demo
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.causes import CauseTree
from facilitator.render.causes import fishbone, why_tree


def test_causes_prints_the_fishbone_and_the_why_tree_as_the_tab_draws_them(store):
    load_demo(store)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(store.path), "causes", BLITZ_ID[:8], "--width", "100"])
    assert result.exit_code == 0, result.output
    tree = CauseTree.of(store.causes.for_event(BLITZ_ID))
    printed = result.output.splitlines()
    diagram = [line.text for line in fishbone(tree, tree.problems[0], 100, per_side=3)]
    start = printed.index(diagram[0])
    assert printed[start : start + len(diagram)] == diagram
    rows = why_tree(tree)
    assert f"5 Whys - {len(tree.chain_starts())} chains" in printed
    for row in rows:
        assert any(line.startswith(row.prefix) and row.label() in line for line in printed)
    assert any(line.endswith("ROOT, verified (trial)") for line in printed)

    data = json.loads(runner.invoke(cli, ["--db", str(store.path), "causes", BLITZ_ID, "--format", "json"]).output)
    assert data["event_id"] == BLITZ_ID and len(data["fishbones"]) == len(tree.problems)
    assert list(data["fishbones"][0]["bones"]) == ["man", "machine", "method", "material", "measurement", "environment"]
    assert sum(len(start["chains"]) for start in data["whys"]) == sum(len(tree.chains(s.id)) for s in tree.chain_starts())


def test_causes_of_an_unknown_event_is_one_line_and_an_empty_one_says_how_to_start(store):
    from datetime import date

    from facilitator.domain.event import Event, EventKind

    runner = CliRunner()
    bad = runner.invoke(cli, ["--db", str(store.path), "causes", "nope"])
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1 and "No event" in bad.output
    event = store.events.add(Event(title="Empty", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=3))
    empty = runner.invoke(cli, ["--db", str(store.path), "causes", event.id])
    assert empty.exit_code == 0 and "No root-cause analysis yet" in empty.output


def test_causes_names_where_each_problem_came_from_in_the_words_of_the_report(store, tmp_path):
    import re

    from facilitator.export import export_event

    load_demo(store)
    printed = CliRunner().invoke(cli, ["--db", str(store.path), "causes", BLITZ_ID, "--width", "100"]).output
    report = export_event(store, BLITZ_ID, "md", tmp_path / "blitz.md").read_text(encoding="utf-8")
    said = re.findall(r"^Fishbone - problem \d+ of \d+ \((.+)\)$", printed, re.MULTILINE)
    problems = CauseTree.of(store.causes.for_event(BLITZ_ID)).problems
    assert len(said) == len(problems) >= 2 and any(words.startswith("the gap of target ") for words in said)
    for problem, words in zip(problems, said):
        assert f"Problem: {problem.short} ({words})" in report
