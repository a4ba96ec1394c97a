"""Decision-log digests at scale: sealing an existing log (the migration) and verifying it.

Run: .venv/bin/python bench/verify.py [N]
Prints figures; it asserts nothing. N decisions (default 10,000) in one event, plus one amendment in 10.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import _folders  # noqa: F401  (first: the cockpits a bench opens remember nothing in your folders)
from facilitator.domain.clock import FakeClock, to_iso
from facilitator.domain.event import Event, EventKind, new_id
from facilitator.storage.digests import check_event, seal_unsealed
from facilitator.storage.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from decisions import WORDS  # noqa: E402  (the same words as the decision-log bench)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACILITATOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["FACILITATOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        path = Path(tmp) / "verify.db"
        store = Store(path, FakeClock(datetime(2026, 11, 25, 12, 0, tzinfo=UTC)))
        event = store.events.add(Event(title="Bench", kind=EventKind.KAIZEN, start_date=date(2026, 11, 23), days=5))
        moment = to_iso(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
        decisions = [
            {"id": new_id(), "event_id": event.id, "day": 1, "subject": f"{WORDS[i % len(WORDS)]} #{i}",
             "verdict": "in_scope", "rationale": " ".join(WORDS[:8]), "decided_by": "team", "tags": "",
             "decided_at": moment}
            for i in range(n)
        ]
        amendments = [
            {"id": new_id(), "event_id": event.id, "decision_id": row["id"], "field": "rationale",
             "text": "measured again", "amended_at": moment}
            for row in decisions[::10]
        ]
        with store.db.atomic():
            store.db["decisions"].insert_all(decisions, batch_size=1000)
            store.db["decision_amendments"].insert_all(amendments, batch_size=1000)
        began = time.perf_counter()
        with store.db.atomic():
            sealed = seal_unsealed(store.db, event.id)
        seal_ms = (time.perf_counter() - began) * 1000
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            assert check_event(store.db, event.id) is None
            runs.append(time.perf_counter() - began)
        store.close()
        began = time.perf_counter()
        result = subprocess.run([str(Path(sys.executable).parent / "facilitator"), "--db", str(path), "verify"],
                                capture_output=True, text=True)
        cli_ms = (time.perf_counter() - began) * 1000
    print(f"decision digests: {n:,} decisions and {len(amendments):,} amendments in one event")
    print(f"  sealing an existing log (what the migration does)   {seal_ms:8.0f} ms for {sealed:,} records")
    print(f"  verifying the event (best of 5, in process)         {min(runs) * 1000:8.0f} ms")
    print(f"  `facilitator verify` end to end (process start too) {cli_ms:8.0f} ms: {result.stdout.strip()}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
