"""Open follow-ups left by earlier events in the same area: what the last blitz on this line still owes."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from facilitator.domain.event import Event, EventStatus
from facilitator.domain.display import visible
from facilitator.domain.followup import FollowUp, FollowUpStatus, due_phrase
from facilitator.widgets.newspaper import Newspaper
from facilitator.widgets.theme_styles import on_theme_change, theme_styles


def earlier_summary(found: list[tuple[Event, FollowUp]], today: date, area_label: str) -> str:
    """One line for a notice: ``4 open follow-ups from earlier Product events (3 overdue).``"""
    overdue = sum(1 for _, item in found if item.is_overdue(today))
    plural = "s" if len(found) != 1 else ""
    late = f" ({overdue} overdue)" if overdue else ""
    return f"{len(found)} open follow-up{plural} from earlier {area_label} events{late}."


def day_notice(event: Event, store, today) -> str | None:
    """The event screen's line on what is still open when a day of the event starts (or before it starts):
    None when nothing is.

    Open follow-ups of earlier events in the same area first, then this event's own overdue items.
    """
    if event.status is EventStatus.DONE or today > event.end_date:
        return None
    parts = []
    earlier = store.followups.open_from_earlier_events(event)
    if earlier:
        parts.append(earlier_summary(earlier, today, event.area.label))
    own = [item for item in store.followups.for_event(event.id) if item.status.is_open and item.due_date <= today]
    if own:
        # The line must fit two rows at 80 columns: the items themselves are one key away.
        parts.append(f"This event: {len(own)} follow-up{'s' if len(own) != 1 else ''} due or overdue.")
    if not parts:
        return None
    day = event.day_on(today)
    word = "Day" if event.kind.value == "kaizen" else "Meeting"
    start = f"{word} {day}: " if day else "Before the event: "
    return start + " ".join(parts) + " Press 5 to see them."


class EarlierFollowUps(DataTable):
    """The open items of earlier events in the area, oldest due first; the same keys as the newspaper
    (``s`` moves on, ``b`` blocked, ``enter`` edits), so the loop can be closed at the next event."""

    DEFAULT_CSS = """
    EarlierFollowUps { height: auto; max-height: 8; }
    """
    BINDINGS = [
        Binding("s", "next_status", "Move on", id="earlier_next_status", show=False, tooltip="Move the earlier event's follow-up on"),
        Binding("b", "blocked", "Blocked", id="earlier_blocked", show=False, tooltip="Mark the earlier event's follow-up blocked"),
        Binding("enter", "edit", "Edit", id="earlier_edit", show=False, tooltip="Edit the earlier event's follow-up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", show_header=False, **kwargs)
        self.items: dict[str, FollowUp] = {}
        self._shown: tuple[list[tuple[Event, FollowUp]], date, str] | None = None

    def on_mount(self) -> None:
        on_theme_change(self, lambda widget: widget._redraw())

    def on_resize(self) -> None:
        self._redraw()

    def show(self, found: list[tuple[Event, FollowUp]], today: date, area_label: str) -> None:
        self._shown = (found, today, area_label)
        self._redraw()

    def _redraw(self) -> None:
        if self._shown is None:
            return
        found, today, area = self._shown
        styles = theme_styles(self.app)
        muted, late = styles["muted"], styles["error"] + Style(bold=True)
        selected = self._selected_id()
        self.clear(columns=True)
        width = self.size.width or self.app.size.width
        event_width, owner_width, when_width = (22, 14, 18) if width >= 100 else (14, 12, 16)
        action = max(16, width - event_width - owner_width - when_width - 2 * 4 - 2)
        self.add_column("Event", key="event", width=event_width)
        self.add_column("Action", key="action", width=action)
        self.add_column("Owner", key="owner", width=owner_width)
        self.add_column("When", key="when", width=when_width)
        self.items = {item.id: item for _, item in found}
        if not found:
            self.add_row(Text(""), Text(f"No open follow-ups from earlier {area} events.", style=muted), "", "", key="none")
            return
        for event, item in found:
            style = late if item.is_overdue(today) else Style()
            when = f"{item.status.label}, {due_phrase(item.due_date, today)}"
            self.add_row(
                Text(visible(event.title), style=muted, overflow="ellipsis", no_wrap=True),
                Text(visible(item.action), style=style, overflow="ellipsis", no_wrap=True),
                Text(visible(item.owner), overflow="ellipsis", no_wrap=True),
                Text(when, style=style if item.is_overdue(today) else muted, overflow="ellipsis", no_wrap=True),
                key=item.id,
            )
        if selected in self.items:
            self.move_cursor(row=self.get_row_index(selected))

    def _selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value if row_key.value in self.items else None

    def _selected(self) -> FollowUp | None:
        followup_id = self._selected_id()
        return self.items.get(followup_id) if followup_id else None

    def action_next_status(self) -> None:
        if item := self._selected():
            self.post_message(Newspaper.StatusAsked(item, item.status.next))

    def action_blocked(self) -> None:
        if item := self._selected():
            self.post_message(Newspaper.StatusAsked(item, FollowUpStatus.BLOCKED))

    def action_edit(self) -> None:
        if item := self._selected():
            self.post_message(Newspaper.EditAsked(item))
