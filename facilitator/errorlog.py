"""Unexpected errors go to a log file in the data dir; the user sees one line that points at it."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from facilitator import paths


def log_exception(error: BaseException, path: Path | None = None) -> Path | None:
    """Append the traceback to the error log; returns the log's path, or None if it could not be written."""
    path = path or paths.error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')}\n")
            stream.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path
