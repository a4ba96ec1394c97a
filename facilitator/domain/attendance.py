"""Who was there: attendance and roles per session (a blitz) or meeting (an Action Learning set).

A session's roster is the charter's team, in charter order, plus the guests typed in for it. Each person
is present or absent and may hold a role. A blitz needs a timekeeper and a scribe; an Action Learning set
also has a presenter (the problem holder of the meeting) and a set adviser. One person holds each role in
a session, except presenters (several problems may be presented in one meeting).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from facilitator.domain.errors import ValidationError
from facilitator.domain.event import Event, EventKind
from facilitator.domain.followup import person_name
from facilitator.domain.text import clean_text

_NAMESPACE = uuid.UUID("0b6a2f41-7d1e-4c8a-9f3e-5a7c2d9e1b64")
GUESTS_MAX = 30


class Role(StrEnum):
    NONE = ""
    TIMEKEEPER = "timekeeper"
    SCRIBE = "scribe"
    PRESENTER = "presenter"
    SET_ADVISER = "set_adviser"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# The order the role key cycles through, per kind of event.
ROLE_CYCLE: dict[EventKind, tuple[Role, ...]] = {
    EventKind.KAIZEN: (Role.NONE, Role.TIMEKEEPER, Role.SCRIBE),
    EventKind.ACTION_LEARNING: (Role.NONE, Role.PRESENTER, Role.SET_ADVISER, Role.TIMEKEEPER, Role.SCRIBE),
}
SHARED_ROLES = frozenset({Role.PRESENTER, Role.NONE})


def attendance_id(session_id: str, person: str) -> str:
    """One row per person per session, with the same id on every laptop, so merged marks meet, not double."""
    return str(uuid.uuid5(_NAMESPACE, f"{session_id}\n{person.casefold()}"))


@dataclass(frozen=True)
class Attendee:
    person: str
    present: bool = False
    role: Role = Role.NONE
    guest: bool = False
    marked: bool = False  # a row exists for this person and session (else: the charter's default, absent)

    @property
    def line(self) -> str:
        role = f", {self.role.label}" if self.role else ""
        guest = " (guest)" if self.guest else ""
        return f"{self.person}{guest}{role}"


def team_names(event: Event | Sequence[str]) -> tuple[str, ...]:
    """The charter's team as names: ``Luis Ortega (die setter)`` -> ``Luis Ortega``, each once."""
    names = (person_name(entry) for entry in (event.team if isinstance(event, Event) else event))
    return tuple(dict.fromkeys(name for name in names if name))


def roster(team: Sequence[str], marked: Iterable[Attendee]) -> list[Attendee]:
    """The team (names, in charter order; marked or not), then everyone else marked: guests, and people
    since taken off the charter, whose marks are kept."""
    by_key = {attendee.person.casefold(): attendee for attendee in marked}
    people = [replace(by_key.pop(name.casefold(), Attendee(name)), guest=False) for name in team]
    return people + list(by_key.values())


def next_role(kind: EventKind, role: Role, taken: Iterable[Role] = ()) -> Role:
    """The role after ``role`` for this kind, skipping one-holder roles someone else already holds, so
    cycling one person's role never takes another's in passing."""
    cycle = ROLE_CYCLE[kind]
    held = {other for other in taken if other not in SHARED_ROLES}
    start = cycle.index(role) if role in cycle else -1
    for step in range(1, len(cycle) + 1):
        candidate = cycle[(start + step) % len(cycle)]
        if candidate not in held:
            return candidate
    return Role.NONE


def roles_taken(people: Sequence[Attendee], index: int) -> set[Role]:
    """The roles held by everyone but person ``index``."""
    return {attendee.role for position, attendee in enumerate(people) if position != index and attendee.present}


def with_role(people: Sequence[Attendee], index: int, role: Role) -> list[Attendee]:
    """``people`` with person ``index`` in ``role``; a one-holder role moves, so nobody else keeps it.

    Someone given a role is there: a timekeeper who is absent is a mistake no one means.
    """
    out = []
    for position, attendee in enumerate(people):
        if position == index:
            out.append(replace(attendee, role=role, present=attendee.present or role is not Role.NONE, marked=True))
        elif role not in SHARED_ROLES and attendee.role is role:
            out.append(replace(attendee, role=Role.NONE, marked=True))
        else:
            out.append(attendee)
    return out


def toggled(people: Sequence[Attendee], index: int) -> list[Attendee]:
    """Present <-> absent; someone marked absent gives up their role."""
    out = list(people)
    attendee = out[index]
    present = not attendee.present
    out[index] = replace(attendee, present=present, role=attendee.role if present else Role.NONE, marked=True)
    return out


