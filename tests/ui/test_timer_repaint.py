"""A countdown second repaints the countdown only; the agenda's 15-second forecast rewrites only what moved."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import DataTable, Digits

from facilitator.widgets.agenda_view import AgendaView
from facilitator.widgets.progress_line import ProgressLine
from facilitator.widgets.timer_bar import TimerBar
from tests.ui.event_setup import blitz, open_event


def _count_refreshes(monkeypatch) -> list[tuple[Widget, bool]]:
    seen: list[tuple[Widget, bool]] = []
    original = Widget.refresh

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):
        seen.append((self, layout))
        return original(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", refresh)
    return seen


async def test_a_second_repaints_the_countdown_and_a_quiet_forecast_leaves_the_table(make_app, store, clock, monkeypatch):
    event = blitz(store)
    for index in range(6):
        store.agenda.add(event.id, 3, f"Session {index}", "analysis", 30)
    first = store.agenda.sessions(event.id, 3)[0]
    store.timer.start(first.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_event(app, pilot, event.id)
        await pilot.press("2")
        await pilot.pause()
        bar, agenda = screen.query_one(TimerBar), screen.query_one(AgendaView)
        table = agenda.query_one(DataTable)
        seen = _count_refreshes(monkeypatch)
        for _ in range(3):  # 30:00 -> 29:57: the bar moves less than half a cell
            clock.advance(seconds=1)
            bar.tick()
            await pilot.pause()
        assert "29:57" in str(bar.query_one(Digits).value)
        assert {type(widget) for widget, _ in seen} == {Digits}
        assert not any(layout for _, layout in seen)

        seen.clear()
        clock.advance(seconds=15)  # 0m 18s gone: the agenda's "Actual 0m" and every end time stay
        agenda.redraw()
        await pilot.pause()
        assert not any(widget is table or widget in agenda.query("*") for widget, _ in seen)

        clock.advance(minutes=5)  # now 5m gone and the bar has moved: only the running row's cell changes
        rows_before = [table.get_row_at(index) for index in range(table.row_count)]
        bar.tick()
        agenda.redraw()
        await pilot.pause()
        rows_after = [table.get_row_at(index) for index in range(table.row_count)]
        assert [str(cell) for cell in rows_after[0]][4] == "5m"
        assert [[str(c) for c in row] for row in rows_after[1:]] == [[str(c) for c in row] for row in rows_before[1:]]
        assert any(isinstance(widget, ProgressLine) for widget, _ in seen)
        assert table.cursor_row == 0
