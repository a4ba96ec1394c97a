"""The report-out as Markdown. User text is escaped so it reads as typed, never as markup."""

from __future__ import annotations

import re

from facilitator.export.document import Bullets, Heading, Pairs, Para, Report, Table

_INLINE = re.compile(r"([\\`*_\[\]<>|~#!])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text: str, *, line_start: bool = True) -> str:
    """One line of user text, safe inline: markup characters get a backslash."""
    text = _INLINE.sub(r"\\\1", " ".join(str(text).split("\n")))
    if not line_start:
        return text
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _paragraph(text: str) -> str:
    lines = [escape(line) for line in str(text).split("\n")]
    return "  \n".join(line for line in lines if line.strip()) or "\u00a0"


def _cell(text: str) -> str:
    return escape(text, line_start=False).replace("\r", " ") or " "


def render(report: Report) -> str:
    out = [f"# {escape(report.title)}", "", f"*{escape(report.subtitle)}*", ""]
    for section in report.sections:
        out += [f"## {escape(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                out += [f"### {escape(block.text)}", ""]
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
