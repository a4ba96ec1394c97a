"""Storage problems a user can cause or meet (wrong file, newer schema, full disk), as one-line messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from facilitator.domain.errors import UserError


class StorageError(UserError):
    """The database cannot be opened or written; the message says why in one line."""


class NotADatabase(StorageError):
    pass


class NewerSchema(StorageError):
    pass


class CannotWrite(StorageError):
    pass


class NotFound(UserError):
    """A record asked for by id (or id prefix) does not exist."""


@contextmanager
def saving(what: str) -> Iterator[None]:
    """Turn low-level write failures into a StorageError that says nothing was saved."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error)
        if "full" in text:
            raise CannotWrite(f"Could not save {what}: the disk is full. Nothing was changed.") from error
        if "readonly" in text or "read-only" in text:
            raise CannotWrite(f"Could not save {what}: the database is read-only. Nothing was changed.") from error
        if "locked" in text or "busy" in text:
            raise CannotWrite(f"Could not save {what}: the database is busy; try again. Nothing was changed.") from error
        raise CannotWrite(f"Could not save {what}: {text}. Nothing was changed.") from error
    except sqlite3.DatabaseError as error:
        raise CannotWrite(f"Could not save {what}: {error}. Nothing was changed.") from error
