"""The A3: the whole blitz on one printable landscape page, the way Toyota's A3 reports read.

Left column: background, current condition, target, root-cause analysis (fishbone summary and the
5 Whys chains). Right column: countermeasures, the plan (follow-ups) and the follow-up (targets and
measurements, with sparklines). One self-contained HTML file: inline CSS and SVG, no scripts, nothing
fetched; every piece of user text escaped. Lists are capped so the page stays one page when printed
(@page: A3 landscape; A4 landscape prints it scaled), each cap saying how many it left out.
Photos attached to the sessions and targets (the gemba "before", the board "after") are embedded as
small data-URI thumbnails in the background (full width of the left column: in the narrow current-condition
box they pushed the page onto a second sheet), so the page still opens offline.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from datetime import datetime
from html import escape

from facilitator.domain.clock import local_time
from facilitator.domain.display import visible
from facilitator.domain.event import format_number
from facilitator.export.a3_svg import CATEGORIES, fishbone, sparkline
from facilitator.export.countermeasures_section import ranked_rows, status_text
from facilitator.export.document import INLINE_IMAGE_TYPES
from facilitator.export.records import EventRecords, Row

SECTIONS = ("Background", "Current condition", "Target", "Root-cause analysis", "Countermeasures", "Plan", "Follow-up")
MAX_CHAINS = 4
STEP_MAX = 70  # characters of one step of a chain, or of a cause a countermeasure answers
MAX_COUNTERMEASURES = 8
MAX_PLAN = 9
MAX_TARGETS = 5
MAX_PHOTOS = 3  # thumbnails: the page is the story, the full pictures are in the HTML export
PHOTO_KINDS = ("session", "target")

_STYLE = """
@page { size: A3 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0 auto; padding: 8mm;
       max-width: 400mm; font-size: 10.5pt; line-height: 1.3; }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 3px solid #1f4e99;
         padding-bottom: 2mm; margin-bottom: 3mm; }
