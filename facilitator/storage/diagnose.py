"""A look at the database file for ``facilitator doctor``: read-only, never creating or migrating it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.storage.migrations import MIGRATIONS, known_names


@dataclass
class DatabaseReport:
    path: Path
    exists: bool = False
    size_bytes: int = 0  # the file with its WAL, as it takes space on disk
    applied: list[str] = field(default_factory=list)
    integrity: str = ""  # "ok", or the first line quick_check found
    problem: str | None = None  # one line: what is wrong, if anything

    @property
    def unknown(self) -> list[str]:
        """Migrations a newer facilitator applied, which this one does not know."""
        return [name for name in self.applied if name not in known_names()]

    @property
    def pending(self) -> list[str]:
        return [name for name in MIGRATIONS.names() if name not in self.applied]


def inspect(path: Path) -> DatabaseReport:
    report = DatabaseReport(Path(path))
    if not report.path.is_file():
        return report
    report.exists = True
    report.size_bytes = sum(p.stat().st_size for p in (report.path, report.path.with_name(report.path.name + "-wal")) if p.is_file())
    try:
        conn = sqlite3.connect(f"{report.path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        report.problem = f"cannot open: {error}"
        return report
    try:
        # The whole check, not the budgeted one opening does: doctor is asked to look at every page.
        found = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        report.integrity = "ok" if found == ["ok"] else found[0]
        if report.integrity != "ok":
            report.problem = f"damaged: {report.integrity}"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" in tables:
            report.applied = [
                row[0] for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                    [MIGRATIONS.name],
                )
            ]
        if not report.applied and tables:
            report.problem = report.problem or "not a facilitator database (no facilitator migrations)"
    except sqlite3.DatabaseError as error:
        report.problem = f"not a readable SQLite database ({error})"
    finally:
        conn.close()
    return report
