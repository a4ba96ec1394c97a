"""`facilitator verify [EVENT]`: check that every decision and amendment is still as it was sealed."""

from __future__ import annotations

from facilitator.storage.digests import check_event, head, seals
from facilitator.storage.store import Store


def verify(store: Store, event_ref: str | None = None) -> tuple[bool, str]:
    """(True, one OK line) or (False, one line naming the first broken record and its event)."""
    events = [store.events.resolve(event_ref)] if event_ref else store.events.list(include_archived=True)
    count = 0
    for event in events:
        broken = check_event(store.db, event.id)
        if broken is not None:
            return False, f"Broken: {event.title!r} ({event.id[:8]}): {broken.describe()}."
        count += len(seals(store.db, event.id))
    records = f"{count} decision{'s' if count != 1 else ''} and amendments"
    if event_ref:
        latest = head(store.db, events[0].id)
        last = f"; latest digest {latest[:16]}" if latest else ""
        return True, f"OK: {records} of {events[0].title!r} are sealed and unchanged{last}."
    return True, f"OK: {records} in {len(events)} event{'s' if len(events) != 1 else ''} are sealed and unchanged."
