"""Python's cyclic garbage collector while the cockpit starts.

Importing Textual and the cockpit and building the list of events allocates some 100,000 objects that live
as long as the app (modules, classes, compiled styles and bindings). At Python's usual thresholds the
collector walked them about 130 times before the first paint: 10 to 15 ms of a 300 ms start (counted with
``gc.callbacks``), and now and then one full pass of 12 to 20 ms more. ``hold`` (at the top of app.py,
before Textual is imported) lets it run rarely while the app starts; ``release``, once the first screen is
painted, freezes what start-up made out of its reach, so no later pass walks it either, and puts the usual
thresholds back for the session.
"""

from __future__ import annotations

import gc

_USUAL = gc.get_threshold()
STARTING = 50_000  # allocations between the young generation's passes while starting (usually 700)
_released = False


def hold() -> None:
    if not _released:
        gc.set_threshold(STARTING, *_USUAL[1:])


def release() -> None:
    """Once per process (a test session starts many apps): freezing again would keep each one's garbage."""
    global _released
    if _released:
        return
    _released = True
    gc.freeze()
    gc.set_threshold(*_USUAL)
