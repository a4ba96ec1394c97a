"""Who was there: the session's checklist, taken by keyboard while people walk in.

``space`` marks the highlighted person here or absent, ``r`` cycles their role, ``a`` marks everyone
here, ``g`` (or ``tab``) goes to the guest field, where a typed name and ``enter`` add a guest. Every
change is saved before the list redraws, so nothing waits for a final "save"; ``enter`` or ``esc``
on the list closes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from facilitator.domain.attendance import Attendee, Role, clean_guest, next_role, roles_taken, summary, toggled, with_role
from facilitator.domain.display import visible
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.event import EventKind

Save = Callable[[Sequence[Attendee]], list[Attendee]]


class AttendanceScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    AttendanceScreen { align: center middle; }
    AttendanceScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    AttendanceScreen #attendance-title { text-style: bold; }
    AttendanceScreen #attendance-table { height: auto; max-height: 14; }
    AttendanceScreen #attendance-summary { color: $text-muted; height: auto; }
    AttendanceScreen #attendance-error { color: $error; text-style: bold; height: auto; }
    AttendanceScreen #attendance-help { color: $text-muted; }
    """
    BINDINGS = [
        Binding("space", "toggle", "Here/absent", id="attendance_toggle", tooltip="Mark the highlighted person here or absent"),
        Binding("r", "role", "Role", id="attendance_role",
                tooltip="Cycle the highlighted person's role among those still free (timekeeper, scribe...)"),
        Binding("a", "all_here", "All here", id="attendance_all", tooltip="Mark everyone on the list here"),
        Binding("g", "guest", "Guest", id="attendance_guest", tooltip="Type a guest's name; enter adds them"),
        Binding("escape", "close", "Done", id="attendance_close", tooltip="Close the list (every mark is already saved)"),
    ]

    def __init__(self, title: str, kind: EventKind, people: Sequence[Attendee], save: Save) -> None:
        super().__init__()
        self.checklist_title = title
        self.kind = kind
        self.people = list(people)
        self.save = save
        self._discard_asked = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.checklist_title, id="attendance-title", markup=False)
            yield DataTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="attendance-summary", markup=False)
            yield Input(placeholder="A guest's name, enter adds", id="attendance-guest-name", max_length=80)
            yield Static("", id="attendance-error", markup=False)
            yield Static("space here/absent  r role  a all here  g guest  enter/esc done", id="attendance-help", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Here", key="here", width=4)
        table.add_column("Name", key="name", width=40)
        table.add_column("Role", key="role", width=14)
        self.query_one("#attendance-error").display = False
        self._redraw()
        table.focus()

    def _redraw(self, cursor: int | None = None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        for index, attendee in enumerate(self.people):
            mark = "[x]" if attendee.present else "[ ]"
            name = Text(visible(attendee.person))
            if attendee.guest:
                name.append(" (guest)", style="italic")
            table.add_row(Text(mark, style="bold" if attendee.present else "dim"), name, Text(attendee.role.label), key=str(index))
        if self.people:
            table.move_cursor(row=max(0, min(row, len(self.people) - 1)))
        self.query_one("#attendance-summary", Static).update(
            summary(self.people) or "Not taken yet: nobody is marked. The team comes from the charter (e edits it)."
        )

    def _commit(self, people: list[Attendee], cursor: int | None = None) -> bool:
        """Save first; only a saved list is shown."""
        try:
            self.people = self.save(people)
        except UserError as error:
            self._error(str(error))
            return False
        self._error("")
        self._redraw(cursor)
        return True

    def _error(self, text: str) -> None:
        line = self.query_one("#attendance-error", Static)
        line.update(text)
        line.display = bool(text)

    def _index(self) -> int | None:
        table = self.query_one(DataTable)
        return table.cursor_row if self.people and table.row_count else None

    def action_toggle(self) -> None:
        if (index := self._index()) is not None:
            self._commit(toggled(self.people, index))

    def action_role(self) -> None:
        if (index := self._index()) is not None:
            role = next_role(self.kind, self.people[index].role, roles_taken(self.people, index))
            self._commit(with_role(self.people, index, role))

    def action_all_here(self) -> None:
        from dataclasses import replace

        self._commit([replace(attendee, present=True, marked=True) for attendee in self.people])

    def action_guest(self) -> None:
        self.query_one("#attendance-guest-name", Input).focus()

    @on(Input.Changed)
    def _typing(self) -> None:
        self._discard_asked = False

    @on(Input.Submitted, "#attendance-guest-name")
    def _add_guest(self, message: Input.Submitted) -> None:
        message.stop()
        field = message.input
        if not field.value.strip():
            self.query_one(DataTable).focus()
            return
        try:
            name = clean_guest(field.value, self.people)
        except ValidationError as error:
            self._error(" ".join(error.errors.values()))
            return
        if self._commit([*self.people, Attendee(name, present=True, role=Role.NONE, guest=True, marked=True)], len(self.people)):
            field.value = ""
            self.query_one(DataTable).focus()

    @on(DataTable.RowSelected, "#attendance-table")
    def _done(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        field = self.query_one("#attendance-guest-name", Input)
        if field.value.strip() and not self._discard_asked:
            # A half-typed name is never thrown away silently: the first esc says so, the second discards.
            self._discard_asked = True
            self._error(f"{field.value.strip()!r} is not added yet: enter adds the guest, esc again discards it.")
            return
        self.dismiss(None)
