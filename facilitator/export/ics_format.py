"""An event as an iCalendar file (RFC 5545): the agenda's days and sessions, each follow-up's due date and
the 30/60/90-day reviews, for the team's calendars.

Importing the file again updates the entries instead of adding copies: each entry's UID is derived from
the id of the record it shows (``followup-<id>@facilitator``, ``review-30-<event id>@facilitator``, ...).
DTSTAMP and LAST-MODIFIED are the record's last change, and SEQUENCE the seconds from its creation to that
change, so an unchanged record exports the same bytes and a changed one a higher SEQUENCE, which is
what calendar programs compare. People have no e-mail address here, so owners are named in the summary
and the description rather than as ATTENDEE addresses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar

from facilitator.domain.clock import from_iso
from facilitator.domain.display import visible
from facilitator.domain.event import Event
from facilitator.domain.followup import REVIEW_DAYS
from facilitator.domain.forecast import DEFAULT_DAY_START
from facilitator.export.records import EventRecords, Row

PRODID = "-//facilitator//Kaizen and Action Learning cockpit//EN"
_DOMAIN = "facilitator"


def _moment(text: object, fallback: datetime) -> datetime:
    try:
        return from_iso(str(text)).astimezone(UTC) if text else fallback
    except ValueError:
        return fallback


def _stamp(entry: icalendar.Event, row: Row, fallback: datetime) -> None:
    """DTSTAMP, LAST-MODIFIED and SEQUENCE from the record's own times, so they move only when it changes."""
    created = _moment(row.get("created_at"), fallback)
    changed = max(_moment(row.get("updated_at"), created), created)
    entry.add("dtstamp", changed)
    entry.add("last-modified", changed)
    entry.add("sequence", int((changed - created).total_seconds()))


def _all_day(uid: str, day: date, summary: str, description: str, row: Row, fallback: datetime) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", f"{uid}@{_DOMAIN}")
    entry.add("dtstart", day)
    entry.add("dtend", day + timedelta(days=1))
    entry.add("summary", visible(summary))
    if description:
        entry.add("description", visible(description))
    entry.add("transp", "TRANSPARENT")  # a due date does not make anyone busy all day
    _stamp(entry, row, fallback)
    return entry


def _local(day: date, clock: time) -> datetime:
    """A local wall-clock time on ``day`` (the agenda is planned in the laptop's zone), in UTC."""
    return datetime.combine(day, clock).astimezone().astimezone(UTC)


def calendar(event: Event, records: EventRecords) -> icalendar.Calendar:
    """``event`` gives the days' dates (a set's meetings may have their own); ``records`` the rows."""
    row = records.event
    fallback = _moment(row.get("updated_at") or row.get("created_at"), datetime(2000, 1, 1, tzinfo=UTC))
    title = event.title
    word = "Day" if event.kind.value == "kaizen" else "Meeting"
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", visible(title))
    people = "; ".join(part for part in (
        f"Facilitator: {event.facilitator}" if event.facilitator else "",
        f"Sponsor: {event.sponsor}" if event.sponsor else "",
    ) if part)

    sessions_by_day: dict[int, list[Row]] = {}
    for session in records.rows("sessions"):
        sessions_by_day.setdefault(int(session["day"]), []).append(session)
    for day in range(1, event.days + 1):
        when = event.day_date(day)
        planned = sessions_by_day.get(day, [])
        agenda = "\n".join(f"- {session['title']} ({session['planned_minutes']} min)" for session in planned)
        cal.add_component(_all_day(f"day-{day}-{event.id}", when, f"{title}: {word} {day}",
                                   "\n".join(part for part in (people, agenda) if part), row, fallback))
        cal_sessions = _sessions(planned, when, title, fallback)
        for entry in cal_sessions:
            cal.add_component(entry)

    for item in sorted(records.rows("followups"), key=lambda item: (str(item["due_date"]), str(item["id"]))):
        try:
            due = date.fromisoformat(str(item["due_date"]))
        except ValueError:
            continue  # not a date (typed in with sqlite3): nothing to put in a calendar
        status = str(item.get("status") or "").replace("_", " ")
        done = " (done)" if item.get("status") == "done" else ""
        entry = _all_day(
            f"followup-{item['id']}", due, f"Follow-up due: {item['action']} ({item['owner']}){done}",
            f"Owner: {item['owner']}\nStatus: {status}\nFrom: {title}", item, fallback,
        )
        cal.add_component(entry)

    metrics = ", ".join(str(target["metric"]) for target in records.rows("targets"))
    for days in REVIEW_DAYS:
        measure = f"Measure: {metrics}" if metrics else "Check that the gains hold."
        cal.add_component(_all_day(
            f"review-{days}-{event.id}", event.end_date + timedelta(days=days), f"{days}-day review: {title}",
            "\n".join(part for part in (measure, people) if part), row, fallback,
        ))
    return cal


def _sessions(planned: list[Row], day: date, title: str, fallback: datetime) -> list[icalendar.Event]:
    """Each session at its planned time: one after another from the day's start, fixed times kept."""
    entries = []
    first = planned[0].get("fixed_start") if planned else None
    cursor = _local(day, _clock(first) or DEFAULT_DAY_START)
    for session in planned:
        fixed = _clock(session.get("fixed_start"))
        begin = max(cursor, _local(day, fixed)) if fixed else cursor
        cursor = begin + timedelta(minutes=int(session["planned_minutes"]))
        entry = icalendar.Event()
        entry.add("uid", f"session-{session['id']}@{_DOMAIN}")
        entry.add("dtstart", begin)
        entry.add("dtend", cursor)
        entry.add("summary", visible(f"{session['title']} ({title})"))
        if session.get("notes"):
            entry.add("description", visible(str(session["notes"])))
        _stamp(entry, session, fallback)
        entries.append(entry)
    return entries


def _clock(text: object) -> time | None:
    try:
        return time.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def dumps(event: Event, records: EventRecords) -> bytes:
    return calendar(event, records).to_ical()
