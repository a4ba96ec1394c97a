"""Quick capture: log a scope decision in seconds while the clock keeps running behind the dialog.

The dialog sits at the bottom of the screen so the timer above stays in sight. ``accept`` validates
and commits the draft (raising ValidationError to refuse it) before the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from facilitator.domain.decision import DecidedBy, Decision, DecisionDraft, Verdict
from facilitator.screens.form_dialog import FormDialog
from facilitator.widgets.choice_picker import Choice, ChoicePicker

_FIELDS = ("subject", "verdict", "decided_by", "rationale", "tags")


class DecisionCaptureScreen(FormDialog[Decision]):
    FIELDS = _FIELDS
    CSS_PATH = "decision_capture.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_decision", tooltip="Close without logging anything"),
        Binding("ctrl+s", "save", "Save", id="save_decision", tooltip="Log the decision (committed at once)", priority=True),
    ]

    def __init__(
        self,
        title: str,
        context: str,
        accept: Callable[[DecisionDraft], Decision],
        draft: DecisionDraft = DecisionDraft(),
        *,
        verdicts: tuple[Verdict, ...] = tuple(Verdict),
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.context = context
        self.accept = accept
        self.draft = draft
        self.verdicts = verdicts

    def compose(self) -> ComposeResult:
        with Vertical(id="capture"):
            with Horizontal(id="capture-head"):
                yield Static(self.dialog_title, id="capture-title", markup=False)
                yield Static(self.context, id="capture-context", markup=False)
            yield Static("", id="form-error", classes="capture-error", markup=False)
            with Horizontal(classes="capture-row"):
                yield Label("Subject", classes="capture-label")
                yield Input(self.draft.subject, placeholder="what was decided, e.g. Die cart redesign", id="subject")
            yield Static("", id="subject-error", classes="capture-error", markup=False)
            with Horizontal(classes="capture-row"):
                yield Label("Verdict", classes="capture-label")
                yield ChoicePicker(
                    [Choice(v.value, v.key, v.label) for v in self.verdicts], self.draft.verdict or None, id="verdict"
                )
            yield Static("", id="verdict-error", classes="capture-error", markup=False)
            with Horizontal(classes="capture-row"):
                yield Label("Decided by", classes="capture-label")
                yield ChoicePicker(
                    [Choice(who.value, who.key, who.value) for who in DecidedBy], self.draft.decided_by, id="decided_by"
                )
            yield Static("", id="decided_by-error", classes="capture-error", markup=False)
            with Horizontal(classes="capture-row"):
                yield Label("Why", classes="capture-label")
                yield Input(self.draft.rationale, placeholder="rationale (optional, can be added later)", id="rationale")
            yield Static("", id="rationale-error", classes="capture-error", markup=False)
            with Horizontal(classes="capture-row"):
                yield Label("Tags", classes="capture-label")
                yield Input(self.draft.tags, placeholder="optional, e.g. capex safety", id="tags")
            yield Static("", id="tags-error", classes="capture-error", markup=False)
            yield Static(
                "tab next field - underlined key picks - enter/ctrl+s saves - esc cancels",
                id="capture-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self.query_one("#subject" if not self.draft.subject else "#verdict").focus()

    def read_draft(self) -> DecisionDraft:
        return DecisionDraft(
            subject=self.query_one("#subject", Input).value,
            verdict=self.query_one("#verdict", ChoicePicker).value or "",
            decided_by=self.query_one("#decided_by", ChoicePicker).value or "",
            rationale=self.query_one("#rationale", Input).value,
            tags=self.query_one("#tags", Input).value,
        )

    @on(ChoicePicker.Picked, "#verdict")
    def _verdict_picked(self) -> None:
        # One key for the verdict, and the next field is already waiting.
        self.query_one("#verdict-error").display = False
        self.query_one("#decided_by").focus()

    @on(ChoicePicker.Picked, "#decided_by")
    def _decided_by_picked(self) -> None:
        self.query_one("#rationale").focus()
