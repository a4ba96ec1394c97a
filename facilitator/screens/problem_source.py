"""Where a new problem comes from: the charter's problem statement, a target's gap, or typed (one key each)."""

from __future__ import annotations

from textual.binding import Binding

from facilitator.screens.agenda_choice import AgendaChoiceScreen


class ProblemSourceScreen(AgendaChoiceScreen):
    """Returns ``charter``, ``typed`` or ``target:<id>``; ``c``, ``t`` and the targets' digits pick at once."""

    BINDINGS = [
        Binding("c", "pick('charter')", "Charter", id="problem_from_charter", show=False, priority=True, tooltip="The charter's problem statement"),
        Binding("t", "pick('typed')", "Type one", id="problem_typed", show=False, priority=True, tooltip="Type a problem statement"),
        *[
            Binding(str(number), f"pick_target({number})", f"Target {number}", id=f"problem_from_target_{number}",
                    show=False, priority=True, tooltip=f"The gap of the charter's target {number}")
            for number in range(1, 10)
        ],
    ]

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        super().__init__(
            "Start from a problem",
            "A fishbone's head and the start of 5 Whys chains. c the charter's, 1-9 a target's gap, t type one.",
            choices,
        )

    def action_pick(self, key: str) -> None:
        if any(choice == key for choice, _ in self.choices):
            self.dismiss(key)

    def action_pick_target(self, number: int) -> None:
        targets = [choice for choice, _ in self.choices if choice.startswith("target:")]
        if 0 < number <= len(targets):
            self.dismiss(targets[number - 1])
