"""An unexpected error is logged to a file and summed up in one line; no traceback on the projector."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from facilitator.app import FacilitatorApp
from facilitator.config import Settings
from facilitator.screens.home import HomeScreen


class BrokenHome(HomeScreen):
    BINDINGS = [Binding("z", "explode", "Explode")]

    def action_explode(self) -> None:
        raise RuntimeError("die cart fell over")


async def test_unexpected_error_is_logged_and_summed_up(store, tmp_path, capfd):
    app = FacilitatorApp(store, settings=Settings())
    with pytest.raises(RuntimeError, match="die cart fell over"):
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(BrokenHome())
            await pilot.press("z")
            await pilot.pause()
    log = tmp_path / "data" / "logs" / "errors.log"
    assert "RuntimeError: die cart fell over" in log.read_text()
    printed = " ".join(capfd.readouterr().err.split())
    assert "facilitator stopped on an unexpected error" in printed
    assert str(log) in printed.replace(" ", "") or "errors.log" in printed
    assert "Traceback" not in printed
