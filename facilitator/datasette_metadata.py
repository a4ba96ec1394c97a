"""`facilitator datasette-metadata`: what every table, view and column of the database means, for Datasette.

`datasette facilitator.db -m metadata.json` shows these descriptions above each table and in each
column's header, so the file explains itself to someone who never opened the cockpit. A test checks
that every table and column of a fresh database is described here: a new column comes with its line.
The full-text index tables (``*_fts*``) are left out; Datasette hides them itself.
"""

from __future__ import annotations

import json
from typing import Any

TITLE = "facilitator: Kaizen blitzes and Action Learning sets"
DESCRIPTION = (
    "One facilitator database: events (a Kaizen blitz or an Action Learning set) with their agenda, timer log, "
    "append-only scope decisions, reflections, follow-ups and target measurements. Times are ISO-8601 UTC; "
    "every record has a UUID. The views (current_decisions, open_followups, sessions_planned_vs_actual, "
    "targets_latest) answer the usual questions; list columns (team, in_bounds, out_of_bounds, tags) are JSON arrays."
)

_ID = "The record's UUID."
_EVENT = "The event it belongs to (events.id)."
_TITLE = "The event's title."

# table -> (description, {column: description}, extra Datasette settings)
TABLES: dict[str, tuple[str, dict[str, str], dict[str, Any]]] = {
    "events": ("A Kaizen blitz or an Action Learning set, with its charter.", {
        "id": _ID, "title": "What the event is called.", "kind": "kaizen (a blitz) or action_learning (a set).",
        "start_date": "The first day (YYYY-MM-DD).", "days": "How many days (a blitz) or meetings (a set).",
        "problem": "The problem statement of the charter.", "area": "Where it applies: product, process or company_wide.",
        "sponsor": "Who sponsors it.", "facilitator": "Who facilitates it.",
        "team": "The team members, a JSON array of text.", "in_bounds": "What is in scope, a JSON array of text.",
        "out_of_bounds": "What is out of scope, a JSON array of text.",
        "status": "planned, running or done.", "archived": "1 when hidden from the list of events.",
        "created_at": "When it was created (UTC).", "updated_at": "When the charter last changed (UTC).",
        "dates": "The days' own dates as a JSON array when not consecutive or weekly; empty otherwise.",
    }, {"facets": ["kind", "status", "area", {"array": "team"}]}),
    "targets": ("The charter's measurable targets: from a baseline towards a goal.", {
        "id": _ID, "event_id": _EVENT, "position": "Order in the charter.", "metric": "What is measured.",
        "unit": "The unit (min, %, ...).", "baseline": "The value before the event.", "goal": "The value aimed for.",
    }, {}),
    "sessions": ("The agenda: each day's timeboxed sessions in order.", {
        "id": _ID, "event_id": _EVENT, "day": "The day (1 is the first).", "position": "Order within the day.",
        "title": "What the session is.", "kind": "debrief, implementation, break, set_meeting, reflection, ...",
        "planned_minutes": "Minutes planned.", "fixed_start": "A fixed local start time (HH:MM), e.g. lunch; empty otherwise.",
        "notes": "Notes on the session.", "created_at": "When it was added (UTC).", "updated_at": "When it last changed (UTC).",
    }, {"facets": ["day", "kind"]}),
    "timer_log": ("Every timer action, in the order it happened: the timer's state and elapsed time derive from it.", {
        "id": _ID, "event_id": _EVENT, "session_id": "The session acted on (sessions.id).",
        "action": "start, pause, resume, extend, until, finish, skip, replan or clock (a clock jump noted).",
        "at": "When (UTC, as the wall clock read).", "minutes": "extend: minutes added; replan: the new planned minutes.",
        "until_at": "until: the moment counted down to; clock: when the clock was expected to read.",
        "from_minutes": "replan: planned minutes before.", "from_day": "replan: the day before a move.",
        "note": "Why (a re-plan's choice, a skip's reason, a clock jump).",
    }, {"facets": ["action"]}),
    "decisions": ("The scope decision log, append-only: a change is a new decision that supersedes the old one.", {
        "id": _ID, "event_id": _EVENT, "session_id": "The session running when it was taken (sessions.id), if any.",
        "day": "The event day it was taken on.", "subject": "What was decided, as first typed (see current_decisions).",
        "verdict": "in_scope, out_of_scope, parked, deferred or rejected.", "rationale": "Why, as first typed.",
        "decided_by": "facilitator, team or sponsor.", "tags": "Tags, a JSON array of text.",
        "decided_at": "When (UTC).", "supersedes_id": "The decision this one changes or reverses (decisions.id).",
    }, {"facets": ["verdict", "decided_by", "day", {"array": "tags"}]}),
    "decision_amendments": ("Typo fixes, added rationales and debrief notes on a decision, append-only.", {
        "id": _ID, "event_id": _EVENT, "decision_id": "The decision amended (decisions.id).",
        "field": "subject, rationale, tags or debrief.", "text": "The new text (tags: a JSON array).",
        "amended_at": "When (UTC).",
    }, {"facets": ["field"]}),
    "decision_digests": ("Tamper evidence: a SHA-256 digest per decision and amendment, chained per event.", {
        "id": "The decision or amendment sealed.", "event_id": _EVENT,
        "record": "decisions, decision_amendments or 'not imported'.", "prev": "The digest this one follows.",
        "digest": "This record's digest (docs/json-format.md has the canonical form).",
    }, {}),
    "reflections": ("A reflection for a session, a day or the event, or one the cadence still asks for.", {
        "id": _ID, "event_id": _EVENT, "session_id": "The session reflected on (sessions.id), if any.",
        "day": "The day it is about.", "scope": "session, day or event.", "framework": "The framework's key.",
        "framework_name": "The framework's name.", "participant": "Who reflected (empty: the group).",
        "loop": "single or double (double-loop: assumptions questioned).", "status": "done, owed or skipped.",
        "skipped_reason": "Why it was skipped.", "created_at": "When (UTC).", "updated_at": "When it last changed (UTC).",
    }, {"facets": ["scope", "framework", "status", "loop"]}),
    "reflection_answers": ("The answers of a reflection, one per prompt.", {
        "id": _ID, "event_id": _EVENT, "reflection_id": "The reflection (reflections.id).",
        "position": "Order of the prompt.", "framework": "The framework's key.", "prompt": "The question.",
        "answer": "The answer.", "participant": "Who answered.",
    }, {}),
    "assumptions": ("Assumptions named in a double-loop reflection.", {
        "id": _ID, "event_id": _EVENT, "reflection_id": "The reflection (reflections.id).",
        "position": "Order.", "text": "The assumption.",
    }, {}),
    "learning_transfers": ("'Where else does this apply?': learning carried elsewhere, each also a follow-up.", {
        "id": _ID, "event_id": _EVENT, "reflection_id": "The reflection (reflections.id).", "position": "Order.",
        "text": "What to carry.", "owner": "Who carries it.", "where_to": "Where to.",
        "followup_id": "The follow-up made from it (followups.id).", "created_at": "When (UTC).",
    }, {}),
    "followups": ("The Kaizen newspaper: actions with an owner and a due date.", {
        "id": _ID, "event_id": _EVENT, "action": "What is to be done.", "owner": "Who does it.",
        "due_date": "When it is due (YYYY-MM-DD).", "status": "open, in_progress, done or blocked.",
        "outcome": "What came of it.", "source_kind": "Where it came from: session, decision or reflection.",
        "source_id": "The id of that session, decision or reflection.", "created_at": "When (UTC).",
        "updated_at": "When it last changed (UTC).",
    }, {"facets": ["status", "owner"]}),
    "followup_changes": ("Each status change of a follow-up (the export's timeline).", {
        "id": _ID, "event_id": _EVENT, "followup_id": "The follow-up (followups.id).",
        "from_status": "The status before.", "to_status": "The status after.", "changed_by": "Who changed it.",
        "changed_at": "When (UTC).",
    }, {}),
    "measurements": ("Measurements of the targets, during the event and at the 30/60/90-day reviews.", {
        "id": _ID, "event_id": _EVENT, "target_id": "The target measured (targets.id).", "value": "The value.",
        "measured_at": "When (UTC).", "note": "A note on the measurement.", "created_at": "When it was entered (UTC).",
    }, {}),
    "causes": ("Root-cause analysis: problems, fishbone causes on six bones with sub-causes, and 5 Whys chains.", {
        "id": _ID, "event_id": _EVENT, "parent_id": "The record it hangs under (causes.id); empty for a problem.",
        "kind": "problem (heads the analysis), cause (on a bone of the fishbone) or why (a step of a 5 Whys chain).",
        "category": "The bone: man, machine, method, material, measurement or environment (causes only).",
        "text": "The problem, cause or answer to why.", "source": "Where a problem came from (the charter, a target, typed).",
        "is_root": "1 when marked a root cause.", "verified": "1 when verified.",
        "verified_how": "How it was verified: data, gemba or trial.", "verification_note": "What showed it.",
        "votes": "The team's dot votes on it.", "session_id": "The session running when it was added (sessions.id), if any.",
        "day": "The event day it was added on.", "created_at": "When it was added (UTC).", "created_by": "Who entered it.",
    }, {"facets": ["kind", "category", "verified", "is_root"]}),
    "countermeasures": ("What the team proposed to do about the verified causes, with effort, impact and its fate.", {
        "id": _ID, "event_id": _EVENT, "text": "The countermeasure.", "effort": "Effort, 1 (low) to 5 (high).",
        "impact": "Impact, 1 (low) to 5 (high); low effort and high impact is a quick win.",
        "status": "proposed, chosen or dropped.", "decision_id": "The decision that chose or dropped it (decisions.id).",
        "followup_id": "The follow-up created when it was chosen (followups.id).",
        "session_id": "The session running when it was proposed (sessions.id), if any.",
        "day": "The event day it was proposed on.", "created_at": "When it was proposed (UTC).",
        "created_by": "Who entered it.",
    }, {"facets": ["status", "effort", "impact"]}),
    "countermeasure_causes": ("Which verified cause (causes.id) each countermeasure answers.", {
        "id": _ID, "event_id": _EVENT, "countermeasure_id": "The countermeasure (countermeasures.id).",
        "cause_id": "The cause or why it answers (causes.id).", "position": "Order in the countermeasure's list.",
    }, {}),
    "countermeasure_votes": ("The team's dot votes: each member's dots on each countermeasure.", {
        "id": _ID, "event_id": _EVENT, "countermeasure_id": "The countermeasure (countermeasures.id).",
        "member": "The team member (a name from the charter).", "dots": "How many of their dots they put on it.",
        "voted_at": "When they last changed them (UTC).",
    }, {"facets": ["member"]}),
    "attendance": ("Who was there: one row per person per session, present or absent, with a role.", {
        "id": "Derived from the session and the name, so marks from two laptops meet.", "event_id": _EVENT,
        "session_id": "The session (sessions.id).", "person": "The name, as in the charter's team or as typed.",
        "guest": "1 for a guest, 0 for a member of the charter's team.", "present": "1 present, 0 absent.",
        "role": "timekeeper, scribe, presenter, set_adviser, or empty.", "position": "Order in the checklist.",
        "updated_at": "When the mark last changed (UTC).",
    }, {}),
    "evidence": ("Photos and files attached to a session, cause, countermeasure or target; the file is in evidence/<sha256>.", {
        "id": _ID, "event_id": _EVENT, "item_kind": "session, cause, countermeasure or target.",
        "item_id": "The item's id in its table.", "sha256": "The file's SHA-256: its name in the evidence folder.",
        "original_name": "The file's name when attached.", "size": "Bytes.", "media_type": "e.g. image/png.",
        "caption": "What it shows.", "attached_at": "When it was attached (UTC).",
    }, {}),
    "change_counters": ("Internal: one counter per table, bumped by triggers, so open screens reload what moved.", {
        "name": "The table.", "n": "How many changes so far.",
    }, {"hidden": True}),
    "_sqlite_migrations": ("Internal: the schema migrations applied (sqlite-utils).", {
        "id": "Row number.", "migration_set": "Always facilitator.", "name": "The migration.",
        "applied_at": "When it was applied.",
    }, {"hidden": True}),
    # The views (facilitator/storage/migrations.py, 0011_query_views).
    "current_decisions": ("View: decisions that stand (none supersedes them), with the latest amendments applied.", {
        "id": "The decision (decisions.id).", "event_id": _EVENT, "event_title": _TITLE, "day": "The event day.",
        "decided_at": "When (UTC).", "session_title": "The session running then, if any.",
        "subject": "The subject as it stands, typos fixed.", "verdict": "in_scope, out_of_scope, parked, deferred or rejected.",
        "decided_by": "facilitator, team or sponsor.", "rationale": "The rationale as it stands.",
        "tags": "The tags as they stand, a JSON array.", "original_subject": "The subject as first typed.",
        "amendments": "How many amendments changed its subject, rationale or tags.",
        "supersedes_id": "The decision this one changed or reversed, if any.",
    }, {"facets": ["verdict", "decided_by", "event_title", {"array": "tags"}]}),
    "open_followups": ("View: follow-ups not done, with days overdue counted from today (the query's own date).", {
        "id": "The follow-up (followups.id).", "event_id": _EVENT, "event_title": _TITLE, "action": "What is to be done.",
        "owner": "Who does it.", "due_date": "When it is due.", "status": "open, in_progress or blocked.",
        "days_overdue": "Days past the due date, 0 when not overdue.", "source_kind": "session, decision or reflection.",
        "created_at": "When (UTC).",
    }, {"facets": ["owner", "status", "event_title"], "sort_desc": "days_overdue"}),
    "sessions_planned_vs_actual": ("View: each session's planned minutes against the minutes the timer log shows.", {
        "id": "The session (sessions.id).", "event_id": _EVENT, "event_title": _TITLE, "day": "The day.",
        "position": "Order within the day.", "title": "The session.", "kind": "Its kind.",
        "fixed_start": "A fixed start time, if any.", "planned_minutes": "Minutes planned.",
        "extra_minutes": "Minutes added while it ran (+5, extend).",
        "actual_minutes": "Minutes it ran, from the timer log as the wall clock read it (a running one: until now).",
        "state": "pending, running, paused, finished or skipped.", "started_at": "When it first started (UTC).",
    }, {"facets": ["state", "kind", "event_title"]}),
    "targets_latest": ("View: each target with its latest measurement and whether that meets the goal.", {
        "id": "The target (targets.id).", "event_id": _EVENT, "event_title": _TITLE, "position": "Order in the charter.",
        "metric": "What is measured.", "unit": "The unit.", "baseline": "The value before the event.",
        "goal": "The value aimed for.", "latest_value": "The latest measurement, if any.",
        "latest_measured_at": "When it was measured (UTC).",
        "goal_met": "1 when the latest value reaches the goal (lower or higher, whichever way the goal lies).",
        "measurements": "How many measurements so far.",
    }, {"facets": ["event_title"]}),
}


def metadata(database: str = "facilitator") -> dict[str, Any]:
    """Datasette's metadata for a database file named ``database`` (its name without ``.db``)."""
    tables = {
        name: {"description": description, "columns": columns, **extra}
        for name, (description, columns, extra) in TABLES.items()
    }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {database: {"description": DESCRIPTION, "tables": tables}},
    }


def metadata_json(database: str = "facilitator") -> str:
    return json.dumps(metadata(database), indent=2, ensure_ascii=False) + "\n"
