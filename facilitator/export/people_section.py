"""Who was there and the evidence, as report sections for the Markdown and HTML exports.

Both are read from the exported records, so a re-export after an import reads the same; only the
pictures' bytes come from the evidence folder, through ``read_file``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from facilitator.domain.attendance import Attendee, Role, roster, summary, team_names
from facilitator.domain.clock import local_time
from facilitator.domain.evidence import human_size
from facilitator.export.document import Figure, Heading, Para, Section, Table
from facilitator.export.records import EventRecords, Row
from facilitator.export.timeline import moment


def attendees(rows: list[Row]) -> list[Attendee]:
    return [
        Attendee(row["person"], bool(row["present"]), Role(row["role"] or ""), bool(row["guest"]), marked=True)
        for row in sorted(rows, key=lambda row: row.get("position") or 0)
    ]


def _team(records: EventRecords) -> tuple[str, ...]:
    try:
        lines = json.loads(records.event.get("team") or "[]")
    except ValueError:
        lines = []
    return team_names([str(line) for line in lines] if isinstance(lines, list) else [])


def attendance_section(records: EventRecords) -> Section | None:
    """One row per session whose attendance was taken; None when it never was."""
    if not records.rows("attendance"):
        return None
    marked = records.grouped("attendance", "session_id")
    team = _team(records)
    section = Section("Who was there")
    word = "Day" if records.event["kind"] == "kaizen" else "Meeting"
    rows = []
    for session in records.rows("sessions"):
        if session["id"] in marked:
            people = roster(team, attendees(marked[session["id"]]))
            rows.append((f"{word} {session['day']}", str(session["title"]), summary(people) or "not taken"))
    section.add(Table(("When", "Session", "Who was there"), tuple(rows)))
    if team:
        section.add(Para(f"The team in the charter: {', '.join(team)}.", muted=True))
    return section


def _item_label(records: EventRecords, row: Row) -> str:
    kind, item_id = row["item_kind"], row["item_id"]
    table = {"session": "sessions", "target": "targets", "cause": "causes", "countermeasure": "countermeasures"}[kind]
    item = records.get(table, item_id)
    if item is None:
        return f"{kind} {item_id[:8]}"
    name = item.get("title") or item.get("metric") or item.get("text") or item.get("label") or item_id[:8]
    return f"{kind}: {name}"


def _when(text: object) -> str:
    at = moment(text)
    return local_time(at).strftime("%Y-%m-%d %H:%M") if at else str(text)


def evidence_section(records: EventRecords, read_file: Callable[[str], bytes | None]) -> Section | None:
    """The files, grouped by the item they belong to; pictures embedded (HTML) or named (Markdown)."""
    rows = records.rows("evidence")
    if not rows:
        return None
    section = Section("Evidence")
    section.add(
        Table(
            ("Attached to", "File", "Size", "Attached", "SHA-256"),
            tuple(
                (
                    _item_label(records, row), str(row["original_name"]), human_size(int(row["size"] or 0)),
                    _when(row.get("attached_at")), str(row["sha256"])[:12],
                )
                for row in rows
            ),
        )
    )
    pictures = [row for row in rows if str(row["media_type"]).startswith("image/")]
    if pictures:
        section.add(Heading("Photos"))
    for row in pictures:
        caption = f"{_item_label(records, row)} - {row['original_name']}"
        if row.get("caption"):
            caption += f": {row['caption']}"
        data = read_file(str(row["sha256"]))
        if data is None:
            caption += " (the file is not in this database's evidence folder)"
        section.add(Figure(caption, str(row["media_type"]), data))
    return section
