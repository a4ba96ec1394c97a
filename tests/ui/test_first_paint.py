"""What the first paint does, and does not do twice: counted, so a change that brings the work back fails."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from facilitator.domain.decision import DecisionDraft
from facilitator.domain.event import Event, EventKind
from facilitator.screens import home_readings
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


async def _readings(app, pilot) -> dict[str, str]:
    await app.workers.wait_for_complete()
    await pilot.pause()
    table = app.screen.query_one("#events", DataTable)
    return {row.value: table.get_cell(row, home_readings.COLUMN_KEY).plain for row in table.rows}


async def test_readings_are_remembered_until_a_record_changes(make_app, store, monkeypatch):
    from facilitator.storage import mirror

    computed: list[str] = []
    whole = mirror.event_mirror

    def counted(local, event):
        computed.append(event.id)
        return whole(local, event)

    monkeypatch.setattr(mirror, "event_mirror", counted)
    blitz = store.events.add(Event(title="Weld cell 5S blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    store.events.add(Event(title="Onboarding set", kind=EventKind.ACTION_LEARNING, start_date=date(2026, 11, 2), days=6))
    async with make_app().run_test(size=(120, 40)) as pilot:
        first = await _readings(pilot.app, pilot)
    assert len(computed) == 2 and all(first.values())
    # Reopened with nothing changed: the column is filled as the list is, with no worker and no rule run.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#events", DataTable)
        assert {row.value: table.get_cell(row, home_readings.COLUMN_KEY).plain for row in table.rows} == first
        assert not [worker for worker in app.workers if worker.group == "home-readings"]
        assert len(computed) == 2
    store.decisions.capture(blitz.id, DecisionDraft("Shadow board", "in_scope", "sponsor"), day=1)
    async with make_app().run_test(size=(120, 40)) as pilot:
        assert await _readings(pilot.app, pilot) == first
    assert len(computed) == 4


async def test_opening_an_event_mounts_its_keys_once_and_leaves_the_list_footer_alone(make_app, store, monkeypatch):
    # Each focus move and the suspend of the list told both footers to mount all their keys again.
    made: list[FooterKey] = []
    original = FooterKey.__init__

    def counted(self, *args, **kwargs) -> None:
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(FooterKey, "__init__", counted)
    store.events.add(Event(title="Weld cell 5S blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        list_keys = list(app.screen.query(FooterKey))
        made.clear()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        bar_keys = list(app.screen.query(FooterKey))
        assert "d" in [key.key for key in bar_keys]
        assert made == bar_keys
        # Back on the list: the same keys, still the ones it mounted first.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert list(app.screen.query(FooterKey)) == list_keys
        # A key that changes what the footer shows still gets there: the event's keys appear when it opens again.
        await pilot.press("enter")
        await pilot.pause()
        assert "d" in [key.key for key in app.screen.query(FooterKey)]


def test_the_list_paints_without_sqlite_utils_and_a_write_brings_it(tmp_path):
    # sqlite-utils and what it pulls in (click, dateutil, pluggy) are a sixth of the start-up: the list of an
    # up-to-date file reads through the connection; the first write goes through sqlite-utils, as ever.
    import subprocess
    import sys

    from facilitator.demo import load_demo
    from facilitator.storage.store import Store

    path = tmp_path / "plant.db"
    seeded = Store(path)
    load_demo(seeded)
    seeded.close()
    code = (
        "import sys\n"
        "from facilitator.app import FacilitatorApp\n"
        "from facilitator.config import Settings\n"
        "from facilitator.storage.store import Store\n"
        "class Once(FacilitatorApp):\n"
        "    def on_mount(self):\n"
        "        self.call_after_refresh(self.painted)\n"
        "    async def painted(self):\n"
        "        rows = self.screen.query_one('#events').row_count\n"
        "        print(type(self.screen).__name__, rows, 'sqlite_utils' in sys.modules)\n"
        "        await self.workers.wait_for_complete()\n"
        "        if sys.argv[1:] == ['write']:\n"
        "            self.store.events.rename(self.store.events.list()[0].id, 'Renamed')\n"
        "            print('sqlite_utils' in sys.modules)\n"
        "        self.exit()\n"
        f"Once(Store({str(path)!r}), settings=Settings()).run(headless=True, size=(120, 40))\n"
    )
    # The first launch works the readings out (in a worker, which reads through sqlite-utils) and remembers them.
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.split()[:2] == ["HomeScreen", "3"]
    result = subprocess.run([sys.executable, "-c", code, "write"], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["HomeScreen", "3", "False", "True"]
    reopened = Store(path)
    assert "Renamed" in [event.title for event in reopened.events.list()]
    reopened.close()


async def test_the_collector_runs_rarely_until_the_list_is_painted_then_as_usual(make_app, store, monkeypatch):
    import gc

    from facilitator import collector

    monkeypatch.setattr(collector, "_released", False)
    collector.hold()
    assert gc.get_threshold()[0] == collector.STARTING
    store.events.add(Event(title="Weld cell 5S blitz", kind=EventKind.KAIZEN, start_date=date(2026, 11, 24), days=3))
    frozen = gc.get_freeze_count()
    try:
        async with make_app().run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert pilot.app.screen.query_one("#events", DataTable).row_count == 1
            assert gc.get_threshold() == collector._USUAL
            assert gc.get_freeze_count() > frozen  # what start-up made is out of the collector's way
    finally:
        gc.unfreeze()
        gc.set_threshold(*collector._USUAL)
