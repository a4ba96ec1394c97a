"""`facilitator profile EVENT` (the method mirror) and `facilitator sustain` (gains that slip back)."""

from __future__ import annotations

import json

from facilitator.domain.mirror import Mirror
from facilitator.storage.store import Store


def mirror_lines(mirror: Mirror, too_early: str = "") -> list[str]:
    """The mirror as plain text: one block per element, then what would change the reading.

    ``too_early`` stands in for the overall reading of an event none of whose days is over yet."""
    lines = [too_early or mirror.summary, ""]
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
    from facilitator.domain.clock import local_today
    from facilitator.domain.mirror import too_early, too_early_words
    from facilitator.storage.mirror import days_past, event_mirror

    event = store.events.resolve(event_ref)
    found = event_mirror(store, event)
    early = too_early(event.status, days_past(event, local_today(store.clock)))
    if as_json:
        return json.dumps({**found.as_json(), "too_early": early}, indent=2, ensure_ascii=False)
    words = too_early_words(event.kind) if early else ""
    return "\n".join([f"{event.title} ({event.kind.label})", *mirror_lines(found, words)])


def sustain(store: Store, as_json: bool, slip_share: int) -> str:
    from facilitator.storage.sustain import done_events_sustain

    found = done_events_sustain(store, slip_share)
    if as_json:
        return json.dumps([item.as_json() for _, items in found for item in items], indent=2, ensure_ascii=False)
    if not found:
        return "No done event has targets yet."
    lines = [f"Flagged when more than {slip_share}% of a target's gain is given back (setting: slip_share)."]
    for event, items in found:
        lines += ["", f"{event.title} (ended {event.end_date.isoformat()}, {event.id[:8]})"]
        for item in items:
            flag = "SLIPPING" if item.slipping else "        "
            lines.append(f"  {flag}  {item.line()}")
    return "\n".join(lines)
