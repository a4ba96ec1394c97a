"""The sqlite-utils Database every writer uses: write transactions that queue for the lock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlite_utils import Database


class WritingDatabase(Database):
    """A Database whose write transactions take the write lock first.

    sqlite-utils' ``atomic()`` opens a deferred transaction: it reads under a shared lock and upgrades
    when it first writes. In WAL mode an upgrade after another connection committed fails at once with
    "database is busy", whatever the busy timeout, so parallel writers (two CLI loops, the cockpit and
    Datasette) were refused. ``BEGIN IMMEDIATE`` queues on the busy timeout instead.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Run after each outermost commit (e.g. removing evidence files whose last row went).
        self.after_commit: list[Callable[[], None]] = []
        self._in_after_commit = False

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:  # nested: a savepoint inside the transaction already holding the lock
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise
        if self.after_commit and not self._in_after_commit:
            self._in_after_commit = True  # a hook's own transaction does not run the hooks again
            try:
                for hook in self.after_commit:
                    hook()
            finally:
                self._in_after_commit = False
