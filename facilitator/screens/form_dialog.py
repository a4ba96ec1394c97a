"""The save-or-explain behaviour shared by the quick dialogs (decision, follow-up, measurement).

A subclass names its FIELDS (widget ids, each with a ``#<name>-error`` Static beside it), builds the
typed draft in ``read_draft`` and sets ``accept``: a callable that validates and commits the draft,
raising ValidationError to refuse it. Only a committed entry closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from facilitator.domain.errors import UserError, ValidationError
from facilitator.screens.enter_saves import ENTER_SAVES, EnterSaves

T = TypeVar("T")


class FormDialog(EnterSaves, ModalScreen[T | None], Generic[T]):
    BINDINGS = [ENTER_SAVES]
    FIELDS: ClassVar[tuple[str, ...]] = ()
    accept: Callable[[Any], T]

    def read_draft(self) -> Any:
        raise NotImplementedError

    def _head(self, title: str, context: str) -> ComposeResult:
        """The dialog's title, what it is about, and the banner for messages that belong to no field."""
        with Horizontal(classes="quick-head"):
            yield Static(title, classes="quick-title", markup=False)
            yield Static(context, classes="quick-context", markup=False)
        yield Static("", id="form-error", classes="quick-error", markup=False)

    def _row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        """A labelled field with its message line beneath it."""
        with Horizontal(classes="quick-row"):
            yield Label(label, classes="quick-label")
            yield widget
        yield Static("", id=f"{name}-error", classes="quick-error", markup=False)

    def on_mount(self) -> None:
        # Runs after the subclass's on_mount: the form as it opened, to tell a half-typed one from it.
        self._opened_with = self.read_draft()
        self._discard_asked = False

    def on_descendant_focus(self) -> None:
        # Where the next key goes is plain to see: the focused field's row is marked (CSS :focus-within
        # does not follow focus from row to row here), pickers and drop-downs included.
        focused = self.focused
        for row in self.query(".capture-row, .quick-row"):
            row.set_class(focused is not None and focused in row.query("*"), "-current")

    @on(Input.Changed)
    def _typed_on(self) -> None:
        self._discard_asked = False

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            saved = self.accept(self.read_draft())
        except ValidationError as error:
            self._show_errors(error.errors)
            first = next((name for name in self.FIELDS if name in error.errors and self.query(f"#{name}")), None)
            if first is not None:
                self.query_one(f"#{first}").focus()
            else:
                self._show_form_error(str(error))
            return
        except UserError as error:
            self._show_form_error(str(error))
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        # A half-typed entry is never thrown away silently: the first Esc says so, the second discards.
        if not self._discard_asked and self.read_draft() != self._opened_with:
            self._discard_asked = True
            self._show_form_error("Not saved yet: esc again discards what you typed, enter saves it.")
            return
        self.dismiss(None)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in self.FIELDS:
            for message in self.query(f"#{name}-error").results(Static):
                message.update(errors.get(name, ""))
                message.display = name in errors
            for widget in self.query(f"#{name}"):
                widget.set_class(name in errors, "-invalid")

    def _show_form_error(self, text: str) -> None:
        banner = self.query_one("#form-error", Static)
        banner.update(text)
        banner.display = bool(text)
