"""An event's charter as a Rich renderable. User text is data: shown as typed, control characters visible."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitator.domain.display import shown
from facilitator.domain.event import WEEKDAYS, Event, describe_schedule, format_number


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _bullets(items: tuple[str, ...], empty: str) -> RenderableType:
    if not items:
        return Text(f"  {empty}", style="dim italic")
    return Text("\n").join(Text.assemble("  - ", Text(item)) for item in items)


def targets_table(event: Event) -> RenderableType:
    event = shown(event)
    if not event.targets:
        return Text("  No targets yet: edit the charter to add metric; unit; baseline; goal.", style="dim italic")
    table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
    for column in ("Metric", "Unit", "Baseline", "Goal", "Better"):
        table.add_column(column)
    for target in event.targets:
        table.add_row(
            Text(target.metric), Text(target.unit), format_number(target.baseline),
            format_number(target.goal), target.direction.value,
        )
    return table


def charter_renderable(event: Event) -> RenderableType:
    event = shown(event)  # text typed elsewhere (sqlite3, an import) never reaches the terminal raw
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row("Kind", Text(event.kind.label))
    dates = f"{event.start_date.isoformat()} to {event.end_date.isoformat()} ({event.days} {event.kind.day_word}"
    rhythm = describe_schedule(event)
    if rhythm == WEEKDAYS:
        dates += ", weekdays"
    elif event.dates:
        dates += ": " + ", ".join(f"{day:%a %d %b}" for day in event.dates)
    facts.add_row("Dates", Text(dates + ")"))
    facts.add_row("Area", Text(event.area.label))
    facts.add_row("Status", Text(event.status.value + ("  (archived)" if event.archived else "")))
    facts.add_row("Sponsor", Text(event.sponsor or "-"))
    facts.add_row("Facilitator", Text(event.facilitator or "-"))
    facts.add_row("Team", Text(", ".join(event.team) or "-"))
    facts.add_row("Id", Text(event.id, style="dim"))
    return Group(
        Text(event.title, style="bold"),
        Text(""),
        facts,
        Text(""),
        _heading("Problem statement"),
        Text(event.problem or "-"),
        Text(""),
        _heading("In bounds"),
        _bullets(event.in_bounds, "nothing listed"),
        _heading("Out of bounds"),
        _bullets(event.out_of_bounds, "nothing listed"),
        Text(""),
        _heading("Targets"),
        targets_table(event),
    )
