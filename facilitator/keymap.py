"""A user's own keys: ``keymap.toml`` in the config folder, a flat table ``binding_id = "keys"``.

Textual does the remapping (``App.set_keymap``: every Binding with that id takes the new keys, in the
footer, the palette and the key list too). What Textual leaves to us is checking the file first: a key
that another binding of the same screen or widget already uses would silently take that key away (Textual
replaces it), so such an entry is reported and left out, as is an unknown id or a key Textual cannot
name. Every problem is one line; the entries that are fine still apply; nothing here raises.
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _normalize_key_list, key_to_character

from facilitator import paths

_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_NAMED_KEYS = {key.value for key in Keys}


@dataclass
class LoadedKeymap:
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def problem_line(self, source: str = "keymap.toml") -> str | None:
        """All problems in one line (a notice or a line on stderr), or None when there are none."""
        if not self.problems:
            return None
        count = len(self.keymap)
        applied = {0: "", 1: "; the other entry applies"}.get(count, f"; the other {count} entries apply")
        return f"{source}: " + "; ".join(self.problems) + applied


@dataclass(frozen=True)
class Scope:
    """Bindings that are live together: one screen or widget (with what it inherits), and the
    cockpit-wide keys."""

    name: str
    own: tuple[Binding, ...]
    shared: tuple[Binding, ...] = ()

    @property
    def bindings(self) -> tuple[Binding, ...]:
        return self.own + self.shared


def binding_classes() -> list[type[DOMNode]]:
    """Every app, screen and widget class of facilitator (the modules are imported to find them)."""
    import facilitator.screens
    import facilitator.widgets

    for package in (facilitator.screens, facilitator.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{info.name}")
    for module in ("facilitator.app", "facilitator.projector_app"):
        importlib.import_module(module)
    found: dict[type, None] = {}
    pending = list(DOMNode.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("facilitator."):
            found[cls] = None
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The Binding objects a class declares itself (not inherited)."""
    return [binding for binding in cls.__dict__.get("BINDINGS", ()) if isinstance(binding, Binding)]


_APP_PLACES = {"FacilitatorApp": "anywhere in the cockpit", "ProjectorApp": "projector display"}


def place_name(cls: type) -> str:
    """``DecisionHistoryScreen`` -> ``decision history``: where a key works, in words."""
    if cls.__name__ in _APP_PLACES:
        return _APP_PLACES[cls.__name__]
    name = cls.__name__.removesuffix("Screen") or cls.__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()


def scopes(classes: Iterable[type[DOMNode]] | None = None) -> list[Scope]:
    classes = list(classes if classes is not None else binding_classes())
    apps = [cls for cls in classes if issubclass(cls, App)]
    cockpit_keys = tuple(b for cls in apps if cls.__name__ == "FacilitatorApp" for b in _merged(cls))
    found = []
    for cls in classes:
        merged = _merged(cls)
        if not any(binding.id for binding in merged):
            continue
        # The cockpit-wide keys (quit, theme) work under every screen and widget of the cockpit.
        in_cockpit = not issubclass(cls, App) and cls.__module__ != "facilitator.screens.room_display"
        extra = cockpit_keys if in_cockpit else ()
        found.append(Scope(place_name(cls), merged, extra))
    return found


def _merged(cls: type[DOMNode]) -> tuple[Binding, ...]:
    # Textual's own merge (the class and its bases), one Binding per key.
    return tuple(binding for bindings in cls._merge_bindings().key_to_bindings.values() for binding in bindings)


def known_ids(found: Iterable[Scope]) -> dict[str, Binding]:
    ids: dict[str, Binding] = {}
    for scope in found:
        for binding in scope.bindings:
            if binding.id:
                ids.setdefault(binding.id, binding)
    return ids


def key_problem(keys: str) -> str | None:
    """Why Textual could not bind ``keys`` (a comma-separated list), or None."""
    for key in (part.strip() for part in keys.split(",")):
        if not key:
            return "an empty key"
        *modifiers, base = key.split("+")
        if any(modifier not in _MODIFIERS for modifier in modifiers):
            return f"{key!r} has an unknown modifier (use ctrl, shift, alt, meta)"
        if len(base) != 1 and base not in _NAMED_KEYS and key_to_character(base) is None:
            return f"{key!r} is not a key Textual knows"
    return None


