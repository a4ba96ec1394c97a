"""The decision log of one event: newest first, filtered, searched as you type, loaded page by page.

Queries run in a worker thread on their own connection, so 10,000 decisions never stall the timer; a
decision captured meanwhile is added to the table in place, without reloading it. The log's digests are
checked once when it opens, in a worker too; a log that does not verify gets a warning line on top.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import DataTable, Input, Static

from facilitator.messages import DecisionLogBroken
from facilitator.domain.decision import DecidedBy, Decision, DecisionFilter, LogState, Verdict
from facilitator.storage.seal_checks import check_event_at_open
from facilitator.widgets.decision_cells import row_cells, verdict_styles
from facilitator.widgets.log_table import LogTable

# Rows per load: a 40-line screen's worth and a margin. Each keystroke of a search reloads the first
# page, and building rows is most of its cost, so a screenful (not the storage's 200) keeps typing as
# quick at 10,000 decisions as in an empty event; the cursor nearing the end loads the next page.
PAGE_SIZE = 60
_MORE_MARGIN = 20  # start loading the next page this many rows before the end
_COLUMNS = (("When", "when"), ("Verdict", "verdict"), ("By", "by"), ("Subject", "subject"), ("Tags", "tags"))
_FIXED_WIDTHS = {"when": 8, "verdict": 12, "by": 11}  # "d3 10:10", "out of scope", "facilitator"
_TAGS_WIDTH = 10  # "root-cause"; at 80 columns the subject keeps 27 characters


def _cycle(options: list, current):
    """The option after ``current``; None (no filter) comes first and after the last."""
    choices = [None, *options]
    index = choices.index(current) if current in choices else 0
    return choices[(index + 1) % len(choices)]


class DecisionLog(Vertical):
    DEFAULT_CSS = """
    DecisionLog { height: 1fr; }
    DecisionLog #decision-search { height: 1; border: none; padding: 0 1; background: $boost; }
    DecisionLog #decision-search:focus { background: $primary 25%; }
    DecisionLog #decision-filters { height: 1; color: $text-muted; padding: 0 1; }
    DecisionLog #decision-table { height: 1fr; }
    DecisionLog #decision-seal { height: auto; color: $error; text-style: bold; padding: 0 1; display: none; }
    DecisionLog.-broken #decision-seal { display: block; }
    """
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="decision_search", show=False, tooltip="Search decisions and amendments as you type"),
        Binding("v", "cycle_verdict", "Verdict", id="decision_filter_verdict", show=False, tooltip="Filter the log by verdict (press again for the next)"),
        Binding("y", "cycle_day", "Day", id="decision_filter_day", show=False, tooltip="Filter the log by day of the event"),
        Binding("b", "cycle_decided_by", "By", id="decision_filter_by", show=False, tooltip="Filter by who decided: facilitator, team, sponsor"),
        Binding("c", "cycle_state", "Current", id="decision_filter_state", show=False, tooltip="Show all, only current or only superseded decisions"),
        Binding("t", "cycle_session", "Session", id="decision_filter_session", show=False, tooltip="Filter by the session a decision was taken in"),
        Binding("z", "clear_filters", "Clear", id="decision_filter_clear", show=False, tooltip="Clear the search and every filter"),
    ]

    filters: var[DecisionFilter] = var(DecisionFilter, init=False)

    @dataclass
    class Opened(Message):
        """The user opened a decision (enter on its row): show its history."""

        decision_id: str

    def __init__(self, event_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.event_id = event_id
        self.total = 0
        self.loading = False
        self._generation = 0
        self._last: Decision | None = None
        self._has_more = False
        self._styles: dict[Verdict, str] = {}
        self._sessions: dict[str, str] = {}
        self._days = 1
        self._keep: str | None = None  # the row to keep highlighted across a reload
        self._widths: dict[str, int | None] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="decision-seal", markup=False)
        yield Input(placeholder="/ search decisions (subject, rationale, tags, amendments)", id="decision-search", max_length=200)
        yield Static("", id="decision-filters", markup=False)
        yield LogTable(id="decision-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self._set_columns()
        self._styles = verdict_styles(self.app.theme_variables)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._load_first_page()
        self._check_seals()

    def _set_columns(self) -> bool:
        """Give each column its width for the space there is; True when they changed (the rows are gone).

        Fixed widths, the subject taking what is left: left to itself the table makes the subject as wide as
        the longest one, and at 80 columns the tags went off the screen.
        """
        width = self.size.width or self.app.size.width  # on a hidden tab: the log spans the screen when shown
        tags = _TAGS_WIDTH if 0 < width < 120 else 2 * _TAGS_WIDTH
        subject = max(20, width - sum(_FIXED_WIDTHS.values()) - tags - 2 * 5 - 2) if width else None
        widths = {**_FIXED_WIDTHS, "subject": subject, "tags": tags}
        if widths == self._widths:
            return False
        self._widths = widths
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label, key in _COLUMNS:
            table.add_column(label, key=key, width=widths[key])
        return True

    def on_resize(self) -> None:
        self._refit()

    def _refit(self) -> None:
        if self.size.width and self._set_columns():
            self.reload()

    def on_show(self) -> None:
        # A log mounted on a hidden tab had no width to fit its columns to: fit them once it is laid out.
        self.call_after_refresh(self._refit)
        # Opening the tab puts the keys (/ v y b c t z, enter) within reach at once.
        if self.screen.focused is None or self.screen.focused not in self.query("*"):
            self.query_one(DataTable).focus()

    def _theme_changed(self) -> None:
        self._styles = verdict_styles(self.app.theme_variables)
        self.reload()

    def set_context(self, days: int, sessions: dict[str, str]) -> None:
        """The event's number of days and its sessions (id -> title), for the day and session filters."""
        self._days = days
        self._sessions = sessions

    @property
    def _going(self) -> bool:
        """The log is closed or going: answers that arrive now are dropped, not painted.

        Textual marks every widget of a screen it removes as pruning, then removes the log's children before
        the log itself, one by one: a search answer, a capture or a seal check landing in between would find
        no table. One check here, at each way in, covers all of them.
        """
        return not self.is_attached or self._pruning

    # Loading ------------------------------------------------------------------------------------

    def watch_filters(self) -> None:
        self.reload()

    def follow(self) -> None:
        """Decisions were logged or amended elsewhere: reload, keeping the highlighted row in place.

        Quietly: the rows stay in view until the new ones arrive, so a log that follows a busy shell
        does not flash "loading" every second.
        """
        self._keep = self.highlighted_id()
        self._generation += 1
        self._load(self.filters, None, self._generation)

    def reload(self) -> None:
        self._generation += 1
        self.loading = True
        self._show_status()
        self._load(self.filters, None, self._generation)

    def _load_first_page(self) -> None:
        """The log as it opens, read at once on the screen's connection: a page and a count take about 1 ms
        at 10,000 decisions, while a worker's own connection, thread and hand-back took some 60 ms, so the
        event's first frames showed an empty log. Searches and filters (a read per keystroke) use the worker."""
        self._generation += 1
        decisions = self.app.store.decisions
        rows = decisions.page(self.event_id, self.filters, limit=PAGE_SIZE)
        self._show(rows, decisions.count(self.event_id, self.filters), False, self._generation)

    @work(thread=True, exclusive=True, group="decision-log")
    def _load(self, filters: DecisionFilter, after: Decision | None, generation: int) -> None:
        store = self.app.store.for_thread()
        try:
            rows = store.decisions.page(self.event_id, filters, after=after, limit=PAGE_SIZE)
            total = store.decisions.count(self.event_id, filters) if after is None else None
        finally:
            store.close()
        self.app.call_from_thread(self._show, rows, total, after is not None, generation)

    def _show(self, rows: list[Decision], total: int | None, append: bool, generation: int) -> None:
        if generation != self._generation or self._going:  # an older query answered after a newer one started
            return
        table = self.query_one(DataTable)
        if not append:
            table.clear()
        for decision in rows:
            if decision.id not in table.rows:
                table.add_row(*row_cells(decision, self._styles), key=decision.id)
        if total is not None:
            self.total = total
        if self._keep is not None and not append:
            if self._keep in table.rows:
                table.move_cursor(row=table.get_row_index(self._keep))
            self._keep = None
        if rows:
            self._last = rows[-1]
        elif not append:
            self._last = None
        self._has_more = len(rows) == PAGE_SIZE
        self.loading = False
        self._show_status()

    @work(thread=True, group="decision-seals")
    def _check_seals(self) -> None:
        store = self.app.store.for_thread()
        try:
            # Rehashes the whole log only when it may have changed since it last held (storage/seal_checks.py).
            broken = check_event_at_open(store.db, store.path, self.event_id)
        finally:
            store.close()
        if broken is not None:
            self.app.call_from_thread(self._show_broken, broken.describe())

    def _show_broken(self, what: str) -> None:
        if self._going:
            return
        self.query_one("#decision-seal", Static).update(
            f"Changed outside facilitator: {what}. Details: facilitator verify"
        )
        self.add_class("-broken")
        # Said once more over whichever tab is showing (the event opens on its charter, not on this log), as
        # a line above the tabs: a toast would sit over the very rows the facilitator needs to read.
        self.post_message(DecisionLogBroken(what))

    @on(DataTable.RowHighlighted, "#decision-table")
    def _maybe_more(self, message: DataTable.RowHighlighted) -> None:
        table = message.data_table
        if self._has_more and not self.loading and message.cursor_row >= table.row_count - _MORE_MARGIN:
            self.loading = True
            self._load(self.filters, self._last, self._generation)

    # A decision captured while the log is open -------------------------------------------------

    def add_decision(self, decision: Decision, superseded: Decision | None = None) -> bool:
        """Put a new decision in place (newest first) without reloading; True if the filters show it.

        ``superseded`` is the decision it changed, as it reads now (read here when not given).
        """
        if self._going:
            return False
        table = self.query_one(DataTable)
        if decision.supersedes_id and decision.supersedes_id in table.rows:
            if self.filters.state is LogState.CURRENT:
                table.remove_row(decision.supersedes_id)
                self.total -= 1
            else:
                old = superseded or self.app.store.decisions.get(decision.supersedes_id)
                for key, cell in zip(("when", "verdict", "by", "subject", "tags"), row_cells(old, self._styles)):
                    table.update_cell(decision.supersedes_id, key, cell)
        if not self.filters.matches(decision) or decision.id in table.rows:
            self._show_status()
            return False
        table.add_row(*row_cells(decision, self._styles), key=decision.id)
        table.sort("when", reverse=True)
        self.total += 1
        self._show_status()
        return True

    @on(DataTable.RowSelected, "#decision-table")
    def _row_selected(self, message: DataTable.RowSelected) -> None:
        message.stop()
        self.post_message(self.Opened(message.row_key.value))

    def highlighted_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    # Search and filters -------------------------------------------------------------------------

    @on(Input.Changed, "#decision-search")
    def _search_changed(self, message: Input.Changed) -> None:
        self.filters = replace(self.filters, text=message.value)

    @on(Input.Submitted, "#decision-search")
    def _search_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#decision-search", Input).focus()

    def action_cycle_verdict(self) -> None:
        self.filters = replace(self.filters, verdict=_cycle(list(Verdict), self.filters.verdict))

    def action_cycle_day(self) -> None:
        self.filters = replace(self.filters, day=_cycle(list(range(1, self._days + 1)), self.filters.day))

    def action_cycle_decided_by(self) -> None:
        self.filters = replace(self.filters, decided_by=_cycle(list(DecidedBy), self.filters.decided_by))

    def action_cycle_session(self) -> None:
        self.filters = replace(self.filters, session_id=_cycle(list(self._sessions), self.filters.session_id))

    def action_cycle_state(self) -> None:
        states = list(LogState)
        self.filters = replace(self.filters, state=states[(states.index(self.filters.state) + 1) % len(states)])

    def action_clear_filters(self) -> None:
        self.query_one("#decision-search", Input).value = ""
        self.filters = DecisionFilter()

    def _show_status(self) -> None:
        if self._going:
            return
        filters = self.filters
        table = self.query_one(DataTable)
        shown = f"{table.row_count:,} of {self.total:,}" if self._has_more else f"{self.total:,}"
        parts = [
            "loading..." if self.loading else f"{shown} decision{'s' if self.total != 1 else ''}",
            f"verdict: {filters.verdict.label if filters.verdict else 'all'}",
            f"day: {filters.day or 'all'}",
            f"by: {filters.decided_by.value if filters.decided_by else 'all'}",
            f"{filters.state.value}",
        ]
        if filters.session_id:
            parts.append(f"session: {self._sessions.get(filters.session_id, '?')}")
        status = Text(" - ".join(parts), no_wrap=True, overflow="ellipsis")
        self.query_one("#decision-filters", Static).update(status)
