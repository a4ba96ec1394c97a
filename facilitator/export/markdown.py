"""The report-out as Markdown. User text is escaped so it reads as typed, never as markup.

Drawn by ``templates/report.md`` (with ``blocks.md``); the escaping is the filters of
:mod:`report_templates`, i.e. :mod:`facilitator.domain.markdown`.
"""

from __future__ import annotations

from facilitator.export import report_templates
from facilitator.export.document import Report


def render(report: Report, appendix: str = "", warn: report_templates.Warn | None = None) -> str:
    """``appendix``: Markdown already escaped (each day's report-out), placed after the sections."""
    text = report_templates.render("report.md", warn, report=report, appendix=appendix)
    return text.rstrip("\n") + "\n"
