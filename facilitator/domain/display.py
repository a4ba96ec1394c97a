"""Display-safe text: a control character stored in the database never reaches a terminal or a file raw.

Capture refuses control characters, but text can enter another way (sqlite3, Datasette, an older
version). Raw, an ESC sequence recolours the terminal or the projected screen and a BEL rings it, so
every renderer (screens, CLI output, Markdown, CSV and HTML exports) passes user text through
:func:`visible`. The JSON export alone keeps the text exactly (JSON escapes it as ``\\u001b``).

Why the Unicode "Control Pictures" (ESC shows as ␛, BEL as ␇, NUL as ␀) rather than ``\\x1b``: each is
one visible cell, so columns and wrapping stay right, a facilitator sees one odd symbol instead of
four characters of code, and it cannot be mistaken for a backslash someone typed (nor be doubled by the
Markdown escaper). C1 controls (U+0080 to U+009F) have no picture; they show as ``\\x9b`` style escapes.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

T = TypeVar("T")

_DEL = 0x7F
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {_DEL: "\u2421"}
# Line breaks and tabs are layout, not control: they stay (single-line renderers join lines themselves).
del _PICTURES[ord("\n")], _PICTURES[ord("\t")]
_TABLE = _PICTURES | {code: f"\\x{code:02x}" for code in range(0x80, 0xA0)}
# Every character visible() changes (CR included, for CR LF): text without one, nearly all text, is returned
# as it is after one search, instead of a character-by-character translate (exports call this per cell).
_CHANGED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with each control character (other than newline and tab) replaced by a visible form.

    A Windows line break (CR LF) is a line break; a lone CR shows as ␍.
    """
    if _CHANGED.search(text) is None:
        return text
    return text.replace("\r\n", "\n").translate(_TABLE)


def shown(value: T) -> T:
    """``value`` with :func:`visible` applied to every text in it: a string, a tuple or list of them, or a
    (frozen) domain dataclass, recursively. For a renderer that takes a whole record (a charter, a
    reflection); the value itself, unchanged, when nothing in it needs showing differently."""
    if isinstance(value, str):
        return visible(value)  # type: ignore[return-value]
    if isinstance(value, (tuple, list)):
        items = [shown(item) for item in value]
        if all(new == old for new, old in zip(items, value)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = shown(old)
            if new != old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
