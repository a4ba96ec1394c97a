"""The report-out as Markdown. User text is escaped so it reads as typed, never as markup."""

from __future__ import annotations

from facilitator.domain.markdown import escape, paragraph
from facilitator.export.document import Bullets, Heading, Pairs, Para, Report, Table


def _paragraph(text: str) -> str:
    return paragraph(text) or "\u00a0"


def _cell(text: str) -> str:
    return escape(text, line_start=False, pipes=True) or " "


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
            elif isinstance(block, Table):
                out.append("| " + " | ".join(_cell(header) for header in block.headers) + " |")
                out.append("|" + "|".join(" --- " for _ in block.headers) + "|")
                out += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in block.rows]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
