"""Root-cause analysis in the report-out: per problem its fishbone, every cause, the 5 Whys chains and the
root causes found, with how each was verified. Built from the exported rows, so an import that could not
be shown here is refused (facilitator/export/verify.py).
"""

from __future__ import annotations

from facilitator.domain.causes import Category, Cause, CauseKind, CauseTree, source_words
from facilitator.export.document import BoneCause, Bullets, Fishbone, Heading, Para, Preformatted, Section, Table
from facilitator.export.records import EventRecords
from facilitator.render.causes import fishbone, marks_text, why_tree

def causes_of(records: EventRecords) -> CauseTree:
    from facilitator.storage.causes import cause_from_row

    return CauseTree.of(cause_from_row(row) for row in records.rows("causes"))


def section(records: EventRecords) -> Section:
    part = Section("Root-cause analysis: fishbone and 5 Whys")
    tree = causes_of(records)
    if not tree.causes:
        part.add(Para("No root-cause analysis was recorded.", muted=True))
        return part
    children = tree.children_map()

    def metric_of(target_id: str) -> str | None:
        target = records.get("targets", target_id)
        return None if target is None else target["metric"]

    for problem in tree.problems:
        part.add(Heading(f"Problem: {problem.short} ({source_words(problem.source, metric_of)})"))
        bones = tree.bones(problem.id)
        if any(bones.values()):
            listed = tuple((category.label, tuple(_bone_causes(bones[category], children))) for category in Category)
            picture = tuple(line.text for line in fishbone(tree, problem, 120, per_side=3))
            part.add(Fishbone(problem.short, listed, picture))
            rows = tuple(
                (label, "↳ " * item.depth + item.text, str(item.votes), item.marks or "-")
                for label, causes in listed
                for item in causes
            )
            part.add(Table(("Bone", "Cause", "Votes", "Root / verified"), rows))
        lines = _chains(tree, problem)
        if lines:
            part.add(Heading("5 Whys"))
            part.add(Preformatted(tuple(lines)))
    roots = tree.roots()
    part.add(Heading(f"Root causes found ({len(roots)})"))
    if roots:
        part.add(Bullets(tuple(_root_line(cause) for cause in roots)))
    else:
        part.add(Para("No root cause was marked yet.", muted=True))
    return part


def _bone_causes(causes: list[Cause], children: dict) -> list[BoneCause]:
    found: list[BoneCause] = []

    def add(cause: Cause, depth: int) -> None:
        found.append(BoneCause(cause.short, cause.votes, marks_text(cause), depth))
        subs = sorted((c for c in children.get(cause.id, []) if c.kind is CauseKind.CAUSE), key=lambda c: -c.votes)
        for sub in subs:
            add(sub, depth + 1)

    for cause in causes:
        add(cause, 0)
    return found


def _chains(tree: CauseTree, problem: Cause) -> list[str]:
    """The problem's branch of the why tree, one line per record, marks spelled out."""
    lines = why_tree(tree)
    start = next((index for index, line in enumerate(lines) if line.cause.id == problem.id), None)
    if start is None:
        return []
    out = []
    for line in lines[start + 1 :]:
        if line.cause.kind is CauseKind.PROBLEM:
            break
        marks = marks_text(line.cause)
        out.append(line.prefix + line.label() + (f"  [{marks}]" if marks else ""))
    return out


def _root_line(cause: Cause) -> str:
    how = f"verified {cause.verified_how.label}" if cause.verified_how else "not verified yet"
    note = f": {cause.verification_note}" if cause.verification_note else ""
    return f"{cause.short} ({how}{note})"


def fishbone_json(records: EventRecords) -> list[dict]:
    """Each problem's fishbone for readers of the JSON file, keyed by the six bones' exact names
    (``man``, ``machine``, ``method``, ``material``, ``measurement``, ``environment``); derived, never imported."""
    return fishbone_of(causes_of(records))


def fishbone_of(tree: CauseTree) -> list[dict]:
    """:func:`fishbone_json` for records already read (``facilitator causes --format json``)."""
    children = tree.children_map()

    def node(cause: Cause) -> dict:
        subs = sorted((c for c in children.get(cause.id, []) if c.kind is CauseKind.CAUSE), key=lambda c: -c.votes)
        return {**cause_json(cause, votes=cause.votes), "sub_causes": [node(sub) for sub in subs]}

    return [
        {"problem_id": problem.id, "problem": problem.text, "source": problem.source,
         "bones": {category.value: [node(c) for c in causes] for category, causes in tree.bones(problem.id).items()}}
        for problem in tree.problems
    ]


def cause_json(cause: Cause, **more: object) -> dict:
    """A cause for readers of JSON (a fishbone's node, a step of a why chain); ``more`` follows its text."""
    return {"id": cause.id, "text": cause.text, **more, "is_root": cause.is_root,
            "verified_how": cause.verified_how.value if cause.verified_how else None}
