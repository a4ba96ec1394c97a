"""The report-out as Markdown. User text is escaped so it reads as typed, never as markup."""

from __future__ import annotations

import re

from facilitator.domain.markdown import escape, paragraph
from facilitator.domain.display import visible
from facilitator.export.document import Bullets, Fishbone, Heading, Pairs, Para, Preformatted, Report, Table


def _paragraph(text: str) -> str:
    return paragraph(text) or "\u00a0"


def _cell(text: str) -> str:
    return escape(text, line_start=False, pipes=True) or " "


def _fenced(lines: tuple[str, ...]) -> list[str]:
    """A code block whose fence no line can close: longer than any run of backticks in it."""
    shown = [visible(line) for line in lines]
    runs = [len(run) for line in shown for run in re.findall(r"`+", line)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return [fence, *shown, fence, ""]


def render(report: Report) -> str:
    out = [f"# {escape(report.title, heading=True)}", "", f"*{escape(report.subtitle)}*", ""]
    for section in report.sections:
        out += [f"## {escape(section.title, heading=True)}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                out += [f"### {escape(block.text, heading=True)}", ""]
            elif isinstance(block, Para):
                text = _paragraph(block.text)
                out += [f"*{text}*" if block.muted else text, ""]
            elif isinstance(block, Bullets):
                out += [f"- {escape(item)}" for item in block.items] + [""]
            elif isinstance(block, Pairs):
                out += [f"- **{escape(label)}:** {escape(value)}" for label, value in block.items] + [""]
            elif isinstance(block, Preformatted):
                out += _fenced(block.lines)
            elif isinstance(block, Fishbone):
                out += _fenced(block.picture)
            elif isinstance(block, Table):
                out.append("| " + " | ".join(_cell(header) for header in block.headers) + " |")
                out.append("|" + "|".join(" --- " for _ in block.headers) + "|")
                out += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in block.rows]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
