"""One line under an item's view: who was at the highlighted session and the files attached to it (or, in
the follow-up area, to each target). Hidden while there is nothing to say, so it costs no room."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitator.domain.display import visible
from facilitator.domain.evidence import Evidence


def files_text(items: list[Evidence]) -> str:
    """``2 files: before.png, 797 B, 25 Nov 11:05; after.png, 358 B, 27 Nov 10:40``."""
    if not items:
        return ""
    word = "file" if len(items) == 1 else "files"
    return f"{len(items)} {word}: " + "; ".join(item.line() for item in items)


class ItemEvidence(Static):
    DEFAULT_CSS = """
    ItemEvidence { height: 1; padding: 0 1; color: $text-muted; }
    """

    def show(self, *parts: str) -> None:
        text = "  |  ".join(part for part in parts if part)
        self.update(Text(visible(text), no_wrap=True, overflow="ellipsis"))  # one row, so the list keeps its room
        self.display = bool(text)


def target_parts(store, event) -> list[str]:
    """``Changeover time: 1 file: after.png, 358 B, 27 Nov 10:40`` for each target with files."""
    parts = []
    for target in event.targets:
        text = files_text(store.evidence.for_item("target", target.id))
        if text:
            parts.append(f"{target.metric}: {text}")
    return parts
