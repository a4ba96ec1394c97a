"""The Kaizen newspaper: an event's follow-ups grouped by the 30/60/90-day review, overdue items in red.

A DataTable whose group headings are rows too (keys ``group:...``); item rows are keyed by follow-up id.
Keys while the table has focus: ``s`` moves an item on (open -> in progress -> done), ``b`` marks it
blocked, ``enter`` edits it (status and outcome included).
"""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from facilitator.widgets.row_key import key_under_cursor
from facilitator.widgets.theme_styles import on_theme_change, theme_styles
from facilitator.domain.followup import FollowUp, FollowUpStatus, due_phrase, group_by_review
from facilitator.domain.display import visible

_STATUS_MARK = {
    FollowUpStatus.OPEN: "o",
    FollowUpStatus.IN_PROGRESS: ">",
    FollowUpStatus.BLOCKED: "!",
    FollowUpStatus.DONE: "x",
}


class Newspaper(DataTable):
    DEFAULT_CSS = """
    Newspaper { height: auto; max-height: 100%; }
    """
    BINDINGS = [
        Binding("s", "next_status", "Move on", id="followup_next_status", show=False, tooltip="Move the follow-up on: open, in progress, done"),
        Binding("b", "blocked", "Blocked", id="followup_blocked", show=False, tooltip="Mark the follow-up blocked"),
        Binding("enter", "edit", "Edit", id="followup_edit", show=False, tooltip="Edit the follow-up: action, owner, due, status, outcome"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.items: dict[str, FollowUp] = {}
        self._shown: tuple[list[FollowUp], date, date] | None = None

    def on_mount(self) -> None:
        on_theme_change(self, lambda widget: widget._redraw())

    def on_resize(self) -> None:
        self._redraw()

    def _add_columns(self) -> bool:
        """The action column takes what the others leave; narrow terminals drop the outcome column."""
        width = self.size.width or self.app.size.width
        wide = width >= 100
        fixed = {"due": 10, "owner": 16 if wide else 14, "status": 13}
        if wide:
            fixed["outcome"] = 22
        action = max(20, width - sum(fixed.values()) - 2 * (len(fixed) + 1) - 2)
        self.add_column("Due", key="due", width=fixed["due"])
        self.add_column("Action", key="action", width=action)
        self.add_column("Owner", key="owner", width=fixed["owner"])
        self.add_column("Status", key="status", width=fixed["status"])
        if wide:
            self.add_column("Outcome / when", key="outcome", width=fixed["outcome"])
        return wide

    def show(self, items: list[FollowUp], event_end: date, today: date) -> None:
        self._shown = (items, event_end, today)
        self._redraw()

    def _redraw(self) -> None:
        if self._shown is None:
            return
        items, event_end, today = self._shown
        styles = theme_styles(self.app)
        overdue_style = styles["error"] + Style(bold=True)
        muted = styles["muted"]
        heading = styles["primary"] + Style(bold=True)
        selected = self.selected_id()
        self.clear(columns=True)
        wide = self._add_columns()
        self.items = {item.id: item for item in items}
        if not items:
            cells = [Text(""), Text("No follow-ups yet: press a to add one.", style=muted), "", ""]
            self.add_row(*cells, *([""] if wide else []), key="group:empty")
            return
        for group in group_by_review(items, event_end):
            open_count = sum(1 for item in group.items if item.status.is_open)
            overdue = sum(1 for item in group.items if item.is_overdue(today))
            tally = f"{open_count} open" + (f", {overdue} late" if overdue else "")
            cells = [Text("review", style=muted), Text(group.title, style=heading), Text(tally, style=muted), ""]
            self.add_row(*cells, *([""] if wide else []), key=f"group:{group.days}")
            for item in group.items:
                late = item.is_overdue(today)
                done = item.status is FollowUpStatus.DONE
                style = overdue_style if late else (muted if done else Style())
                when = due_phrase(item.due_date, today) if item.status.is_open else ""
                cells = [
                    Text(item.due_date.isoformat(), style=style),
                    Text(visible(item.action), style=style, overflow="ellipsis", no_wrap=True),
                    Text(visible(item.owner), style=style if late else Style(), overflow="ellipsis", no_wrap=True),
                    Text(f"{_STATUS_MARK[item.status]} {item.status.label}", style=style),
                ]
                if wide:
                    outcome = item.outcome or when
                    cells.append(Text(visible(outcome), style=overdue_style if late else muted, overflow="ellipsis", no_wrap=True))
                self.add_row(*cells, key=item.id)
        if selected in self.items:
            self.move_cursor(row=self.get_row_index(selected))

    def selected_id(self) -> str | None:
        return key_under_cursor(self, placeholder="group:")

    def selected(self) -> FollowUp | None:
        followup_id = self.selected_id()
        if followup_id is None:
            self.notify("Move to a follow-up first (the review headings are not items).", severity="warning")
            return None
        return self.items.get(followup_id)

    def action_next_status(self) -> None:
        if item := self.selected():
            self.post_message(self.StatusAsked(item, item.status.next))

    def action_blocked(self) -> None:
        if item := self.selected():
            self.post_message(self.StatusAsked(item, FollowUpStatus.BLOCKED))

    def action_edit(self) -> None:
        if item := self.selected():
            self.post_message(self.EditAsked(item))

    class StatusAsked(Message):
        """The facilitator asked to move ``item`` to ``status``; the follow-up area saves it."""

        def __init__(self, item: FollowUp, status: FollowUpStatus) -> None:
            super().__init__()
            self.item = item
            self.status = status

    class EditAsked(Message):
        def __init__(self, item: FollowUp) -> None:
            super().__init__()
            self.item = item
