"""An Action Learning set's export leads with what the set learned, before the charter and the agenda."""

from __future__ import annotations

from facilitator.export.document import Bullets, Heading, Para, Section
from facilitator.report.learning import SetLearning, learning_sections


def section(learning: SetLearning) -> Section:
    part = Section("What the set learned")
    for title, lines, empty in learning_sections(learning):
        part.add(Heading(title))
        part.add(Bullets(lines) if lines else Para(empty, muted=True))
    return part
