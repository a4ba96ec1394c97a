"""Charter vs reality and facilitation style: what the decision log says about scope and who decides."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.domain.decision import DecidedBy, facilitation_style, scope_changes_line
from facilitator.domain.event import Event


class DecisionInsights(Static):
    """Beside the charter's bounds: the scope changes made since, per day, and who took the decisions."""

    DEFAULT_CSS = """
    DecisionInsights { padding: 0 2 1 2; height: auto; }
    """

    event: reactive[Event | None] = reactive(None, layout=True)

    def watch_event(self) -> None:
        self.refresh_insights()

    def refresh_insights(self) -> None:
        """Read the counts once per change (not per repaint) and show them."""
        self.update(self._build())

    def _build(self) -> RenderableType:
        event = self.event
        if event is None:
            return Text("")
        decisions = self.app.store.decisions
        changes = decisions.scope_changes(event.id)
        style = facilitation_style(event.kind, decisions.decided_by_counts(event.id))
        day_word = event.kind.day_word[:-1]
        bounds = f"{len(event.in_bounds)} in bounds, {len(event.out_of_bounds)} out of bounds"
        parts: list[RenderableType] = [Text("Charter vs reality", style="bold")]
        parts.append(Text(f"  The charter above lists {bounds}. Scope changes made since, per {day_word}:", style="italic"))
        if changes:
            for day, counts in sorted(changes.items()):
                parts.append(Text("  " + scope_changes_line(day, counts, day_word)))
        else:
            parts.append(Text("  none yet: press d to log a decision", style="dim italic"))
        parked = decisions.parked_count(event.id)
        parts.append(Text(f"  Parking lot: {parked} open", style="italic"))
        parts.append(Text(""))
        parts.append(Text("Facilitation style", style="bold"))
        if style.total:
            shares = "   ".join(f"{who.value} {style.shares[who]:.0%}" for who in DecidedBy)
            parts.append(Text(f"  {shares}   ({style.total} decisions)"))
        parts.append(Text(f"  {style.expected}", style="italic"))
        parts.append(Text(f"  {style.verdict}"))
        return Group(*parts)
