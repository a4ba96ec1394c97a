"""The report-out as one printable HTML file: inline styles, no scripts, no fetches, all text escaped.

Drawn by ``templates/report.html`` (with ``blocks.html`` and ``style.css``); see :mod:`report_templates`
for how a plant overrides them and how escaping is kept out of the templates' hands.
"""

from __future__ import annotations

from facilitator.export import report_templates
from facilitator.export.document import Report


def render(report: Report, warn: report_templates.Warn | None = None) -> str:
    return report_templates.render("report.html", warn, report=report)
