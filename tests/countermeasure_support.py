"""Causes for the countermeasure tests, written with plain SQL so they do not depend on the causes screens.

The table is created with the causes area's columns when the database does not have it yet.
"""

from __future__ import annotations

import uuid

from facilitator.domain.clock import to_iso

_CAUSES = """
create table if not exists causes (
    id text primary key, event_id text not null references events(id), parent_id text, kind text not null,
    category text, text text not null, source text, is_root integer not null default 0,
    verified integer not null default 0, verified_how text, verification_note text, votes integer not null default 0,
    session_id text, day integer, created_at text not null, created_by text
)
"""


def add_cause(store, event_id: str, text: str, *, verified: bool = True, category: str | None = "method",
              kind: str = "cause", parent_id: str | None = None, is_root: bool = False) -> str:
    """A cause (or a why, or the problem); one without a parent hangs under the event's problem, as the
    causes table requires of everything but a problem."""
    store.db.execute(_CAUSES)
    if kind != "problem" and parent_id is None:
        found = store.db.execute("select id from causes where event_id = ? and kind = 'problem' limit 1", [event_id]).fetchone()
        parent_id = found[0] if found else add_cause(store, event_id, "The problem", kind="problem", category=None, verified=False)
    if kind != "cause":
        category = None
    cause_id = str(uuid.uuid4())
    store.db.execute(
        "insert into causes (id, event_id, parent_id, kind, category, text, source, is_root, verified, verified_how, "
        "verification_note, votes, session_id, day, created_at, created_by) "
        "values (?, ?, ?, ?, ?, ?, '', ?, ?, ?, '', 0, null, 1, ?, '')",
        [cause_id, event_id, parent_id, kind, category, text, int(is_root), int(verified),
         "data" if verified else None, to_iso(store.clock.now())],
    )
    store.db.conn.commit()
    return cause_id
