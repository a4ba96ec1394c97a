"""A full disk: the write is refused in one line, nothing half-written, and saved entries stay."""

from __future__ import annotations

import pytest

from facilitator.domain.event import CharterForm
from facilitator.storage.errors import CannotWrite


def fill_up(store) -> None:
    """Cap the file at its current size, as a full disk would."""
    pages = store.db.execute("pragma page_count").fetchone()[0]
    store.db.execute(f"pragma max_page_count = {pages}")


def event_form(title: str) -> CharterForm:
    return CharterForm(title=title, start_date="2026-11-23", days="5", problem="x" * 15_000, targets="Lead time; h; 9; 3")


def test_full_disk_refuses_the_write_and_keeps_what_was_saved(store):
    saved = store.events.add(event_form("Saved before the disk filled").to_event())
    fill_up(store)
    with pytest.raises(CannotWrite, match="disk is full. Nothing was changed."):
        for number in range(50):  # enough to overflow the last free page
            store.events.add(event_form(f"Too late {number}").to_event())
    titles = [event.title for event in store.events.list()]
    assert "Saved before the disk filled" in titles
    assert store.events.get(saved.id).targets[0].metric == "Lead time"
    # Every accepted event is whole: no event without its target row.
    orphans = store.db.execute(
        "select count(*) from events where id not in (select event_id from targets)"
    ).fetchone()[0]
    assert orphans == 0


async def test_form_says_disk_is_full_and_stays_open(make_app, store):
    from textual.widgets import Input, Static

    from facilitator.screens.charter_form import CharterFormScreen

    store.db.execute("pragma max_page_count = %d" % store.db.execute("pragma page_count").fetchone()[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#title", Input).value = "Paint line"
        form.query_one("#problem").text = "y" * 19_000
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CharterFormScreen)
        assert "disk is full" in str(form.query_one("#form-error", Static).render())
    assert store.events.list() == []
