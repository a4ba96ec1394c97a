"""Measurements of the charter's targets, taken during the event (the target sheet's "actual")."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.measurement import Measurement
from facilitator.storage.errors import NotFound, saving


class MeasurementRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def add(self, measurement: Measurement) -> Measurement:
        with saving("the measurement"), self.db.atomic():
            if not list(
                self.db.query(
                    "select 1 from targets where id = ? and event_id = ?",
                    [measurement.target_id, measurement.event_id],
                )
            ):
                raise NotFound("That target is no longer in the charter; pick another one.")
            self.db["measurements"].insert(
                {
                    "id": measurement.id,
                    "event_id": measurement.event_id,
                    "target_id": measurement.target_id,
                    "value": measurement.value,
                    "measured_at": to_iso(measurement.measured_at),
                    "note": measurement.note,
                    "created_at": to_iso(self.clock.now()),
                }
            )
        return measurement

    def delete(self, measurement_id: str) -> None:
        with saving("the deletion"), self.db.atomic():
            self.db.execute("delete from measurements where id = ?", [measurement_id])

    def for_event(self, event_id: str) -> list[Measurement]:
        """Oldest first."""
        rows = self.db.query(
            "select * from measurements where event_id = ? order by measured_at, rowid", [event_id]
        )
        return [_measurement(row) for row in rows]

    def between(self, event_id: str, start: datetime, end: datetime) -> list[Measurement]:
        rows = self.db.query(
            "select * from measurements where event_id = ? and measured_at >= ? and measured_at < ? "
            "order by measured_at, rowid",
            [event_id, to_iso(start), to_iso(end)],
        )
        return [_measurement(row) for row in rows]


def _measurement(row: dict[str, Any]) -> Measurement:
    return Measurement(
        id=row["id"],
        event_id=row["event_id"],
        target_id=row["target_id"],
        value=row["value"],
        measured_at=from_iso(row["measured_at"]),
        note=row["note"] or "",
    )
