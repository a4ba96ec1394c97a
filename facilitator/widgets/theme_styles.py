"""Rich styles from the active theme's variables, for widgets that render Rich Text (tables, reports).

Textual CSS colours such as ``$text-muted`` ("auto 60%") are not Rich colours; this resolves them, so
rendered text follows every theme, including the projector and high-contrast ones.
"""

from __future__ import annotations

from rich.style import Style
from textual.app import App
from textual.color import Color, ColorParseError


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