def clean_guest(name: str, people: Sequence[Attendee]) -> str:
    """A guest's name, checked: required, short, not someone already on the list."""
    name = clean_text(name, field="guest", label="A guest's name", required=True, max_length=80)
    if any(attendee.person.casefold() == name.casefold() for attendee in people):
        raise ValidationError({"guest": f"{name} is already on the list."})
    if sum(1 for attendee in people if attendee.guest) >= GUESTS_MAX:
        raise ValidationError({"guest": f"At most {GUESTS_MAX} guests in one session."})
    return name


def summary(people: Sequence[Attendee]) -> str:
    """``5 of 6 present: timekeeper Dana Whitfield, scribe Tom Becker; guest Ravi Shah; absent Marek Kowalski``.

    Empty when nobody was marked: "not taken" is not the same as "nobody came".
    """
    if not any(attendee.marked for attendee in people):
        return ""
    team = [attendee for attendee in people if not attendee.guest]
    here = [attendee for attendee in team if attendee.present]
    text = f"{len(here)} of {len(team)} present" if team else "no team in the charter"
    roles = [f"{attendee.role.label} {attendee.person}" for attendee in people if attendee.present and attendee.role]
    guests = [attendee.person for attendee in people if attendee.guest and attendee.present]
    absent = [attendee.person for attendee in team if not attendee.present]
    parts = [", ".join(roles)] if roles else []
    if guests:
        parts.append(("guest " if len(guests) == 1 else "guests ") + ", ".join(guests))
    if absent:
        parts.append("absent " + ", ".join(absent))
    return text + (": " + "; ".join(parts) if parts else "")


def headcount(people: Sequence[Attendee]) -> str:
    """``2 of 3 here, 1 guest``: the short form, for a line beside other things; empty before it was taken."""
    if not any(attendee.marked for attendee in people):
        return ""
    team = [attendee for attendee in people if not attendee.guest]
    guests = sum(1 for attendee in people if attendee.guest and attendee.present)
    text = f"{sum(1 for attendee in team if attendee.present)} of {len(team)} here"
    return text + (f", {guests} guest{'s' if guests != 1 else ''}" if guests else "")


def continuity(days: dict[int, set[str]], team: Sequence[str]) -> float | None:
    """How steadily the same people came: each team member's share of the marked days (or meetings)
    they were at, averaged over the team. None with fewer than two marked days, or no team.

    ``days``: day -> the names present on that day (in any of its sessions).
    """
    marked = [present for present in days.values() if present]
    if len(marked) < 2 or not team:
        return None
    keys = [{name.casefold() for name in present} for present in marked]
    shares = [sum(1 for present in keys if name.casefold() in present) / len(keys) for name in team]
    return sum(shares) / len(shares)


def day_lines(sessions: Sequence[tuple[str, Sequence[Attendee]]]) -> list[str]:
    """A day's attendance for the report-out, from (session title, its checklist) for each session taken.

    ``6 of 6 of the team came (7 sessions taken)``, the roles held, the guests and who missed what.
    """
    taken = [(title, people) for title, people in sessions if any(a.marked for a in people)]
    if not taken:
        return []
    team: dict[str, str] = {}
    for _, people in taken:
        team.update((a.person.casefold(), a.person) for a in people if not a.guest)
    came = {a.person.casefold() for _, people in taken for a in people if a.present and not a.guest}
    count = f"{len(taken)} session{'s' if len(taken) != 1 else ''} taken"
    lines = [f"{len(came & set(team))} of {len(team)} of the team came ({count})"]
    roles: dict[str, list[str]] = {}
    for _, people in taken:
        for a in people:
            if a.present and a.role and a.person not in roles.setdefault(a.role.label, []):
                roles[a.role.label].append(a.person)
    if roles:
        held = "; ".join(f"{role} {', '.join(names)}" for role, names in roles.items() if names)
        lines.append(held[:1].upper() + held[1:])
    guests: dict[str, list[str]] = {}
    missed: dict[str, list[str]] = {}
    for title, people in taken:
        for a in people:
            if a.guest and a.present:
                guests.setdefault(a.person, []).append(title)
            elif not a.guest and not a.present:
                missed.setdefault(a.person, []).append(title)
    lines += [f"Guest: {name} ({', '.join(titles)})" for name, titles in guests.items()]
    lines += [f"Missed: {name} ({', '.join(titles)})" for name, titles in missed.items()]
    return lines
