"""The report-outs (Markdown and HTML) come from Jinja2 templates a plant can override.

The built-in templates ship in ``facilitator/export/templates/``. A file of the same name in the config
folder's ``templates/`` (:func:`paths.user_templates_dir`; README says where) replaces the built-in one; it can also
extend it, reaching the original as ``builtin/<name>``, e.g. a logo and colours::

    {% extends "builtin/report.html" %}
    {% block header %}<img alt="Plant 7" src="data:image/png;base64,...">{{ super() }}{% endblock %}

A broken override (a syntax error, an undefined variable, a block the built-in does not have, any
error while rendering) never stops an export: it is reported in one line through ``warn`` and the
built-in template is used.

Escaping is not left to the template: in HTML every ``{{ value }}`` has its control characters made
visible and is escaped exactly as :func:`html.escape` does (autoescape on); in Markdown (autoescape off)
user text goes through the project's one escaper, :mod:`facilitator.domain.markdown`, as filters.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from facilitator import paths
from facilitator.domain import markdown
from facilitator.domain.display import visible
from facilitator.export.document import INLINE_IMAGE_TYPES

BUILTIN = Path(__file__).with_name("templates")
Warn = Callable[[str], None]
# Text html.escape and visible() both leave as it is: no &<>"' and no control character but tab and newline.
_PLAIN = re.compile(r"[^&<>\"'\x00-\x08\x0b-\x1f\x7f-\x9f]*")


def _html_value(value: Any) -> Any:
    """Every ``{{ value }}`` of an HTML template: shown (control characters visible) and escaped as before."""
    if isinstance(value, Markup):  # a macro's output or a |safe value: already HTML
        return value
    text = str(value)
    if _PLAIN.fullmatch(text):  # most values: nothing to escape or show; autoescape passes them as they are
        return text
    return Markup(html.escape(visible(text), quote=True))


def _md_paragraph(text: Any) -> str:
    return markdown.paragraph(str(text)) or "\u00a0"  # an empty paragraph would vanish and join its neighbours


def _md_cell(text: Any) -> str:
    return markdown.escape(str(text), line_start=False, pipes=True) or " "


# Every character md_cell may change: the escaper's candidates, "&", a line break and visible()'s controls.
_MD_CELL_CHANGES = re.compile(r"[\\`\[|<*~_&\n\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _md_rows(rows: Any) -> str:
    """A table's rows, one line each, exactly as ``| {{ row|md_cells }} |`` draws them. A row of non-empty
    texts none of which holds a character md_cell may change (nearly every row of a 10,000-entry
    timeline) is joined as it is after one search, instead of a call per cell."""
    lines = []
    for row in rows:
        try:
            plain = "" not in row and _MD_CELL_CHANGES.search(" ".join(row)) is None
        except TypeError:  # a cell that is not text: each cell on its own
            plain = False
        lines.append("| " + " | ".join(row if plain else map(_md_cell, row)) + " |")
    return "\n".join(lines)


def _md_fenced(lines: tuple[str, ...]) -> str:
    """A code block whose fence no line can close: longer than any run of backticks in it."""
    shown = [visible(line) for line in lines]
    runs = [len(run) for line in shown for run in re.findall(r"`+", line)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return "\n".join([fence, *shown, fence])


def _fishbone_svg(fishbone: Any) -> Markup:
    from facilitator.export.fishbone_svg import draw

    return Markup(draw(fishbone))  # draw() escapes every text it places in the picture




def _figure_html(figure: Any) -> Markup:
    """An attached photo as a data URI, so the single file opens offline; the caption escaped."""
    import base64

    caption = html.escape(visible(str(figure.caption)), quote=True)
    if figure.data is None or figure.media_type not in INLINE_IMAGE_TYPES:
        return Markup(f"<figure><figcaption>{caption}</figcaption></figure>")
    source = f"data:{figure.media_type};base64,{base64.b64encode(figure.data).decode('ascii')}"
    return Markup(f'<figure><img src="{source}" alt="{caption}"><figcaption>{caption}</figcaption></figure>')


def _environment(html_format: bool, user_dir: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(BUILTIN)
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": builtin}, delimiter="/")]
    if user_dir is not None:
        loaders.insert(0, jinja2.FileSystemLoader(user_dir))
    loaders.append(builtin)
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=html_format,
        finalize=_html_value if html_format else None,
        undefined=jinja2.StrictUndefined,  # a misspelt variable is an error, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # _cached() makes a new environment when the user's files change
    )
    if html_format:
        environment.filters["fishbone_svg"] = _fishbone_svg
        environment.filters["figure_html"] = _figure_html
    else:
        environment.filters.update(
            md=lambda text, **how: markdown.escape(str(text), **how),
            md_heading=lambda text: markdown.escape(str(text), heading=True),
            md_cell=_md_cell,
            # A whole row in one call: map("md_cell") costs a filter lookup per cell (the 10,000-row timeline).
            md_cells=lambda cells: " | ".join(map(_md_cell, cells)),
            md_rows=_md_rows,  # every row of a table, one per line
            # A list in one call, like md_rows: a filter call per item costs more than the escaping.
            md_bullets=lambda items: "\n".join(["- " + line for line in markdown.escape_lines(list(items))]),
            md_paragraph=_md_paragraph,
            md_fenced=_md_fenced,
        )
    return environment


# Compiled templates are kept between exports (compiling costs more than rendering a small event), until
# a file in the user's folder is added, changed or removed: a built-in template, once cached, would
# otherwise hide a user's file of the same name added later.
_ENVIRONMENTS: dict[tuple[bool, Path | None], tuple[object, jinja2.Environment]] = {}


def _cached(html_format: bool, user_dir: Path | None, signature: object = None) -> jinja2.Environment:
    key = (html_format, user_dir)
    kept = _ENVIRONMENTS.get(key)
    if kept is None or kept[0] != signature:
        kept = _ENVIRONMENTS[key] = (signature, _environment(html_format, user_dir))
    return kept[1]


def _overrides(user_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """The user's template files (name, size, modified), empty when there are none."""
    try:
        found = [(path.name, path.stat()) for path in user_dir.iterdir() if path.is_file()]
    except OSError:
        return ()
    return tuple(sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in found))