def check(raw: Mapping[str, object], found: list[Scope]) -> LoadedKeymap:
    """Keep the entries that are valid and clash with nothing; say why each other one is left out."""
    loaded = LoadedKeymap()
    ids = known_ids(found)
    wanted: dict[str, str] = {}
    for binding_id, keys in raw.items():
        if binding_id not in ids:
            loaded.problems.append(f"unknown id {binding_id!r}")
        elif not isinstance(keys, str):
            loaded.problems.append(f"{binding_id} = {keys!r} is not a string of keys")
        elif (problem := key_problem(keys)) is not None:
            loaded.problems.append(f"{binding_id}: {problem}")
        else:
            wanted[binding_id] = _normalize_key_list(keys)
    # Leaving an entry out gives its binding its own keys back, which may clash with another entry:
    # repeat until what is left is clean.
    while clashes := _clashes(wanted, found):
        for binding_id, line in clashes.items():
            loaded.problems.append(line)
            del wanted[binding_id]
    loaded.keymap = wanted
    return loaded


def _clashes(keymap: Mapping[str, str], found: list[Scope]) -> dict[str, str]:
    clashes: dict[str, str] = {}
    for scope in found:
        holders: dict[str, list[Binding]] = {}
        seen: set[tuple[str | None, str, int]] = set()
        for binding in scope.bindings:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            # One row per binding: an id shared by two classes (the timer's keys) is one binding.
            marker = (binding.id, binding.action, 0 if binding.id else id(binding))
            if marker in seen:
                continue
            seen.add(marker)
            for key in _normalize_key_list(keys).split(","):
                holders.setdefault(key, []).append(binding)
        for key, bindings in holders.items():
            remapped = [b for b in bindings if b.id in keymap and b.id not in clashes]
            if len(bindings) < 2 or not remapped:
                continue
            for binding in remapped:
                other = next(b for b in bindings if b is not binding)
                what = other.id or other.action
                clashes[binding.id] = f"{binding.id} = {keymap[binding.id]!r} clashes with {what} ({key}) in {scope.name}; {binding.id} keeps {binding.key}"
    return clashes


def read(path: Path | None = None, found: list[Scope] | None = None) -> LoadedKeymap:
    """The user's keymap; no file is an empty keymap, a file that does not parse is one problem."""
    path = path or paths.keymap_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedKeymap()
    except (OSError, UnicodeDecodeError) as error:
        return LoadedKeymap(problems=[f"not read ({getattr(error, 'strerror', None) or error}); default keys used"])
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedKeymap(problems=[f"not valid TOML ({error}); default keys used"])
    return check(raw, found if found is not None else scopes())


def current_keys(keymap: Mapping[str, str], found: list[Scope] | None = None) -> list[tuple[str, str, str, str]]:
    """(id, keys, description, where) for every binding id, with the user's keys where given."""
    rows: dict[str, tuple[str, str, str, list[str]]] = {}
    for scope in found if found is not None else scopes():
        for binding in scope.own:
            if not binding.id:
                continue
            if binding.id not in rows:
                rows[binding.id] = (binding.id, "", binding.description or binding.action, [])
            _, keys, description, where = rows[binding.id]
            default = ",".join(dict.fromkeys([*filter(None, keys.split(",")), binding.key]))
            if scope.name not in where:
                where.append(scope.name)
            rows[binding.id] = (binding.id, default, description, where)
    return [
        (binding_id, keymap.get(binding_id, keys), description, ", ".join(where))
        for binding_id, keys, description, where in sorted(rows.values())
    ]


def markdown_table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| id | default keys | what it does | where |", "|---|---|---|---|"]
    for binding_id, keys, description, where in rows:
        lines.append(f"| `{binding_id}` | `{keys}` | {description} | {where} |")
    return "\n".join(lines) + "\n"


def as_user_sees(bindings: Iterable[Binding], keymap: Mapping[str, str]) -> list[Binding]:
    """The bindings with the user's keys, one per key (as Textual splits them), each shown once."""
    shown: list[Binding] = []
    for binding in bindings:
        keys = keymap.get(binding.id) if binding.id else None
        for each in [binding.with_key(key) for key in keys.split(",")] if keys else [binding]:
            if each not in shown:
                shown.append(each)
    return shown
