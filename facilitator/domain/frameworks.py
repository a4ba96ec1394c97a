"""Reflection frameworks: named sets of prompts, built in or written by a facilitator as a TOML file.

The built-in question sets follow MISSION-NOTES.md. A user file is parsed here (text in, Framework out);
reading the folder is done by ``facilitator.reflection_files`` so this module does no I/O.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import EventKind
from facilitator.domain.text import clean_text

MAX_PROMPTS = 12


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    explanation: str
    prompts: tuple[str, ...]
    builtin: bool = True


BUILTIN_FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        key="aar",
        name="After-Action Review",
        explanation="Compare what was planned with what happened, and decide what to keep and what to change.",
        prompts=(
            "What was supposed to happen?",
            "What actually happened?",
            "Why was there a difference?",
            "What will we sustain, and what will we change next time?",
        ),
    ),
    Framework(
        key="what-so-what",
        name="What? / So what? / Now what?",
        explanation="Rolfe's three steps: describe it, make sense of it, then decide what to do.",
        prompts=(
            "What happened, and what was my part in it?",
            "So what? What does it mean; what do I now understand?",
            "Now what? What will I do, and what might follow from changing?",
        ),
    ),
    Framework(
        key="gibbs",
        name="Gibbs reflective cycle",
        explanation="Six steps from a plain description, through feelings and analysis, to an action plan.",
        prompts=(
            "Description: what happened?",
            "Feelings: what were we thinking and feeling?",
            "Evaluation: what was good and bad about it?",
            "Analysis: what sense can we make of it?",
            "Conclusion: what else could we have done?",
            "Action plan: if it came up again, what would we do?",
        ),
    ),
    Framework(
        key="kolb",
        name="Kolb learning cycle",
        explanation="Experience, reflect, rethink, try again: learning as a loop the group goes round.",
        prompts=(
            "What did we do?",
            "How do our observations compare with others'?",
            "Does this give us a new way of looking at it?",
            "What will we try next?",
        ),
    ),
    Framework(
        key="action-learning",
        name="Action Learning end of session",
        explanation="The set adviser's closing questions: how we worked, what we learned, what each takes back.",
        prompts=(
            "What did we do best as a group?",
            "What did we learn about solving problems?",
            "What can each of us take back to our own work (individual, team, organisation)?",
        ),
    ),
    Framework(
        key="double-loop",
        name="Double-loop (assumptions)",
        explanation="Argyris: question the beliefs and rules behind what we did, not just the actions.",
        prompts=(
            "What were we assuming?",
            "If that were not true, what would be different?",
            "What do we normally do here, and with what effect?",
            "Which of our rules or beliefs should change?",
        ),
    ),
)

BUILTIN_BY_KEY = {framework.key: framework for framework in BUILTIN_FRAMEWORKS}

WHERE_ELSE_PROMPT = "Where else does this apply? (who carries it, and to which team or site)"


def default_framework_key(kind: EventKind) -> str:
    """Action Learning closes every session with the set's questions; a blitz uses the After-Action Review."""
    return "action-learning" if kind is EventKind.ACTION_LEARNING else "aar"


def reversal_prompts(decision: str) -> tuple[str, ...]:
    """Double-loop prompts that quote a scope decision reversed during the session."""
    quoted = decision if len(decision) <= 160 else decision[:157] + "..."
    return (
        f'The decision "{quoted}" was reversed. Which assumption behind this decision did not hold?',
        "What would have told us sooner, and which rule or belief should change?",
    )


_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_ALLOWED_KEYS = {"key", "name", "explanation", "prompts"}


def key_from_filename(stem: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")[:40] or "custom"


def parse_framework(text: str, source: str) -> Framework:
    """A user framework from TOML text; any problem raises ValidationError naming the file.

    Format::

        name = "Start / Stop / Continue"
        explanation = "Three lists the team can act on tomorrow."
        prompts = ["What should we start?", "What should we stop?", "What should we keep?"]
        key = "start-stop-continue"   # optional; the file name otherwise
    """

    def problem(message: str) -> ValidationError:
        return ValidationError({"framework": f"{source}: {message}"})

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise problem(f"not valid TOML ({error})") from None
    unknown = set(data) - _ALLOWED_KEYS
    if unknown:
        raise problem(f"unknown keys {', '.join(sorted(unknown))} (allowed: key, name, explanation, prompts)")
    key = data.get("key", key_from_filename(source.rsplit("/", 1)[-1].removesuffix(".toml")))
    if not isinstance(key, str) or not _KEY.match(key):
        raise problem("'key' must be lower-case letters, digits and dashes (at most 40)")
    values: dict[str, str] = {}
    for name, label in (("name", "name"), ("explanation", "explanation")):
        value = data.get(name)
        if not isinstance(value, str):
            raise problem(f"needs a '{name}' written as text in quotes")
        try:
            values[name] = clean_text(value, field="framework", label=label, required=True)
        except ValidationError as error:
            raise problem(error.errors["framework"]) from None
    prompts = data.get("prompts")
    if not isinstance(prompts, list) or not prompts:
        raise problem("needs 'prompts', a list of questions in quotes")
    if len(prompts) > MAX_PROMPTS:
        raise problem(f"has {len(prompts)} prompts; at most {MAX_PROMPTS}")
    cleaned: list[str] = []
    for number, prompt in enumerate(prompts, start=1):
        if not isinstance(prompt, str):
            raise problem(f"prompt {number} is not text")
        try:
            cleaned.append(clean_text(prompt, field="framework", label=f"prompt {number}", required=True, max_length=300))
        except ValidationError as error:
            raise problem(error.errors["framework"]) from None
    if len(set(cleaned)) != len(cleaned):
        raise problem("two prompts are the same")
    return Framework(key=key, name=values["name"], explanation=values["explanation"], prompts=tuple(cleaned), builtin=False)
