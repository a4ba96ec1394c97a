"""After the event: each target's gain kept since, with its history as a sparkline, and the review that asks
for a measurement now. Shown in the follow-up tab once the event has ended and has targets."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from facilitator.domain.clock import local_today
from facilitator.domain.event import Event
from facilitator.domain.sustain import DEFAULT_SLIP_SHARE


class SustainPanel(Vertical):
    DEFAULT_CSS = """
    SustainPanel { height: auto; display: none; }
    SustainPanel.-shown { display: block; }
    SustainPanel #sustain-heading { text-style: bold; padding: 0 1; height: 1; }
    SustainPanel #sustain-review { color: $warning; padding: 0 1; height: auto; }
    SustainPanel .sustain-row { height: 1; padding: 0 1; }
    SustainPanel .sustain-line { width: 1fr; height: 1; }
    SustainPanel .sustain-line.-slipping { color: $error; text-style: bold; }
    SustainPanel Sparkline { height: 1; margin-left: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Since the event: gains kept", id="sustain-heading", markup=False)
        yield Static("", id="sustain-review", markup=False)
        yield Vertical(id="sustain-rows")

    def load(self, event: Event) -> None:
        from facilitator.storage.sustain import event_review_due, event_sustain

        today = local_today(self.app.clock)
        shown = bool(event.targets) and today > event.end_date
        self.set_class(shown, "-shown")
        if not shown:
            return
        store = self.app.store
        slip_share = getattr(getattr(self.app, "settings", None), "slip_share", DEFAULT_SLIP_SHARE)
        items = event_sustain(store, event, slip_share)
        review = event_review_due(store, event, today)
        slipping = sum(1 for item in items if item.slipping)
        heading = "Since the event: gains kept"
        if slipping:
            heading += f" - {slipping} slipping back (more than {slip_share}% of the gain lost)"
        self.query_one("#sustain-heading", Static).update(Text(heading))
        note = self.query_one("#sustain-review", Static)
        note.update(Text(review.line() if review else ""))
        note.display = review is not None
        rows = self.query_one("#sustain-rows", Vertical)
        rows.remove_children()
        for item in items:
            line = Static(Text(item.line(), no_wrap=True, overflow="ellipsis"), classes="sustain-line", markup=False)
            line.set_class(item.slipping, "-slipping")
            chart = Sparkline(list(item.values) or [0.0])
            chart.styles.width = max(len(item.values), 1) * 2
            rows.mount(Horizontal(line, chart, classes="sustain-row"))
