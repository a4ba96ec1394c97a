"""Textual's Footer, its keys told whether they are compact before they mount.

A FooterKey starts compact (its own default), so in a footer that is not, each key was styled twice
while it mounted: the class ``-compact`` added by its first watcher, then removed by the binding to
``Footer.compact``; each change restyles the key. The list of events paints nine keys, twice (the footer
recomposes once the screen's focus settles): about 15 ms of its first paint. Given the footer's value
first, a key is styled once, as it will stay.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        # Grouped keys pass through here too: a key yielded inside a group's ``with`` is yielded all the same.
        # The command palette's key is not bound to the footer and keeps its own (compact) look.
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
