"""A one-field dialog whose value is accepted by a callback; its message stays beside the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from facilitator.domain.errors import UserError, ValidationError

T = TypeVar("T")


class TextPromptScreen(ModalScreen[T | None], Generic[T]):
    """``accept`` validates and saves the text (raising UserError to refuse it) before the dialog closes."""

    DEFAULT_CSS = """
    TextPromptScreen { align: center middle; }
    TextPromptScreen > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    TextPromptScreen .prompt-title { text-style: bold; margin-bottom: 1; }
    TextPromptScreen .prompt-label { height: auto; }
    TextPromptScreen .prompt-error { color: $error; text-style: bold; height: auto; }
    TextPromptScreen .prompt-help { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_prompt", tooltip="Close without saving")]

    def __init__(self, title: str, label: str, value: str, accept: Callable[[str], T], *, placeholder: str = "") -> None:
        super().__init__()
        self.prompt_title = title
        self.label = label
        self.value = value
        self.accept = accept
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt_title, classes="prompt-title", markup=False)
            # A Static wraps where a Label would be cut at the dialog's edge (at 80 columns).
            yield Static(self.label, classes="prompt-label", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", classes="prompt-error", id="prompt-error", markup=False)
            yield Static("enter saves, esc cancels", classes="prompt-help")

    def on_mount(self) -> None:
        self.query_one("#prompt-error").display = False

    @on(Input.Submitted)
    def _submit(self, message: Input.Submitted) -> None:
        try:
            result = self.accept(message.value)
        except ValidationError as error:
            self._show_error(" ".join(error.errors.values()))
            return
        except UserError as error:
            self._show_error(str(error))
            return
        self.dismiss(result)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#prompt-error", Static)
        error.update(text)
        error.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
