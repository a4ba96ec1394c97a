"""A set of sqlite-utils migrations whose names are known without importing sqlite-utils."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations


class MigrationSet:
    """The migrations as declared here, and the sqlite-utils ``Migrations`` that applies them.

    Declaring only records each migration's name, so opening a file that is already up to date (every
    launch but the first after an upgrade) compares names and never imports sqlite-utils: the list of
    events paints without it (about a sixth of the cockpit's start-up). The ``Migrations`` is built on
    first use (``pending``, ``apply``, ``applied``), in the order the migrations were declared.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._declared: list[tuple[str, Callable[[Database], None], bool]] = []
        self._built: Migrations | None = None

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(function):
            migration_name = name or function.__name__
            if migration_name in self.names():  # as sqlite-utils refuses it, at once
                raise ValueError(f"Migration '{migration_name}' is already registered in set '{self.name}'")
            self._declared.append((migration_name, function, transactional))
            self._built = None
            return function

        return inner

    def names(self) -> list[str]:
        """Every migration's name, in the order they apply."""
        return [declared[0] for declared in self._declared]

    def migrations(self) -> Migrations:
        if self._built is None:
            from sqlite_utils.migrations import Migrations

            built = Migrations(self.name)
            for name, function, transactional in self._declared:
                built(name=name, transactional=transactional)(function)
            self._built = built
        return self._built

    def pending(self, db: Database) -> list:
        return self.migrations().pending(db)

    def applied(self, db: Database) -> list:
        return self.migrations().applied(db)

    def apply(self, db: Database, **options: Any) -> None:
        self.migrations().apply(db, **options)

    @property
    def _migrations(self) -> list:
        # sqlite-utils' own list of them (name, function, transactional), as some tests read it.
        return self.migrations()._migrations
