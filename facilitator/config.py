"""User settings kept in the config dir as JSON: small, human-readable, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from facilitator import paths

DEFAULT_THEME = "shopfloor-dark"


@dataclass
class Settings:
    theme: str = DEFAULT_THEME
    warn_minutes: int = 2
    slip_share: int = 25  # percent of a target's gain given back after the event before it is flagged

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read settings; a missing or damaged file gives the defaults rather than a crash."""
        path = path or paths.settings_file()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        values = {}
        for name, value in raw.items():
            if name == "theme" and isinstance(value, str):
                values[name] = value
            elif name == "warn_minutes" and isinstance(value, int) and 0 <= value <= 60:
                values[name] = value
            elif name == "slip_share" and isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100:
                values[name] = value
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        path = path or paths.settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(self), stream, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
