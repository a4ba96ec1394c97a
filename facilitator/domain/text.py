"""Rules for free text typed by users: kept exactly as typed, but never unbounded or binary."""

from __future__ import annotations

import unicodedata

from facilitator.domain.errors import ValidationError

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000

_ALLOWED_CONTROLS_MULTILINE = {"\n", "\t"}


def _has_control_characters(value: str, multiline: bool) -> bool:
    allowed = _ALLOWED_CONTROLS_MULTILINE if multiline else {"\t"}
    return any(
        unicodedata.category(char) == "Cc" and char not in allowed for char in value
    )


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
