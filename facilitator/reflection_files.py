"""Reflection frameworks a facilitator adds as TOML files in the config dir's ``frameworks`` folder.

Each file is validated; a broken one is reported (the caller shows it with ``notify``) and skipped,
never a crash. A user file whose key matches a built-in replaces it (say, to reword a prompt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator import paths
from facilitator.domain.errors import ValidationError
from facilitator.domain.frameworks import BUILTIN_FRAMEWORKS, Framework, parse_framework


def user_frameworks_dir() -> Path:
    return paths.config_dir() / "frameworks"


@dataclass
class LoadedFrameworks:
    frameworks: dict[str, Framework] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, key: str) -> Framework:
        """The framework with ``key``; an unknown key (a file since removed) falls back to the AAR."""
        return self.frameworks.get(key) or self.frameworks["aar"]


def load_frameworks(folder: Path | None = None) -> LoadedFrameworks:
    loaded = LoadedFrameworks(frameworks={framework.key: framework for framework in BUILTIN_FRAMEWORKS})
    folder = folder or user_frameworks_dir()
    if not folder.is_dir():
        return loaded
    for path in sorted(folder.glob("*.toml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            loaded.problems.append(f"Reflection framework {path.name} skipped: cannot read it ({error}).")
            continue
        try:
            framework = parse_framework(text, path.name)
        except ValidationError as error:
            loaded.problems.append(f"Reflection framework skipped: {error.errors['framework']}")
            continue
        loaded.frameworks[framework.key] = framework
    return loaded
