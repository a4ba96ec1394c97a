"""Quick add (and edit) of a follow-up: action, owner, due date as typed, where it came from.

``accept`` validates and commits the typed form (raising ValidationError to refuse it) before the dialog
closes, so what the facilitator saw confirmed is on disk. The due date is read back while typing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from facilitator.domain.due_dates import parse_due_date
from facilitator.domain.errors import ValidationError
from facilitator.domain.followup import FollowUp, FollowUpForm, FollowUpStatus
from facilitator.screens.form_dialog import FormDialog

_FIELDS = ("action", "owner", "due", "status", "outcome", "source")
# Short enough for the field at 80 columns; the README lists every form ("next week", "end of week", ...).
DUE_PLACEHOLDER = "2026-12-01, 1 dec, +30d, +2w, fri, tomorrow, end of month"


class FollowUpFormScreen(FormDialog[FollowUp]):
    FIELDS = _FIELDS
    CSS_PATH = "followup_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_followup", tooltip="Close without saving anything"),
        Binding("ctrl+s", "save", "Save", id="save_followup", tooltip="Save the follow-up (committed at once)", priority=True),
    ]

    def __init__(
        self,
        title: str,
        context: str,
        accept: Callable[[FollowUpForm], FollowUp],
        *,
        today: date,
        form: FollowUpForm = FollowUpForm(),
        sources: list[tuple[str, str]] | None = None,
        owners: list[str] | None = None,
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.context = context
        self.accept = accept
        self.today = today
        self.form = form
        self.sources = sources or []
        self.owners = owners or []
        self.editing = editing

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical(classes="quick-form"):
            yield from self._head(self.dialog_title, self.context)
            yield from self._row("action", "Action", Input(form.action, placeholder="what will be done", id="action"))
            owner = Input(
                form.owner, placeholder="who does it (a name)", id="owner",
                suggester=SuggestFromList(self.owners, case_sensitive=False) if self.owners else None,
            )
            yield from self._row("owner", "Owner", owner)
            yield from self._row("due", "Due", Input(form.due, placeholder=DUE_PLACEHOLDER, id="due"))
            yield Static("", id="due-hint", classes="quick-hint", markup=False)
            if self.editing:
                statuses = [(status.label, status.value) for status in FollowUpStatus]
                yield from self._row("status", "Status", Select(statuses, value=form.status, allow_blank=False, compact=True, id="status"))
                yield from self._row("outcome", "Outcome", Input(form.outcome, placeholder="what came of it", id="outcome"))
            choices = [(Text("none"), "")] + [(Text(label), value) for label, value in self.sources if value]
            start = form.source if form.source in {value for _, value in choices} else ""
            yield from self._row("source", "From", Select(choices, value=start, allow_blank=False, compact=True, id="source"))
            yield Static(
                "tab next field - owner: right arrow takes the suggestion - enter or ctrl+s saves - esc cancels",
                classes="quick-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self._show_due_hint(self.form.due)
        self.query_one("#action").focus()

    def read_draft(self) -> FollowUpForm:
        def value(name: str, default: str = "") -> str:
            found = self.query(f"#{name}")
            if not found:
                return default
            widget = found.first()
            return str(widget.value) if isinstance(widget, Select) else widget.value

        return FollowUpForm(
            action=value("action"),
            owner=value("owner"),
            due=value("due"),
            status=value("status", self.form.status),
            outcome=value("outcome", self.form.outcome),
            source=value("source"),
        )

    @on(Input.Changed, "#due")
    def _due_changed(self, message: Input.Changed) -> None:
        self._show_due_hint(message.value)

    def _show_due_hint(self, typed: str) -> None:
        hint = self.query_one("#due-hint", Static)
        if not typed.strip():
            hint.update("")
            hint.display = False
            return
        try:
            due = parse_due_date(typed, self.today)
        except ValidationError:
            hint.update("not a date yet")
        else:
            hint.update(due.strftime("%A %d %B %Y"))
        hint.display = True
