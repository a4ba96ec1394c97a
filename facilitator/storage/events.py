"""Events and their targets: the charter, stored in the events and targets tables."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from facilitator.domain.clock import Clock, from_iso, to_iso
from facilitator.domain.event import Area, Event, EventKind, EventStatus, Target
from facilitator.storage.errors import NotFound, Unreadable, saving

if TYPE_CHECKING:
    from sqlite_utils import Database

    from facilitator.storage.store import Store


class EventRepository:
    """Reads go to the connection itself; writes through sqlite-utils.

    Given the Store (as ``store.events`` is), its sqlite-utils Database is made on the first write, so the
    list of events, read at every launch, paints without importing sqlite-utils.
    """

    def __init__(self, db: Database | Store, clock: Clock) -> None:
        self._owner = db
        self.conn = db.conn
        self.clock = clock

    @cached_property
    def db(self) -> Database:
        # Resolved on the first write and kept: a Store's own ``db`` is made once too.
        from facilitator.storage.store import Store

        return self._owner.db if isinstance(self._owner, Store) else self._owner

    def _query(self, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
        # As sqlite-utils' ``query``: each row a dict by column name.
        cursor = self.conn.execute(sql, params or [])
        columns = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(columns, row))

    def add(self, event: Event) -> Event:
        now = self.clock.now()
        event = replace(event, created_at=now, updated_at=now)
        with saving("the event"), self.db.atomic():
            self.db["events"].insert(_event_row(event))
            self._write_targets(event)
        return event

    def update(self, event: Event) -> Event:
        event = replace(event, updated_at=self.clock.now())
        with saving("the charter"), self.db.atomic():
            self.get(event.id)
            self.db["events"].update(event.id, _event_row(event))
            self._write_targets(event)
        return event

    def rename(self, event_id: str, title: str) -> Event:
        return self.update(self.get(event_id).renamed(title))

    def set_archived(self, event_id: str, archived: bool) -> Event:
        return self.update(replace(self.get(event_id), archived=archived))

    def set_status(self, event_id: str, status: EventStatus) -> Event:
        return self.update(replace(self.get(event_id), status=status))

    def get(self, event_id: str) -> Event:
        rows = list(self._query("select * from events where id = ?", [event_id]))
        if not rows:
            raise NotFound(f"No event with id {event_id}.")
        return self._event(rows[0])

    def exists(self, event_id: str) -> bool:
        return bool(list(self._query("select 1 from events where id = ?", [event_id])))

    def list(self, *, include_archived: bool = False) -> list[Event]:
        """Newest first: by start date, then by when the event was created."""
        where = "" if include_archived else "where archived = 0"
        rows = self._query(f"select * from events {where} order by start_date desc, created_at desc")
        return [self._event(row) for row in rows]

    def resolve(self, reference: str) -> Event:
        """Find an event by its id or a unique prefix of it, as typed on the command line."""
        reference = reference.strip().lower()
        if not reference:
            raise NotFound("Give an event id (or the start of one); `facilitator events` lists them.")
        rows = list(
            self._query(
                "select * from events where id like ? escape '\\' limit 2",
                [reference.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"],
            )
        )
        if not rows:
            raise NotFound(f"No event with id {reference!r}; `facilitator events` lists them.")
        if len(rows) > 1:
            raise NotFound(f"More than one event starts with {reference!r}; type more of the id.")
        return self._event(rows[0])

    def _write_targets(self, event: Event) -> None:
        # Upsert rather than delete-and-insert: measurements reference targets, and a target removed
        # from the charter takes its measurements with it (ON DELETE CASCADE).
        kept = [target.id for target in event.targets]
        self.db.execute(
            f"delete from targets where event_id = ? and id not in ({', '.join('?' * len(kept))})",
            [event.id, *kept],
        )
        self.db["targets"].upsert_all(
            (
                {
                    "id": target.id,
                    "event_id": event.id,
                    "position": position,
                    "metric": target.metric,
                    "unit": target.unit,
                    "baseline": target.baseline,
                    "goal": target.goal,
                }
                for position, target in enumerate(event.targets)
            ),
            pk="id",
        )

    def _targets(self, event_id: str) -> tuple[Target, ...]:
        rows = self._query("select * from targets where event_id = ? order by position", [event_id])
        return tuple(
            Target(metric=row["metric"], unit=row["unit"] or "", baseline=row["baseline"], goal=row["goal"], id=row["id"])
            for row in rows
        )

    def _event(self, row: dict[str, Any]) -> Event:
        # Every command and the list of events read every event: one row changed by hand to a value
        # that is not one (area "Product", a date "soon") is named in one line, not a crash for all.
        try:
            return self._read_event(row)
        except (ValueError, TypeError) as error:
            raise Unreadable(
                f"Event {str(row.get('id'))[:8]} ({row.get('title')!r}) holds a value facilitator cannot read "
                f"({error}): it was changed outside facilitator. Put it right with sqlite3 or Datasette, "
                "or import your last export into a new database."
            ) from error

    def _read_event(self, row: dict[str, Any]) -> Event:
        return Event(
            id=row["id"],
            title=row["title"],
            kind=EventKind(row["kind"]),
            start_date=date.fromisoformat(row["start_date"]),
            days=row["days"],
            problem=row["problem"] or "",
            area=Area(row["area"]),
            sponsor=row["sponsor"] or "",
            facilitator=row["facilitator"] or "",
            team=_text_list(row["team"]),
            in_bounds=_text_list(row["in_bounds"]),
            out_of_bounds=_text_list(row["out_of_bounds"]),
            targets=self._targets(row["id"]),
            status=EventStatus(row["status"]),
            archived=bool(row["archived"]),
            created_at=_moment(row["created_at"]),
            updated_at=_moment(row["updated_at"]),
            dates=_dates(row.get("dates"), row["days"]),
        )


def _dates(text: str | None, days: int) -> tuple[date, ...]:
    """The stored day dates; a list that does not fit the event is refused (an import checks this)."""
    if not text:
        return ()
    dates = tuple(date.fromisoformat(item) for item in json.loads(text))
    if len(dates) != days or list(dates) != sorted(set(dates)):
        raise ValueError(f"the event's {len(dates)} dates do not fit its {days} days")
    return dates


def _moment(text: str | None) -> datetime | None:
    return from_iso(text) if text else None


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind.value,
        "start_date": event.start_date.isoformat(),
        "days": event.days,
        "problem": event.problem,
        "area": event.area.value,
        "sponsor": event.sponsor,
        "facilitator": event.facilitator,
        "team": json.dumps(list(event.team), ensure_ascii=False),
        "in_bounds": json.dumps(list(event.in_bounds), ensure_ascii=False),
        "out_of_bounds": json.dumps(list(event.out_of_bounds), ensure_ascii=False),
        "status": event.status.value,
        "archived": int(event.archived),
        "created_at": to_iso(event.created_at) if event.created_at else None,
        "updated_at": to_iso(event.updated_at) if event.updated_at else None,
        "dates": json.dumps([day.isoformat() for day in event.dates]) if event.dates else None,
    }


def _text_list(text: str | None) -> tuple[str, ...]:
    # strict=False: a list written by sqlite3 or Datasette may hold a raw control character, which strict
    # JSON refuses; it is read, and every screen and export shows it as a symbol (domain/display.py).
    return tuple(json.loads(text or "[]", strict=False))
