"""How the agenda table's cells are sized and compared: kept apart so the agenda area stays one screenful."""

from __future__ import annotations

from rich.text import Text


def same_cell(cell: Text, other: Text) -> bool:
    """Text's own == ignores the base style (a closed session's dim title): compare it too."""
    return cell.plain == other.plain and cell.style == other.style and cell.spans == other.spans


def column_widths(rows: list[list[Text]], headers: list[str], width: int) -> list[int]:
    """Each column's width from its cells, titles (column 1) shortened so every other column stays on
    screen (at least 12 characters).

    The table gets these widths explicitly instead of measuring its cells itself: DataTable measures on
    its next idle, and a redraw made while the event screen is covered (a reflection, a prompt) was painted
    on return with header-wide columns ("Kick-of", "runnin") and never repainted.
    """
    widths = [max([len(header), *(cells[index].cell_len for cells in rows)]) for index, header in enumerate(headers)]
    if rows and width:
        others = sum(w + 2 for index, w in enumerate(widths) if index != 1)
        room = max(12, width - others - 2 - 2)  # the title's own padding and the scrollbar
        for cells in rows:
            cells[1].truncate(room, overflow="ellipsis")
        widths[1] = min(widths[1], room)
    return widths
