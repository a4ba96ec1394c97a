"""Choosing a countermeasure: who owns it and by when; saved as an in-scope decision and a follow-up at once.

``c``, the owner, ``tab``, the due date as typed anywhere else (``+2w``, ``fri``), ``enter``. Who decided
defaults to the team (``f`` facilitator, ``s`` sponsor pick otherwise); why is optional: the ranking is
written into the decision when it is left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from facilitator.domain.countermeasures import Countermeasure
from facilitator.domain.decision import DecidedBy
from facilitator.domain.display import visible
from facilitator.domain.due_dates import parse_due_date
from facilitator.domain.errors import ValidationError
from facilitator.screens.followup_form import DUE_PLACEHOLDER
from facilitator.screens.form_dialog import FormDialog
from facilitator.widgets.choice_picker import Choice, ChoicePicker


@dataclass(frozen=True)
class Choosing:
    owner: str = ""
    due: str = ""
    decided_by: str = DecidedBy.TEAM.value
    rationale: str = ""


def decided_by_picker(value: str) -> ChoicePicker:
    return ChoicePicker([Choice(who.value, who.key, who.value) for who in DecidedBy], value, id="decided_by")


class ChooseCountermeasureScreen(FormDialog[Countermeasure]):
    FIELDS = ("owner", "due", "decided_by", "rationale")
    CSS_PATH = ["followup_form.tcss", "countermeasure_dialogs.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_choose_countermeasure", tooltip="Close without choosing"),
        Binding("ctrl+s", "save", "Save", id="save_choose_countermeasure", tooltip="Choose it: an in-scope decision and a follow-up, committed together", priority=True),
    ]

    def __init__(self, item: Countermeasure, accept: Callable[[Choosing], Countermeasure], *, today: date, owners: list[str]) -> None:
        super().__init__()
        self.item = item
        self.accept = accept
        self.today = today
        self.owners = owners

    def compose(self) -> ComposeResult:
        with Vertical(classes="quick-form"):
            yield from self._head("Choose", visible(self.item.text))
            owner = Input(
                placeholder="who carries it out (a name)", id="owner",
                suggester=SuggestFromList(self.owners, case_sensitive=False) if self.owners else None,
            )
            yield from self._row("owner", "Owner", owner)
            yield from self._row("due", "Due", Input(placeholder=DUE_PLACEHOLDER, id="due"))
            yield Static("", id="due-hint", classes="quick-hint", markup=False)
            yield from self._row("decided_by", "Decided by", decided_by_picker(DecidedBy.TEAM.value))
            yield from self._row("rationale", "Why", Input(placeholder="optional: the ranking is noted if left empty", id="rationale"))
            yield Static(
                "logs an in-scope decision and a follow-up - tab next field - enter saves - esc cancels",
                classes="quick-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self.query_one("#due-hint").display = False
        self.query_one("#owner").focus()

    def read_draft(self) -> Choosing:
        return Choosing(
            owner=self.query_one("#owner", Input).value,
            due=self.query_one("#due", Input).value,
            decided_by=self.query_one("#decided_by", ChoicePicker).value or "",
            rationale=self.query_one("#rationale", Input).value,
        )

    @on(ChoicePicker.Picked, "#decided_by")
    def _decided_by_picked(self) -> None:
        self.query_one("#rationale").focus()

    @on(Input.Changed, "#due")
    def _due_changed(self, message: Input.Changed) -> None:
        hint = self.query_one("#due-hint", Static)
        try:
            hint.update(parse_due_date(message.value, self.today).strftime("%A %d %B %Y"))
        except ValidationError:
            hint.update("not a date yet")
        hint.display = bool(message.value.strip())
