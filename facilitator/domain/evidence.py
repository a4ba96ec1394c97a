"""Evidence: a photo or a file (before and after, a standard-work sheet) attached to one item of an event.

The file itself is kept once, under its SHA-256, in the ``evidence/`` folder beside the database; a row
says which item it belongs to, what it was called and when it was attached. The same photo attached
twice is one file and two rows.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from facilitator.domain.event import new_id
from facilitator.domain.text import clean_text

# Bigger than any phone photo or scanned sheet; a video or a disk image is refused rather than copied.
MAX_BYTES = 50 * 1024 * 1024
SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ItemKind(StrEnum):
    SESSION = "session"
    CAUSE = "cause"
    COUNTERMEASURE = "countermeasure"
    TARGET = "target"

    @property
    def table(self) -> str:
        """The table holding such items (causes and countermeasures come with their own areas)."""
        return {"session": "sessions", "cause": "causes", "countermeasure": "countermeasures", "target": "targets"}[self.value]


@dataclass(frozen=True)
class Evidence:
    event_id: str
    item_kind: ItemKind
    item_id: str
    sha256: str
    original_name: str
    size: int
    media_type: str
    attached_at: datetime
    caption: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    def line(self) -> str:
        """``before.png, 12.3 KB, 27 Nov 10:42 - the die cart waiting`` (the time in local time)."""
        when = self.attached_at.astimezone().strftime("%d %b %H:%M")
        caption = f" - {self.caption}" if self.caption else ""
        return f"{self.original_name}, {human_size(self.size)}, {when}{caption}"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size_in = size / 1024
        if size_in < 1024 or unit == "GB":
            return f"{size_in:.1f} {unit}"
        size = size_in
    raise AssertionError("unreachable")


def media_type(name: str) -> str:
    """From the file name, as a browser would; unknown kinds are plain bytes."""
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def clean_caption(text: str) -> str:
    return clean_text(text, field="caption", label="The caption")


def clean_name(name: str) -> str:
    """The original file name as shown: control characters and over-long names are not stored."""
    kept = "".join(char if char.isprintable() else "?" for char in name)[:200]
    return kept or "file"
