"""Reflections as Rich text: the history by session, by framework, and a readable per-day summary.

Shared by the reflection tab and ``facilitator reflections``. Every answer, name and assumption is user
text and goes into ``Text`` as data, never parsed as markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from rich.text import Text

from facilitator.domain.clock import local_time
from facilitator.domain.event import Event, EventKind
from facilitator.domain.reflection import Loop, Reflection, Scope, Status

Titles = Callable[[str | None], str | None]  # session id -> its title (None when unknown)

GROUPINGS = [("By session", "session"), ("By framework", "framework"), ("Per-day summary", "day")]


def _word(event: Event) -> str:
    return "Meeting" if event.kind is EventKind.ACTION_LEARNING else "Day"


def about(event: Event, reflection: Reflection, titles: Titles) -> str:
    """What a reflection is about, in words: "Day 2 - Root causes", "Day 1 reflection", ..."""
    if reflection.scope is Scope.EVENT:
        return "End-of-event review"
    day = f"{_word(event)} {reflection.day}" if reflection.day else ""
    if reflection.scope is Scope.DAY:
        return f"{day} reflection (with the debrief)"
    title = titles(reflection.session_id) or "a session"
    return f"{day} - {title}" if day else title


def owed_line(owed_sessions: list[str | None], owed_days: list[int], review_owed: bool) -> Text:
    """One line naming what is still owed (empty when nothing is)."""
    parts = [f"'{title or 'a session'}'" for title in owed_sessions]
    parts += [f"day {day}" for day in owed_days]
    if review_owed:
        parts.append("the end-of-event review")
    if not parts:
        return Text("")
    return Text("Reflection owed: " + ", ".join(parts) + "  (press r)")


def history(event: Event, reflections: list[Reflection], grouping: str, titles: Titles, *, searched: bool = False) -> Text:
    if not reflections:
        return Text(
            "No reflections match." if searched else "No reflections yet: press r to reflect now.",
            style="dim italic",
        )
    if grouping == "framework":
        return by_framework(event, reflections, titles)
    if grouping == "day":
        return per_day(event, reflections, titles)
    return by_session(event, reflections, titles)


def _entry(reflection: Reflection, heading: str) -> Text:
    when = local_time(reflection.created_at).strftime("%a %d %b %H:%M") if reflection.created_at else ""
    text = Text()
    text.append("  ")
    text.append(reflection.participant or "Group", style="bold")
    text.append(f"  {heading}  {when}", style="dim")
    if reflection.status is Status.SKIPPED:
        text.append("\n    Skipped: ", style="italic")
        text.append(reflection.skipped_reason)
        return text
    if reflection.loop is not Loop.NONE:
        text.append(f"  [{reflection.loop.value}-loop]", style="bold")
    for answer in reflection.answers:
        text.append("\n    ")
        text.append(answer.prompt, style="italic")
        text.append("\n      ")
        text.append(answer.answer.replace("\n", "\n      "))
    for assumption in reflection.assumptions:
        text.append("\n    Assumption: ", style="bold")
        text.append(assumption)
    for transfer in reflection.transfers:
        text.append("\n    Carry on: ", style="bold")
        text.append(transfer.text)
        text.append(f"  -> {transfer.owner}" + (f" ({transfer.where})" if transfer.where else ""))
    return text

def by_session(event: Event, reflections: list[Reflection], titles: Titles) -> Text:
    groups: dict[tuple, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        key = (reflection.scope is Scope.EVENT, reflection.day or 0, reflection.scope.value, reflection.session_id or "")
        groups[key].append(reflection)
    parts: list[Text] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] == "day")):
        items = groups[key]
        parts.append(Text(about(event, items[0], titles), style="bold underline"))
        parts.extend(_entry(r, r.framework_name) for r in items)
        parts.append(Text(""))
    return Text("\n").join(parts)

def by_framework(event: Event, reflections: list[Reflection], titles: Titles) -> Text:
    groups: dict[str, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        groups[reflection.framework_name].append(reflection)
    parts: list[Text] = []
    for name in sorted(groups):
        parts.append(Text(f"{name} ({len(groups[name])})", style="bold underline"))
        parts.extend(_entry(r, about(event, r, titles)) for r in groups[name])
        parts.append(Text(""))
    return Text("\n").join(parts)

def per_day(event: Event, reflections: list[Reflection], titles: Titles) -> Text:
    word = _word(event)
    days: dict[int, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        days[reflection.day or 0].append(reflection)
    parts: list[Text] = []
    for day in sorted(days, key=lambda d: (d == 0, d)):
        items = days[day]
        done = [r for r in items if r.status is Status.DONE]
        heading = f"{word} {day}, {event.day_date(day).strftime('%a %d %b')}" if day else "Whole event"
        parts.append(Text(heading, style="bold underline"))
        people = sorted({r.participant for r in done})
        single = sum(r.loop is Loop.SINGLE for r in done)
        double = sum(r.loop is Loop.DOUBLE for r in done)
        line = Text(f"  {len(done)} reflection{'' if len(done) == 1 else 's'} by {', '.join(people) or 'nobody yet'}; ")
        line.append(f"single-loop {single}, double-loop {double}")
        skipped = [r for r in items if r.status is Status.SKIPPED]
        if skipped:
            line.append(f"; {len(skipped)} skipped")
        parts.append(line)
        last_prompts: list[Text] = []
        for r in done:
            if r.answers:
                answer = r.answers[-1]
                last_prompts.append(Text.assemble("    - ", Text(answer.answer), (f"  ({r.participant})", "dim")))
        if last_prompts:
            parts.append(Text("  What we take forward:", style="bold"))
            parts.extend(last_prompts)
        assumptions = [a for r in done for a in r.assumptions]
        if assumptions:
            parts.append(Text("  Assumptions that surfaced:", style="bold"))
            parts.extend(Text.assemble("    - ", Text(a)) for a in assumptions)
        transfers = [t for r in done for t in r.transfers]
        if transfers:
            parts.append(Text("  Learning carried on:", style="bold"))
            parts.extend(Text.assemble("    - ", Text(t.text), f" -> {t.owner}") for t in transfers)
        parts.append(Text(""))
    return Text("\n").join(parts)