def _check_blocks(environment: jinja2.Environment, name: str, user_dir: Path) -> None:
    """A block the built-in template does not have would be silently ignored: say so instead."""
    source = user_dir / name
    if not source.is_file():
        return
    tree = environment.parse(source.read_text(encoding="utf-8"), name, str(source))
    parent = tree.find(nodes.Extends)
    if parent is None or not isinstance(parent.template, nodes.Const):
        return
    base = environment.get_template(parent.template.value)
    unknown = sorted({block.name for block in tree.find_all(nodes.Block)} - set(base.blocks))
    if unknown:
        known = ", ".join(base.blocks)
        raise jinja2.TemplateRuntimeError(f"block {unknown[0]!r} is not in {parent.template.value} (it has: {known})")


def _where(error: Exception, user_dir: Path, name: str) -> str:
    """The user's template file and line the error comes from, from the error or its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}, line {error.lineno}"
    tb = error.__traceback__
    found = str(user_dir / name)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(str(user_dir)):
            found = f"{filename}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return found


def render(name: str, warn: Warn | None = None, **context: Any) -> str:
    """Render template ``name`` (``report.md``, ``report.html``) with the user's overrides, if any."""
    html_format = name.endswith(".html")
    user_dir = paths.user_templates_dir()
    signature = _overrides(user_dir)
    if signature:
        environment = _cached(html_format, user_dir, signature)
        try:
            _check_blocks(environment, name, user_dir)
            return environment.get_template(name).render(**context)
        except Exception as error:  # noqa: BLE001 - any fault in a user's template falls back to the built-in
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            (warn or _stderr)(
                f"Report template {_where(error, user_dir, name)}: {message}; the built-in {name} was used."
            )
    return _cached(html_format, None).get_template(name).render(**context)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
