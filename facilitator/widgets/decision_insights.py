"""Charter vs reality and facilitation style: what the decision log says about scope and who decides."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.domain.decision import DecidedBy, Decision, facilitation_style, scope_changes_line
from facilitator.domain.decision_tally import DecisionTally
from facilitator.domain.event import Event


class DecisionInsights(Static):
    """Beside the charter's bounds: the scope changes made since, per day, and who took the decisions."""

    DEFAULT_CSS = """
    DecisionInsights { padding: 0 2 1 2; height: auto; }
    """

    event: reactive[Event | None] = reactive(None, layout=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tally: DecisionTally | None = None
        self._moved_by: set[str] = set()  # decisions already counted since the last full read

    @property
    def tally(self) -> DecisionTally | None:
        """The counts shown, as read (or moved since by captures); None before the event is known."""
        return self._tally

    def watch_event(self) -> None:
        self.refresh_insights()

    def refresh_insights(self) -> None:
        """Read the counts once per change (not per repaint) and show them."""
        event = self.event
        self._tally = None if event is None else self.app.store.decisions.tally(event.id)
        self._moved_by.clear()
        self.update(self._build())

    def decision_logged(self, decision: Decision, superseded: Decision | None) -> None:
        """One capture moves the counts by itself: no recount of the whole event's decisions."""
        if self._tally is None or self.event is None or decision.event_id != self.event.id:
            self.refresh_insights()
            return
        if decision.id in self._moved_by:
            return
        self._moved_by.add(decision.id)
        self._tally = self._tally.after(decision, superseded)
        self.update(self._build())

    def _build(self) -> RenderableType:
        event, tally = self.event, self._tally
        if event is None or tally is None:
            return Text("")
        changes = tally.scope_changes
        style = facilitation_style(event.kind, tally.decided_by)
        day_word = event.kind.day_word[:-1]
        bounds = f"{len(event.in_bounds)} in bounds, {len(event.out_of_bounds)} out of bounds"
        parts: list[RenderableType] = [Text("Charter vs reality", style="bold")]
        parts.append(Text(f"  The charter above lists {bounds}. Scope changes made since, per {day_word}:", style="italic"))
        if changes:
            for day, counts in sorted(changes.items()):
                parts.append(Text("  " + scope_changes_line(day, counts, day_word)))
        else:
            parts.append(Text("  none yet: press d to log a decision", style="dim italic"))
        parts.append(Text(f"  Parking lot: {tally.parked} open", style="italic"))
        parts.append(Text(""))
        parts.append(Text("Facilitation style", style="bold"))
        if style.total:
            shares = "   ".join(f"{who.value} {style.shares[who]:.0%}" for who in DecidedBy)
            parts.append(Text(f"  {shares}   ({style.total} decisions)"))
        parts.append(Text(f"  {style.expected}", style="italic"))
        parts.append(Text(f"  {style.verdict}"))
        return Group(*parts)
