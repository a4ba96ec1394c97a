"""Add or edit an agenda session: title, kind, duration, fixed start, notes; messages beside each field."""

from __future__ import annotations

from dataclasses import fields

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from facilitator.domain.agenda import Session, SessionForm, SessionKind
from facilitator.domain.errors import UserError, ValidationError
from facilitator.screens.enter_saves import ENTER_SAVES, EnterSaves

_FIELD_OF = {"planned_minutes": "duration"}


class SessionFormScreen(EnterSaves, ModalScreen[Session | None]):
    """``save`` stores the checked session (add or update) and returns it; the dialog then closes."""

    CSS_PATH = "session_form.tcss"
    BINDINGS = [
        ENTER_SAVES,
        Binding("ctrl+s", "save", "Save", id="save_session", tooltip="Check the session and save it", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel_session", tooltip="Close without saving"),
    ]

    def __init__(self, heading: str, base: Session, save) -> None:
        super().__init__()
        self.heading = heading
        self.base = base
        self.save = save

    def compose(self) -> ComposeResult:
        start = SessionForm.from_session(self.base)
        with VerticalScroll(id="session-form"):
            yield Static(self.heading, classes="form-heading", markup=False)
            yield Label("Title")
            yield Input(start.title, id="title", placeholder="e.g. Gemba: observe the changeover")
            yield Static("", id="title-error", classes="field-error", markup=False)
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label("Kind")
                    yield Select([(k.label, k.value) for k in SessionKind], value=start.kind, allow_blank=False, id="kind")
                    yield Static("", id="kind-error", classes="field-error", markup=False)
                with Vertical():
                    yield Label("Duration")
                    yield Input(start.duration, id="duration", placeholder="45, 1h30, 1:30")
                    yield Static("", id="duration-error", classes="field-error", markup=False)
                with Vertical():
                    yield Label("Fixed start")
                    yield Input(start.fixed_start, id="fixed_start", placeholder="HH:MM or empty")
                    yield Static("", id="fixed_start-error", classes="field-error", markup=False)
            yield Label("Notes")
            yield Input(start.notes, id="notes")
            yield Static("", id="notes-error", classes="field-error", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            yield Static("enter or ctrl+s saves, esc cancels", classes="form-help")

    def on_mount(self) -> None:
        self._show_errors({})
        self.query_one("#title", Input).focus()

    def _read(self) -> SessionForm:
        values = {}
        for field in fields(SessionForm):
            widget = self.query_one(f"#{field.name}")
            values[field.name] = str(widget.value)
        return SessionForm(**values)

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = {_FIELD_OF.get(name, name): text for name, text in errors.items()}
        for name in ("title", "kind", "duration", "fixed_start", "notes", "form"):
            message = self.query_one(f"#{name}-error", Static)
            message.update(shown.get(name, ""))
            message.display = bool(shown.get(name))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            session = self._read().apply(self.base)
            saved = self.save(session)
        except ValidationError as error:
            self._show_errors(error.errors)
            return
        except UserError as error:
            self._show_errors({"form": str(error)})
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)
