"""Pictures of the follow-up tab (target sheet, newspaper, earlier events) and of the report-out.

Only the follow-up area or the report-out screen is hosted, on a FakeClock, so the pictures change when
this area does, not when other tabs do. Dark default at 120x40, the light projector theme at 80x24.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from facilitator.config import DEFAULT_THEME
from facilitator.demo import charters, followups
from facilitator.demo.charters import BLITZ_ID
from facilitator.domain.clock import local_today
from facilitator.screens.report_out import ReportOutScreen
from facilitator.themes import load_themes
from facilitator.widgets.followup_area import FollowUpArea


class _Host(App[None]):
    def __init__(self, store, theme: str = DEFAULT_THEME, report_day: int | None = None) -> None:
        super().__init__()
        self.store = store
        for custom in load_themes().themes:
            self.register_theme(custom)
        self.theme = theme
        self.report_day = report_day

    @property
    def clock(self):
        return self.store.clock

    def compose(self) -> ComposeResult:
        yield FollowUpArea(id="area")

    def on_mount(self) -> None:
        self.query_one(FollowUpArea).load(self.store.events.get(BLITZ_ID))
        if self.report_day is not None:
            self.push_screen(ReportOutScreen(BLITZ_ID, self.report_day))


def _seeded(store):
    today = local_today(store.clock)
    with store.db.atomic():
        charters.seed(store, today)
        followups.seed(store, today)
    return store


def test_followup_tab(snap_compare, store):
    assert snap_compare(_Host(_seeded(store)), terminal_size=(120, 40))


def test_followup_tab_projector_light_small(snap_compare, store):
    assert snap_compare(_Host(_seeded(store), "projector-light"), terminal_size=(80, 24))


def test_report_out_day(snap_compare, store):
    assert snap_compare(_Host(_seeded(store), report_day=3), terminal_size=(120, 40))


def test_final_report_out_projector_light(snap_compare, store):
    assert snap_compare(_Host(_seeded(store), "projector-light", report_day=5), terminal_size=(120, 40))
