"""Demo attendance and evidence: who came to the blitz's first three days (an OEM service engineer
joins on day 2) and to the set's past meetings, and two photos of the press line (drawn here, as PNGs).

The pictures are generated with zlib and struct, so the demo needs no image library and no file on disk.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable
from datetime import datetime, time, timedelta

from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID, BLITZ_TEAM, action_learning_set, demo_id
from facilitator.domain.attendance import Attendee, Role, team_names
from facilitator.domain.clock import local_time
from facilitator.domain.evidence import Evidence, ItemKind
from facilitator.storage.store import Store

Pixel = tuple[int, int, int]

# Sessions per day that ran (the demo agenda's positions), breaks left out: nobody takes attendance at lunch.
_BLITZ_RUN = {1: (0, 1, 2, 4, 6, 7, 8), 2: (0, 1, 2, 4, 6, 7, 8), 3: (0,)}  # day 3: today, the stand-up
_BLITZ_ABSENT = {(1, 8): {"Marek Kowalski"}, (2, 6): {"Grace Osei"}}
_BLITZ_ROLES = {1: ("Tom Becker", "Dana Whitfield"), 2: ("Grace Osei", "Luis Ortega"), 3: ("Priya Nair", "Tom Becker")}
GUEST = "Ravi Shah"  # the press maker's service engineer, in for the root-cause day
_GUEST_SESSIONS = {(2, 1), (2, 2), (2, 4)}


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """A truecolour PNG of ``pixel(x, y)``: signature, IHDR, one IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(value for x in range(width) for value in pixel(x, y)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def before_photo() -> bytes:
    """The staging area before: a grey floor, a die cart parked across the aisle, bolts scattered."""

    def pixel(x: int, y: int) -> Pixel:
        if 40 <= x < 120 and 50 <= y < 90:
            return (180, 60, 40)  # the die cart, in the way
        if (x * 7 + y * 13) % 53 == 0:
            return (230, 200, 40)  # loose bolts
        if y > 100 and (x // 8) % 2 == 0:
            return (240, 240, 60)  # the faded aisle marking
        return (110, 110, 115)

    return png(160, 120, pixel)


def after_photo() -> bytes:
    """The press side after: a shadow board with every clamp and bolt kit in its outline."""

    def pixel(x: int, y: int) -> Pixel:
        if 10 <= x < 150 and 10 <= y < 110:
            slot = (x - 10) // 35, (y - 10) // 25
            inner = 6 <= (x - 10) % 35 < 29 and 6 <= (y - 10) % 25 < 19
            if inner:
                return (40, 140, 70) if (slot[0] + slot[1]) % 2 == 0 else (30, 90, 160)
            return (250, 250, 245)  # the board
        return (110, 110, 115)

    return png(160, 120, pixel)


def _blitz_people(day: int, position: int) -> list[Attendee]:
    absent = _BLITZ_ABSENT.get((day, position), set())
    timekeeper, scribe = _BLITZ_ROLES[day]
    people = []
    for name in team_names(BLITZ_TEAM):
        role = Role.TIMEKEEPER if name == timekeeper else Role.SCRIBE if name == scribe else Role.NONE
        people.append(Attendee(name, name not in absent, role if name not in absent else Role.NONE, marked=True))
    if (day, position) in _GUEST_SESSIONS:
        people.append(Attendee(GUEST, True, Role.NONE, guest=True, marked=True))
    return people


def _set_people(team: tuple[str, ...], meeting: int) -> list[Attendee]:
    """The same five each week (Jonas missed meeting 3), the presenter and the timekeeper taking turns."""
    presenter, timekeeper = team[(meeting - 1) % len(team)], team[meeting % len(team)]
    people = []
    for name in team:
        present = not (meeting == 3 and name == "Jonas Berg")
        role = Role.PRESENTER if name == presenter else Role.TIMEKEEPER if name == timekeeper else Role.NONE
        people.append(Attendee(name, present, role if present else Role.NONE, marked=True))
    return people


def seed(store: Store, today) -> None:
    for day, positions in _BLITZ_RUN.items():
        for position in positions:
            store.attendance.save(BLITZ_ID, demo_id(f"session:blitz:{day}:{position}"), _blitz_people(day, position))
    team = team_names(action_learning_set(today))
    for meeting in range(1, 5):  # the meetings held so far; the whole set is at the presentation
        store.attendance.save(ACTION_LEARNING_ID, demo_id(f"session:set:{meeting}:1"), _set_people(team, meeting))
    tz = local_time(store.clock.now()).tzinfo
    photos = (
        ("evidence:before", "staging-area-before.png", before_photo(), ItemKind.SESSION, demo_id("session:blitz:1:4"),
         "Die cart parked across the aisle during the gemba; bolts loose on the floor", 1, time(11, 5)),
        ("evidence:after", "shadow-board-after.png", after_photo(), ItemKind.TARGET, demo_id("target:changeover"),
         "Shadow board the tool room mounted overnight: clamps and bolt kits in place before a changeover", 3, time(7, 50)),
    )
    for name, file_name, data, kind, item_id, caption, day, at in photos:
        sha = _keep(store, data)
        when = datetime.combine(today - timedelta(days=3 - day), at, tzinfo=tz)
        store.evidence.add(Evidence(
            event_id=BLITZ_ID, item_kind=kind, item_id=item_id, sha256=sha, original_name=file_name,
            size=len(data), media_type="image/png", attached_at=when, caption=caption, id=demo_id(name),
        ))


def _keep(store: Store, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    store.evidence.store_bytes(sha, data)
    return sha
