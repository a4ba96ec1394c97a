"""Evidence for one item (a session, a target, a cause, a countermeasure): its files, and attach one by path.

The path field takes a typed or dropped path (quotes and ``~`` are fine); ``enter`` copies the file in
and lists it (name, size, when) before the field clears. A bad path is one line under the field and
nothing changes. ``del`` on the list removes the highlighted file from the item.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from facilitator.domain.clock import local_time
from facilitator.domain.display import visible
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.evidence import MAX_BYTES, Evidence, human_size


class EvidenceScreen(ModalScreen[bool]):
    """Returns whether anything was attached or removed, so the item's view can redraw."""

    DEFAULT_CSS = """
    EvidenceScreen { align: center middle; }
    EvidenceScreen > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    EvidenceScreen #evidence-title { text-style: bold; }
    EvidenceScreen #evidence-table { height: auto; max-height: 8; }
    EvidenceScreen #evidence-empty, EvidenceScreen #evidence-help { color: $text-muted; height: auto; }
    EvidenceScreen #evidence-error { color: $error; text-style: bold; height: auto; }
    """
    BINDINGS = [
        Binding("delete", "remove", "Remove", id="evidence_remove", key_display="del",
                tooltip="Remove the highlighted file from this item (the copy stays in evidence/)"),
        Binding("escape", "close", "Close", id="evidence_close", tooltip="Close; every file listed is already saved"),
    ]

    def __init__(
        self, title: str, items: list[Evidence], attach: Callable[[str, str], Evidence], detach: Callable[[Evidence], None],
    ) -> None:
        super().__init__()
        self.evidence_title = title
        self.items = list(items)
        self.attach = attach
        self.detach = detach
        self.changed = False
        self._discard_asked = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.evidence_title, id="evidence-title", markup=False)
            yield DataTable(id="evidence-table", cursor_type="row", zebra_stripes=True)
            yield Static("No files yet.", id="evidence-empty", markup=False)
            yield Input(placeholder="Path of a photo or file, e.g. ~/Pictures/before.jpg", id="evidence-path")
            yield Input(placeholder="Caption (optional)", id="evidence-caption", max_length=200)
            yield Static("", id="evidence-error", markup=False)
            yield Static(
                f"enter attaches (up to {human_size(MAX_BYTES)}; copied into evidence/ beside the database)  "
                "del removes  esc closes",
                id="evidence-help", markup=False,
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key, width in (("File", "name", 26), ("Size", "size", 9), ("Attached", "when", 12), ("Caption", "caption", 20)):
            table.add_column(label, key=key, width=width)
        self.query_one("#evidence-error").display = False
        self._redraw()
        self.query_one("#evidence-path", Input).focus()

    def _redraw(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for item in self.items:
            table.add_row(
                Text(visible(item.original_name)), Text(human_size(item.size)),
                Text(local_time(item.attached_at).strftime("%d %b %H:%M")), Text(visible(item.caption)), key=item.id,
            )
        table.display = bool(self.items)
        self.query_one("#evidence-empty").display = not self.items

    def _error(self, text: str) -> None:
        line = self.query_one("#evidence-error", Static)
        line.update(text)
        line.display = bool(text)

    @on(Input.Changed)
    def _typing(self) -> None:
        self._discard_asked = False

    @on(Input.Submitted)
    def _attach_typed(self, message: Input.Submitted) -> None:
        message.stop()
        path = self.query_one("#evidence-path", Input)
        caption = self.query_one("#evidence-caption", Input)
        if not path.value.strip():
            if message.input is caption:
                path.focus()
            self._error("Type the path of a file to attach.")
            return
        try:
            added = self.attach(path.value, caption.value)
        except ValidationError as error:
            self._error(" ".join(error.errors.values()))
            return
        except UserError as error:
            self._error(str(error))
            return
        self.items.append(added)
        self.changed = True
        path.value = caption.value = ""
        self._error("")
        self._redraw()
        self.notify(f"Attached {added.original_name} ({human_size(added.size)})", markup=False)
        path.focus()

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if not self.items or self.focused is not table:
            return
        item = self.items[table.cursor_row]
        try:
            self.detach(item)
        except UserError as error:
            self._error(str(error))
            return
        self.items.remove(item)
        self.changed = True
        self._redraw()
        self.notify(f"Removed {item.original_name} from this item", markup=False)

    def action_close(self) -> None:
        typed = self.query_one("#evidence-path", Input).value.strip()
        if typed and not self._discard_asked:
            self._discard_asked = True
            self._error("Not attached yet: enter attaches the file, esc again closes without it.")
            return
        self.dismiss(self.changed)
