"""The `facilitator` command: opens the cockpit, and does the jobs that need no screen."""

from __future__ import annotations

import json
from pathlib import Path

import click

from facilitator import paths
from facilitator.completion import complete_event
from facilitator.domain.errors import UserError


class _Group(click.Group):
    """The CLI's one error boundary: every failure is one line on stderr and exit status 1, never a traceback.

    Errors a user can cause say what to do; a damaged database says how to recover; anything else is
    logged to errors.log in the log folder, as the cockpit does.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except UserError as error:
            raise click.ClickException(str(error)) from None
        except Exception as error:  # noqa: BLE001 - the boundary: nothing unexpected reaches the user raw
            raise click.ClickException(_unexpected(ctx, error)) from None


def _unexpected(ctx: click.Context, error: Exception) -> str:
    from facilitator.errorlog import log_exception
    from facilitator.storage.errors import damage_in, damaged

    if damage_in(error):
        return str(damaged((ctx.obj or {}).get("db", "the database"), damage_in(error)))
    log_path = log_exception(error)
    where = f"details are in {log_path}" if log_path else "details could not be written"
    if (ctx.obj or {}).get("debug"):
        # Asked for: what went wrong, still in one line (the traceback is in the log).
        where = f"{type(error).__name__}: {error}; {where}"
    return f"facilitator stopped on an unexpected error ({where}). Everything saved before it is safe."


def echo(text: str, **kwargs) -> None:
    """Print a command's output; text from the database never reaches the terminal with raw control characters."""
    from facilitator.domain.display import visible

    click.echo(visible(str(text)), **kwargs)


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
@click.option("--debug", is_flag=True, help="Log what the command does to errors.log too, and name an unexpected error.")
@click.version_option(None, "--version", package_name="facilitator", prog_name="facilitator")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, theme: str | None, debug: bool) -> None:
    """A keyboard-first cockpit for Kaizen blitzes and Action Learning sets.

    Without a command, opens the cockpit.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db.expanduser() if db else paths.default_database()
    ctx.obj["theme"] = theme
    ctx.obj["debug"] = debug
    from facilitator import errorlog

    errorlog.set_debug(debug)
    errorlog.logger().debug("facilitator %s: %s, database %s", _version(), ctx.invoked_subcommand or "cockpit", ctx.obj["db"])
    if ctx.invoked_subcommand is None:
        _run_cockpit(ctx, theme)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("facilitator")
    except PackageNotFoundError:
        return "unknown"


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
    echo(load_demo(store))
    echo(f"Database: {store.path}")


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
        echo("No events yet. Run `facilitator` and press n, or `facilitator demo`.")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from facilitator.domain.display import visible

    table = Table(box=None, header_style="bold")
    for column in ("id", "title", "kind", "start", "days", "status"):
        table.add_column(column)
    for event in found:
        table.add_row(
            event.id[:8], Text(visible(event.title)), event.kind.value, event.start_date.isoformat(),
            str(event.days), event.status.value + (" (archived)" if event.archived else ""),
        )
    Console(soft_wrap=True).print(table)


@cli.command()
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.pass_context
def show(ctx: click.Context, event_ref: str) -> None:
    """Print one event's charter. EVENT is its id or a unique start of it."""
    from rich.console import Console

    from facilitator.render.charter import charter_renderable

    event = open_store(ctx).events.resolve(event_ref)
    Console(soft_wrap=False).print(charter_renderable(event))


@cli.command("export")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option(
    "--format", "fmt", type=click.Choice(["md", "json", "csv", "html", "a3", "ics", "zip"]), default="md", show_default=True,
    help="md: report-out; json: lossless (for import); csv: a zip (or a folder) of tables; html: printable; "
    "a3: the one-page A3 (HTML, landscape); ics: a calendar of the days, sessions, follow-up due dates and "
    "30/60/90-day reviews; zip: the JSON with the attached files (for import).",
)
@click.option(
    "-o", "--output", type=click.Path(), default=None,
    help="A file (csv: a .zip), or a folder (an existing one, or ending in /). "
    "Default: a new file in exports/ beside the database.",
)
@click.pass_context
def export_command(ctx: click.Context, event_ref: str, fmt: str, output: str | None) -> None:
    """Export an event. EVENT is its id or a unique start of it (`facilitator events` lists them)."""
    import os

    from facilitator.export import export_event

    store = open_store(ctx)
    event = store.events.resolve(event_ref)
    # The trailing slash is the only sign "out/" means a folder; Path() would drop it.
    folder = output is not None and output.endswith((os.sep, "/"))
    target = Path(output).expanduser() if output else None
    echo(export_event(store, event.id, fmt, target, folder=folder, warn=lambda message: echo(message, err=True)))


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of `export --format json` files."""
    from facilitator.export.schema import shipped_text

    click.echo(shipped_text(), nl=False)


@cli.command("followups")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--open", "only_open", is_flag=True, help="Only items not done yet.")
@click.pass_context
def followups_command(ctx: click.Context, event_ref: str, only_open: bool) -> None:
    """Print an event's follow-ups (the Kaizen newspaper), grouped by the 30/60/90-day review."""
    from facilitator.domain.clock import local_today
    from facilitator.domain.followup import due_phrase, group_by_review

    store = open_store(ctx)
    event = store.events.resolve(event_ref)
    today = local_today(store.clock)
    items = [item for item in store.followups.for_event(event.id) if item.status.is_open or not only_open]
    if not items:
        echo("No follow-ups" + (" open." if only_open else " yet."))
        return
    for group in group_by_review(items, event.end_date):
        echo(group.title)
        for item in group.items:
            when = due_phrase(item.due_date, today) if item.status.is_open else item.outcome or "done"
            echo(f"  {item.due_date.isoformat()}  {item.status.label:<11}  {item.owner}: {item.action} ({when})")


