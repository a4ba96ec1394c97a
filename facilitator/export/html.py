"""The report-out as one printable HTML file: inline styles, no scripts, no fetches, all text escaped."""

from __future__ import annotations

from html import escape

from facilitator.domain.display import visible
from facilitator.export.document import Bullets, Fishbone, Heading, Pairs, Para, Preformatted, Report, Table
from facilitator.export.fishbone_svg import draw

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #444; margin-top: 2rem; padding-bottom: 0.2rem; }
h3 { margin-bottom: 0.3rem; }
.subtitle, .muted { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
p.text { white-space: pre-wrap; }
pre { font-size: 0.85rem; background: #f6f6f6; padding: 0.5rem; overflow-x: auto; }
svg.fishbone { margin: 0.5rem 0; break-inside: avoid; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
"""


def _text(value: object) -> str:
    return escape(visible(str(value)), quote=True)


def render(report: Report) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{_text(report.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_text(report.title)}</h1>",
        f'<p class="subtitle">{_text(report.subtitle)}</p>',
    ]
    for section in report.sections:
        out.append(f"<section>\n<h2>{_text(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Heading):
                out.append(f"<h3>{_text(block.text)}</h3>")
            elif isinstance(block, Para):
                out.append(f'<p class="{"muted" if block.muted else "text"}">{_text(block.text)}</p>')
            elif isinstance(block, Bullets):
                out.append("<ul>" + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>")
            elif isinstance(block, Pairs):
                out.append("<dl>" + "".join(f"<dt>{_text(k)}</dt><dd>{_text(v)}</dd>" for k, v in block.items) + "</dl>")
            elif isinstance(block, Preformatted):
                out.append("<pre>" + "\n".join(_text(line) for line in block.lines) + "</pre>")
            elif isinstance(block, Fishbone):
                out.append(draw(block))
            elif isinstance(block, Table):
                head = "".join(f"<th>{_text(header)}</th>" for header in block.headers)
                body = "".join("<tr>" + "".join(f"<td>{_text(value)}</td>" for value in row) + "</tr>" for row in block.rows)
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
