"""Read an imported event back the way the cockpit and every export do, before the import commits.

The JSON check catches wrong shapes and types; this catches values only the domain can judge (an unknown
timer action, a timestamp that is not one, a verdict that does not exist). A file holding such a record is
refused whole, so nothing in the database is left that would break a screen or an export later.
"""

from __future__ import annotations

from datetime import datetime

from facilitator.export.json_format import BadFile
from facilitator.export.records import read_event
from facilitator.storage.store import Store

# What reading a bad value raises somewhere in the domain: enum and date parsing, lookups, arithmetic.
_UNREADABLE = (ValueError, KeyError, TypeError, OverflowError, AttributeError)


def check_readable(store: Store, event_id: str, now: datetime, name: str) -> None:
    from facilitator.export.report import build_report
    from facilitator.report.gather import daily_reports

    try:
        event = store.events.get(event_id)
        build_report(read_event(store.db, event_id), now)
        daily_reports(store, event_id, range(1, event.days + 1))
    except _UNREADABLE as error:
        raise BadFile(f"{name} holds a record facilitator cannot read ({error}); nothing imported.") from None
