"""Where exports go and how they are written: atomically, so a half-written file never remains."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from facilitator import paths
from facilitator.domain.clock import local_time
from facilitator.domain.errors import UserError

# A CSV export is a zip of tables; the zip export (JSON plus files) says what it holds in its name.
EXTENSIONS = {"md": ".md", "json": ".json", "csv": ".zip", "html": ".html", "a3": ".a3.html", "ics": ".ics", "zip": "-with-files.zip"}


def slug(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or "event"


def default_path(title: str, fmt: str, now: datetime, folder: Path | None = None) -> Path:
    """``exports/<title-slug>-<local YYYYmmdd-HHMMSS>.<ext>``, never overwriting an earlier export."""
    folder = folder or paths.exports_dir()
    stamp = local_time(now).strftime("%Y%m%d-%H%M%S")
    base = f"{slug(title)}-{stamp}"
    candidate = folder / f"{base}{EXTENSIONS[fmt]}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{EXTENSIONS[fmt]}"
        number += 1
    return candidate


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then move it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"Cannot create the folder {path.parent}: {error.strerror or error}.") from None
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise UserError(f"Cannot write in {path.parent}: {error.strerror or error}.") from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(f"Cannot write {path}: {error.strerror or error}.") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8", newline="\n"))
