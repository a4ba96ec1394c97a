"""A decision's history: the chain of decisions it belongs to, each with its amendments, oldest first.

Nothing here is edited in place. A typo fix or a rationale added later is an amendment; changing or
reversing the decision closes this dialog and opens quick capture for a new, superseding decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.domain.clock import local_time
from facilitator.domain.decision import AmendedField, Decision, HistoryEntry
from facilitator.domain.display import shown
from facilitator.screens.text_prompt import TextPromptScreen
from facilitator.widgets.decision_cells import verdict_styles, verdict_text
from facilitator.widgets.footer import Footer


@dataclass(frozen=True)
class HistoryOutcome:
    amended: bool = False
    change_id: str | None = None  # the decision to supersede with a new one


def _stamp(moment) -> str:
    return f"{local_time(moment):%a %d %b %H:%M}"


def render_history(chain: list[HistoryEntry], opened_id: str, styles) -> Text:
    parts: list[Text] = []
    for index, entry in enumerate(shown(chain)):  # control characters visible, never raw
        decision = entry.original
        head = Text()
        head.append("> " if decision.id == opened_id else "  ", style="bold")
        head.append(f"{index + 1}. day {decision.day}, {_stamp(decision.decided_at)}  ")
        head.append_text(verdict_text(decision.verdict, styles))
        head.append(f"  by {decision.decided_by.value}")
        if index == len(chain) - 1:
            head.append("  (current)", style="bold")
        else:
            head.append("  (superseded by the next)", style="italic")
        parts.append(head)
        parts.append(Text.assemble("     ", Text(decision.subject, style="bold")))
        if decision.rationale:
            parts.append(Text.assemble("     why: ", Text(decision.rationale)))
        if decision.tags:
            parts.append(Text.assemble("     tags: ", Text(" ".join(decision.tags))))
        for amendment in entry.amendments:
            line = Text(f"     {_stamp(amendment.amended_at)} ", style="italic")
            if amendment.field is AmendedField.DEBRIEF:
                line.append_text(Text(amendment.text))
            else:
                line.append(f"amended {amendment.field.value} to: ")
                line.append_text(Text(amendment.text))
            parts.append(line)
        parts.append(Text(""))
    return Text("\n").join(parts)


class DecisionHistoryScreen(ModalScreen[HistoryOutcome]):
    DEFAULT_CSS = """
    DecisionHistoryScreen { align: center middle; }
    DecisionHistoryScreen > Vertical {
        width: 100; max-width: 100%; height: 80%; border: thick $primary; background: $surface; padding: 0 1;
    }
    DecisionHistoryScreen #history-title { text-style: bold; height: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="close_history", tooltip="Back to the decision log"),
        Binding("c", "change", "Change / reverse", id="change_decision", tooltip="Record a new decision that supersedes the current one"),
        Binding("a", "amend('subject')", "Fix subject", id="amend_subject", tooltip="Fix a typo in the subject; the original stays in the history"),
        Binding("w", "amend('rationale')", "Why", id="amend_rationale", tooltip="Add or amend the rationale of the selected decision"),
        Binding("g", "amend('tags')", "Tags", id="amend_tags", tooltip="Replace the tags of the selected decision"),
    ]

    def __init__(self, decision_id: str) -> None:
        super().__init__()
        self.decision_id = decision_id
        self.amended = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Decision history", id="history-title")
            with VerticalScroll():
                yield Static("", id="history-body")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_history()

    def refresh_history(self) -> None:
        self.chain = self.app.store.decisions.history(self.decision_id)
        styles = verdict_styles(self.app.theme_variables)
        self.query_one("#history-body", Static).update(render_history(self.chain, self.decision_id, styles))

    @property
    def decision(self) -> Decision:
        return self.app.store.decisions.get(self.decision_id)

    def action_close(self) -> None:
        self.dismiss(HistoryOutcome(amended=self.amended))

    def action_change(self) -> None:
        current = self.chain[-1].original
        self.dismiss(HistoryOutcome(amended=self.amended, change_id=current.id))

    def action_amend(self, field: str) -> None:
        amended = AmendedField(field)
        decision = self.decision
        value = {"subject": decision.subject, "rationale": decision.rationale, "tags": " ".join(decision.tags)}[field]
        label = {"subject": "Subject (typo fix)", "rationale": "Why it was decided", "tags": "Tags"}[field]

        def accept(text: str) -> str:
            return self.app.store.decisions.amend(decision.id, amended, text).text

        def done(result: str | None) -> None:
            if result is not None:
                self.amended = True
                self.refresh_history()
                self.notify(f"Amended the {field}; the original stays in the history.", markup=False)

        self.app.push_screen(TextPromptScreen(f"Amend the {field}", label, value, accept), done)
