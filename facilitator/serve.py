"""``facilitator serve``: the projector (or the cockpit) in a web browser, through textual-serve.

Each browser tab runs its own ``facilitator`` process on the same database. The read-only projector
may listen on a LAN address for a TV on the shop floor; the cockpit can change data, so it only ever
listens on 127.0.0.1. Nothing is fetched from the internet: the page's scripts ship in the package.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from facilitator.domain.errors import UserError

LOCAL = "127.0.0.1"


def command_line(db: Path, event_id: str | None, theme: str | None) -> str:
    """The command each browser tab runs: this Python, this database."""
    parts = [sys.executable, "-m", "facilitator", "--db", str(db)]
    if theme:
        parts += ["--theme", theme]
    if event_id is not None:
        parts += ["projector", event_id]
    return shlex.join(parts)


def plan(db: Path, event_ref: str | None, *, host: str | None, cockpit: bool, theme: str | None) -> tuple[str, str, str]:
    """(command, host, title) to serve, or a one-line UserError."""
    if cockpit:
        if host not in (None, LOCAL, "localhost"):
            raise UserError(
                f"The cockpit can change data, so it is served on {LOCAL} only (not {host}); "
                "serve the read-only projector for other screens: facilitator serve EVENT --host ADDRESS."
            )
        if event_ref is not None:
            raise UserError("Give an EVENT for the projector, or --cockpit for the whole cockpit, not both.")
        return command_line(db, None, theme), LOCAL, "facilitator"
    if event_ref is None:
        raise UserError("Which event? facilitator serve EVENT (the projector), or facilitator serve --cockpit.")
    from facilitator.storage.store import Store

    store = Store(db, read_only=True)
    try:
        event = store.events.resolve(event_ref)
    finally:
        store.close()
    return command_line(db, event.id, theme), host or LOCAL, f"{event.title} - facilitator projector"


def serve(db: Path, event_ref: str | None, *, host: str | None, port: int, cockpit: bool, theme: str | None) -> None:
    command, bind, title = plan(db, event_ref, host=host, cockpit=cockpit, theme=theme)
    try:
        from textual_serve.server import Server
    except ImportError:  # pragma: no cover - it is a dependency; a broken install still gets one line
        raise UserError("textual-serve is not installed: pip install textual-serve") from None
    server = Server(command, host=bind, port=port, title=title)
    try:
        server.serve()
    except OSError as error:
        raise UserError(f"Cannot listen on {bind}:{port}: {error.strerror or error}.") from None
