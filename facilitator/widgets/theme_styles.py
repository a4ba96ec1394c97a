"""Rich styles from the active theme's variables, for widgets that render Rich Text (tables, reports).

Textual CSS colours such as ``$text-muted`` ("auto 60%") are not Rich colours; this resolves them, so
rendered text follows every theme, including the projector and high-contrast ones.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from rich.style import Style
from textual.app import App
from textual.color import Color, ColorParseError
from textual.dom import DOMNode


def _color(value: str | None) -> Color | None:
    if not value:
        return None
    try:
        return Color.parse(value)
    except ColorParseError:
        return None


def theme_styles(app: App) -> dict[str, Style]:
    """``error``, ``success``, ``warning``, ``primary`` (bold-ready colours) and ``muted`` (60% text)."""
    variables = app.get_css_variables()
    styles: dict[str, Style] = {}
    for name in ("error", "success", "warning", "primary"):
        color = _color(variables.get(name))
        styles[name] = Style(color=color.rich_color) if color else Style()
    background = _color(variables.get("background"))
    foreground = _color(variables.get("foreground"))
    if background and foreground:
        styles["muted"] = Style(color=background.blend(foreground.with_alpha(1.0), 0.6).rich_color)
    else:
        styles["muted"] = Style(dim=True)
    return styles


def on_theme_change(node: DOMNode, redraw: Callable[[DOMNode], object]) -> None:
    """Call ``redraw(node)`` (on the node's own queue) whenever the theme changes, without keeping it alive.

    Textual's signal keys its subscribers weakly, but its default wrapper closes over the node, and a bound
    method or a lambda over ``self`` holds it too: every closed report-out, with its whole rendered report,
    stayed in memory for good. Here nothing in the subscription refers to the node except weakly, so a
    dismissed screen is freed and its entry drops out of the signal by itself.
    """
    ref = weakref.ref(node)

    def changed(_theme: object) -> None:
        target = ref()
        if target is not None and target.is_attached:
            target.call_next(redraw, target)

    node.app.theme_changed_signal.subscribe(node, changed, immediate=True)
