"""The session log: everything that happened during the event, in time order, per day and session.

One function, :func:`timeline`, reads the exported rows (not the UI) and returns plain entries. Each
area's rows are described by a small function below; a table nobody describes is simply not in the
timeline (it is still in the JSON and CSV exports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import NamedTuple

from facilitator.domain.clock import local_time
from facilitator.domain.event import format_number
from facilitator.domain.timer import describe_jump
from facilitator.export.records import EventRecords, Row


class TimelineEntry(NamedTuple):
    """One happening. A named tuple, not a frozen dataclass: as immutable, and made four times faster (a
    10,000-decision event has 10,000 entries, each made once per export)."""

    time: datetime  # aware UTC
    day: int | None
    session: str
    kind: str
    text: str
    # ``time`` in the local zone, worked out once: the day, the CSV's and the report's labels all need it,
    # and converting costs more than the rest of an entry.
    local: datetime

    def local_label(self) -> str:
        local = self.local
        if local.year < 1000:  # strftime leaves such a year unpadded; keep it so
            return local.strftime("%Y-%m-%d %H:%M")
        # %-formatting: the same text as an f-string with format specs, in little more than half the time.
        return "%d-%02d-%02d %02d:%02d" % (local.year, local.month, local.day, local.hour, local.minute)

    def clock_label(self) -> str:
        return self.local.time().isoformat("minutes")  # strftime("%H:%M"), several times cheaper


Raw = tuple[str, str, str, str | None]  # (iso time, kind, text, session id or None)


def moment(text: object) -> datetime | None:
    """A stored ISO moment, or None if the row (say, from a hand-edited import) holds something else."""
    if not (isinstance(text, str) and text):
        return None
    try:
        # from_iso()'s body, not a call to it: once per timeline entry, the call and local_time()'s below cost
        # about 1 ms of the 29 ms timeline() takes for 10,000 decisions. tests/unit/test_timeline_moments.py
        # holds the two to the same answer.
        found = datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def start_date(event: Row) -> date | None:
    try:
        return date.fromisoformat(str(event.get("start_date")))
    except ValueError:
        return None


def timeline(records: EventRecords) -> list[TimelineEntry]:
    """All entries, oldest first; the day comes from the local date, the session from the timer log."""
    event = records.event
    start = start_date(event)
    running = _running_intervals(records.rows("timer_log"))
    sessions = records.grouped("sessions", "id")
    # Each session's day and title, and each local date's day, worked out once rather than per entry: a big
    # event has tens of thousands of entries over a few days and sessions.
    placed: dict[object, tuple[int | None, str]] = {}
    days: dict[date, int | None] = {}
    entries: list[TimelineEntry] = []
    for table, describe in DESCRIBERS.items():
        for row in records.rows(table):
            for when, kind, text, session_id in describe(row, records):
                when = moment(when)
                if when is None:
                    continue
                session_id = session_id or (_session_at(running, when) if running else None)
                local = when.astimezone()  # local_time() without its call (see moment())
                try:
                    day, title = placed[session_id]
                except KeyError:
                    day, title = placed[session_id] = _placed(sessions.get(session_id))
                if day is None:
                    on = local.date()
                    if on not in days:
                        days[on] = _day(event, start, on)
                    day = days[on]
                entries.append(TimelineEntry(when, day, title, kind, text, local))
    entries.sort(key=lambda entry: (entry.time, _KIND_ORDER.get(entry.kind, 50), entry.kind, entry.text))
    return entries


def _placed(found: list[Row] | None) -> tuple[int | None, str]:
    """A session's day (None: the entry's date says) and title ("" for no session)."""
    if not found:
        return None, ""
    session = found[0]
    return (int(session["day"]) if session.get("day") else None), str(session["title"])


def _day(event: Row, start: date | None, when: date) -> int | None:
    if start is None:
        return None
    step = 1 if event["kind"] == "kaizen" else 7
    offset = (when - start).days
    if offset < 0 or offset % step:
        return None
    day = offset // step + 1
    return day if day <= int(event.get("days") or 0) else None


def _running_intervals(log: list[Row]) -> list[tuple[datetime, datetime | None, str]]:
    """When each session was the current one: from its first start to its finish or skip."""
    opened: dict[str, datetime] = {}
    intervals: list[tuple[datetime, datetime | None, str]] = []
    for row in log:  # in the order written: a clock set back must not put a finish before its start
        at = moment(row["at"])
        if at is None:
            continue
        if row["action"] == "start" and row["session_id"] not in opened:
            opened[row["session_id"]] = at
        elif row["action"] in ("finish", "skip") and row["session_id"] in opened:
            intervals.append((opened.pop(row["session_id"]), at, row["session_id"]))
    intervals.extend((begin, None, session_id) for session_id, begin in opened.items())
    return intervals


def _session_at(intervals: list[tuple[datetime, datetime | None, str]], moment: datetime) -> str | None:
    found = None
    for begin, end, session_id in intervals:
        if begin <= moment and (end is None or moment <= end):
            if found is None or begin >= found[0]:
                found = (begin, session_id)
    return found[1] if found else None


_TIMER_WORDS = {
    "start": "Timer started",
    "pause": "Timer paused",
    "resume": "Timer resumed",
    "finish": "Session finished",
    "skip": "Session skipped",
}


def _timer(row: Row, records: EventRecords) -> Iterator[Raw]:
    action = row["action"]
    note = f" ({row['note']})" if row.get("note") else ""
    if action == "extend":
        text = f"Timer extended by {row.get('minutes') or 0} min"
    elif action == "until":
        until_at = moment(row.get("until_at"))
        until = local_time(until_at).strftime("%H:%M") if until_at else "?"
        text = f"Counting down until {until}"
    elif action == "replan":
        text = f"Session replanned to {row.get('minutes')} min"
    elif action == "clock":
        was, now = moment(row.get("until_at")), moment(row["at"])
        if was and now:
            shift = f"{describe_jump(now - was)} (from {local_time(was):%H:%M} to {local_time(now):%H:%M})"
        else:
            shift = "jumped"
        text = f"The computer's clock {shift}; the timer kept the order of actions"
        note = ""
    else:
        text = _TIMER_WORDS.get(action, f"Timer {action}")
    yield row["at"], f"timer {action}", text + note, row["session_id"]


def _event(row: Row, records: EventRecords) -> Iterator[Raw]:
    yield row["created_at"], "charter", f"Event created: {row['title']}", None


_VERDICT_WORDS = {
    "in_scope": "in scope",
    "out_of_scope": "out of scope",
    "parked": "parked (parking lot)",
    "deferred": "deferred",
    "rejected": "rejected",
}


def _decision(row: Row, records: EventRecords) -> Iterable[Raw]:
    # One entry per decision, returned rather than yielded and each column read once: the log is most of
    # a big event's timeline.
    verdict_value = row.get("verdict")
    verdict = _VERDICT_WORDS.get(verdict_value) or str(verdict_value)
    decided_by = row.get("decided_by")
    by = f" (decided by {decided_by})" if decided_by else ""
    supersedes_id = row.get("supersedes_id")
    previous = records.get("decisions", supersedes_id) if supersedes_id is not None else None
    if previous is not None:
        was_value = previous.get("verdict")
        was = _VERDICT_WORDS.get(was_value) or str(was_value)
        kind = "parking lot" if was_value == "parked" else "decision"
        text = f"Decision {row['subject']!r} is now {verdict}{by}; supersedes {previous['subject']!r} ({was})"
    elif verdict_value == "parked":
        kind = "parking lot"
        text = f"Parked: {row['subject']} - {verdict}{by}"
    else:
        kind = "decision"
        text = f"Decision: {row['subject']} - {verdict}{by}"
    rationale = row.get("rationale")
    if rationale:
        text += f". Why: {rationale}"
    return ((row["decided_at"], kind, text, row.get("session_id")),)


def _amendment(row: Row, records: EventRecords) -> Iterator[Raw]:
    decision = records.get("decisions", row["decision_id"]) or {}
    subject = decision.get("subject", "a decision")
    if row["field"] == "debrief":
        yield row["amended_at"], "parking lot", f"{subject!r} {row['text'][:1].lower()}{row['text'][1:]}", None
        return
    yield row["amended_at"], "decision", f"Amended the {row['field']} of {subject!r}: {row['text']}", None


def _reflection(row: Row, records: EventRecords) -> Iterator[Raw]:
    who = row.get("participant") or "the group"
    framework = row.get("framework_name") or row.get("framework") or "reflection"
    if row.get("status") in ("owed", "skipped"):
        reason = f": {row['skipped_reason']}" if row.get("skipped_reason") else ""
        yield row["created_at"], "reflection", f"Reflection ({framework}) {row['status']}{reason}", row.get("session_id")
        return
    loop = f", {row['loop']} loop" if row.get("loop") else ""
    answers = records.grouped("reflection_answers", "reflection_id").get(row["id"], [])
    summary = "; ".join(f"{a['prompt']} {a['answer']}" for a in answers[:3])
    text = f"Reflection by {who} ({framework}{loop}): {summary}".rstrip(": ")
    yield row["created_at"], "reflection", text, row.get("session_id")


def _transfer(row: Row, records: EventRecords) -> Iterator[Raw]:
    where = f" to {row['where_to']}" if row.get("where_to") else ""
    reflection = records.get("reflections", row.get("reflection_id")) or {}
    when = row.get("created_at") or reflection.get("created_at")
    yield when, "learning", f"Learning to carry{where} ({row['owner']}): {row['text']}", reflection.get("session_id")


def _followup(row: Row, records: EventRecords) -> Iterator[Raw]:
    yield row["created_at"], "follow-up", f"Follow-up: {row['action']} (owner {row['owner']}, due {row['due_date']})", None


def _followup_change(row: Row, records: EventRecords) -> Iterator[Raw]:
    followup = records.get("followups", row["followup_id"])
    action = followup["action"] if followup else "follow-up"
    was = f" from {row['from_status']}" if row.get("from_status") else ""
    by = f" by {row['changed_by']}" if row.get("changed_by") else ""
    if not row.get("from_status"):
        return  # the creation itself is already the follow-up entry
    yield row["changed_at"], "follow-up", f"Follow-up {action!r} moved{was} to {row['to_status']}{by}", None


def _measurement(row: Row, records: EventRecords) -> Iterator[Raw]:
    target = records.get("targets", row["target_id"])
    value = format_number(row["value"])
    metric = f"{target['metric']} = {value} {target['unit'] or ''}".rstrip() if target else value
    note = f" ({row['note']})" if row.get("note") else ""
    yield row["measured_at"], "measurement", f"Measured {metric}{note}", None


def _cause(row: Row, records: EventRecords) -> Iterator[Raw]:
    # Votes, root and verified marks change after the fact; the report's root-cause section shows them.
    parent = records.get("causes", row.get("parent_id")) or {}
    if row["kind"] == "problem":
        text = f"Problem stated: {row['text']}"
    elif row["kind"] == "cause":
        under = f" under {parent['text']!r}" if parent.get("kind") == "cause" else ""
        text = f"Cause on the {row['category']} bone{under}: {row['text']}"
    else:
        text = f"Why? {row['text']} (asked of {parent.get('text', 'an earlier record')!r})"
    by = f" ({row['created_by']})" if row.get("created_by") else ""
    yield row["created_at"], "root cause", text + by, row.get("session_id")


def _countermeasure(row: Row, records: EventRecords) -> Iterator[Raw]:
    # Choosing or dropping one is a decision of its own in the timeline; votes show in the ranking.
    text = f"Countermeasure proposed: {row['text']} (effort {row.get('effort')}, impact {row.get('impact')})"
    yield row.get("created_at"), "countermeasure", text, row.get("session_id")

def _evidence(row: Row, records: EventRecords) -> Iterator[Raw]:
    caption = f": {row['caption']}" if row.get("caption") else ""
    session = row.get("item_id") if row.get("item_kind") == "session" else None
    yield row["attached_at"], "evidence", f"Attached {row['original_name']} to a {row['item_kind']}{caption}", session


DESCRIBERS: dict[str, Callable[[Row, EventRecords], Iterable[Raw]]] = {
    "events": _event,
    "timer_log": _timer,
    "decisions": _decision,
    "decision_amendments": _amendment,
    "reflections": _reflection,
    "learning_transfers": _transfer,
    "followups": _followup,
    "followup_changes": _followup_change,
    "measurements": _measurement,
    "causes": _cause,
    "countermeasures": _countermeasure,
    "evidence": _evidence,
}

# Registered tables whose rows are part of another entry (or plans, not happenings).
NOT_IN_TIMELINE = {
    "targets", "sessions", "reflection_answers", "assumptions", "decision_digests",
    "countermeasure_causes", "countermeasure_votes",  # shown with their countermeasure in its section
    "attendance",  # a state, shown per session in "Who was there"
}

_KIND_ORDER = {"charter": 0, "timer start": 1, "timer resume": 2}
