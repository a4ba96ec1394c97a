"""``facilitator doctor``: what is installed, where everything lives, and whether it is healthy.

One line per fact, so a facilitator can paste the whole answer into a message. A line that starts with
``!`` is a problem; the command exits 1 if there is any. Nothing is created or changed: the database is
opened read-only, and a missing folder is only named.
"""

from __future__ import annotations

import platform
import sqlite3
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from facilitator import paths

_PACKAGES = (("facilitator", "facilitator"), ("Textual", "textual"), ("Rich", "rich"), ("sqlite-utils", "sqlite-utils"))


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def report(database: Path) -> tuple[list[str], int]:
    """The lines to print, and how many of them are problems."""
    lines: list[tuple[bool, str, str]] = []  # (is a problem, label, text)

    def add(label: str, text: str, problem: bool = False) -> None:
        lines.append((problem, label, text))

    for label, package in _PACKAGES[:1]:
        add(label, _version(package))
    add("Python", platform.python_version())
    for label, package in _PACKAGES[1:]:
        add(label, _version(package))
    add("SQLite", f"{sqlite3.sqlite_version} (library)")

    _database(database, add)
    add("config", str(paths.config_dir()))
    _themes(add)
    _keymap(add)
    templates = paths.user_templates_dir()
    own = sorted(p.name for p in templates.glob("*") if p.is_file()) if templates.is_dir() else []
    add("templates", f"{templates} ({', '.join(own) if own else 'none: the built-in ones'})")
    add("exports", str(paths.exports_dir(database)))
    add("logs", str(paths.error_log()))

    width = max(len(label) for _, label, _ in lines)
    printed = [f"{'!' if problem else ' '} {label:<{width}}  {text}" for problem, label, text in lines]
    return printed, sum(problem for problem, _, _ in lines)


def _database(path: Path, add) -> None:
    from facilitator.storage.diagnose import inspect
    from facilitator.storage.migrations import schema_version

    found = inspect(path)
    if not found.exists:
        add("database", f"{path} (not created yet: `facilitator` or `facilitator demo` creates it)")
        return
    add("database", f"{path} ({_size(found.size_bytes)})")
    if found.applied:
        last = found.applied[-1]
        text = f"{len(found.applied)} of {schema_version()} migrations applied (last: {last})"
        if found.unknown:
            add("schema", f"{text}; written by a newer facilitator ({', '.join(found.unknown)})", True)
        else:
            add("schema", text + (f"; {len(found.pending)} apply when it is next opened" if found.pending else ""))
    elif found.integrity == "ok" and found.problem:
        add("schema", found.problem, True)  # another program's SQLite file
    if found.integrity == "ok":
        add("integrity", "ok (PRAGMA quick_check)")
    elif found.problem:
        add("integrity", found.problem, True)


def _themes(add) -> None:
    from facilitator.themes import bundled_themes_dir, load_themes

    folder = paths.user_themes_dir()
    loaded = load_themes()
    own = len(list(folder.glob("*.toml"))) if folder.is_dir() else 0
    built_in = len(list(bundled_themes_dir().glob("*.toml")))
    add("themes", f"{folder} ({own} of your own, {built_in} built in)")
    for problem in loaded.problems:
        add("themes", problem, True)


def _keymap(add) -> None:
    from facilitator import keymap

    path = paths.keymap_file()
    loaded = keymap.read(path)
    if not path.exists():
        add("keymap", f"{path} (none: the default keys)")
        return
    line = loaded.problem_line(path.name)
    add("keymap", f"{path} ({len(loaded.keymap)} keys changed)" if line is None else line, line is not None)
