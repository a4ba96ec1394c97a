"""Shell completion of EVENT arguments: event ids, with each title as the hint.

Runs on every tab press, so it reads the file read-only with plain sqlite3 (no migrations, no Store)
and gives up quietly: a missing, locked, damaged or foreign file completes nothing, and never creates a
database or shows a traceback in the middle of someone's command line.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from facilitator import paths

SHORT_ID = 8  # what `facilitator events` shows; any unique start of an id is accepted
MAX_ITEMS = 50


def _database(ctx: click.Context) -> Path:
    root = ctx.find_root()
    given = root.params.get("db")
    return Path(given).expanduser() if given else paths.default_database()


def complete_event(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    try:
        path = _database(ctx)
        if not path.is_file():
            return []
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            rows = conn.execute(
                "SELECT id, title FROM events WHERE NOT archived ORDER BY start_date DESC, created_at DESC"
            ).fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return []
    typed = incomplete.casefold()
    found = [
        CompletionItem(event_id[:SHORT_ID], help=" ".join(str(title).split()))
        for event_id, title in rows
        if event_id.startswith(incomplete) or (typed and typed in str(title).casefold())
    ]
    return found[:MAX_ITEMS]
