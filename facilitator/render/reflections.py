"""Reflections as Rich text: the history by session, by framework, and a readable per-day summary.

Shared by the reflection tab and ``facilitator reflections``. Every answer, name and assumption is user
text and goes into ``Text`` as data, never parsed as markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from facilitator.domain.clock import local_time
from facilitator.domain.display import shown
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
    # "session:" says this is the session's name: a title like "Reflection: what did we learn" otherwise reads
    # as a question the reflection answered.
    return f"{day}, session: {title}" if day else f"Session: {title}"


def owed_line(owed_sessions: list[str | None], owed_days: list[int], review_owed: bool) -> Text:
    """One line naming what is still owed (empty when nothing is)."""
    parts = [f"'{title or 'a session'}'" for title in owed_sessions]
    parts += [f"day {day}" for day in owed_days]
    if review_owed:
        parts.append("the end-of-event review")
    if not parts:
        return Text("")
    return Text("Reflection owed: " + ", ".join(parts) + "  (press r)")


def history(
    event: Event, reflections: list[Reflection], grouping: str, titles: Titles, *, searched: bool = False
) -> RenderableType:
    # Text typed elsewhere (sqlite3, an import) never reaches the terminal raw.
    event, reflections = shown(event), shown(reflections)
    titles = (lambda session_id, named=titles: shown(named(session_id)))
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


def _indented(text: Text, indent: int, marker: str = "") -> RenderableType:
    """``text`` with every wrapped line starting at ``indent`` (a hanging ``marker`` such as "- " before it),
    so a long answer reads as one block under its question instead of running back to column 0."""
    if not marker:
        return Padding(text, (0, 0, 0, indent))
    grid = Table.grid()
    grid.add_column(width=indent + len(marker), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(" " * indent + marker), text)
    return grid


def _entry(reflection: Reflection, heading: str) -> list[RenderableType]:
    when = local_time(reflection.created_at).strftime("%a %d %b %H:%M") if reflection.created_at else ""
    line = Text()
    line.append(reflection.participant or "Group", style="bold")
    line.append(f"  {heading}  {when}", style="dim")
    if reflection.loop is not Loop.NONE and reflection.status is not Status.SKIPPED:
        line.append(f"  [{reflection.loop.value}-loop]", style="bold")
    parts: list[RenderableType] = [_indented(line, 2)]
    if reflection.status is Status.SKIPPED:
        parts.append(_indented(Text.assemble(("Skipped: ", "italic"), reflection.skipped_reason), 4))
        return parts
    for answer in reflection.answers:
        # The question first (in italics), then the answer under it: never an answer without its question.
        parts.append(_indented(Text(answer.prompt or "(no question)", style="italic"), 4))
        parts.append(_indented(Text(answer.answer), 6))
    for assumption in reflection.assumptions:
        parts.append(_indented(Text.assemble(("Assumption: ", "bold"), assumption), 4))
    for transfer in reflection.transfers:
        where = f" ({transfer.where})" if transfer.where else ""
        parts.append(_indented(Text.assemble(("Carry on: ", "bold"), transfer.text, f"  -> {transfer.owner}{where}"), 4))
    return parts


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def by_session(event: Event, reflections: list[Reflection], titles: Titles) -> RenderableType:
    groups: dict[tuple, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        key = (reflection.scope is Scope.EVENT, reflection.day or 0, reflection.scope.value, reflection.session_id or "")
        groups[key].append(reflection)
    parts: list[RenderableType] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] == "day")):
        items = groups[key]
        parts.append(_heading(about(event, items[0], titles)))
        for r in items:
            parts.extend(_entry(r, r.framework_name))
        parts.append(Text(""))
    return Group(*parts)


def by_framework(event: Event, reflections: list[Reflection], titles: Titles) -> RenderableType:
    groups: dict[str, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        groups[reflection.framework_name].append(reflection)
    parts: list[RenderableType] = []
    for name in sorted(groups):
        parts.append(_heading(f"{name} ({len(groups[name])})"))
        for r in groups[name]:
            parts.extend(_entry(r, about(event, r, titles)))
        parts.append(Text(""))
    return Group(*parts)


def per_day(event: Event, reflections: list[Reflection], titles: Titles) -> RenderableType:
    word = _word(event)
    days: dict[int, list[Reflection]] = defaultdict(list)
    for reflection in reflections:
        days[reflection.day or 0].append(reflection)
    parts: list[RenderableType] = []
    for day in sorted(days, key=lambda d: (d == 0, d)):
        items = days[day]
        done = [r for r in items if r.status is Status.DONE]
        heading = f"{word} {day}, {event.day_date(day).strftime('%a %d %b')}" if day else "Whole event"
        parts.append(_heading(heading))
        people = sorted({r.participant for r in done})
        single = sum(r.loop is Loop.SINGLE for r in done)
        double = sum(r.loop is Loop.DOUBLE for r in done)
        line = Text(f"{len(done)} reflection{'' if len(done) == 1 else 's'} by {', '.join(people) or 'nobody yet'}; ")
        line.append(f"single-loop {single}, double-loop {double}")
        skipped = [r for r in items if r.status is Status.SKIPPED]
        if skipped:
            line.append(f"; {len(skipped)} skipped")
        parts.append(_indented(line, 2))
        taken = [r for r in done if r.answers]
        if taken:
            parts.append(_indented(Text("What we take forward:", style="bold"), 2))
            for r in taken:
                answer = r.answers[-1]
                said = Text.assemble((answer.prompt, "italic"), " ", answer.answer, (f"  ({r.participant})", "dim"))
                parts.append(_indented(said, 4, "- "))
        assumptions = [a for r in done for a in r.assumptions]
        if assumptions:
            parts.append(_indented(Text("Assumptions that surfaced:", style="bold"), 2))
            parts.extend(_indented(Text(a), 4, "- ") for a in assumptions)
        transfers = [t for r in done for t in r.transfers]
        if transfers:
            parts.append(_indented(Text("Learning carried on:", style="bold"), 2))
            parts.extend(_indented(Text.assemble(t.text, f" -> {t.owner}"), 4, "- ") for t in transfers)
        parts.append(Text(""))
    return Group(*parts)
