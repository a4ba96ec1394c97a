"""Read-only view of an event's charter; the rendering itself is shared with the CLI."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.domain.event import Event
from facilitator.render.charter import charter_renderable


class CharterView(Static):
    DEFAULT_CSS = """
    CharterView { padding: 1 2; height: auto; }
    """

    event: reactive[Event | None] = reactive(None, layout=True)

    def render(self) -> RenderableType:
        return Text("") if self.event is None else charter_renderable(self.event)