h1 { font-size: 17pt; margin: 0; }
.who { color: #444; text-align: right; font-size: 9.5pt; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 5mm; }  /* halves, whatever is in them */
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
section { border: 1px solid #999; border-radius: 2mm; padding: 2mm 3mm; margin-bottom: 3mm; break-inside: avoid; }
h2 { font-size: 11.5pt; margin: 0 0 1.5mm; color: #1f4e99; }
h2 .n { display: inline-block; width: 6mm; }
p { margin: 0 0 1mm; white-space: pre-wrap; }
.muted { color: #666; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
ol.chains { margin: 0; padding-left: 5mm; font-size: 9pt; }
ol.chains li { margin-bottom: 0.8mm; }
.quick { color: #2a7a2a; font-weight: bold; }
svg.fishbone { width: 100%; height: auto; max-height: 56mm; }
svg.spark { vertical-align: middle; }
.photos { display: flex; gap: 2mm; margin-top: 1.5mm; }
.photos figure { margin: 0; width: 32%; }
.photos img { display: block; height: 22mm; width: auto; max-width: 100%; border: 1px solid #ccc; }
.photos figcaption { font-size: 8pt; color: #444; }
@media print { body { padding: 0; max-width: none; } }
"""


def _text(value: object) -> str:
    return escape(visible(str(value)), quote=True)


def _list(text: object) -> list[str]:
    try:
        items = json.loads(text) if isinstance(text, str) and text else []
    except ValueError:
        return [str(text)]
    return [str(item) for item in items] if isinstance(items, list) else [str(items)]


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) else None


def render(
    records: EventRecords, now: datetime, causes: list[Row], read_file: Callable[[str], bytes | None] = lambda _: None
) -> str:
    """The page for ``records``; ``causes`` are the event's cause rows (the causes area's table); ``read_file``
    gives an attached file's bytes by its SHA-256 (None when it is not in the evidence folder)."""
    event = records.event
    team = ", ".join(_list(event.get("team"))) or "-"
    who = (
        f"Sponsor: {_text(event.get('sponsor') or '-')} &middot; Facilitator: {_text(event.get('facilitator') or '-')}"
        f"<br>Team: {_text(team)}<br>{_text(event.get('start_date') or '')}, {_text(event.get('days'))} days &middot; "
        f"printed {_text(local_time(now).strftime('%Y-%m-%d %H:%M'))}"
    )
    # Current condition and target side by side: they read as a pair, and the root causes keep their room.
    pair = f'<div class="pair">{_current(records)}{_target(records)}</div>'
    left = [_background(event, _photos(records, read_file)), pair, _root_causes(event, causes)]
    right = [_countermeasures(records), _plan(records), _follow_up(records)]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
            f"<title>A3: {_text(event.get('title'))}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f'<header><h1>A3: {_text(event.get("title"))}</h1><div class="who">{who}</div></header>',
            "<main>",
            '<div class="col">',
            *left,
            "</div>",
            '<div class="col">',
            *right,
            "</div>",
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _clip(text: str) -> str:
    return text if len(text) <= STEP_MAX else text[: STEP_MAX - 1] + "…"


def _section(number: int, title: str, body: str) -> str:
    return f'<section><h2><span class="n">{number}</span>{_text(title)}</h2>{body}</section>'


def _table(head: str, rows: list[str] | str) -> str:
    """A table from its header cells and its rows, all already escaped."""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _more(hidden: int, what: str) -> str:
    return f'<p class="muted">+{hidden} more {what} in the full export.</p>' if hidden > 0 else ""


def _background(event: Row, photos: str) -> str:
    problem = event.get("problem") or "No problem statement was written."
    scope = []
    for label, column in (("In bounds", "in_bounds"), ("Out of bounds", "out_of_bounds")):
        items = _list(event.get(column))
        if items:
            scope.append(f'<p class="muted"><b>{label}:</b> {_text("; ".join(items))}</p>')
    return _section(1, "Background", f"<p>{_text(problem)}</p>" + "".join(scope) + photos)


def _targets(records: EventRecords) -> list[Row]:
    return [row for row in records.rows("targets") if _number(row.get("baseline")) is not None and _number(row.get("goal")) is not None]


def _current(records: EventRecords) -> str:
    targets = _targets(records)
    if not targets:
        return _section(2, "Current condition", '<p class="muted">No targets with a baseline in the charter.</p>')
    rows = "".join(
        f'<tr><td>{_text(row["metric"])}</td><td class="num">{_text(format_number(row["baseline"]))} {_text(row.get("unit") or "")}</td></tr>'
        for row in targets[:MAX_TARGETS]
    )
    body = _table('<th>Metric</th><th class="num">Baseline</th>', rows)
    return _section(2, "Current condition", body + _more(len(targets) - MAX_TARGETS, "targets"))


def _photos(records: EventRecords, read_file: Callable[[str], bytes | None]) -> str:
    """The first pictures of the sessions and targets, as thumbnails whose bytes travel in the page."""
    pictures = [
        row for row in records.rows("evidence")
        if row.get("item_kind") in PHOTO_KINDS and row.get("media_type") in INLINE_IMAGE_TYPES
    ]
    figures = []
    for row in pictures:
        if len(figures) == MAX_PHOTOS:
            break
        data = read_file(str(row["sha256"]))
        if data is None:  # not in this database's evidence folder: the HTML export names it
            continue
        source = f"data:{row['media_type']};base64,{base64.b64encode(data).decode('ascii')}"
        caption = str(row.get("caption") or row.get("original_name") or "")
        figures.append(
            f'<figure><img alt="{_text(caption)}" src="{escape(source)}"><figcaption>{_text(caption)}</figcaption></figure>'
        )
    if not figures:
        return ""
    return f'<div class="photos">{"".join(figures)}</div>' + _more(len(pictures) - len(figures), "photos")


def _target(records: EventRecords) -> str:
    targets = _targets(records)
    if not targets:
        return _section(3, "Target", '<p class="muted">No targets were set.</p>')
    rows = "".join(
        f'<tr><td>{_text(row["metric"])}</td><td class="num">{_text(format_number(row["baseline"]))} &rarr; '
        f'<b>{_text(format_number(row["goal"]))}</b> {_text(row.get("unit") or "")}</td></tr>'
        for row in targets[:MAX_TARGETS]
    )
    body = _table('<th>Metric</th><th class="num">From &rarr; goal</th>', rows)
    return _section(3, "Target", body)


def _root_causes(event: Row, causes: list[Row]) -> str:
    bones: dict[str, list[tuple[str, bool, bool]]] = {}
    ranked = sorted(
        (row for row in causes if row.get("category") in CATEGORIES and row.get("kind") != "problem"),
        key=lambda row: (-(row.get("votes") or 0) if isinstance(row.get("votes"), int) else 0, not row.get("verified")),
    )
    for row in ranked:
        bones.setdefault(row["category"], []).append((str(row.get("text") or ""), bool(row.get("verified")), bool(row.get("is_root"))))
    problems = [row for row in causes if row.get("kind") == "problem"]
    problem = str(problems[0].get("text") or "") if problems else str(event.get("problem") or "")
    chains = _chains(causes)
    if not causes:
        return _section(4, "Root-cause analysis", '<p class="muted">No causes were recorded (6 Causes in the cockpit).</p>')
    body = fishbone(problem, bones)
    body += '<p class="muted">★ root cause &middot; ✓ verified (data, gemba or trial) &middot; top causes by votes</p>'
    if chains:
        items = "".join(f"<li>{' &rarr; '.join(_text(step) for step in chain)}</li>" for chain in chains[:MAX_CHAINS])
        body += f'<h2 style="font-size:10pt">5 Whys</h2><ol class="chains">{items}</ol>' + _more(len(chains) - MAX_CHAINS, "chains")
    return _section(4, "Root-cause analysis", body)


def _chains(causes: list[Row]) -> list[list[str]]:
    """Each 5 Whys branch from its first why to its last, the root cause marked (the problem heads the fishbone)."""
    by_id = {row["id"]: row for row in causes}
    has_why_child = {row.get("parent_id") for row in causes if row.get("kind") == "why"}
    chains = []
    for row in causes:
        if row.get("kind") != "why" or row["id"] in has_why_child:
            continue
        steps, node, seen = [], row, set()
        while node is not None and node["id"] not in seen and node.get("kind") != "problem":
            seen.add(node["id"])
            mark = " (root cause" + (", verified" if node.get("verified") else "") + ")" if node.get("is_root") else ""
            steps.append(f"{_clip(str(node.get('text') or ''))}{mark}")
            node = by_id.get(node.get("parent_id"))
        chains.append(list(reversed(steps)))
    return chains


def _countermeasures(records: EventRecords) -> str:
    items = ranked_rows(records)
    if not items:
        return _section(5, "Countermeasures", '<p class="muted">No countermeasures were proposed.</p>')
    rows = []
    for item in items[:MAX_COUNTERMEASURES]:
        status = status_text(item)
        quick = ' class="quick"' if "quick" in status or item.status == "chosen" else ""
        rows.append(
            f'<tr><td class="num">{item.rank}</td><td>{_text(item.text)}</td><td class="num">{item.effort}</td>'
            f'<td class="num">{item.impact}</td><td class="num">{item.dots}</td><td{quick}>{_text(status)}</td>'
            f'<td class="muted">{_text("; ".join(_clip(cause) for cause in item.causes) or "-")}</td></tr>'
        )
    head = '<th class="num">#</th><th>Countermeasure</th><th class="num">Effort</th><th class="num">Impact</th><th class="num">Dots</th><th>Status</th><th>Answers</th>'
    body = _table(head, rows)
    return _section(5, "Countermeasures", body + _more(len(items) - MAX_COUNTERMEASURES, "countermeasures"))


def _plan(records: EventRecords) -> str:
    items = sorted(records.rows("followups"), key=lambda row: (str(row.get("due_date")), str(row.get("action"))))
    if not items:
        return _section(6, "Plan", '<p class="muted">No follow-ups yet.</p>')
    rows = "".join(
        f'<tr><td>{_text(row.get("action"))}</td><td>{_text(row.get("owner"))}</td><td class="num">{_text(row.get("due_date"))}</td>'
        f'<td>{_text(str(row.get("status") or "").replace("_", " "))}</td></tr>'
        for row in items[:MAX_PLAN]
    )
    body = _table('<th>What</th><th>Who</th><th class="num">When</th><th>Status</th>', rows)
    return _section(6, "Plan", body + _more(len(items) - MAX_PLAN, "follow-ups"))


def _follow_up(records: EventRecords) -> str:
    targets = _targets(records)
    if not targets:
        return _section(7, "Follow-up", '<p class="muted">No targets to follow.</p>')
    measured = records.grouped("measurements", "target_id")
    rows = []
    for row in targets[:MAX_TARGETS]:
        values = [
            value for value in (_number(m.get("value")) for m in sorted(measured.get(row["id"], []), key=lambda m: str(m.get("measured_at"))))
            if value is not None
        ]
        baseline, goal = float(row["baseline"]), float(row["goal"])
        latest = format_number(values[-1]) if values else "-"
        picture = sparkline(values, baseline=baseline, goal=goal) if values else '<span class="muted">not measured yet</span>'
        rows.append(
            f'<tr><td>{_text(row["metric"])}</td><td class="num">{_text(format_number(baseline))}</td>'
            f'<td class="num">{_text(format_number(goal))}</td><td class="num"><b>{_text(latest)}</b> {_text(row.get("unit") or "")}</td>'
            f'<td>{picture}</td><td class="num">{len(values)}</td></tr>'
        )
    head = '<th>Target</th><th class="num">Baseline</th><th class="num">Goal</th><th class="num">Latest</th><th>Trend</th><th class="num">Measured</th>'
    body = _table(head, rows)
    return _section(7, "Follow-up", body + '<p class="muted">Grey line: baseline; dashed green: goal.</p>')
