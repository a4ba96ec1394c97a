"""Textual's Footer, its keys told whether they are compact before they mount, and mounted again only when they change.

A FooterKey starts compact (its own default), so in a footer that is not, each key was styled twice
while it mounted: the class ``-compact`` added by its first watcher, then removed by the binding to
``Footer.compact``; each change restyles the key. The list of events paints nine keys, twice (the footer
recomposes once the screen's focus settles): about 15 ms of its first paint. Given the footer's value
(and its class) first, a key is styled once, as it will stay.

A screen tells its footer each time its bindings may have changed: its mount, each move of the focus, a
suspend behind a screen pushed over it. Textual's footer then removes and mounts all its keys again, even
when they are the same keys: opening an event did that three times for the event's key bar and three
times for the list's footer behind it (about 40 ms). This one recomposes only when what it shows changed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    _shown: tuple | None = None  # what the keys mounted now show (None: none yet)

    def compose(self) -> ComposeResult:
        # Grouped keys pass through here too: a key yielded inside a group's ``with`` is yielded all the same.
        # The command palette's key is not bound to the footer and keeps its own (compact) look.
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()

    def _keys_shown(self) -> tuple | None:
        """Everything Footer.compose reads: the same value composes the same keys."""
        if not self._bindings_ready or not self.is_attached:
            return None
        app = self.app
        active = self.screen.active_bindings
        keys = tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip,
             binding.tooltip, (binding.group.description, binding.group.compact) if binding.group else None)
            for _node, binding, enabled, tooltip in active.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = (binding.key, app.get_key_display(binding), binding.description, enabled, binding.tooltip)
        return keys, palette, self.compact
