"""The `facilitator` command: opens the cockpit, and does the jobs that need no screen."""

from __future__ import annotations

import json
from pathlib import Path

import click

from facilitator import __version__, paths
from facilitator.domain.errors import UserError


class _Group(click.Group):
    """Errors a user can cause become one line on stderr and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as error:
            raise click.ClickException(str(error)) from None


def open_store(ctx: click.Context):
    """The Store for this command; opened lazily so `--help` and `--version` touch no file."""
    from facilitator.storage.store import Store

    store = Store(ctx.obj["db"])
    ctx.call_on_close(store.close)
    return store


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Database file. Default: $FACILITATOR_DB, else facilitator.db in the user data dir.",
)
@click.option("--theme", default=None, help="Colour theme for this run, e.g. projector-light.")
@click.version_option(__version__, "--version", prog_name="facilitator")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, theme: str | None) -> None:
    """A keyboard-first cockpit for Kaizen blitzes and Action Learning sets.

    Without a command, opens the cockpit.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db.expanduser() if db else paths.default_database()
    if ctx.invoked_subcommand is None:
        _run_cockpit(ctx, theme)


def _run_cockpit(ctx: click.Context, theme: str | None) -> None:
    if theme is not None:
        _check_theme(theme)
    store = open_store(ctx)
    from facilitator.app import FacilitatorApp

    app = FacilitatorApp(store, theme=theme)
    app.run()
    if app.return_code:
        ctx.exit(app.return_code)


def _check_theme(name: str) -> None:
    from textual.theme import BUILTIN_THEMES

    from facilitator.themes import load_themes

    names = set(BUILTIN_THEMES) | {theme.name for theme in load_themes().themes}
    if name not in names:
        ours = sorted(theme.name for theme in load_themes().themes)
        raise UserError(f"Unknown theme {name!r}. Installed: {', '.join(ours)} (and Textual's own themes).")


@cli.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Load the demo: a running 5-day Kaizen blitz and an Action Learning set."""
    from facilitator.demo import load_demo

    store = open_store(ctx)
    click.echo(load_demo(store))
    click.echo(f"Database: {store.path}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option("--all", "include_archived", is_flag=True, help="Include archived events.")
@click.pass_context
def events(ctx: click.Context, as_json: bool, include_archived: bool) -> None:
    """List events, newest first, with the ids other commands take."""
    store = open_store(ctx)
    found = store.events.list(include_archived=include_archived)
    if as_json:
        click.echo(json.dumps([_event_summary(event) for event in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("No events yet. Run `facilitator` and press n, or `facilitator demo`.")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column in ("id", "title", "kind", "start", "days", "status"):
        table.add_column(column)
    for event in found:
        table.add_row(
            event.id[:8], Text(event.title), event.kind.value, event.start_date.isoformat(),
            str(event.days), event.status.value + (" (archived)" if event.archived else ""),
        )
    Console(soft_wrap=True).print(table)


def _event_summary(event) -> dict:
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind.value,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "days": event.days,
        "status": event.status.value,
        "area": event.area.value,
        "archived": event.archived,
    }


def main() -> None:
    cli(prog_name="facilitator")
