"""The reflection tab: counts, what is owed, and the history by session, by framework or as a per-day summary.

The text itself is built by ``facilitator.render.reflections``; this widget holds the search and grouping.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from facilitator.render.reflections import GROUPINGS, history, owed_line
from facilitator.storage.errors import NotFound


class ReflectionHistory(Vertical):
    DEFAULT_CSS = """
    ReflectionHistory { height: 1fr; }
    ReflectionHistory #reflection-counts { padding: 0 1; color: $text; text-style: bold; background: $boost; }
    ReflectionHistory #reflection-owed { padding: 0 1; color: $warning; height: auto; }
    ReflectionHistory #reflection-tools { height: auto; padding: 0 1; }
    ReflectionHistory #reflection-search { width: 1fr; }
    ReflectionHistory #reflection-grouping { width: 26; }
    ReflectionHistory #reflection-body { padding: 0 1; height: auto; }
    """
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="reflection_search", show=False,
                tooltip="Search reflections: answers, names, assumptions"),
        Binding("g", "cycle_grouping", "Group by", id="reflection_grouping", show=False,
                tooltip="Show reflections by session, by framework, or as a per-day summary"),
    ]

    def __init__(self, event_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.event_id = event_id

    def compose(self) -> ComposeResult:
        yield Static("", id="reflection-counts", markup=False)
        yield Static("", id="reflection-owed", markup=False)
        with Horizontal(id="reflection-tools"):
            yield Input(placeholder="/ search answers, names, assumptions", id="reflection-search")
            yield Select(GROUPINGS, value="session", allow_blank=False, id="reflection-grouping")
        with VerticalScroll(id="reflection-scroll"):
            yield Static("", id="reflection-body")

    def on_mount(self) -> None:
        self.refresh_history()

    def on_show(self) -> None:
        # Switching to the tab puts the keyboard in the history, so / and g work at once.
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors_with_self:
            self.query_one("#reflection-scroll").focus()

    def action_focus_search(self) -> None:
        self.query_one("#reflection-search", Input).focus()

    def action_cycle_grouping(self) -> None:
        select = self.query_one("#reflection-grouping", Select)
        keys = [key for _, key in GROUPINGS]
        select.value = keys[(keys.index(str(select.value)) + 1) % len(keys)]

    @on(Input.Changed, "#reflection-search")
    @on(Select.Changed, "#reflection-grouping")
    def _changed(self) -> None:
        self.refresh_history()

    def _title(self, session_id: str | None) -> str | None:
        if session_id is None:
            return None
        try:
            return self.app.store.agenda.get(session_id).title
        except NotFound:
            return None

    def refresh_history(self) -> None:
        store = self.app.store
        event = store.events.get(self.event_id)
        reflections = store.reflections
        self.query_one("#reflection-counts", Static).update(reflections.counts(self.event_id).line(event.kind))
        owed: Text = owed_line(
            [self._title(session_id) for session_id in sorted(reflections.owed_session_ids(self.event_id))],
            sorted(reflections.owed_days(self.event_id)),
            reflections.event_review_owed(self.event_id),
        )
        line = self.query_one("#reflection-owed", Static)
        line.update(owed)
        line.display = bool(owed.plain)
        search = self.query_one("#reflection-search", Input).value
        found = reflections.history(self.event_id, search=search)
        grouping = str(self.query_one("#reflection-grouping", Select).value)
        body = history(event, found, grouping, self._title, searched=bool(search.strip()))
        self.query_one("#reflection-body", Static).update(body)
