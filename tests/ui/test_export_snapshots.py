"""Pictures of the export dialog, in the dark default and the light projector theme."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from facilitator.config import DEFAULT_THEME
from facilitator.screens.export import ExportScreen
from facilitator.themes import load_themes


class _Host(App[None]):
    """Only the dialog, so the picture changes when the dialog does, not when other tabs do."""

    def __init__(self, theme: str = DEFAULT_THEME) -> None:
        super().__init__()
        for custom in load_themes().themes:
            self.register_theme(custom)
        self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(
            ExportScreen(
                "Press line 4 [bold]SMED[/] blitz", Path("/home/sam/plant-laptop/exports"),
                Path("/home/sam/plant-laptop/exports/press-line-4-smed-blitz-20261125-142200.md"),
            )
        )


def test_export_dialog(snap_compare):
    assert snap_compare(_Host(), terminal_size=(80, 24))


def test_export_dialog_projector_light(snap_compare):
    assert snap_compare(_Host("projector-light"), terminal_size=(120, 40))
