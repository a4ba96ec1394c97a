"""The method mirror in every export: a report section (Markdown, HTML), a CSV file and derived JSON data.

Derived means computed from the exported records on the way out: the JSON importer ignores it, so a
file still merges back unchanged, and a re-export computes the same mirror again.
"""

from __future__ import annotations

from facilitator.domain.mirror import Column, Mirror
from facilitator.export.csv_format import table_csv
from facilitator.export.document import Bullets, Heading, Para, Section, Table

CSV_NAME = "profile.csv"


def section(mirror: Mirror) -> Section:
    part = Section("Method mirror: Action Learning, Kaizen event or task force?")
    part.add(Para(mirror.summary))
    part.add(
        Table(
            ("Element", "This event", "Closest", "Reading"),
            tuple((row.element.label, row.measured, row.closest.label, row.reading) for row in mirror.rows),
        )
    )
    part.add(Heading("What each column expects"))
    part.add(
        Table(
            ("Element", *(column.label for column in Column)),
            tuple((row.element.label, *(row.expectations[column] for column in Column)) for row in mirror.rows),
        )
    )
    changes = mirror.changes()
    if changes:
        part.add(Heading(f"What would make it read as {mirror.own.label}"))
        part.add(Bullets(changes))
    return part


def csv_text(mirror: Mirror) -> str:
    return table_csv(
        ["element", "measured", "closest", "reading", *(column.value for column in Column), "to_change"],
        [
            [row.element.value, row.measured, row.closest.value, row.reading,
             *(row.expectations[column] for column in Column), row.advice]
            for row in mirror.rows
        ]
        + [["overall", mirror.summary, mirror.closest.value, "", "", "", "", ""]],
    )
