"""Agenda templates following published blitz practice (see MISSION-NOTES), editable once applied.

A 5-day blitz: kick-off and charter, gemba, current-state map; root cause and solutions; implement and
trial; standard work and training; report-out. Shorter blitzes compress the same steps. Every day ends
with a short team-leader / sponsor debrief. An Action Learning set meeting follows the set's rhythm:
problem presented, questioning, action planning, reflection.
"""

from __future__ import annotations

from datetime import time

from facilitator.domain.agenda import Session, SessionKind
from facilitator.domain.errors import UserError

K = SessionKind
# (title, kind, minutes, fixed start "HH:MM" or None)
Row = tuple[str, SessionKind, int, str | None]

_DAY_KICKOFF: list[Row] = [
    ("Kick-off: sponsor reads the charter", K.KICKOFF, 30, "08:00"),
    ("Confirm scope, targets, out of bounds; ground rules", K.KICKOFF, 30, None),
    ("Lean and SMED basics (training)", K.TRAINING, 60, None),
    ("Break", K.BREAK, 15, None),
    ("Gemba: observe the process, time the cycles", K.OBSERVATION, 120, None),
    ("Lunch", K.BREAK, 30, "12:30"),
    ("Current-state map with timed cycles", K.ANALYSIS, 90, None),
    ("Mark the waste (TIMWOOD)", K.ANALYSIS, 60, None),
]
_DAY_CAUSES: list[Row] = [
    ("Stand-up: yesterday, today, blockers", K.DEBRIEF, 15, "08:00"),
    ("Root cause: fishbone", K.ANALYSIS, 75, None),
    ("Root cause: 5 Whys on the top causes", K.ANALYSIS, 60, None),
    ("Break", K.BREAK, 15, None),
    ("Generate solutions", K.ANALYSIS, 60, None),
    ("Lunch", K.BREAK, 30, "12:30"),
    ("Rank solutions: effort vs impact", K.ANALYSIS, 60, None),
    ("Plan the trial", K.IMPLEMENTATION, 60, None),
]
_DAY_IMPLEMENT: list[Row] = [
    ("Stand-up: yesterday, today, blockers", K.DEBRIEF, 15, "08:00"),
    ("Implement changes", K.IMPLEMENTATION, 150, None),
    ("Break", K.BREAK, 15, None),
    ("Trial run and measure", K.IMPLEMENTATION, 60, None),
    ("Lunch", K.BREAK, 30, "12:30"),
    ("Fix what the trial showed", K.IMPLEMENTATION, 90, None),
    ("Second trial and measure", K.IMPLEMENTATION, 60, None),
]
_DAY_STANDARDISE: list[Row] = [
    ("Stand-up: yesterday, today, blockers", K.DEBRIEF, 15, "08:00"),
    ("Test the new method over full shifts", K.IMPLEMENTATION, 120, None),
    ("Break", K.BREAK, 15, None),
    ("Write standard work", K.IMPLEMENTATION, 75, None),
    ("Lunch", K.BREAK, 30, "12:30"),
    ("Train the operators", K.TRAINING, 90, None),
    ("Prepare the report-out", K.ANALYSIS, 60, None),
]
_DAY_REPORT: list[Row] = [
    ("Stand-up and report-out rehearsal", K.DEBRIEF, 45, "08:00"),
    ("Finish the report-out: before/after metrics", K.ANALYSIS, 75, None),
    ("Report-out to leadership", K.REPORT_OUT, 30, "11:00"),
    ("Open actions and 30/60/90-day follow-up", K.ANALYSIS, 30, None),
    ("Celebration", K.BREAK, 30, None),
]
_DEBRIEF: Row = ("Daily debrief with team leader and sponsor", K.DEBRIEF, 20, "15:30")

