"""Report templates: built-in ones ship in the package, a plant's own in the config folder override them,
and a broken one is reported in one line while the built-in one is used."""

from __future__ import annotations

from click.testing import CliRunner

from facilitator import paths
from facilitator.cli import cli
from facilitator.export import export_event
from facilitator.export.report_templates import BUILTIN
from tests.export_support import add_session, kaizen_event

HOSTILE_TITLE = "<script>alert('x')</script> **bold** [link](http://x)"


def _templates(*files: tuple[str, str]):
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _export(store, event, tmp_path, fmt: str, warnings: list[str] | None = None) -> str:
    path = export_event(store, event.id, fmt, tmp_path / f"r.{fmt}", warn=(warnings.append if warnings is not None else None))
    return path.read_text(encoding="utf-8")


def test_built_in_templates_ship_in_the_package():
    assert {"report.html", "blocks.html", "style.css", "report.md", "blocks.md"} <= {p.name for p in BUILTIN.iterdir()}


def test_a_plant_style_and_header_override_keep_user_text_escaped(store, tmp_path):
    event = kaizen_event(store, title=HOSTILE_TITLE)
    add_session(store.db, event, 1, 0, "Gemba walk & <b>5S</b>", 30)
    store.db.conn.commit()
    built_in = _export(store, event, tmp_path, "html")
    _templates(
        ("style.css", "h2 { color: #c8102e; }\n"),
        ("report.html", '{% extends "builtin/report.html" %}'
                        '{% block header %}<p class="plant">Plant 7 &middot; {{ report.title }}</p>\n{{ super() }}{% endblock %}'),
    )
    warnings: list[str] = []
    html = _export(store, event, tmp_path, "html", warnings)
    assert warnings == []
    assert "<style>\nh2 { color: #c8102e; }\n</style>" in html and "#1b1b1b" not in html
    assert '<p class="plant">Plant 7 &middot; &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;' in html
    assert "<script" not in html and "<b>5S" not in html and "Gemba walk &amp; &lt;b&gt;5S&lt;/b&gt;" in html
    # Everything outside the overridden parts is the built-in document.
    assert html.split("<h1>", 1)[1] == built_in.split("<h1>", 1)[1]


def test_a_markdown_override_uses_the_project_escaper(store, tmp_path):
    event = kaizen_event(store, title=HOSTILE_TITLE)
    built_in = _export(store, event, tmp_path, "md")
    _templates(("report.md", '{% extends "builtin/report.md" %}'
                             '{% block header %}Plant 7 report: {{ report.title|md }}\n\n{% endblock %}'))
    text = _export(store, event, tmp_path, "md")
    assert text.startswith(r"Plant 7 report: \<script>alert('x')\</script> \*\*bold\*\* \[link](http://x)" + "\n\n## Charter")
    assert text.split("## Charter", 1)[1] == built_in.split("## Charter", 1)[1]


def test_broken_templates_are_reported_in_one_line_and_the_built_in_one_used(store, tmp_path):
    event = kaizen_event(store)
    expected = {fmt: _export(store, event, tmp_path, fmt) for fmt in ("html", "md")}
    broken = {
        "syntax error": ("report.html", '{% extends "builtin/report.html" %}{% block header %}{{ report.title }'),
        "undefined variable": ("report.html", '{% extends "builtin/report.html" %}{% block header %}{{ plant_logo }}{% endblock %}'),
        "unknown block": ("report.html", '{% extends "builtin/report.html" %}{% block stlye %}h1 {}{% endblock %}'),
        "missing parent": ("report.md", '{% extends "builtin/nothing.md" %}'),
        "broken include": ("style.css", "{% if %}"),
        "error while rendering": ("report.md", "{{ report.title + 1 }}"),
    }
    for case, (name, text) in broken.items():
        folder = _templates((name, text))
        warnings: list[str] = []
        fmt = name.rsplit(".", 1)[1].replace("css", "html")
        assert _export(store, event, tmp_path, fmt, warnings) == expected[fmt], case
        assert len(warnings) == 1 and "\n" not in warnings[0], case
        assert warnings[0].startswith(f"Report template {folder}") and "the built-in" in warnings[0], (case, warnings)
        (folder / name).unlink()
    assert "stlye" in _broken_message(store, event, tmp_path, broken["unknown block"])
    assert "plant_logo" in _broken_message(store, event, tmp_path, broken["undefined variable"])


def _broken_message(store, event, tmp_path, template: tuple[str, str]) -> str:
    folder = _templates(template)
    warnings: list[str] = []
    _export(store, event, tmp_path, "html", warnings)
    (folder / template[0]).unlink()
    return warnings[0]


def test_the_cli_says_a_template_is_broken_on_stderr_and_still_exports(store, tmp_path):
    event = kaizen_event(store)
    store.db.conn.commit()
    _templates(("report.md", "{% block %}"))
    result = CliRunner().invoke(cli, ["--db", str(store.path), "export", event.id, "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert "report.md" in result.stderr and "the built-in report.md was used" in result.stderr
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Press line 4")