@cli.command("report-out")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--day", type=int, default=None, help="Day (or meeting) number. Default: today's, else the last.")
@click.pass_context
def report_out(ctx: click.Context, event_ref: str, day: int | None) -> None:
    """Print a day's report-out as Markdown (the last day: the 30-minute final outline)."""
    from facilitator.domain.clock import local_today
    from facilitator.report.gather import current_day, daily_report

    store = open_store(ctx)
    event = store.events.resolve(event_ref)
    if day is None:
        day = current_day(event, local_today(store.clock))
    elif not 1 <= day <= event.days:
        raise UserError(f"Day {day} is not in the event: it has {event.days} {event.kind.day_word}.")
    markdown = daily_report(store, event.id, day).to_markdown()
    if stdout_is_terminal():
        # Someone reading at a terminal gets it rendered (headings, bullets, no backslashes); a pipe or a
        # file gets the Markdown itself.
        from rich.console import Console
        from rich.markdown import Markdown

        Console(highlight=False).print(Markdown(markdown))
    else:
        echo(markdown, nl=False)


def stdout_is_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, file: Path) -> None:
    """Merge a JSON (or zip) export into the database by id; conflicts keep the record already here."""
    from facilitator.export import import_file

    report = import_file(open_store(ctx), file.expanduser())
    echo(report.summary())
    for note in report.notes:
        echo(note)
    for conflict in report.conflicts:
        echo(f"  conflict: {conflict.describe()}")



@cli.command("reflections")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option(
    "--by", "grouping", type=click.Choice(["day", "session", "framework"]), default="day", show_default=True,
    help="day: a readable summary per day (or meeting); session / framework: every answer, grouped.",
)
@click.option("--search", default="", help="Only reflections whose answers, names or assumptions contain this.")
@click.pass_context
def reflections_command(ctx: click.Context, event_ref: str, grouping: str, search: str) -> None:
    """Print an event's reflections. EVENT is its id or a unique start of it."""
    from rich.console import Console
    from rich.text import Text

    from facilitator.render.reflections import history
    from facilitator.storage.errors import NotFound

    store = open_store(ctx)
    event = store.events.resolve(event_ref)

    def title(session_id: str | None) -> str | None:
        try:
            return store.agenda.get(session_id).title if session_id else None
        except NotFound:
            return None

    console = Console(soft_wrap=False)
    console.print(Text(store.reflections.counts(event.id).line(event.kind)))
    found = store.reflections.history(event.id, search=search)
    console.print(history(event, found, grouping, title, searched=bool(search.strip())))

@cli.command("timer")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.argument("action", default="status", type=click.Choice(
    ["status", "toggle", "start", "pause", "resume", "next", "finish", "skip", "extend"]))
@click.option("--minutes", type=int, default=5, show_default=True, help="Minutes to add with `extend`.")
@click.pass_context
def timer_command(ctx: click.Context, event_ref: str, action: str, minutes: int) -> None:
    """Show today's agenda and the session timer, or act on it (start, pause, next, finish, ...)."""
    from facilitator.timer_cli import run

    echo(run(open_store(ctx), event_ref, action, minutes))


@cli.command("decisions")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--search", default="", help="Only decisions whose subject, rationale, tags or amendments match.")
@click.option("--current", is_flag=True, help="Leave out decisions superseded by later ones.")
@click.option("--parked", is_flag=True, help="Only the open parking lot.")
@click.pass_context
def decisions_command(ctx: click.Context, event_ref: str, search: str, current: bool, parked: bool) -> None:
    """Print an event's decision log, newest first (or its parking lot)."""
    from facilitator.decisions_cli import listing

    echo(listing(open_store(ctx), event_ref, search=search, current=current, parked=parked))


