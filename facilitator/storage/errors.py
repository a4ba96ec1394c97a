"""Storage problems a user can cause or meet (wrong file, newer schema, full disk), as one-line messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from facilitator.domain.errors import UserError


class StorageError(UserError):
    """The database cannot be opened or written; the message says why in one line."""


class NotADatabase(StorageError):
    pass


class ForeignDatabase(NotADatabase):
    """An SQLite file holding another application's tables: refused before anything is written."""


class Damaged(StorageError):
    """The file is a facilitator database whose pages are damaged; the message says how to recover."""


class Unreadable(StorageError, ValueError):
    """A record changed outside facilitator (sqlite3, Datasette) holds a value it cannot read.

    A ValueError too, so an import's read-back check (export/verify.py) still refuses such a file."""


class NewerSchema(StorageError):
    pass


class CannotWrite(StorageError):
    pass


class NotFound(UserError):
    """A record asked for by id (or id prefix) does not exist."""


# SQLITE_CORRUPT and SQLITE_NOTADB (primary codes; extended codes carry them in the low byte).
_DAMAGE_CODES = {11, 26}


def damage_in(error: BaseException | None) -> sqlite3.DatabaseError | None:
    """The SQLite "damaged file" error in ``error`` or its causes, if there is one."""

    def is_damage(found: BaseException) -> bool:
        code = getattr(found, "sqlite_errorcode", None)
        return isinstance(found, sqlite3.DatabaseError) and (
            (code is not None and code & 0xFF in _DAMAGE_CODES) or "malformed" in str(found)
        )

    return found_in(error, is_damage)  # type: ignore[return-value]


def unreadable_in(error: BaseException | None) -> Unreadable | None:
    """A record changed outside facilitator that it cannot read, in ``error`` or its causes."""
    return found_in(error, lambda found: isinstance(found, Unreadable))  # type: ignore[return-value]


def found_in(error: BaseException | None, match: Callable[[BaseException], bool]) -> BaseException | None:
    """The first of ``error`` and its causes that ``match`` accepts."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if match(error):
            return error
        # A wrapper such as a failed worker's error (Textual's WorkerFailed) holds the original as ``error``.
        wrapped = getattr(error, "error", None)
        error = error.__cause__ or error.__context__ or (wrapped if isinstance(wrapped, BaseException) else None)
    return None


def damaged(path: object, error: BaseException | str) -> Damaged:
    """The one line for a damaged database: what happened, that nothing changed, and how to recover."""
    export = last_json_export(path)
    return Damaged(
        f"{path} is damaged ({error}); facilitator left it as it is. To recover: import your last export into "
        f"a new database (`facilitator --db new.db import {export or 'EXPORT.json'}`), or salvage with "
        f"`sqlite3 {path} .recover | sqlite3 recovered.db` (some sqlite3 builds lack .recover and answer "
        f"'no such table: sqlite_dbpage') and run `facilitator --db recovered.db`."
    )


def last_json_export(path: object) -> str | None:
    """The newest JSON export in ``exports/`` beside the database, where exports go by default."""
    from pathlib import Path

    try:
        folder = Path(str(path)).expanduser().resolve().parent / "exports"
        found = max(folder.glob("*.json"), key=lambda item: item.stat().st_mtime, default=None)
    except OSError:
        return None
    return str(found) if found else None


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
        if damage_in(error):
            raise  # the cockpit's and the CLI's error boundary says the file is damaged and how to recover
        raise CannotWrite(f"Could not save {what}: {error}. Nothing was changed.") from error
