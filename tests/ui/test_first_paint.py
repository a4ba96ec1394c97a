"""What the first paint does, and does not do twice: counted, so a change that brings the work back fails."""

from __future__ import annotations

from datetime import date

from textual.widgets._footer import FooterKey

from facilitator.domain.event import Event, EventKind
from facilitator.screens.event import EventScreen
from facilitator.screens.home import HomeScreen


async def test_footer_keys_are_styled_once_as_the_list_paints(make_app, store, monkeypatch):
    # A key starts compact; in the list's footer (not compact) it was restyled twice while it mounted.
    restyled: list[FooterKey] = []
    original = FooterKey.update_node_styles

    def counted(self, animate: bool = True) -> None:
        restyled.append(self)
        original(self, animate)

    monkeypatch.setattr(FooterKey, "update_node_styles", counted)
    store.events.add(Event(title="Weld cell 5S blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        keys = list(app.screen.query(FooterKey))
        assert "n" in [key.key for key in keys]
        # As Textual draws them: the footer's keys in full, the palette's own key compact.
        assert [key.key for key in keys if key.has_class("-compact")] == ["ctrl+p"]
        assert [key for key in restyled if not key.has_class("-command-palette")] == []
        # The event's key bar is compact: its keys still take the compact style.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        bar_keys = list(app.screen.query(FooterKey))
        assert bar_keys and all(key.has_class("-compact") for key in bar_keys)
