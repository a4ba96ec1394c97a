"""Commands about the installation rather than an event: the keymap and the doctor."""

from __future__ import annotations

import click


@click.command("keymap")
@click.option("--markdown", is_flag=True, help="Print the default keys as the Markdown table in the README.")
@click.pass_context
def keymap_command(ctx: click.Context, markdown: bool) -> None:
    """List every key binding id with its keys; keymap.toml in the config folder changes them."""
    from facilitator import keymap, paths

    found = keymap.scopes()
    if markdown:
        click.echo(keymap.markdown_table(keymap.current_keys({}, found)), nl=False)
        return
    path = paths.keymap_file()
    loaded = keymap.read(path, found)
    rows = keymap.current_keys(loaded.keymap, found)
    width = max(len(binding_id) for binding_id, *_ in rows)
    key_width = max(len(keys) for _, keys, *_ in rows)
    click.echo(f"Keymap file: {path}" + ("" if path.exists() else " (none: the default keys)"))
    for binding_id, keys, description, where in rows:
        mark = "*" if binding_id in loaded.keymap else " "
        click.echo(f"{binding_id:<{width}}  {keys:<{key_width}} {mark} {description} ({where})")
    if loaded.keymap:
        click.echo("* set in the keymap file")
    if (line := loaded.problem_line(path.name)) is not None:
        click.echo(line, err=True)
        ctx.exit(1)


@click.command("doctor")
@click.pass_context
def doctor_command(ctx: click.Context) -> None:
    """Print versions, paths, the schema and the database's health; exit 1 if something is wrong."""
    from facilitator.doctor import report

    lines, problems = report(ctx.obj["db"])
    for line in lines:
        click.echo(line)
    if problems:
        click.echo(f"{problems} problem{'s' if problems > 1 else ''} found.", err=True)
        ctx.exit(1)
