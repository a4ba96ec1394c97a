"""Type the way a facilitator does while talking: many keys at once, without waiting for the screen.

``pilot.press`` waits for the app to go idle after every key, which hides exactly the races a fast
typist meets. ``burst`` hands all the keys to the driver in one go, as a terminal does with a burst
of input, and only then waits.
"""

from __future__ import annotations

import asyncio
import unicodedata

from textual import events
from textual.keys import _character_to_key, _get_unicode_name_from_key, REPLACED_KEYS


def key_events(keys) -> list[events.Key]:
    made = []
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(original))
        except KeyError:
            char = key if len(key) == 1 else None
        made.append(events.Key(key, char))
    return made


def typed(text: str) -> list[str]:
    """The keys that type ``text`` (a space is the space key)."""
    return ["space" if char == " " else char for char in text]


async def burst(pilot, keys, *, settle: float = 60.0, until=None) -> None:
    """Send every key without pausing between them, then wait until ``until()`` holds (or settle)."""
    app = pilot.app
    for event in key_events(keys):
        event.set_sender(app)
        app._driver.send_message(event)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settle
    while loop.time() < deadline:
        await pilot.pause()
        if until is None or until():
            break
    await pilot.pause()
