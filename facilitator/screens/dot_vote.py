"""Dot voting on one countermeasure: a field per team member, their dots on it, within each one's budget.

``v``, then the dots of each member in charter order (``2 tab 1 tab tab 3``), ``enter``: saved together,
or refused together with the member who went over named beside their field.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from facilitator.domain.countermeasures import Countermeasure, parse_dots
from facilitator.domain.display import visible
from facilitator.domain.errors import FieldChecks, ValidationError
from facilitator.screens.form_dialog import FormDialog


class DotVoteScreen(FormDialog[Countermeasure]):
    CSS_PATH = ["followup_form.tcss", "countermeasure_dialogs.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel_dot_vote", tooltip="Close without changing any dots"),
        Binding("ctrl+s", "save", "Save", id="save_dot_vote", tooltip="Save every member's dots (committed at once)", priority=True),
    ]

    def __init__(
        self, item: Countermeasure, members: list[str], budget: int, spent: dict[str, int],
        save: Callable[[dict[str, int]], Countermeasure],
    ) -> None:
        super().__init__()
        self.item = item
        self.members = members
        self.budget = budget
        self.spent = spent
        self.save = save
        self.FIELDS = tuple(f"m{number}" for number in range(len(members)))

    def compose(self) -> ComposeResult:
        with Vertical(classes="quick-form"):
            yield from self._head("Dots", visible(self.item.text))
            for number, member in enumerate(self.members):
                mine = self.item.dots_of(member)
                free = self.budget - self.spent.get(member, 0) + mine
                with Horizontal(classes="quick-row"):
                    yield Label(visible(member), classes="quick-label", markup=False)
                    yield Input(str(mine) if mine else "", placeholder="0", id=f"m{number}", restrict=r"\d{0,3}", max_length=3)
                    yield Static(f"up to {free} of {self.budget}", classes="vote-left", markup=False)
                yield Static("", id=f"m{number}-error", classes="quick-error", markup=False)
            yield Static(
                f"each member has {self.budget} dots for all countermeasures - tab next member - enter saves - esc cancels",
                classes="quick-help", markup=False,
            )

    def on_mount(self) -> None:
        self._show_errors({})
        self._show_form_error("")
        if self.members:
            self.query_one("#m0").focus()

    def read_draft(self) -> tuple[str, ...]:
        return tuple(self.query_one(f"#m{number}", Input).value for number in range(len(self.members)))

    def accept(self, typed: tuple[str, ...]) -> Countermeasure:
        checks = FieldChecks()
        for number, (member, text) in enumerate(zip(self.members, typed, strict=True)):
            checks.check(f"m{number}", lambda text=text, member=member, number=number: _dots(text, member, number))
        checks.raise_if_any()
        votes = {member: checks.values[f"m{number}"] for number, member in enumerate(self.members)}
        try:
            return self.save(votes)  # type: ignore[arg-type]
        except ValidationError as error:  # keyed by member: shown beside that member's field
            index = {member: f"m{number}" for number, member in enumerate(self.members)}
            raise ValidationError({index.get(name, name): message for name, message in error.errors.items()}) from None


def _dots(text: str, member: str, number: int) -> int:
    try:
        return parse_dots(text, member)
    except ValidationError as error:
        raise ValidationError({f"m{number}": message for message in error.errors.values()}) from None
