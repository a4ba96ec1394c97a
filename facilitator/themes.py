"""Themes are TOML files: the ones shipped in ``themes/`` and any a user drops in the config dir.

A broken file is reported and skipped; it never stops the cockpit from starting.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from facilitator import paths

_COLOUR_KEYS = (
    "primary", "secondary", "accent", "foreground", "background",
    "surface", "panel", "boost", "success", "warning", "error",
)


class ThemeFileError(ValueError):
    pass


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def bundled_themes_dir() -> Path:
    """In a wheel the themes travel inside the package; in a source checkout they sit beside it."""
    packaged = resources.files("facilitator") / "themes"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "themes"


def parse_theme(text: str, source: str) -> Theme:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeFileError(f"{source}: not valid TOML ({error})") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f"{source}: needs a 'name'")
    if "primary" not in data:
        raise ThemeFileError(f"{source}: needs a 'primary' colour")
    colours: dict[str, str] = {}
    for key in _COLOUR_KEYS:
        if key in data:
            value = data[key]
            if not isinstance(value, str):
                raise ThemeFileError(f"{source}: {key} = {value!r} is not a colour")
            try:
                Color.parse(value)
            except (ColorParseError, TypeError, ValueError, AttributeError):
                raise ThemeFileError(f"{source}: {key} = {value!r} is not a colour") from None
            colours[key] = value
    unknown = set(data) - set(_COLOUR_KEYS) - {"name", "dark", "variables"}
    if unknown:
        raise ThemeFileError(f"{source}: unknown keys {', '.join(sorted(unknown))}")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ThemeFileError(f"{source}: 'variables' must map names to strings")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{source}: 'dark' must be true or false")
    return Theme(name=name.strip(), dark=dark, variables=dict(variables), **colours)


def load_themes(user_dir: Path | None = None) -> LoadedThemes:
    """Bundled themes first, then user themes (which may replace a bundled one of the same name)."""
    loaded = LoadedThemes()
    folders = [bundled_themes_dir(), user_dir or paths.user_themes_dir()]
    for folder in folders:
        if not folder.is_dir():
            continue
        for theme_file in sorted(folder.glob("*.toml")):
            try:
                loaded.themes.append(parse_theme(theme_file.read_text(encoding="utf-8"), theme_file.name))
            except (ThemeFileError, OSError, UnicodeDecodeError) as error:
                loaded.problems.append(f"Theme skipped: {error}")
    return loaded
