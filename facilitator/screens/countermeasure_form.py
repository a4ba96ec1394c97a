"""Add or edit a countermeasure: what to do, effort and impact (1-5), and the verified causes it answers.

Typed in one go: ``i``, the text, ``tab 2 tab 5 tab``, ``space`` ticks the first cause, ``enter`` saves.
``accept`` validates and commits before the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, SelectionList, Static

from facilitator.domain.countermeasures import Countermeasure, CountermeasureForm
from facilitator.domain.display import visible
from facilitator.screens.form_dialog import FormDialog
from facilitator.storage.countermeasures import CauseRef


class CountermeasureFormScreen(FormDialog[Countermeasure]):
    FIELDS = ("text", "effort", "impact", "causes")
    CSS_PATH = ["followup_form.tcss", "countermeasure_dialogs.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_countermeasure", tooltip="Close without saving anything"),
        Binding("ctrl+s", "save", "Save", id="save_countermeasure", tooltip="Save the countermeasure (committed at once)", priority=True),
    ]

    def __init__(
        self, title: str, context: str, accept: Callable[[CountermeasureForm], Countermeasure], causes: list[CauseRef],
        form: CountermeasureForm = CountermeasureForm(),
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.context = context
        self.accept = accept
        self.causes = causes
        self.form = form

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical(classes="quick-form"):
            yield from self._head(self.dialog_title, self.context)
            yield from self._row("text", "Do what", Input(form.text, placeholder="the countermeasure, as the team says it", id="text"))
            yield from self._row("effort", "Effort 1-5", Input(form.effort, placeholder="1 easy .. 5 hard", id="effort", max_length=1))
            yield from self._row("impact", "Impact 1-5", Input(form.impact, placeholder="1 small .. 5 big", id="impact", max_length=1))
            options = [
                (Text(visible(_cause_label(cause)), no_wrap=True, overflow="ellipsis"), cause.id, cause.id in form.cause_ids)
                for cause in self.causes
            ]
            if options:
                yield from self._row("causes", "Answers", SelectionList[str](*options, id="causes"))
            else:
                yield from self._row("causes", "Answers", Static("no verified cause yet (6 Causes)", id="causes", markup=False))
            yield Static(
                "tab next field - space ticks a cause - enter or ctrl+s saves - esc cancels",
                classes="quick-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self.query_one("#text").focus()

    def read_draft(self) -> CountermeasureForm:
        found = self.query("SelectionList#causes")
        picked = tuple(found.first(SelectionList).selected) if found else ()
        # Keep the order of the list, whatever order the causes were ticked in.
        order = [cause.id for cause in self.causes]
        return CountermeasureForm(
            text=self.query_one("#text", Input).value,
            effort=self.query_one("#effort", Input).value,
            impact=self.query_one("#impact", Input).value,
            cause_ids=tuple(sorted(picked, key=order.index)),
        )


def _cause_label(cause: CauseRef) -> str:
    category = f"{cause.category}: " if cause.category else ""
    root = " (root)" if cause.is_root else ""
    return f"{category}{cause.text}{root}"
