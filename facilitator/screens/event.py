"""The event: its areas as tabs (charter first; agenda, decisions, reflection and follow-up slot in)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Input, TabbedContent, TabPane

from facilitator.domain.clock import local_today
from facilitator.domain.display import visible
from facilitator.domain.errors import UserError
from facilitator.domain.event import Event, EventStatus
from facilitator.domain.timer import AgendaState
from facilitator.messages import (
    CauseChangeAsked, CountermeasureAsked, DatabaseChanged, DayStarted, DecisionLogBroken, DecisionLogged, EventChanged,
    SessionFinished,
)
from facilitator.screens import decision_flow, followup_flow, mirror_flow
from facilitator.screens.event_areas import AREAS, TITLES, area_widgets, takes_area_focus
from facilitator.screens.timer_controls import TIMER_BINDINGS, TimerControls
from facilitator.widgets.charter_view import CharterView
from facilitator.widgets.day_notice import DayNotice
from facilitator.widgets.decision_insights import DecisionInsights
from facilitator.widgets.decision_log import DecisionLog
from facilitator.widgets.key_bar import KeyBar
from facilitator.widgets.mirror_nudge import MirrorNudge
from facilitator.widgets.parking_count import ParkingCount
from facilitator.widgets.timer_bar import TimerBar

if TYPE_CHECKING:
    from facilitator.screens.reflection_flow import ReflectionFlow

# What only a key opens (the charter form, export, help, projector, reflection, changes from elsewhere) is
# imported when it first opens, not above: the event's first paint needs none of it (about 30 ms). So are
# the widgets and flows of the areas built later (agenda, reflection, follow-up, causes, fixes), when the
# area is built or its key first used (another 35 ms); tests/unit/test_event_imports.py holds both to it.

_NEXT_STATUS = {
    EventStatus.PLANNED: EventStatus.RUNNING,
    EventStatus.RUNNING: EventStatus.DONE,
    EventStatus.DONE: EventStatus.PLANNED,
}


class EventScreen(TimerControls, Screen[None]):
    # Its one rule rides with the class, not in a .tcss file: a screen's first file makes Textual parse
    # every stylesheet of the app again and restyle every widget of the list behind it (about 20 ms of
    # the event's first paint); a class's own CSS is parsed alone as it first mounts.
    DEFAULT_CSS = "EventScreen #areas { height: 1fr; }"
    # The footer holds what a facilitator needs during a session, in the order of a session (at 80
    # columns there is room for no more); every other key is in the help panel (?) and the palette.
    BINDINGS = [
        *TIMER_BINDINGS,
        Binding("d", "capture_decision", "Decide", id="capture_decision", tooltip="Log a scope decision now; the timer keeps running"),
        Binding("a", "add_followup", "Follow-up", id="add_followup", tooltip="Add a follow-up (action, owner, due date) from anywhere in the event"),
        Binding("P", "parking_lot", "Parking", id="parking_lot", tooltip="Parking lot: resolve parked items or carry them to the debrief"),
        Binding("r", "reflect", "Reflect", id="reflect", tooltip="Reflect now: an owed reflection, else the current or last session"),
        Binding("m", "record_measurement", "Measure", id="record_measurement", tooltip="Record a measurement for one of the charter's targets"),
        Binding("o", "report_out", "Report", id="report_out", tooltip="Report-out of today: sessions, scope changes, follow-ups, targets"),
        Binding("x", "export", "Export", id="export", tooltip="Export the event (report-out, JSON, CSV, HTML); the timer keeps running"),
        Binding("S", "cycle_status", "Status", id="cycle_status", tooltip="Move the event on: planned, running, done"),
        Binding("question_mark", "key_help", "Help", id="key_help", key_display="?", tooltip="Every key of this screen, by area"),
        Binding("w", "take_attendance", "Who's here", id="take_attendance", show=False,
                tooltip="Who was there: the checklist of the highlighted (or running) session; space, r role, g guest"),
        Binding("v", "attach_evidence", "Evidence", id="attach_evidence", show=False,
                tooltip="Photos and files of the highlighted session (in the follow-up area: of a target); attach by path"),
        # v gives dots in 7 Fixes and switches views in 6 Causes: F reaches the files of what is highlighted there.
        Binding("F", "attach_evidence", "Files", id="attach_evidence_files", show=False,
                tooltip="Photos and files of what is highlighted: a session, a target, a cause or a countermeasure"),
        Binding("M", "method_mirror", "Mirror", id="method_mirror", show=False, tooltip="The method mirror: does this event behave like Action Learning, a Kaizen event or a task force?"),
        Binding("escape", "back", "Events", id="back_to_events", show=False, tooltip="Back to the list of events (in a field: clear it, then leave it)"),
        Binding("e", "edit_charter", "Edit charter", id="edit_charter", show=False, tooltip="Edit the charter: scope, team, targets"),
        Binding("1", "show_tab('charter')", "Charter", id="tab_charter", show=False, tooltip="Show the charter"),
        Binding("2", "show_tab('agenda')", "Agenda", id="tab_agenda", show=False, tooltip="Show the day's agenda"),
        Binding("3", "show_tab('decisions')", "Decisions", id="tab_decisions", show=False, tooltip="Show the decision log"),
        Binding("4", "show_tab('reflection')", "Reflection", id="tab_reflection", show=False, tooltip="Show the reflections"),
        Binding("5", "show_tab('followup')", "Follow-up", id="tab_followup", show=False, tooltip="Show the follow-ups and targets"),
        Binding("6", "show_tab('causes')", "Causes", id="tab_causes", show=False, tooltip="Show the fishbone and the 5 Whys"),
        Binding("7", "show_tab('countermeasures')", "Fixes", id="tab_countermeasures", show=False, tooltip="Show the countermeasures ranked by the team, and the effort/impact 2x2"),
    ]

    event: var[Event | None] = var(None)

    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id
        self._building: dict[str, asyncio.Future[None]] = {}
        self._built: set[str] = {"charter", "decisions"}

    async def area_ready(self, tab: str) -> None:
        """Build the area ``tab`` (once) and return when its widgets are mounted and show the event as it is."""
        if tab in self._built or tab not in TITLES:
            return
        if tab not in self._building:
            self._building[tab] = asyncio.ensure_future(self._build_area(tab))
        await asyncio.shield(self._building[tab])

    async def _build_area(self, tab: str) -> None:
        await self.query_one(f"#{tab}", TabPane).mount_all(area_widgets(tab, self.event_id))
        self._built.add(tab)
        # Mounted now, so it shows the event as it is now (a change in between reached only the built areas).
        if tab == "agenda":
            self.reload_timer()  # the sessions and their clocks
        elif self.event is not None:
            self._show_area(tab, self.event)

    def _show_area(self, tab: str, event: Event) -> None:
        """(Re)read the event into a built area that shows it as a whole (the agenda follows the timer)."""
        if tab == "followup":
            followup_flow.show_event(self, event)
        elif tab == "causes":
            from facilitator.screens import causes_flow

            causes_flow.show(self, event, hidden=True)
        elif tab == "countermeasures":
            from facilitator.screens import countermeasure_flow

            countermeasure_flow.show_event(self, event)

    async def all_areas_ready(self) -> None:
        for tab, _title in AREAS:
            await self.area_ready(tab)

    def compose(self) -> ComposeResult:
        # No Header: the timer bar docks over the same top rows, and a hidden header still cost a repaint
        # of its line (and its clock's) with every countdown tick. The title lives in the tab's key help.
        yield TimerBar(id="timer-bar")
        yield ParkingCount(id="parking-count")
        yield MirrorNudge(id="mirror-nudge")
        yield DayNotice(id="day-notice")
        yield DayNotice(id="log-notice", classes="-alarm")
        with TabbedContent(id="areas"):
            with TabPane("1 Charter", id="charter"):
                with VerticalScroll():
                    yield CharterView(id="charter-view")
                    yield DecisionInsights(id="decision-insights")
            # The other areas are built the first time they are needed (shown, or a key that works in them):
            # their widgets and styles cost several times the charter's, and the event opens on the charter.
            # The decision log is built at once: it checks the log's seals, whose alarm shows in every area.
            for tab, title in AREAS[1:]:
                if tab == "decisions":
                    with TabPane(title, id=tab):
                        yield DecisionLog(self.event_id, id="decision-log")
                else:
                    yield TabPane(title, id=tab)
        # Two rows: the eleven keys of a session fit at 80 columns; the rest are behind ? and ctrl+p.
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.reload()
        if self.event is not None:
            followup_flow.greet(self, self.event)
        self._today = local_today(self.app.clock)
        self.set_interval(followup_flow.DAY_CHECK_SECONDS, self.check_new_day)

    def check_new_day(self) -> None:
        self._today = followup_flow.new_day(self, self.event, self._today)

    def reload(self) -> None:
        self.event = self.app.store.events.get(self.event_id)

    def timer_event(self) -> Event:
        # The screen already holds the event; a timer action need not read it again.
        return self.event if self.event is not None else super().timer_event()

    def watch_event(self, event: Event | None) -> None:
        if event is None:
            return
        self.title = visible(event.title)
        self.sub_title = f"{event.kind.label} - {event.status.value}"
        self.query_one(CharterView).event = event
        decision_flow.show_event(self, event)
        for tab in ("followup", "causes", "countermeasures"):
            if tab in self._built:  # an area not built yet reads the event when it is
                self._show_area(tab, event)
        mirror_flow.refresh(self, event)

    def show_agenda(self, state: AgendaState, event: Event) -> None:
        if "agenda" in self._built:  # not built yet: it reads the timer when it is
            from facilitator.widgets.agenda_view import AgendaView

            for view in self.query(AgendaView):
                view.show(state, event)

    async def action_key_help(self) -> None:
        from facilitator.screens.key_help import KeyHelpScreen, key_groups

        await self.all_areas_ready()  # the help lists the keys of every area, read from its widgets
        self.app.push_screen(KeyHelpScreen(self.title or "event", key_groups(self)))

    def action_back(self) -> None:
        # Esc in a search box clears it, then leaves it; only Esc with no field in hand leaves the event.
        field = self.focused
        if isinstance(field, Input):
            if field.value:
                field.value = ""
            else:
                self.set_focus(None)
                self._focus_area(self.query_one(TabbedContent).active)
            return
        self.app.pop_screen()

    async def action_show_tab(self, tab: str) -> None:
        # Built before it shows, in the key's own turn: the keys typed after the digit wait for it (OrderedKeys).
        await self.area_ready(tab)
        # Let go of the focus first: a focused widget hidden by the switch hands focus to its neighbour
        # in the old area (the decision search), whose area then asks to be shown again.
        self.set_focus(None)
        self.query_one(TabbedContent).active = tab
        # Focus the area's list in the same turn: a key typed right after the digit (6 then N) must find it,
        # not an unfocused screen that drops it. After the refresh, the focus chain has the last word.
        pane = self.query_one(f"#{tab}", TabPane)
        first = next((w for w in pane.query("*") if takes_area_focus(w, pane)), None)
        if first is not None:
            first.focus(scroll_visible=False)
        self.call_after_refresh(self._focus_area, tab)

    def _focus_area(self, tab: str) -> None:
        """Focus the area's list, never a field that takes typing, so the next digit switches areas again."""
        if self.focused is not None:
            return
        pane = self.query_one(f"#{tab}", TabPane)
        target = next((w for w in self.focus_chain if pane in w.ancestors and takes_area_focus(w, pane)), None)
        if target is not None:
            target.focus()

    @work
    async def action_edit_charter(self) -> None:
        from facilitator.screens.charter_form import CharterFormScreen

        saved = await self.app.push_screen_wait(CharterFormScreen(self.event))
        if saved is not None:
            self.event = saved
            # The day count or start date may have changed: the agenda and the clock follow the charter.
            self.reload_timer()
            self.notify("Charter saved")

    def session_started(self) -> None:
        if self.event is not None and self.event.status is EventStatus.PLANNED:
            self.reload()
            self.notify("The first session started: the event is now running.", markup=False)

    def action_timer_projector(self) -> None:
        from facilitator.screens.projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen(self.event_id, owner=self))

    def action_export(self) -> None:
        from facilitator.screens.export import open_export

        open_export(self.app, self.event_id, self.event.title if self.event else "")

    def action_cycle_status(self) -> None:
        assert self.event is not None
        status = _NEXT_STATUS[self.event.status]
        try:
            self.event = self.app.store.events.set_status(self.event.id, status)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Event is now {status.value}")
        if status is EventStatus.RUNNING:
            followup_flow.greet(self, self.event)
        self._reflection_flow().after_status(self.event)

    def _reflection_flow(self) -> ReflectionFlow:
        from facilitator.screens.reflection_flow import ReflectionFlow

        return ReflectionFlow(self, on_done=self._reflections_changed)

    def _reflections_changed(self) -> None:
        if "reflection" in self._built:
            from facilitator.widgets.reflection_history import ReflectionHistory

            for history in self.query(ReflectionHistory):
                history.refresh_history()
        if "agenda" in self._built:  # its "reflection owed" markers
            from facilitator.widgets.agenda_view import AgendaView

            for view in self.query(AgendaView):
                view.refresh_view()
        mirror_flow.refresh(self, self.event)

    def action_reflect(self) -> None:
        assert self.event is not None
        self._reflection_flow().on_demand(self.event)

    @on(SessionFinished)
    def _reflect_after_session(self, message: SessionFinished) -> None:
        """The cadence: Action Learning reflects after every session; a blitz at day end and event end."""
        self._reflection_flow().after_session(message.event_id, message.session_id, message.how)
        self._reflections_changed()

    # The follow-up area owns these dialogs, and the agenda the session in hand: each key builds its area
    # first, in the key's own turn, so the keys typed after it land in the dialog it opens.
    async def action_add_followup(self) -> None:
        await self.area_ready("followup")
        followup_flow.add_followup(self)

    async def action_record_measurement(self) -> None:
        await self.area_ready("followup")
        followup_flow.record_measurement(self)

    def action_report_out(self) -> None:
        followup_flow.open_report_out(self, self.event)

    async def action_take_attendance(self) -> None:
        await self.area_ready("agenda")
        from facilitator.screens import people_flow

        people_flow.take_attendance(self, self.event)

    async def action_attach_evidence(self) -> None:
        await self.area_ready("agenda")
        from facilitator.screens import people_flow

        people_flow.attach_evidence(self, self.event)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if "agenda" in self._built:  # the line under the agenda follows its highlighted session
            from facilitator.screens import people_flow

            people_flow.highlighted(self, self.event, message)

    def action_method_mirror(self) -> None:
        mirror_flow.open_mirror(self, self.event)

    def action_capture_decision(self) -> None:
        decision_flow.quick_capture(self, self.event)

    def action_parking_lot(self) -> None:
        decision_flow.open_parking_lot(self, self.event)

    @on(DecisionLogged)
    @on(EventChanged)
    def _decisions_changed(self, message: DecisionLogged | EventChanged) -> None:
        decision_flow.refresh(self, message)
        if isinstance(message, DecisionLogged):
            # The drift reads the reflections: the captured row is painted first, the nudge a frame later.
            self.call_after_refresh(mirror_flow.refresh, self, self.event)
        else:
            mirror_flow.refresh(self, self.event)

    @on(DecisionLogBroken)
    def _log_broken(self, message: DecisionLogBroken) -> None:
        self.query_one("#log-notice", DayNotice).say(
            f"Decision log changed outside facilitator: {message.what}. Tab 3 shows it; details: facilitator verify"
        )

    @on(DayStarted)
    def _day_started(self, message: DayStarted) -> None:
        self.query_one("#day-notice", DayNotice).say(message.notice)

    @on(DatabaseChanged)
    def _follow_database(self, message: DatabaseChanged) -> None:
        from facilitator.screens import follow_flow

        follow_flow.follow(self, message.changes)
        mirror_flow.refresh(self, self.event)  # decisions or reflections from a shell move the nudge too

    @on(TabbedContent.TabActivated)
    async def _tab_shown(self, message: TabbedContent.TabActivated) -> None:
        tab = message.pane.id or ""
        await self.area_ready(tab)  # a tab clicked with the mouse: built as it shows
        if tab == "causes":
            from facilitator.screens import causes_flow

            causes_flow.tab_shown(self, self.event, tab)
        followup_flow.tab_shown(self, tab)

    @on(CauseChangeAsked)
    def _causes_act(self, message: CauseChangeAsked) -> None:
        from facilitator.screens import causes_flow

        causes_flow.act(self, self.event, message)

    @on(DecisionLog.Opened)
    def _decision_opened(self, message: DecisionLog.Opened) -> None:
        decision_flow.open_history(self, self.event, message.decision_id)

    @on(CountermeasureAsked)
    def _countermeasure_asked(self, message: CountermeasureAsked) -> None:
        from facilitator.screens import countermeasure_flow

        countermeasure_flow.ask(self, self.event, message.what, message.item)
