"""The fishbone as a text diagram and the 5 Whys as a tree of lines: plain text, for the cockpit and Markdown.

No Rich, no Textual: each line is a string plus what it shows, so the cockpit styles and selects lines
and the Markdown export puts the same picture in a code block. User text is made visible (control
characters as symbols) and cut to fit, never wrapped, so the picture keeps its shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.causes import Category, Cause, CauseKind, CauseTree
from facilitator.domain.display import visible

TOP = (Category.MAN, Category.MACHINE, Category.METHOD)
BOTTOM = (Category.MATERIAL, Category.MEASUREMENT, Category.ENVIRONMENT)


def fit(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    flat = " ".join(visible(text).split())
    if width <= 0:
        return ""
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def cause_label(cause: Cause, width: int) -> str:
    """``●3 ★✓ Die bolts need hand tools`` cut to ``width``: votes, root (★), verified (✓), then the text."""
    votes = f"●{cause.votes} " if cause.votes else ""
    marks = ("★" if cause.is_root else "") + ("✓" if cause.verified else "")
    return fit(votes + (marks + " " if marks else "") + cause.short, width)


def marks_text(cause: Cause) -> str:
    """The marks spelled out, for lists and exports: ``ROOT, verified (gemba)``."""
    parts = []
    if cause.is_root:
        parts.append("ROOT")
    if cause.verified and cause.verified_how is not None:
        parts.append(f"verified ({cause.verified_how.value})")
    return ", ".join(parts)


@dataclass(frozen=True)
class DiagramLine:
    text: str
    role: str  # "bone" (a category's name), "cause", "spine", "head", "blank"
    categories: tuple[Category, ...] = ()  # the bones a "bone"/"cause" line shows, left to right


def layout(width: int) -> tuple[int, int]:
    """The head's width and each bone column's width for a diagram ``width`` characters wide."""
    head_width = max(14, min(26, width // 4))
    return head_width, max(12, (width - head_width - 3) // 3)


def fishbone(tree: CauseTree, problem: Cause | None, width: int = 80, per_side: int = 3) -> list[DiagramLine]:
    """The spine to the problem's head and six bones with their top causes (most votes first).

    Three bones above the spine, three below; the head is the problem on the right, over three lines
    (from the bones' last line above the spine to their first below). ``per_side`` causes per bone are
    shown, with "+N more" when a bone holds more. A bone's name starts at ``column * index``; the head
    at ``3 * column + 2``.
    """
    head_width, column = layout(width)
    bones = tree.bones(problem.id) if problem is not None else {category: [] for category in Category}
    lines: list[DiagramLine] = []

    def names(categories: tuple[Category, ...]) -> DiagramLine:
        cells = [f"{category.label.upper()} ({len(bones[category])})" for category in categories]
        return DiagramLine("".join(cell.ljust(column) for cell in cells).rstrip(), "bone", categories)

    def causes(categories: tuple[Category, ...], rows: list[int]) -> list[DiagramLine]:
        found = []
        for row in rows:
            cells = []
            for category in categories:
                listed = bones[category]
                if row < per_side and row < len(listed):
                    cells.append(" " + cause_label(listed[row], column - 2))
                elif row == per_side and len(listed) > per_side:
                    cells.append(f"  +{len(listed) - per_side} more")
                else:
                    cells.append("")
            if any(cell.strip() for cell in cells):
                found.append(DiagramLine("".join(cell.ljust(column) for cell in cells).rstrip(), "cause", categories))
        return found

    rows = list(range(per_side + 1))
    head = _head_lines(problem, head_width)
    spine = "".join("─" * (column - 2) + "┤─" for _ in TOP) + "▶ "

    def slanted(mark: str, head_line: str) -> DiagramLine:
        bones_part = "".join(mark.rjust(column - 1).ljust(column) for _ in TOP)
        return DiagramLine((bones_part.ljust(len(spine)) + head_line).rstrip(), "head")

    lines.append(names(TOP))
    lines.extend(causes(TOP, rows))
    lines.append(slanted("\\", head[0]))
    lines.append(DiagramLine(spine + head[1], "head"))
    lines.append(slanted("/", head[2]))
    lines.extend(reversed(causes(BOTTOM, rows)))
    lines.append(names(BOTTOM))
    return lines


def _head_lines(problem: Cause | None, width: int) -> list[str]:
    if problem is None:
        return ["", "(no problem yet)", ""]
    words = visible(problem.short).split()
    out: list[str] = [""]
    for word in words:
        if len(out) == 3 and len(out[-1]) + len(word) + 1 > width:
            out[-1] = fit(out[-1] + " " + word, width)
            break
        if out[-1] and len(out[-1]) + 1 + len(word) > width:
            out.append("")
        out[-1] = (out[-1] + " " + word).strip()
        if len(out[-1]) > width:
            out[-1] = fit(out[-1], width)
    while len(out) < 3:
        out.insert(0, "") if len(out) == 1 else out.append("")
    return [fit(line, width) for line in out[:3]]


@dataclass(frozen=True)
class TreeLine:
    prefix: str  # the tree's branches, e.g. "│  ├─ "
    cause: Cause
    depth: int

    def label(self) -> str:
        """What the line says after its branches: the kind, the text and the marks."""
        cause = self.cause
        if cause.kind is CauseKind.PROBLEM:
            kind = "PROBLEM"
        elif cause.kind is CauseKind.CAUSE:
            kind = f"{cause.category.label if cause.category else 'Cause'}:"
        else:
            kind = f"why {self.depth}"
        return f"{kind} {cause.short}"


def why_tree(tree: CauseTree, *, all_records: bool = False) -> list[TreeLine]:
    """The 5 Whys chains as a tree: each problem, then its whys and the fishbone causes that start chains.

    A cause without whys under it is left out (it lives in the fishbone), unless ``all_records``.
    """
    children = tree.children_map()
    leads_to_why: set[str] = set()
    by_id = tree.by_id()
    for cause in tree.causes:
        if cause.kind is CauseKind.WHY:
            parent, steps = by_id.get(cause.parent_id or ""), 0
            while parent is not None and steps <= len(tree.causes):
                leads_to_why.add(parent.id)
                parent, steps = by_id.get(parent.parent_id or ""), steps + 1
    lines: list[TreeLine] = []

    def shown(cause: Cause) -> bool:
        return all_records or cause.kind is CauseKind.WHY or cause.id in leads_to_why

    def walk(cause: Cause, prefix: str, branch: str, depth: int, seen: set[str]) -> None:
        lines.append(TreeLine(prefix + branch, cause, depth))
        seen.add(cause.id)
        kids = [child for child in children.get(cause.id, []) if shown(child) and child.id not in seen]
        inner = prefix + ("   " if branch in ("└─ ", "") else "│  ")
        for position, child in enumerate(kids):
            last = position == len(kids) - 1
            child_depth = depth + 1 if child.kind is CauseKind.WHY else 0
            walk(child, inner if branch else prefix, "└─ " if last else "├─ ", child_depth, seen)

    seen: set[str] = set()
    for problem in tree.problems:
        walk(problem, "", "", 0, seen)
    return lines
