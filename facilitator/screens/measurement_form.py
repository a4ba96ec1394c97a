"""Record a measurement for one of the charter's targets: which target, the value, when, a note.

A value that is not a number is refused beside its field and nothing is saved; ``accept`` commits the
measurement before the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from facilitator.domain.errors import UserError
from facilitator.domain.event import Target, format_number
from facilitator.domain.measurement import Measurement, MeasurementDraft
from facilitator.screens.form_dialog import FormDialog

_FIELDS = ("target", "value", "measured_at", "note")


class MeasurementFormScreen(FormDialog[Measurement]):
    FIELDS = _FIELDS
    CSS_PATH = "followup_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_measurement", tooltip="Close without saving anything"),
        Binding("ctrl+s", "save", "Save", id="save_measurement", tooltip="Save the measurement (committed at once)", priority=True),
        Binding(
            "ctrl+z", "remove_latest", "Remove latest", id="remove_latest_measurement",
            tooltip="Remove the target's latest measurement (a typo); the dialog stays open", priority=True,
        ),
    ]

    def __init__(
        self, context: str, targets: tuple[Target, ...], accept: Callable[[MeasurementDraft], Measurement],
        *, target_id: str | None = None,
        history: Callable[[str], list[Measurement]] | None = None,
        remove: Callable[[Measurement], None] | None = None,
    ) -> None:
        """``history(target_id)`` lists a target's measurements, oldest first; ``remove`` deletes one."""
        super().__init__()
        self.context = context
        self.targets = targets
        self.accept = accept
        self._history = history or (lambda _target_id: [])
        self._remove = remove
        self.target_id = target_id if target_id in {t.id for t in targets} else targets[0].id

    def compose(self) -> ComposeResult:
        options = [
            (Text(f"{t.metric} ({t.unit or 'no unit'}; baseline {format_number(t.baseline)}, goal {format_number(t.goal)})"), t.id)
            for t in self.targets
        ]
        with Vertical(classes="quick-form"):
            yield from self._head("Record a measurement", self.context)
            yield from self._row("target", "Target", Select(options, value=self.target_id, allow_blank=False, compact=True, id="target"))
            yield from self._row("value", "Value", Input(placeholder="the number measured, e.g. 31 or 31.5", id="value"))
            yield from self._row("measured_at", "When", Input(placeholder="now (empty), 14:30, or 2026-11-24 14:30", id="measured_at"))
            yield from self._row("note", "Note", Input(placeholder="optional: how it was measured, what changed", id="note"))
            yield Static("", id="latest", classes="quick-hint", markup=False)
            yield Static(
                "shift+tab picks the target - enter or ctrl+s saves - ctrl+z removes the latest - esc cancels",
                classes="quick-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        # The first target is picked already: the value is what is typed most; shift+tab picks another target.
        self.query_one("#value").focus()
        self._show_latest()

    def _target(self) -> Target:
        chosen = str(self.query_one("#target", Select).value)
        return next((t for t in self.targets if t.id == chosen), self.targets[0])

    def _show_latest(self) -> None:
        target = self._target()
        found = self._history(target.id)
        line = self.query_one("#latest", Static)
        if not found:
            line.update(f"{target.metric}: no measurements yet")
            return
        last = found[-1]
        at = last.measured_at.astimezone().strftime("%a %H:%M")
        note = f" ({last.note})" if last.note else ""
        line.update(f"Latest: {format_number(last.value)} {target.unit} on {at}{note}; {len(found)} in all")

    def action_remove_latest(self) -> None:
        target = self._target()
        found = self._history(target.id)
        if not found or self._remove is None:
            self.notify(f"{target.metric} has no measurement to remove.", severity="warning", markup=False)
            return
        try:
            self._remove(found[-1])
        except UserError as error:
            self._show_form_error(str(error))
            return
        self.notify(f"Removed {format_number(found[-1].value)} {target.unit} from {target.metric}", markup=False)
        self._show_latest()

    def read_draft(self) -> MeasurementDraft:
        return MeasurementDraft(
            target_id=str(self.query_one("#target", Select).value),
            value=self.query_one("#value", Input).value,
            measured_at=self.query_one("#measured_at", Input).value,
            note=self.query_one("#note", Input).value,
        )

    @on(Select.Changed, "#target")
    def _target_picked(self) -> None:
        if self.is_mounted:
            self._show_latest()
        if self.is_mounted and self.focused is self.query_one("#target"):
            self.query_one("#value").focus()
