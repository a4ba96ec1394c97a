"""The schema, created and upgraded by sqlite-utils Migrations when a database is opened.

Append new migrations at the end; never edit one that has shipped. Every record has a UUID text
primary key so records from several laptops can be merged; moments are ISO-8601 UTC text.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("facilitator")


@MIGRATIONS(name="0001_events")
def _events(db: Database) -> None:
    db["events"].create(
        {
            "id": str,
            "title": str,
            "kind": str,
            "start_date": str,
            "days": int,
            "problem": str,
            "area": str,
            "sponsor": str,
            "facilitator": str,
            "team": str,
            "in_bounds": str,
            "out_of_bounds": str,
            "status": str,
            "archived": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "kind", "start_date", "days", "status", "created_at", "updated_at"},
        defaults={"archived": 0, "status": "planned"},
    )
    db["events"].create_index(["start_date"])
    db["targets"].create(
        {
            "id": str,
            "event_id": str,
            "position": int,
            "metric": str,
            "unit": str,
            "baseline": float,
            "goal": float,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "metric", "baseline", "goal"},
    )
    db["targets"].create_index(["event_id", "position"])


@MIGRATIONS(name="0002_sessions")
def _sessions(db: Database) -> None:
    # The agenda: each day of an event is an ordered list of timeboxed sessions.
    db["sessions"].create(
        {
            "id": str,
            "event_id": str,
            "day": int,
            "position": int,
            "title": str,
            "kind": str,
            "planned_minutes": int,
            "fixed_start": str,  # "HH:MM" local time, or NULL
            "notes": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id")],
        not_null={"event_id", "day", "position", "title", "kind", "planned_minutes"},
    )
    db["sessions"].create_index(["event_id", "day", "position"])


def known_names() -> set[str]:
    return {migration.name for migration in MIGRATIONS._migrations}


def schema_version() -> int:
    """The number exported as ``schema`` in JSON files: how many migrations this build knows."""
    return len(MIGRATIONS._migrations)
