"""`facilitator causes EVENT`: the fishbone and the 5 Whys as the causes tab draws them, or as JSON."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import click

from facilitator.cli import echo, open_store
from facilitator.completion import complete_event

if TYPE_CHECKING:
    from facilitator.domain.causes import CauseTree
    from facilitator.domain.event import Event


def text_lines(tree: CauseTree, width: int, event: Event) -> list[str]:
    """Each problem's fishbone (three causes a bone, as on a tall screen), then the 5 Whys tree."""
    from facilitator.domain.causes import source_words
    from facilitator.render.causes import fishbone, marks_text, why_tree

    if not tree.causes:
        return ["No root-cause analysis yet: in the cockpit, 6 then N starts from a problem."]
    lines: list[str] = []
    problems = tree.problems
    metrics = {target.id: target.metric for target in event.targets}
    for number, problem in enumerate(problems, start=1):
        where = source_words(problem.source, metrics.get)
        lines += [f"Fishbone - problem {number} of {len(problems)} ({where})", ""]
        lines += [line.text for line in fishbone(tree, problem, width, per_side=3)]
        lines.append("")
    rows = why_tree(tree)
    lines.append(f"5 Whys - {len(tree.chain_starts())} chains")
    for row in rows:
        cause = row.cause
        votes = f"●{cause.votes} " if cause.votes else ""
        marks = marks_text(cause)
        lines.append(f"{row.prefix}{votes}{row.label()}" + (f"  {marks}" if marks else ""))
    return lines


def as_json(tree: CauseTree) -> dict:
    """The fishbones keyed by the six bones' names (as the JSON export derives them) and every why chain."""
    from facilitator.export.causes_section import cause_json, fishbone_of

    return {
        "fishbones": fishbone_of(tree),
        "whys": [{"start_id": start.id, "start": start.text, "kind": start.kind.value,
                  "chains": [[cause_json(why) for why in chain] for chain in tree.chains(start.id)]}
                 for start in tree.chain_starts()],
    }


@click.command("causes")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the fishbone and the 5 Whys tree as the causes tab draws them; json: for scripts.")
@click.option("--width", type=click.IntRange(60, 200), default=None, help="Width of the fishbone (default: the terminal's, at most 120).")
@click.pass_context
def causes_command(ctx: click.Context, event_ref: str, output: str, width: int | None) -> None:
    """Print an event's root-cause analysis: each problem's fishbone, then the 5 Whys chains."""
    # Imported here, not with the command: every `facilitator` launch registers it, few run it.
    from facilitator.domain.causes import CauseTree

    store = open_store(ctx)
    event = store.events.resolve(event_ref)
    tree = CauseTree.of(store.causes.for_event(event.id))
    if output == "json":
        click.echo(json.dumps({"event_id": event.id, "title": event.title, **as_json(tree)}, indent=2, ensure_ascii=False))
        return
    width = width or max(60, min(120, shutil.get_terminal_size((100, 24)).columns))
    echo("\n".join([f"{event.title}: root-cause analysis", "", *text_lines(tree, width, event)]))
