"""Keys are handled one at a time, each only after the previous one has fully landed.

Textual hands a key to the focused widget's queue and reads the next key at once. A key that moves
focus (tab, a verdict key) or opens a dialog (``d``) only takes effect after it has bubbled up to the
screen and the app, so a fast typist's next keys reach the old widget, or a dialog that has not yet
focused its first field: the subject swallows ``tab i f``. Facilitators type in bursts while talking.

``OrderedKeys`` (mixed into the App) holds keys that arrive while an earlier one is still being
handled and releases them in order once the app has settled: every message the key caused has been
handled by the app and by every widget of the current screen, a pushed screen has mounted, and the
focus its ``on_mount`` asked for is set. One general rule, so no dialog has to defend itself.

A key that arrives while nothing is in flight is handled at once, exactly as Textual would. Knowing
when a widget has handled its queue takes a few Textual 8 internals (a pump's message queue, its
pending callbacks); tests/ui/test_burst_typing.py fails if they change.
"""

from __future__ import annotations

import asyncio
from collections import deque

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

# A key is released after this long even if some widget never goes quiet (an animation, say):
# a stuck key would be worse than an early one.
SETTLE_LIMIT = 3.0


class OrderedKeys(App):
    """Mixin for the App: un-forwarded Key events wait their turn in ``_held_keys``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: deque[events.Key] = deque()
        self._released: set[int] = set()
        self._key_target: MessagePump | None = None
        self._key_task: asyncio.Task | None = None

    def keys_pending(self) -> bool:
        """Keys typed but not yet handled."""
        return bool(self._held_keys) or self._key_task is not None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if id(event) in self._released:
                self._released.discard(id(event))
            elif self._key_task is None:
                # Nothing in flight: handle this key now, as Textual would, and hold the next ones
                # until it has landed.
                self._key_task = asyncio.create_task(self._release_keys())
            else:
                self._held_keys.append(event)
                return
            # Where Textual is about to send it: the key's journey starts here and bubbles up.
            self._key_target = self.focused or self.screen
        await super().on_event(event)

    async def _release_keys(self) -> None:
        try:
            await self._settle()
            while self._held_keys and self.is_running:
                key = self._held_keys.popleft()
                self._released.add(id(key))
                # Posted back to the app's own queue, so the key is handled where Textual handles it.
                self.post_message(key)
                await self._settle()
        finally:
            self._key_task = None

    async def _settle(self) -> None:
        try:
            await asyncio.wait_for(self._settled(), SETTLE_LIMIT)
        except asyncio.TimeoutError:
            pass

    async def _settled(self) -> None:
        """Return once the key has finished bubbling and what it set off has been handled."""
        await _handled(self)
        # Hop by hop up the key's path: each node has passed the key on before its marker runs.
        node = self._key_target
        while node is not None:
            await _handled(node)
            node = node._parent
        for _ in range(MAX_PASSES):
            screen = self.screen
            if not screen.is_mounted:
                await screen._mounted_event.wait()
            busy = [
                pump
                for pump in (self, *screen.walk_children(with_self=True))
                if pump._message_queue.qsize() or pump._next_callbacks
            ]
            if not busy and screen.is_mounted:
                return
            for pump in busy:
                await _handled(pump)


# Passes over the screen's widgets after the key itself has landed: a pushed dialog mounts, then
# asks for focus; a picked verdict posts a message, whose handler moves focus on.
MAX_PASSES = 8


async def _handled(pump: MessagePump) -> None:
    """Wait until ``pump`` has handled everything queued before this call."""
    if pump._closing or pump._closed or not pump.is_running:
        return
    done = asyncio.Event()
    if pump.call_later(done.set):
        await done.wait()
