"""Rules for free text typed by users: kept exactly as typed, but never unbounded or binary."""

from __future__ import annotations

import re

from facilitator.domain.errors import ValidationError

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000

# Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) but tab, and newline in
# multi-line text. One regex search, not a per-character loop: an import checks every field it holds.
_CONTROLS_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _has_control_characters(value: str, multiline: bool) -> bool:
    return (_CONTROLS_MULTILINE if multiline else _CONTROLS).search(value) is not None


def clean_text(
    value: str,
    *,
    field: str,
    label: str,
    required: bool = False,
    multiline: bool = False,
    max_length: int | None = None,
) -> str:
    """Return ``value`` without surrounding blank space, or raise a one-field ValidationError.

    Markup such as ``[bold]`` is ordinary text here: it is stored and shown as typed.
    """
    limit = max_length or (LONG_TEXT_MAX if multiline else SHORT_TEXT_MAX)
    value = value.replace("\r\n", "\n").strip()
    if required and not value:
        raise ValidationError({field: f"{label} is required."})
    if _has_control_characters(value, multiline):
        raise ValidationError({field: f"{label} contains control characters; retype it."})
    if len(value) > limit:
        raise ValidationError({field: f"{label} is too long ({len(value):,} of at most {limit:,} characters)."})
    return value


def clean_lines(value: str, *, field: str, label: str, max_items: int = 100) -> tuple[str, ...]:
    """One item per line, blank lines dropped, each item a short text."""
    items = []
    for line in value.replace("\r\n", "\n").split("\n"):
        item = clean_text(line, field=field, label=label)
        if item:
            items.append(item)
    if len(items) > max_items:
        raise ValidationError({field: f"{label}: at most {max_items} lines."})
    return tuple(items)
