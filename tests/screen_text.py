"""Read what a widget shows as plain text, whatever it renders (Textual Content or a Rich renderable)."""

from __future__ import annotations

from rich.console import Console
from textual.content import Content
from textual.visual import RichVisual


def rendered_text(widget, width: int = 120) -> str:
    renderable = widget.render()
    if isinstance(renderable, RichVisual):
        renderable = renderable._renderable
    if isinstance(renderable, Content):
        return renderable.plain
    console = Console(width=width, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(renderable)
    return console.export_text()


def screen_text(app, width: int = 80) -> str:
    """The whole screen as the terminal shows it, dialogs and toasts on top included."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()
