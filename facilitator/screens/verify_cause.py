"""Mark a cause verified, and how: by data, at the gemba, or by a trial (or not verified), with a note."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from facilitator.domain.causes import Cause, Verification
from facilitator.screens.form_dialog import FormDialog
from facilitator.widgets.choice_picker import Choice, ChoicePicker

NOT_VERIFIED = "none"


class VerifyCauseScreen(FormDialog[Cause]):
    """``accept((how, note))`` saves (``how`` None for not verified) before the dialog closes."""

    FIELDS = ("how", "verification_note")
    CSS_PATH = "followup_form.tcss"
    DEFAULT_CSS = "VerifyCauseScreen { align: center bottom; background: $background 40%; }"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_verify", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="save_verify", tooltip="Save (committed at once)", priority=True),
    ]

    def __init__(self, cause: Cause, accept: Callable[[tuple[Verification | None, str]], Cause]) -> None:
        super().__init__()
        self.cause = cause
        self.accept = accept

    def compose(self) -> ComposeResult:
        choices = [Choice(how.value, how.key, how.label) for how in Verification]
        choices.append(Choice(NOT_VERIFIED, "n", "not verified"))
        current = self.cause.verified_how.value if self.cause.verified_how else None
        with Vertical(classes="quick-form"):
            yield from self._head("Verified?", " ".join(self.cause.text.split())[:60])
            yield from self._row("how", "How", ChoicePicker(choices, current, id="how"))
            yield from self._row(
                "verification_note", "Note",
                Input(self.cause.verification_note, placeholder="optional: what was seen or measured", id="verification_note"),
            )
            yield Static("d data - g gemba - t trial - n not verified, then enter saves - esc cancels",
                         classes="quick-help", markup=False)

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        self.query_one("#how").focus()

    @on(ChoicePicker.Picked, "#how")
    def _picked(self) -> None:
        self.query_one("#verification_note").focus()

    def read_draft(self) -> tuple[Verification | None, str]:
        value = self.query_one("#how", ChoicePicker).value
        how = Verification(value) if value and value != NOT_VERIFIED else None
        return how, self.query_one("#verification_note", Input).value
