"""Export from the cockpit: pick a format with one key; the file is written in a worker thread.

The export reads the database on its own connection, so a running timer keeps ticking and nothing
about the session changes. Files go to ``exports/`` beside the database in use; the dialog says where, and
names the last file written, so the path does not live only in a notification that fades.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.domain.errors import UserError
from facilitator.errorlog import log_exception
from facilitator.widgets.footer import Footer

_FORMATS = (
    ("m", "md", "Markdown report-out", "the five-minute read for the sponsor"),
    ("j", "json", "JSON (lossless)", "everything, for import on another laptop"),
    ("c", "csv", "CSV tables (zip)", "one file per record type, spreadsheet-safe"),
    ("h", "html", "HTML (printable)", "one self-contained page to print or mail"),
    ("a", "a3", "A3 (one page)", "problem to follow-up on one landscape sheet"),
    ("i", "ics", "Calendar (.ics)", "days, sessions, due dates and reviews"),
    ("z", "zip", "JSON and files (zip)", "JSON plus the attached photos, for import"),
)


class ExportScreen(ModalScreen[str | None]):
    """Returns the chosen format ("md", "json", "csv", "html", "a3", "ics", "zip"), or None when cancelled."""

    CSS_PATH = "export.tcss"
    BINDINGS = [
        *(
            Binding(key, f"pick('{fmt}')", label, id=f"export_{fmt}", tooltip=help_text)
            for key, fmt, label, help_text in _FORMATS
        ),
        Binding("escape", "cancel", "Cancel", id="cancel_export", tooltip="Close without exporting"),
    ]

    def __init__(self, title: str, folder: Path | None = None, last: Path | None = None) -> None:
        super().__init__()
        self.event_title = title
        self.folder = folder
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(f"Export: {self.event_title}", id="export-title", markup=False)
            for key, _fmt, label, help_text in _FORMATS:
                yield Static(Text.assemble((f" {key} ", "bold reverse"), f"  {label}: {help_text}"), classes="export-choice")
            yield Static("The timer keeps running. Files go to:", id="export-help", markup=False)
            yield Static(str(self.folder) if self.folder else "the exports folder", id="export-folder", markup=False)
            if self.last is not None:
                yield Static(f"Last export: {self.last.name}", id="export-last", markup=False)
        yield Footer()

    def action_pick(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_export(app: App, event_id: str, title: str) -> None:
    """The export dialog for an event; the chosen format is written in a worker."""
    from facilitator.export import exports_folder

    def chosen(fmt: str | None) -> None:
        if fmt:
            start_export(app, event_id, fmt)

    last = getattr(app, "last_export", None)
    app.push_screen(ExportScreen(title, exports_folder(app.store), last), chosen)  # type: ignore[attr-defined]


def start_export(app: App, event_id: str, fmt: str) -> None:
    """Write the export in a thread worker on its own connection, then notify where it went."""
    app.run_worker(lambda: _export(app, event_id, fmt), thread=True, group="export", name=f"export {fmt}")


def _export(app: App, event_id: str, fmt: str) -> None:
    from facilitator.export import export_event

    store = app.store.for_thread()  # type: ignore[attr-defined]
    try:
        # A broken report template in the config folder: said in a notice, the built-in one is used.
        warn = lambda message: app.call_from_thread(_template_warning, app, message)  # noqa: E731
        path = export_event(store, event_id, fmt, warn=warn)
    except UserError as error:
        app.call_from_thread(app.notify, str(error), title="Export failed", severity="error", markup=False)
        return
    except Exception as error:  # never a traceback on the shop floor
        where = log_exception(error)
        app.call_from_thread(
            app.notify, f"Export failed unexpectedly; details are in {where}.", severity="error", markup=False
        )
        return
    finally:
        store.close()
    app.call_from_thread(_exported, app, path)


def _template_warning(app: App, message: str) -> None:
    app.notify(message, title="Report template", severity="warning", timeout=15, markup=False)


def _exported(app: App, path: Path) -> None:
    app.last_export = path  # type: ignore[attr-defined]
    app.notify(str(path), title="Exported", timeout=10, markup=False)
