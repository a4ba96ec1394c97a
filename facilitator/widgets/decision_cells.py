"""How one decision reads in a table row or a history line. User text is always plain Text, control
characters visible (:func:`facilitator.domain.display.visible`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from facilitator.domain.clock import local_time
from facilitator.domain.decision import Decision, Verdict
from facilitator.domain.display import visible

# Colours come from the theme: each verdict names a theme variable, resolved by the app in use.
VERDICT_VARIABLES = {
    Verdict.IN_SCOPE: "success",
    Verdict.OUT_OF_SCOPE: "error",
    Verdict.PARKED: "warning",
    Verdict.DEFERRED: "accent",
    Verdict.REJECTED: "secondary",
}


def verdict_styles(variables: dict[str, str]) -> dict[Verdict, str]:
    """Rich styles for the verdicts from the theme's variables (``App.theme_variables``)."""
    return {
        verdict: f"bold {variables[name]}" if name in variables else "bold"
        for verdict, name in VERDICT_VARIABLES.items()
    }


@dataclass(frozen=True, order=True)
class WhenCell:
    """A table cell that shows the day and local time and sorts by the moment (then id)."""

    sort_key: tuple[str, str]
    text: Text = field(compare=False)

    def __rich__(self) -> Text:
        return self.text


def when_text(decision: Decision) -> Text:
    return Text(f"d{decision.day} {local_time(decision.decided_at):%H:%M}", no_wrap=True)


def verdict_text(verdict: Verdict, styles: dict[Verdict, str], *, dim: bool = False) -> Text:
    return Text(verdict.label, style="dim" if dim else styles.get(verdict, "bold"), no_wrap=True)


def subject_text(decision: Decision) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    # The markers come first, so a narrow column cuts the end of the subject, never "superseded".
    if not decision.current:
        text.append("superseded: ", style="italic")
    if decision.supersedes_id:
        text.append("changes earlier: ", style="italic")
    text.append(visible(decision.subject), style="dim strike" if not decision.current else "")
    if decision.amended:
        text.append("  (amended)", style="italic dim")
    if decision.carried_to_debrief:
        text.append("  (to debrief)", style="italic dim")
    return text


def row_cells(decision: Decision, styles: dict[Verdict, str]) -> tuple:
    dim = not decision.current
    return (
        WhenCell((decision.decided_at.isoformat(), decision.id), when_text(decision)),
        verdict_text(decision.verdict, styles, dim=dim),
        Text(decision.decided_by.value, style="dim" if dim else "", no_wrap=True),
        subject_text(decision),
        Text(visible(" ".join(decision.tags)), style="dim", no_wrap=True, overflow="ellipsis"),
    )
