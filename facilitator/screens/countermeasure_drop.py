"""Dropping a countermeasure: out of scope, or parked for later, with who decided and why, into the log.

``delete``, then ``o`` or ``p``, optionally who and why, ``enter``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from facilitator.domain.countermeasures import Countermeasure
from facilitator.domain.decision import DecidedBy, Verdict
from facilitator.domain.display import visible
from facilitator.screens.countermeasure_choice import decided_by_picker
from facilitator.screens.form_dialog import FormDialog
from facilitator.storage.countermeasures import DROP_VERDICTS
from facilitator.widgets.choice_picker import Choice, ChoicePicker


@dataclass(frozen=True)
class Dropping:
    verdict: str = Verdict.OUT_OF_SCOPE.value
    decided_by: str = DecidedBy.TEAM.value
    rationale: str = ""


class DropCountermeasureScreen(FormDialog[Countermeasure]):
    FIELDS = ("verdict", "decided_by", "rationale")
    CSS_PATH = ["followup_form.tcss", "countermeasure_dialogs.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_drop_countermeasure", tooltip="Close without dropping"),
        Binding("ctrl+s", "save", "Save", id="save_drop_countermeasure", tooltip="Drop it, with its verdict in the decision log", priority=True),
    ]

    def __init__(self, item: Countermeasure, accept: Callable[[Dropping], Countermeasure]) -> None:
        super().__init__()
        self.item = item
        self.accept = accept

    def compose(self) -> ComposeResult:
        with Vertical(classes="quick-form"):
            yield from self._head("Drop", visible(self.item.text))
            verdicts = ChoicePicker([Choice(v.value, v.key, v.label) for v in DROP_VERDICTS], Verdict.OUT_OF_SCOPE.value, id="verdict")
            yield from self._row("verdict", "Verdict", verdicts)
            yield from self._row("decided_by", "Decided by", decided_by_picker(DecidedBy.TEAM.value))
            yield from self._row("rationale", "Why", Input(placeholder="optional: why not now", id="rationale"))
            yield Static("logged in the decision log - tab next field - enter saves - esc cancels", classes="quick-help", markup=False)

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self.query_one("#verdict").focus()

    def read_draft(self) -> Dropping:
        return Dropping(
            verdict=self.query_one("#verdict", ChoicePicker).value or "",
            decided_by=self.query_one("#decided_by", ChoicePicker).value or "",
            rationale=self.query_one("#rationale", Input).value,
        )

    @on(ChoicePicker.Picked, "#verdict")
    def _verdict_picked(self) -> None:
        self.query_one("#decided_by").focus()

    @on(ChoicePicker.Picked, "#decided_by")
    def _decided_by_picked(self) -> None:
        self.query_one("#rationale").focus()
