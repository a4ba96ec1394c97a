"""Helpers for the export tests: fill an event's tables generically (from the registry) or realistically."""

from __future__ import annotations

import json

import re
import sqlite3
import uuid
from datetime import date, timedelta

from hypothesis import strategies as st

from facilitator.domain.clock import to_iso
from facilitator.domain.event import Event, EventKind, Target
from facilitator.export.records import quote, registered
from facilitator.storage.tables import EVENT_TABLES

# Text as hostile as a keyboard (or a paste) allows: markup, formulas, HTML, quotes, any script.
HOSTILE = [
    "[bold]x[/]", "=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "| pipe | *star* _u_ `tick`",
    "# heading", "O'Brien & \"Sons\"", "Ünïcødé 変更 🚀", "line one\nline two",
]
text = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))


def insert(db, table: str, row: dict) -> None:
    columns = list(row)
    db.execute(
        f"insert into {quote(table)} ({', '.join(quote(c) for c in columns)}) values ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )


def allowed_values(db, table: str) -> dict[str, list[str]]:
    """Columns limited by a ``CHECK (column IN (...))`` in the table's SQL, and their allowed values."""
    sql = db[table].schema
    found = {}
    for match in re.finditer(r"CHECK\s*\(\s*\[?(\w+)\]?\s+IN\s*\(([^)]*)\)", sql, re.IGNORECASE):
        found[match.group(1)] = re.findall(r"'([^']*)'", match.group(2))
    return found


def ranges(db, table: str) -> dict[str, tuple[int, int]]:
    """Columns limited by a ``CHECK (column BETWEEN a AND b)``, and their bounds."""
    pattern = r"CHECK\s*\(\s*\[?(\w+)\]?\s+BETWEEN\s+(-?\d+)\s+AND\s+(-?\d+)\s*\)"
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(pattern, db[table].schema, re.IGNORECASE)}


def fill_generic(db, draw, event_id: str, max_rows: int = 3) -> int:
    """Up to ``max_rows`` rows in every registered table, values drawn by column type, links kept valid."""
    ids: dict[str, list[str]] = {"events": [event_id]}
    count = 0
    for table in registered(db)[1:]:
        columns = db[table.name].columns
        keys = {key.column: key for key in db[table.name].foreign_keys}
        choices = allowed_values(db, table.name)
        bounds = ranges(db, table.name)
        ids.setdefault(table.name, [])
        for _ in range(draw(st.integers(0, max_rows))):
            row: dict = {}
            for column in columns:
                kind = column.type.upper()
                if column.name == "id":
                    row["id"] = str(draw(st.uuids()))
                elif column.name in table.lists:  # a JSON array of text, as storage writes it
                    row[column.name] = json.dumps(draw(st.lists(text, max_size=3)), ensure_ascii=False)
                elif column.name in table.flags:
                    row[column.name] = draw(st.sampled_from([0, 1]))
                elif column.name in choices:
                    row[column.name] = draw(st.sampled_from(choices[column.name]))
                elif column.name in bounds:
                    row[column.name] = draw(st.integers(*bounds[column.name]))
                elif column.name in keys:
                    parents = ids.get(keys[column.name].other_table, [])
                    row[column.name] = draw(st.sampled_from(parents)) if parents else None
                elif "INT" in kind:
                    row[column.name] = draw(st.integers(-(2**63), 2**63 - 1) | st.none())
                elif "REAL" in kind or "FLOA" in kind:
                    row[column.name] = draw(st.floats(allow_nan=False, allow_infinity=False) | st.none())
                else:
                    row[column.name] = draw(text | st.none())
                if row[column.name] is None and column.notnull:
                    row[column.name] = 0 if ("INT" in kind or "REAL" in kind or "FLOA" in kind) else "x"
            try:
                insert(db, table.name, row)
            except sqlite3.DatabaseError:
                continue  # a CHECK or trigger of the owning area refused it: fine, it is not a record
            ids[table.name].append(row["id"])
            count += 1
    db.conn.commit()
    return count


