"""The A3's two drawings as inline SVG: the fishbone summary and a target's sparkline.

Plain strings, every piece of user text escaped; no fonts, images or scripts fetched, so the page
prints the same offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from facilitator.domain.display import visible

CATEGORIES = ("man", "machine", "method", "material", "measurement", "environment")
_LABELS = {
    "man": "Man", "machine": "Machine", "method": "Method",
    "material": "Material", "measurement": "Measurement", "environment": "Environment",
}


def _text(value: object) -> str:
    return escape(visible(str(value)), quote=True)


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def fishbone(problem: str, bones: dict[str, list[tuple[str, bool, bool]]], *, per_bone: int = 3) -> str:
    """The spine to the problem, three bones above and three below, each with its top causes.

    ``bones`` maps a category to (text, verified, root) in rank order; the first ``per_bone`` are drawn.
    """
    width, height, spine_y, head_x = 640, 230, 115, 520
    out = [
        f'<svg class="fishbone" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Fishbone diagram">',
        f'<line x1="10" y1="{spine_y}" x2="{head_x}" y2="{spine_y}" stroke="#333" stroke-width="3"/>',
        f'<rect x="{head_x}" y="{spine_y - 42}" width="{width - head_x - 4}" height="84" rx="6" fill="#f3f3f3" stroke="#333"/>',
    ]
    for number, line in enumerate(_wrap(problem or "Problem", 17, 6)):
        out.append(f'<text x="{head_x + 6}" y="{spine_y - 28 + number * 13}" font-size="10" font-weight="bold">{_text(line)}</text>')
    for index, category in enumerate(CATEGORIES):
        top = index < 3
        x = 40 + (index % 3) * 160
        tip_y = 12 if top else height - 12
        out.append(f'<line x1="{x}" y1="{tip_y}" x2="{x + 60}" y2="{spine_y}" stroke="#555" stroke-width="1.5"/>')
        label_y = tip_y + (10 if top else -2)
        out.append(f'<text x="{x - 30}" y="{label_y}" font-size="11" font-weight="bold">{_LABELS[category]}</text>')
        causes = bones.get(category, [])
        # Each cause starts just right of its bone, at its own height, so no text crosses a line.
        rows = [(text, verified, root) for text, verified, root in causes[:per_bone]]
        hidden = len(causes) - per_bone
        lines = [("★ " if root else "") + ("✓ " if verified else "") + _clip(text, 28) for text, verified, root in rows]
        if hidden > 0:
            lines.append(f"+{hidden} more")
        if not causes:
            lines.append("-")
        for row, line in enumerate(lines):
            y = (tip_y + 28 + row * 22) if top else (tip_y - 26 - row * 22)
            along = (y - tip_y) / (spine_y - tip_y)
            muted = ' fill="#666"' if (hidden > 0 and row == len(lines) - 1) or not causes else ""
            out.append(f'<text x="{round(x + 60 * along + 5)}" y="{y}" font-size="9.5"{muted}>{_text(line)}</text>')
    out.append("</svg>")
    return "".join(out)


def _wrap(text: str, width: int, lines: int) -> list[str]:
    words, found, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            found.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        found.append(current)
    if len(found) > lines:
        found = found[: lines - 1] + [_clip(" ".join(found[lines - 1:]), width)]
    return [_clip(line, width + 4) for line in found]


def sparkline(values: Sequence[float], *, baseline: float, goal: float, width: int = 120, height: int = 26) -> str:
    """Measurements left to right, with the baseline (grey) and the goal (green, dashed) as lines."""
    points = [baseline, *values]
    low, high = min(*points, goal), max(*points, goal)
    span = (high - low) or 1.0

    def y(value: float) -> float:
        return round(height - 3 - (value - low) / span * (height - 6), 1)

    step = (width - 6) / max(1, len(points) - 1)
    path = " ".join(f"{round(3 + i * step, 1)},{y(v)}" for i, v in enumerate(points))
    last_x, last_y = round(3 + (len(points) - 1) * step, 1), y(points[-1])
    return (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-label="sparkline">'
        f'<line x1="0" y1="{y(baseline)}" x2="{width}" y2="{y(baseline)}" stroke="#aaa" stroke-width="0.8"/>'
        f'<line x1="0" y1="{y(goal)}" x2="{width}" y2="{y(goal)}" stroke="#2a7a2a" stroke-width="0.8" stroke-dasharray="3 2"/>'
        f'<polyline points="{path}" fill="none" stroke="#1f4e99" stroke-width="1.6"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2.2" fill="#1f4e99"/>'
        "</svg>"
    )
