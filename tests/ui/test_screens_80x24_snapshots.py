"""A picture of every screen at 80x24, on the demo data and a fixed clock (2026-11-25 08:00 UTC).

One picture per screen, in the default theme: what a facilitator sees on a small laptop. A screen whose
text is cut, or a column pushed off the edge, shows up here as a changed picture to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import paths

from facilitator.demo import load_demo
from facilitator.demo.charters import ACTION_LEARNING_ID, BLITZ_ID
from facilitator.screens.event import EventScreen

# name -> (event opened first, or None for the events list; keys pressed then)
SCREENS = {
    "home": (None, ()),
    "event_charter": (BLITZ_ID, ("1",)),
    "event_agenda": (BLITZ_ID, ("2",)),
    "event_decisions": (BLITZ_ID, ("3",)),
    "event_reflection": (ACTION_LEARNING_ID, ("4",)),
    "event_followup": (BLITZ_ID, ("5",)),
    "event_causes": (BLITZ_ID, ("6",)),
    "event_whys": (BLITZ_ID, ("6", "v")),
    "event_countermeasures": (BLITZ_ID, ("7",)),
    "countermeasure_2x2": (BLITZ_ID, ("7", "g")),
    "decision_history": (BLITZ_ID, ("3", "enter")),
    "parking_lot": (BLITZ_ID, ("P",)),
    "measurement_form": (BLITZ_ID, ("m",)),
    "charter_form": (BLITZ_ID, ("e",)),
    "decision_capture": (BLITZ_ID, ("d",)),
    "followup_form": (BLITZ_ID, ("a",)),
    "reflection": (ACTION_LEARNING_ID, ("r",)),
    "export": (BLITZ_ID, ("x",)),
    "session_form": (BLITZ_ID, ("2", "i")),
    "report_out": (BLITZ_ID, ("o",)),
    "projector": (BLITZ_ID, ("p",)),
}


@pytest.mark.parametrize("name", SCREENS)
def test_screen_at_80x24(name, snap_compare, make_app, store, monkeypatch):
    load_demo(store)
    # The export dialog names its folder, beside the database: a test's tmp_path differs every run.
    monkeypatch.setattr(paths, "exports_dir", lambda database=None: Path("/home/sam/.local/share/facilitator/exports"))
    event_id, keys = SCREENS[name]

    async def open_screen(pilot):
        await pilot.pause()
        if event_id is not None:
            pilot.app.push_screen(EventScreen(event_id))
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)  # the decision log and the readings load in workers
        # The opening notice (open follow-ups) is timed; the picture is of the screen itself.
        pilot.app.clear_notifications()
        # A dialog's text cursor blinks twice a second: whether the picture caught it on or off
        # depended on how busy the machine was. Held on, every run draws the same picture.
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_screen)