def fill_causes(db, draw, event_id: str, max_rows: int = 8) -> int:
    """A root-cause tree as the screens make one (problems, causes on bones, sub-causes, branching whys),
    with hostile text and creation times in any order (a laptop whose clock is behind adds a why)."""
    rows: list[dict] = []
    for _ in range(draw(st.integers(0, max_rows))):
        parent = draw(st.sampled_from(rows)) if rows and draw(st.booleans()) else None
        if parent is None:
            kind, category = "problem", None
        elif parent["kind"] == "why":
            kind, category = "why", None
        else:
            kind = draw(st.sampled_from(["cause", "why"]))
            category = (parent["category"] or draw(st.sampled_from(["man", "machine", "method", "material",
                                                                       "measurement", "environment"]))
                        if kind == "cause" else None)
        how = draw(st.sampled_from([None, "data", "gemba", "trial"]))
        row = {
            "id": str(draw(st.uuids())), "event_id": event_id, "parent_id": parent["id"] if parent else None,
            "kind": kind, "category": category, "text": draw(text.filter(lambda t: t.strip())),
            "source": draw(st.sampled_from(["charter", "typed", "target:t1"])) if kind == "problem" else None,
            "is_root": int(draw(st.booleans())), "verified": int(how is not None), "verified_how": how,
            "verification_note": draw(text | st.none()), "votes": draw(st.integers(0, 12)), "session_id": None,
            "day": draw(st.none() | st.integers(1, 5)),
            "created_at": f"2026-11-2{draw(st.integers(0, 9))}T08:00:00.000000+00:00",
            "created_by": draw(text | st.none()),
        }
        insert(db, "causes", row)
        rows.append(row)
    db.conn.commit()
    return len(rows)


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table, for asserting that a refused import changed nothing."""
    tables = [name for name in db.table_names() if not name.startswith("_")]
    return {name: sorted(map(tuple, db.execute(f"select * from {quote(name)}").fetchall()), key=repr) for name in tables}


def kaizen_event(store, title: str = "Press line 4 changeover blitz (SMED)") -> Event:
    start = store.clock.now().date() - timedelta(days=2)
    return store.events.add(
        Event(
            title=title,
            kind=EventKind.KAIZEN,
            start_date=start,
            days=5,
            problem="Changeovers take 47 minutes.",
            sponsor="Helen Brandt",
            facilitator="Sam Reyes",
            team=("Dana Whitfield", "Luis Ortega"),
            in_bounds=("Line 4 die changeover",),
            out_of_bounds=("Capital spending above 5,000 EUR",),
            targets=(Target(metric="Changeover time", unit="min", baseline=47, goal=20),),
        )
    )


def add_session(db, event: Event, day: int, position: int, title: str, minutes: int) -> str:
    session_id = str(uuid.uuid4())
    insert(db, "sessions", {
        "id": session_id, "event_id": event.id, "day": day, "position": position, "title": title,
        "kind": "other", "planned_minutes": minutes,
    })
    return session_id


def log_timer(db, event: Event, session_id: str, action: str, at, minutes: int | None = None) -> None:
    insert(db, "timer_log", {
        "id": str(uuid.uuid4()), "event_id": event.id, "session_id": session_id, "action": action,
        "at": to_iso(at), "minutes": minutes,
    })


def start_day(event: Event, day: int) -> date:
    return event.day_date(day)


def assert_valid(export: dict) -> None:
    """The export meets the published JSON Schema (facilitator/export/event.schema.json)."""
    import jsonschema

    from facilitator.export.schema import shipped_text

    validator = jsonschema.Draft202012Validator(json.loads(shipped_text()))
    errors = sorted(validator.iter_errors(export), key=lambda error: list(error.absolute_path))
    assert not errors, "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:5])


def as_version_1(export: dict) -> dict:
    """The same export as facilitator wrote it before version 2: lists as JSON text, flags as 0/1."""
    old = json.loads(json.dumps(export))
    del old["version"]
    for table in EVENT_TABLES:
        for row in old["tables"].get(table.name, []):
            for column in table.lists:
                if isinstance(row.get(column), list):
                    row[column] = json.dumps(row[column], ensure_ascii=False)
            for column in table.flags:
                if isinstance(row.get(column), bool):
                    row[column] = int(row[column])
    return old
