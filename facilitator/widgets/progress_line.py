"""A one-line progress bar that repaints only when the bar it draws changes.

Textual's ProgressBar is two widgets (a container and its Bar) and keeps an estimate of the time left
up to date once a second whether it is shown or not, repainting its line each time. The timer bar shows
the share of a session gone by and no estimate, so it draws the same bar (same characters, same
component classes for the theme's colours) from one number, rounded to the half cell it can show.
"""

from __future__ import annotations

from rich.style import Style
from textual.reactive import reactive
from textual.renderables.bar import Bar as BarRenderable
from textual.widget import Widget


class ProgressLine(Widget, can_focus=False):
    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    ProgressLine {
        width: 1fr;
        height: 1;
        &> .bar--bar { color: $primary; background: $surface; }
        &> .bar--complete { color: $success; background: $surface; }
    }
    """

    # The share done, 0 to 1, rounded to what the bar can draw: a tick that moves it less repaints nothing.
    done: reactive[float] = reactive(0.0)

    def _validate_done(self, done: float) -> float:
        halves = self.size.width * 2
        done = min(max(done, 0.0), 1.0)
        return int(done * halves) / halves if halves else done

    def render(self) -> BarRenderable:
        style = self.get_component_rich_style("bar--bar" if self.done < 1 else "bar--complete")
        return BarRenderable(
            highlight_range=(0, self.size.width * self.done),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
