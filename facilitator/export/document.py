"""A tiny document model the Markdown and HTML report-outs both render, each escaping in its own way.

The templates (``templates/report.md``, ``templates/report.html``) pick how to draw a block by its
``kind``. A new section needs no template change: build a :class:`Section` from these blocks. A new kind
of block needs a dataclass here with its own ``kind`` and a branch in ``draw`` of templates/blocks.html
and templates/blocks.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class Para:
    kind: ClassVar[str] = "para"

    text: str
    muted: bool = False


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"

    items: tuple[str, ...]


@dataclass(frozen=True)
class Pairs:
    """Label: value lines, e.g. sponsor and facilitator."""

    kind: ClassVar[str] = "pairs"

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (a day of the agenda or of the timeline)."""

    kind: ClassVar[str] = "heading"

    text: str


@dataclass(frozen=True)
class Preformatted:
    """Lines whose layout is the point (a text diagram, a tree): kept as they are, in a fixed-width font."""

    kind: ClassVar[str] = "preformatted"

    lines: tuple[str, ...]


@dataclass(frozen=True)
class BoneCause:
    text: str
    votes: int
    marks: str  # "ROOT, verified (gemba)" or ""
    depth: int = 0  # 0 a cause on the bone, 1 a sub-cause, ...


@dataclass(frozen=True)
class Fishbone:
    """A fishbone: Markdown shows ``picture`` (the cockpit's text diagram); HTML draws it from ``bones``."""

    kind: ClassVar[str] = "fishbone"

    problem: str
    bones: tuple[tuple[str, tuple[BoneCause, ...]], ...]  # (bone label, its causes), in drawing order
    picture: tuple[str, ...]


# Only kinds every browser shows inline; anything else (an SVG could carry a script) is named, not embedded.
INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})


@dataclass(frozen=True)
class Figure:
    """An attached image: HTML embeds ``data`` (so the page opens offline); Markdown names the file."""

    caption: str
    media_type: str
    data: bytes | None  # None: the file is not here; the caption still says what it was
    kind: ClassVar[str] = "figure"


Block = Para | Bullets | Pairs | Table | Heading | Preformatted | Fishbone | Figure


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> None:
        self.blocks.append(block)


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
