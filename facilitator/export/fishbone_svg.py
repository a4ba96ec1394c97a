"""The fishbone drawn as inline SVG for the HTML export: the spine, the head, six slanted bones, every
cause and sub-cause along its bone. No script, no fetch; every text escaped, long ones cut (the table
below the drawing holds them whole).
"""

from __future__ import annotations

from html import escape

from facilitator.domain.display import visible
from facilitator.export.document import BoneCause, Fishbone

WIDTH = 1200
LINE = 15  # px per cause line
CHARS = 30  # characters of a cause shown beside its bone


def _text(value: str, limit: int | None = None) -> str:
    flat = " ".join(visible(value).split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape(flat, quote=True)


def _label(cause: BoneCause) -> str:
    votes = f"●{cause.votes} " if cause.votes else ""
    marks = ("★" if "ROOT" in cause.marks else "") + ("✓" if "verified" in cause.marks else "")
    return votes + (marks + " " if marks else "") + cause.text


def draw(block: Fishbone) -> str:
    top, bottom = block.bones[:3], block.bones[3:]
    side = max([len(causes) for _, causes in block.bones] + [3]) * LINE + 40
    height = 2 * side + 40
    spine_y = side + 20
    spine_end = 900
    out = [
        f'<svg class="fishbone" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="Fishbone diagram: {_text(block.problem, 200)}">',
        '<g fill="none" stroke="#333" stroke-width="2">',
        f'<line x1="20" y1="{spine_y}" x2="{spine_end}" y2="{spine_y}"/>',
        f'<polygon points="{spine_end},{spine_y - 8} {spine_end + 14},{spine_y} {spine_end},{spine_y + 8}" fill="#333"/>',
        f'<rect x="{spine_end + 20}" y="{spine_y - 60}" width="{WIDTH - spine_end - 24}" height="120" rx="6" fill="#fff3cd"/>',
        "</g>",
    ]
    out.append(_head(block.problem, spine_end + 28, spine_y - 42))
    for index, (label, causes) in enumerate(top):
        out.extend(_bone(label, causes, 220 + index * 250, spine_y, side, up=True))
    for index, (label, causes) in enumerate(bottom):
        out.extend(_bone(label, causes, 220 + index * 250, spine_y, side, up=False))
    out.append("</svg>")
    return "\n".join(out)


def _head(problem: str, x: int, y: int) -> str:
    words, lines = " ".join(visible(problem).split()).split(" "), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > 30:
            if len(lines) == 6:
                lines[-1] = lines[-1][:29] + "…"
                break
            lines.append("")
        lines[-1] = (lines[-1] + " " + word).strip()
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if number == 0 else 16}">{escape(line[:32], quote=True)}</tspan>'
        for number, line in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" font-size="13" font-weight="bold" fill="#1b1b1b">{spans}</text>'


def _bone(label: str, causes: tuple[BoneCause, ...], x: int, spine_y: int, side: int, *, up: bool) -> list[str]:
    """A slanted bone from its outer end (x, top or bottom) to the spine, causes stacked along it."""
    outer_y = spine_y - side + 10 if up else spine_y + side - 10
    join_x = x + 160
    out = [
        f'<line x1="{x}" y1="{outer_y}" x2="{join_x}" y2="{spine_y}" stroke="#555" stroke-width="2"/>',
        f'<text x="{x}" y="{outer_y + (-6 if up else 16)}" font-size="14" font-weight="bold" fill="#0b3d91">'
        f"{_text(label.upper())} ({sum(1 for c in causes if c.depth == 0)})</text>",
    ]
    for position, cause in enumerate(causes):
        # Evenly along the bone, from its outer end toward the spine.
        step = (position + 1) / (len(causes) + 1)
        y = outer_y + (spine_y - outer_y) * step
        bone_x = x + (join_x - x) * step
        indent = 14 * cause.depth
        weight = ' font-weight="bold"' if cause.marks else ""
        colour = "#1e6b2e" if "ROOT" in cause.marks else "#1b1b1b"
        out.append(f'<line x1="{bone_x - 6:.0f}" y1="{y:.0f}" x2="{bone_x:.0f}" y2="{y:.0f}" stroke="#999"/>')
        out.append(
            f'<text x="{bone_x - 8 + indent:.0f}" y="{y + 4:.0f}" font-size="{11 if cause.depth else 12}" '
            f'text-anchor="end" fill="{colour}"{weight}><title>{_text(cause.text)}</title>'
            f"{_text(('↳ ' if cause.depth else '') + _label(cause), CHARS)}</text>"
        )
    return out
