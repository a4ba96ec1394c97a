"""The team's ranking of countermeasures: effort, impact, dots, status and the causes each answers.

A DataTable keyed by countermeasure id, most dots first. Its keys only ask (a message up to the event
screen, whose flow opens the dialog), so the table never reaches for a screen itself.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from facilitator.domain.countermeasures import Countermeasure, Status
from facilitator.domain.display import visible
from facilitator.messages import CountermeasureAsked
from facilitator.widgets.row_key import key_under_cursor
from facilitator.widgets.theme_styles import on_theme_change, theme_styles

QUICK_MARK = "★"


class CountermeasureTable(DataTable):
    DEFAULT_CSS = """
    CountermeasureTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("i", "ask('add')", "Add", id="countermeasure_add", tooltip="Propose a countermeasure: what, effort, impact, the verified causes it answers"),
        Binding("enter", "ask('edit')", "Edit", id="countermeasure_edit", show=False, tooltip="Edit the countermeasure: text, effort, impact, causes"),
        Binding("v", "ask('vote')", "Dots", id="countermeasure_vote", tooltip="Give dots: each team member's dots on this countermeasure"),
        Binding("c", "ask('choose')", "Choose", id="countermeasure_choose", tooltip="Choose it: an in-scope decision and a follow-up (owner, due) in one step"),
        Binding("delete,backspace", "ask('drop')", "Drop", id="countermeasure_drop", key_display="del", tooltip="Drop it: out of scope or parked, logged as a decision"),
        Binding("g", "ask('grid')", "2x2", id="countermeasure_grid", tooltip="The effort/impact 2x2 with the quick wins marked (g again: the list)"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.items: dict[str, Countermeasure] = {}
        self._shown: tuple[list[Countermeasure], dict[str, str]] | None = None

    def on_mount(self) -> None:
        on_theme_change(self, lambda widget: widget._redraw())

    def on_resize(self) -> None:
        self._redraw()

    def show(self, items: list[Countermeasure], cause_texts: dict[str, str]) -> None:
        self._shown = (items, cause_texts)
        self._redraw()

    def _add_columns(self) -> None:
        width = self.size.width or self.app.size.width
        fixed = {"rank": 2, "effort": 1, "impact": 1, "dots": 4, "status": 8}
        answers = 16 if width < 100 else 30
        text = max(16, width - sum(fixed.values()) - answers - 2 * 7 - 2)
        self.add_column("#", key="rank", width=fixed["rank"])
        self.add_column("Countermeasure", key="text", width=text)
        self.add_column("E", key="effort", width=1)
        self.add_column("I", key="impact", width=1)
        self.add_column("Dots", key="dots", width=fixed["dots"])
        self.add_column("Status", key="status", width=fixed["status"])
        self.add_column("Answers", key="answers", width=answers)

    def _redraw(self) -> None:
        if self._shown is None:
            return
        items, cause_texts = self._shown
        styles = theme_styles(self.app)
        muted, quick = styles["muted"], styles["success"] + Style(bold=True)
        selected = self.selected_id()
        self.clear(columns=True)
        self._add_columns()
        self.items = {item.id: item for item in items}
        if not items:
            self.add_row("", Text("No countermeasures yet: press i to propose one.", style=muted), "", "", "", "", "", key="empty:")
            return
        for rank, item in enumerate(items, start=1):
            dropped = item.status is Status.DROPPED
            style = muted if dropped else Style()
            mark = Text(f"{QUICK_MARK} ", style=quick) if item.quick_win and not dropped else Text("")
            answers = "; ".join(visible(cause_texts.get(cause, "?")) for cause in item.cause_ids) or "-"
            self.add_row(
                Text(str(rank), style=style),
                Text.assemble(mark, Text(visible(item.text), style=style), no_wrap=True, overflow="ellipsis"),
                Text(str(item.effort), style=style),
                Text(str(item.impact), style=style),
                Text(str(item.dots), style=style + Style(bold=not dropped), justify="right"),
                Text(item.status.value, style=quick if item.status is Status.CHOSEN else style),
                Text(answers, style=muted, no_wrap=True, overflow="ellipsis"),
                key=item.id,
            )
        if selected in self.items:
            self.move_cursor(row=self.get_row_index(selected))

    def selected_id(self) -> str | None:
        return key_under_cursor(self, placeholder="empty:")

    def select(self, countermeasure_id: str) -> None:
        if countermeasure_id in self.items:
            self.move_cursor(row=self.get_row_index(countermeasure_id))

    def action_ask(self, what: str) -> None:
        item = self.items.get(self.selected_id() or "")
        if item is None and what not in ("add", "grid"):
            self.notify("No countermeasure yet: press i to propose one.", severity="warning")
            return
        self.post_message(CountermeasureAsked(what, item))

