"""Countdown digits drawn from a block font and scaled to fill the widget, for the back of the room.

Textual's ``Digits`` is always 3 rows high; on a projector that is a line of text. This widget draws
each character from a 5x7 font and stretches it (nearest neighbour) to the space it is given: as tall
as the height allows, as wide as the width allows, keeping roughly the font's shape (a terminal cell
is about twice as tall as it is wide). The colour comes from the widget's CSS ``color``, so themes and
the alarm state (``$error``) apply as for any text.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

FONT_HEIGHT = 7
# Each glyph is FONT_HEIGHT rows of equal width; "#" is ink.
FONT: dict[str, tuple[str, ...]] = {
    "0": (" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "),
    "2": (" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"),
    "3": ("#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "),
    "4": ("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "),
    "5": ("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "),
    "6": ("  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "),
    "8": (" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "),
    "9": (" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "),
    ":": (" ", "#", "#", " ", "#", "#", " "),
    "+": ("     ", "  #  ", "  #  ", "#####", "  #  ", "  #  ", "     "),
    "-": ("     ", "     ", "     ", "#####", "     ", "     ", "     "),
    " ": ("   ",) * FONT_HEIGHT,
}
GAP = 1  # font pixels between characters
INK = "█"
# A font pixel is drawn about twice as wide as tall in cells, so the digits keep their shape.
CELL_ASPECT = 2.0
# Where the width is short, the digits get narrower (down to square cells) before they get shorter.
MIN_ASPECT = 1.0


def font_bitmap(text: str) -> list[str]:
    """The text as FONT_HEIGHT rows of '#' and ' ' (unknown characters are drawn as '-')."""
    rows = [""] * FONT_HEIGHT
    for index, char in enumerate(text):
        glyph = FONT.get(char, FONT["-"])
        for row in range(FONT_HEIGHT):
            rows[row] += (" " * GAP if index else "") + glyph[row]
    return rows


def scaled(text: str, width: int, height: int) -> list[str]:
    """The text drawn in blocks to fit ``width`` x ``height`` cells, as large as it can be."""
    bitmap = font_bitmap(text)
    columns = len(bitmap[0]) if bitmap else 0
    if width <= 0 or height <= 0 or columns == 0:
        return []
    # As tall as the height allows, unless even the narrowest acceptable shape would not fit the width.
    out_height = max(1, min(height, width * FONT_HEIGHT // max(1, round(columns * MIN_ASPECT))))
    # As wide as the shape asks for at this height, but never wider than the space.
    out_width = max(1, min(width, round(columns * CELL_ASPECT * out_height / FONT_HEIGHT)))
    lines = []
    for y in range(out_height):
        source = bitmap[min(FONT_HEIGHT - 1, y * FONT_HEIGHT // out_height)]
        lines.append(
            "".join(INK if source[min(columns - 1, x * columns // out_width)] == "#" else " " for x in range(out_width))
        )
    return lines


class BigDigits(Widget):
    """A countdown such as ``12:34``, ``1:02:03`` or ``+03:10``, drawn as large as the widget allows."""

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        min-height: 3;
        text-style: bold;
    }
    """

    value: reactive[str] = reactive("--:--", layout=False)  # a new value repaints the widget

    def __init__(self, value: str = "--:--", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigDigits.value, value)
        self._lines: list[str] | None = None

    def update(self, value: str) -> None:
        """Same call as Textual's Digits, so a display can swap one for the other."""
        self.value = value

    def watch_value(self) -> None:
        self._lines = None

    def on_resize(self) -> None:
        self._lines = None

    def _layout(self) -> list[str]:
        """Every row of the widget, digits centred; computed once per value and size."""
        if self._lines is None:
            width, height = self.content_size.width, self.content_size.height
            drawn = scaled(self.value, width, height) or [self.value[:width]]
            top = max(0, (height - len(drawn)) // 2)
            left = " " * max(0, (width - len(drawn[0])) // 2)
            rows = [""] * top + [left + line for line in drawn]
            self._lines = [row.ljust(width)[:width] for row in rows + [""] * (height - len(rows))]
        return self._lines

    def render_line(self, y: int) -> Strip:
        # Drawn line by line: a Text would have its leading spaces trimmed, and the glyphs with them.
        lines = self._layout()
        text = lines[y] if 0 <= y < len(lines) else " " * self.content_size.width
        return Strip([Segment(text, self.rich_style)], self.content_size.width)

    @property
    def digit_rows(self) -> int:
        """How many rows the digits take at the current size (the test of 'readable from the back')."""
        return len(scaled(self.value, self.content_size.width, self.content_size.height))
