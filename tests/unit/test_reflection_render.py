"""The reflection history reads as question, then answer; a long answer wraps under itself, not at column 0."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from facilitator.domain.event import Event, EventKind
from facilitator.domain.reflection import ReflectionForm, Scope, Target
from facilitator.render.reflections import history

EVENT = Event(id="e1", title="Set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 4), days=3)
LONG = "We held back from solutions for the whole first hour, which none of us thought we could do at all."


def _shown(grouping: str) -> list[str]:
    reflection = ReflectionForm(
        participant="Anja", answers=(("What did we do best as a group?", LONG), ("What did we learn?", "To wait.")),
    ).to_reflection("e1", Target(Scope.SESSION, session_id="s1", day=1), "action-learning", "AL end of session")
    console = Console(width=60, record=True, file=io.StringIO(), color_system=None)
    console.print(history(EVENT, [reflection], grouping, lambda _id: "Reflection: what do we take back"))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_each_answer_follows_its_question_and_wraps_indented():
    lines = _shown("session")
    assert lines[0] == "Meeting 1, session: Reflection: what do we take back"
    question = lines.index("    What did we do best as a group?")
    answer = lines[question + 1 : lines.index("    What did we learn?")]
    assert len(answer) > 1 and all(line.startswith("      ") and line[6] != " " for line in answer)
    assert " ".join(line.strip() for line in answer) == LONG
    assert lines[lines.index("    What did we learn?") + 1] == "      To wait."


def test_the_per_day_summary_shows_the_question_with_what_is_taken_forward():
    lines = _shown("day")
    start = next(i for i, line in enumerate(lines) if line.startswith("    - "))
    assert lines[start] == "    - What did we learn? To wait.  (Anja)"