@cli.command("verify")
@click.argument("event_ref", metavar="[EVENT]", required=False, shell_complete=complete_event)
@click.pass_context
def verify_command(ctx: click.Context, event_ref: str | None) -> None:
    """Check the decision log's digests (every event, or one): exit 1 naming the first broken record."""
    from facilitator.verify_cli import verify

    ok, line = verify(open_store(ctx), event_ref)
    echo(line, err=not ok)
    if not ok:
        ctx.exit(1)


@cli.command("decide")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.argument("subject")
@click.option("--verdict", required=True, type=click.Choice(["in_scope", "out_of_scope", "parked", "deferred", "rejected"]))
@click.option("--by", "decided_by", default="facilitator", show_default=True, type=click.Choice(["facilitator", "team", "sponsor"]))
@click.option("--why", default="", help="Rationale (can be added later as an amendment).")
@click.option("--tags", default="", help="Tags separated by spaces or commas.")
@click.pass_context
def decide_command(ctx: click.Context, event_ref: str, subject: str, verdict: str, decided_by: str, why: str, tags: str) -> None:
    """Log a scope decision now (in the running session, if any)."""
    from facilitator.decisions_cli import decide

    echo(decide(open_store(ctx), event_ref, subject, verdict, decided_by, why, tags))

@cli.command("datasette-metadata")
@click.pass_context
def datasette_metadata_command(ctx: click.Context) -> None:
    """Print Datasette's metadata (what every table, view and column means): datasette FILE -m it."""
    from facilitator.datasette_metadata import metadata_json

    # Datasette names a database after its file: metadata for plant.db describes the database "plant".
    click.echo(metadata_json(Path(ctx.obj["db"]).stem), nl=False)


@cli.command("profile")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--json", "as_json", is_flag=True, help="Print {rows: [{element, measured, closest, reading}], closest}.")
@click.pass_context
def profile_command(ctx: click.Context, event_ref: str, as_json: bool) -> None:
    """The method mirror: which of Action Learning, Kaizen event or task force the event behaves like."""
    from facilitator.mirror_cli import profile

    echo(profile(open_store(ctx), event_ref, as_json))


@cli.command("sustain")
@click.option("--json", "as_json", is_flag=True, help="Print a list of {event_id, target, baseline, goal, best, latest, gain_kept_pct, slipping}.")
@click.pass_context
def sustain_command(ctx: click.Context, as_json: bool) -> None:
    """Every done event's targets: how much of the gain is kept, and which are slipping back."""
    from facilitator.config import Settings
    from facilitator.mirror_cli import sustain

    echo(sustain(open_store(ctx), as_json, Settings.load().slip_share))


@cli.command("projector")
@click.argument("event_ref", metavar="EVENT", shell_complete=complete_event)
@click.option("--theme", default=None, help="Colour theme for this display, e.g. projector-light.")
@click.pass_context
def projector_command(ctx: click.Context, event_ref: str, theme: str | None) -> None:
    """A read-only clock for the room (second monitor, projector, SSH) that follows the cockpit."""
    from facilitator.storage.store import Store

    theme = theme or ctx.obj.get("theme")
    if theme is not None:
        _check_theme(theme)
    store = Store(ctx.obj["db"], read_only=True)
    ctx.call_on_close(store.close)
    event = store.events.resolve(event_ref)
    from facilitator.projector_app import ProjectorApp

    app = ProjectorApp(store, event.id, theme=theme)
    app.run()
    if app.return_code:
        ctx.exit(app.return_code)


@cli.command("serve")
@click.argument("event_ref", metavar="[EVENT]", required=False, shell_complete=complete_event)
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1); a LAN address for a TV.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--cockpit", is_flag=True, help="Serve the full cockpit (it can change data: 127.0.0.1 only).")
@click.option("--theme", default=None, help="Colour theme for the served screen.")
@click.pass_context
def serve_command(ctx: click.Context, event_ref: str | None, host: str | None, port: int, cockpit: bool, theme: str | None) -> None:
    """Serve the projector (or, with --cockpit, the cockpit) to a web browser."""
    from facilitator.serve import serve

    theme = theme or ctx.obj.get("theme")
    if theme is not None:
        _check_theme(theme)
    serve(ctx.obj["db"], event_ref, host=host, port=port, cockpit=cockpit, theme=theme)


def _event_summary(event) -> dict:
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind.value,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "dates": [event.day_date(day).isoformat() for day in range(1, event.days + 1)],
        "days": event.days,
        "status": event.status.value,
        "area": event.area.value,
        "archived": event.archived,
    }


from facilitator.causes_cli import causes_command  # noqa: E402 - registered after the group exists
from facilitator.tools_cli import doctor_command, keymap_command  # noqa: E402

cli.add_command(causes_command)
cli.add_command(keymap_command)
cli.add_command(doctor_command)


def main() -> None:
    cli(prog_name="facilitator")
