"""The charter form: create or edit an event, with every message next to its field."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static, TextArea

from facilitator.domain.clock import local_today
from facilitator.domain.errors import UserError, ValidationError
from facilitator.domain.event import Area, CharterForm, Event, EventKind
from facilitator.widgets.footer import Footer

_SINGLE_LINE = {
    "title": ("Title", "e.g. Press line 4 changeover blitz"),
    "start_date": ("Start date", "YYYY-MM-DD"),
    "days": ("Days / meetings", "blitz 2-5, Action Learning 1-20"),
    "dates": ("Which dates", "empty: weekdays (blitz) / weekly (set); or every day, or 2026-11-27, 2026-11-30, ..."),
    "sponsor": ("Sponsor", "who owns the problem"),
    "facilitator": ("Facilitator", "you"),
}
_MULTI_LINE = {
    "problem": "Problem statement",
    "team": "Team members (one per line)",
    "in_bounds": "In bounds (one per line)",
    "out_of_bounds": "Out of bounds (one per line, e.g. no capital spending)",
    "targets": "Targets (one per line: metric; unit; baseline; goal)",
}


class CharterFormScreen(Screen[Event | None]):
    """Returns the saved Event, or None when cancelled. Nothing is saved until every field is valid."""

    HOLDS_NOTICES = True  # notices wait until the form closes (facilitator/notices.py)
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save_charter", tooltip="Check the charter and save it", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel_charter", tooltip="Leave without saving"),
    ]

    def __init__(self, event: Event | None) -> None:
        super().__init__()
        self.event = event
        self._tried = False
        self._errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        if self.event is not None:
            start = CharterForm.from_event(self.event)
        else:
            start = CharterForm(start_date=local_today(self.app.clock).isoformat())
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("", id="form-error", classes="field-error", markup=False)
            yield from self._single("title", start.title)
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Label("Kind")
                    yield Select(
                        [(kind.label, kind.value) for kind in EventKind],
                        value=start.kind, allow_blank=False, id="kind",
                    )
                    yield Static("", id="kind-error", classes="field-error", markup=False)
                with Vertical():
                    yield Label("Area")
                    yield Select(
                        [(area.label, area.value) for area in Area],
                        value=start.area, allow_blank=False, id="area",
                    )
                    yield Static("", id="area-error", classes="field-error", markup=False)
            with Horizontal(classes="pair"):
                with Vertical():
                    yield from self._single("start_date", start.start_date)
                with Vertical():
                    yield from self._single("days", start.days)
            yield from self._multi("problem", start.problem)
            with Horizontal(classes="pair"):
                with Vertical():
                    yield from self._single("sponsor", start.sponsor)
                with Vertical():
                    yield from self._single("facilitator", start.facilitator)
            yield from self._single("dates", start.dates)
            for name in ("team", "in_bounds", "out_of_bounds", "targets"):
                yield from self._multi(name, getattr(start, name))
            with Horizontal(id="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")
        yield Footer()

    def _single(self, name: str, value: str) -> ComposeResult:
        label, placeholder = _SINGLE_LINE[name]
        yield Label(label)
        yield Input(value, placeholder=placeholder, id=name, select_on_focus=False)
        yield Static("", id=f"{name}-error", classes="field-error", markup=False)

    def _multi(self, name: str, value: str) -> ComposeResult:
        yield Label(_MULTI_LINE[name])
        yield TextArea(value, id=name, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Static("", id=f"{name}-error", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self.sub_title = "Edit charter" if self.event else "New event"
        self.query_one("#title", Input).focus()
        self._show_errors({})

    def _read_form(self) -> CharterForm:
        values: dict[str, str] = {}
        for field in fields(CharterForm):
            widget = self.query_one(f"#{field.name}")
            if isinstance(widget, TextArea):
                values[field.name] = widget.text
            elif isinstance(widget, Select):
                values[field.name] = str(widget.value)
            else:
                values[field.name] = widget.value
        return CharterForm(**values)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in fields(CharterForm):
            message = self.query_one(f"#{field.name}-error", Static)
            text = errors.get(field.name, "")
            message.update(text)
            message.display = bool(text)

    def _show_form_error(self, text: str) -> None:
        banner = self.query_one("#form-error", Static)
        banner.update(text)
        banner.display = bool(text)

    def _validate(self) -> Event | None:
        try:
            event = self._read_form().to_event(self.event)
        except ValidationError as error:
            self._errors = error.errors
            self._show_errors(error.errors)
            return None
        self._errors = {}
        self._show_errors({})
        return event

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _revalidate(self) -> None:
        # Messages appear after the first attempt to save, then follow every keystroke.
        if self._tried:
            self._validate()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        self._tried = True
        event = self._validate()
        if event is None:
            self._show_form_error("Not saved: fix the fields marked below.")
            # Take the facilitator straight to the first field that needs fixing.
            first = next((field.name for field in fields(CharterForm) if field.name in self._errors), None)
            if first is not None:
                self.query_one(f"#{first}").focus()
            return
        events = self.app.store.events
        try:
            saved = events.add(event) if self.event is None else events.update(event)
        except UserError as error:
            self._show_form_error(str(error))
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)