_BLITZ_DAYS: dict[int, list[list[Row]]] = {
    5: [_DAY_KICKOFF, _DAY_CAUSES, _DAY_IMPLEMENT, _DAY_STANDARDISE, _DAY_REPORT],
    4: [
        _DAY_KICKOFF,
        _DAY_CAUSES,
        _DAY_IMPLEMENT,
        [
            ("Stand-up: yesterday, today, blockers", K.DEBRIEF, 15, "08:00"),
            ("Write standard work and train operators", K.IMPLEMENTATION, 90, None),
            ("Prepare the management presentation", K.ANALYSIS, 60, None),
            ("Management presentation", K.REPORT_OUT, 30, "11:30"),
            ("Open actions and follow-up plan", K.ANALYSIS, 30, None),
        ],
    ],
    3: [
        [
            ("Kick-off: sponsor reads the charter", K.KICKOFF, 30, "08:00"),
            ("Scope, targets and ground rules", K.KICKOFF, 30, None),
            ("Gemba: observe and time the process", K.OBSERVATION, 120, None),
            ("Lunch", K.BREAK, 30, "12:30"),
            ("Current-state map and waste", K.ANALYSIS, 90, None),
            ("Root cause: fishbone and 5 Whys", K.ANALYSIS, 60, None),
        ],
        [
            ("Stand-up", K.DEBRIEF, 15, "08:00"),
            ("Generate and rank solutions", K.ANALYSIS, 75, None),
            ("Implement changes", K.IMPLEMENTATION, 150, None),
            ("Lunch", K.BREAK, 30, "12:30"),
            ("Trial run and measure", K.IMPLEMENTATION, 120, None),
        ],
        [
            ("Stand-up", K.DEBRIEF, 15, "08:00"),
            ("Standard work and operator training", K.TRAINING, 120, None),
            ("Prepare the report-out", K.ANALYSIS, 60, None),
            ("Report-out to leadership", K.REPORT_OUT, 30, "13:00"),
            ("Open actions and follow-up", K.ANALYSIS, 30, None),
        ],
    ],
    2: [
        [
            ("Kick-off, charter and scope", K.KICKOFF, 45, "08:00"),
            ("Gemba: observe and time the process", K.OBSERVATION, 105, None),
            ("Current-state map and waste", K.ANALYSIS, 60, None),
            ("Lunch", K.BREAK, 30, "12:00"),
            ("Root cause and solutions", K.ANALYSIS, 120, None),
            ("Implement quick wins", K.IMPLEMENTATION, 60, None),
        ],
        [
            ("Stand-up", K.DEBRIEF, 15, "08:00"),
            ("Implement and trial", K.IMPLEMENTATION, 150, None),
            ("Standard work", K.IMPLEMENTATION, 60, None),
            ("Report-out to leadership", K.REPORT_OUT, 30, "12:30"),
            ("Open actions and follow-up", K.ANALYSIS, 30, None),
        ],
    ],
}

_SET_MEETING: list[Row] = [
    ("Check-in and actions from last meeting", K.SET_MEETING, 15, None),
    ("Problem presented by the presenter", K.SET_MEETING, 15, None),
    ("Questioning: questions only, no advice", K.SET_MEETING, 45, None),
    ("Action planning: what will the presenter do next", K.SET_MEETING, 20, None),
    ("Reflection: what did we learn, what do we take back", K.SET_MEETING, 15, None),
]

TEMPLATE_NAMES = {
    "blitz": "Kaizen blitz (published practice, fitted to the event's days)",
    "set_meeting": "Action Learning set meeting",
}


def blitz_rows(days: int) -> list[list[Row]]:
    """The rows of a ``days``-day blitz, a daily debrief closing every day but the report-out day."""
    if days not in _BLITZ_DAYS:
        raise UserError(f"There is a blitz template for 2-5 days, not {days}.")
    plan = [list(day) for day in _BLITZ_DAYS[days]]
    for day in plan[:-1]:
        day.append(_DEBRIEF)
    return plan


def set_meeting_rows() -> list[Row]:
    return list(_SET_MEETING)


def _session(event_id: str, day: int, position: int, row: Row, id: str | None) -> Session:
    title, kind, minutes, fixed = row
    extra = {"id": id} if id else {}
    return Session(
        event_id=event_id, day=day, position=position, title=title, kind=kind,
        planned_minutes=minutes, fixed_start=time.fromisoformat(fixed) if fixed else None, **extra,
    )


def blitz_sessions(event_id: str, days: int, *, ids=None) -> list[Session]:
    """Sessions for every day of a blitz; ``ids(day, position)`` may give stable ids (the demo)."""
    return [
        _session(event_id, day, position, row, ids(day, position) if ids else None)
        for day, rows in enumerate(blitz_rows(days), start=1)
        for position, row in enumerate(rows)
    ]


def set_meeting_sessions(event_id: str, meeting: int, *, ids=None) -> list[Session]:
    return [
        _session(event_id, meeting, position, row, ids(meeting, position) if ids else None)
        for position, row in enumerate(set_meeting_rows())
    ]
