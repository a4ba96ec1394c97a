"""Errors a user can cause, carried as data so every layer can show them in one line."""

from __future__ import annotations

from collections.abc import Callable


class UserError(Exception):
    """An error caused by something a user typed or chose; its message is shown as is."""


class ValidationError(UserError):
    """One or more fields are invalid: ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class FieldChecks:
    """Gathers every field's parse result or message, so a form shows all its messages at once.

    ``check("title", parse)`` stores ``parse()`` under "title", or its messages; ``raise_if_any()``
    ends the round with one ValidationError holding them all.
    """

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.errors: dict[str, str] = {}

    def check(self, name: str, parse: Callable[[], object]) -> None:
        try:
            self.values[name] = parse()
        except ValidationError as error:
            self.errors.update(error.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
