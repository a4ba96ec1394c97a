"""Decisions confirmed before the laptop dies are all there after reopening (SIGKILL mid-capture)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from facilitator.domain.event import Event, EventKind
from facilitator.storage.store import Store

_WRITER = textwrap.dedent(
    """
    import sys
    from facilitator.domain.decision import DecisionDraft
    from facilitator.storage.store import Store

    store = Store(sys.argv[1])
    n = 0
    while True:
        decision = store.decisions.capture(sys.argv[2], DecisionDraft(f"Decision {n}", "in_scope", "team"), day=1)
        if n % 3 == 0:
            store.decisions.amend(decision.id, "rationale", f"Why {n}")
        print(decision.id, flush=True)  # the dialog would close now: the user saw it confirmed
        n += 1
    """
)


@pytest.mark.slow
def test_confirmed_decisions_survive_sigkill(tmp_path):
    path = tmp_path / "crash.db"
    store = Store(path)
    event = store.events.add(Event(title="Blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
    store.close()
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), event.id], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    confirmed = []
    try:
        while len(confirmed) < 40:
            line = process.stdout.readline()
            assert line, "the writer stopped before confirming anything"
            confirmed.append(line.strip())
        process.send_signal(signal.SIGKILL)  # while it is in the middle of the next capture
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    reopened = Store(path)
    try:
        stored = {d.id for d in reopened.decisions.page(event.id, limit=100_000)}
        assert set(confirmed) <= stored
        assert reopened.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        # The FTS index came back consistent with the table too.
        reopened.db.execute("insert into decisions_fts(decisions_fts) values ('integrity-check')")
        assert reopened.decisions.count(event.id) == len(stored)
    finally:
        reopened.close()
