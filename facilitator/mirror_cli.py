"""`facilitator profile EVENT` (the method mirror) and `facilitator sustain` (gains that slip back)."""

from __future__ import annotations

import json

from facilitator.domain.mirror import Mirror
from facilitator.storage.store import Store


def mirror_lines(mirror: Mirror) -> list[str]:
    """The mirror as plain text: one block per element, then what would change the reading."""
    lines = [mirror.summary, ""]
    width = max(len(row.element.label) for row in mirror.rows)
    for row in mirror.rows:
        lines.append(f"{row.element.label:<{width}}  {row.closest.label:<15}  {row.measured}")
        lines.append(f"{'':<{width}}  {'':<15}  {row.reading}")
    changes = mirror.changes()
    if changes:
        lines += ["", f"What would make it read as {mirror.own.label}:"]
        lines += [f"  - {change}" for change in changes]
    return lines


def profile(store: Store, event_ref: str, as_json: bool) -> str:
    from facilitator.storage.mirror import event_mirror

    event = store.events.resolve(event_ref)
    found = event_mirror(store, event)
    if as_json:
        return json.dumps(found.as_json(), indent=2, ensure_ascii=False)
    return "\n".join([f"{event.title} ({event.kind.label})", *mirror_lines(found)])
