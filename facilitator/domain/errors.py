"""Errors a user can cause, carried as data so every layer can show them in one line."""

from __future__ import annotations


class UserError(Exception):
    """An error caused by something a user typed or chose; its message is shown as is."""


class ValidationError(UserError):
    """One or more fields are invalid: ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))
