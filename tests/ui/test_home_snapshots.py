"""Pictures of the home screen, in the dark default and the light projector theme."""

from __future__ import annotations

from facilitator.demo import charters


def seed_demo_charters(store):
    charters.seed(store, store.clock.now().date())


def test_home_with_events(snap_compare, make_app, store):
    seed_demo_charters(store)

    async def readings_filled_in(pilot):
        # The "Reads as" column fills in off the UI thread: wait until every row has its reading.
        for _ in range(200):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.01)
            tables = pilot.app.screen.query("#events")
            if tables and all(str(row[2]) for row in (tables.first().get_row_at(i) for i in range(tables.first().row_count))):
                break

    assert snap_compare(make_app(), terminal_size=(100, 24), run_before=readings_filled_in)


def test_home_empty_in_projector_theme(snap_compare, make_app):
    assert snap_compare(make_app(theme="projector-light"), terminal_size=(80, 24))
