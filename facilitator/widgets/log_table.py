"""A DataTable that paints its one-line Text cells straight into segments.

DataTable repaints every row in sight whenever a row is added, removed or sorted (its caches are keyed
on a count that each change bumps, and each cell carries its row index for the mouse). A capture on top
of a full log therefore repaints a screenful of cells, and DataTable paints each one through Rich's
Styled(Padding(cell)) and two passes of line splitting: at 10,000 decisions that repaint was most of
what a capture cost over an empty event. Here a cell that is one line of plain Text (every cell of the
decision log) is cut to its width and styled in one pass, with the same styles in the same order; any
other cell, the header and row labels go through DataTable's own painting. A test paints tables both
ways and compares them cell by cell, so a Textual release that paints differently is caught.
"""

from __future__ import annotations

from rich.protocol import rich_cast
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable


class LogTable(DataTable):
    def _render_cell(
        self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool = False, hover: bool = False
    ) -> list[list[Segment]]:
        if row_index < self.fixed_rows or column_index < self.fixed_columns:  # header (-1), labels, fixed cells
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        # DataTable's own cache key: a cell painted by either path is found by both.
        cache_key = (
            row_key, self._column_locations.get_key(column_index), base_style, cursor, hover,
            self._show_hover_cursor, self._update_count, self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        cell = rich_cast(self._get_row_renderables(row_index).cells[column_index])
        options = self.app.console_options
        if (
            not isinstance(cell, Text) or self.rows[row_key].height != 1
            or (cell.justify or options.justify or "default") != "default"
            or "\n" in cell.plain or "\t" in cell.plain
        ):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
        )
        console = self.app.console
        pad = self.cell_padding
        inner = max(0, width - 2 * pad)
        if cell.cell_len > inner:
            cell = cell.copy()
            cell.truncate(inner, overflow=cell.overflow or options.overflow or "fold")
        # The text's own style goes under its spans, as Rich's Text rendering puts it.
        text_style = console.get_style(cell.style) if cell.style else None
        rendered = cell.render(console)
        segments = [Segment(" " * pad)] if pad else []
        segments.extend(Segment.apply_style(rendered, style=text_style) if text_style else rendered)
        fill = max(0, inner - cell.cell_len) + pad
        if fill:
            segments.append(Segment(" " * fill))  # padding takes the row's style, not the text's
        style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        lines = [list(Segment.apply_style(segments, style=style, post_style=post_style))]
        self._cell_render_cache[cache_key] = lines
        return lines
