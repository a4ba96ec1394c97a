"""An import meets the same rules as the screens and the CLI, record by record, before anything is written.

Each row is turned into what its dialog would hold (the charter form, a session form, a decision draft, a
follow-up form, ...) and validated by the same domain code, so a subject of 50,000 characters, a title
holding ESC, or `days` of -5 is refused on import exactly as it is when typed. The first bad record
refuses the whole file, named with its table, id and field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping

from facilitator.domain.causes import check_cause, check_place
from facilitator.domain.decision import AmendedField, DecisionDraft, clean_amendment, stored_tags
from facilitator.domain.errors import ValidationError
from facilitator.domain.event import CharterForm, Target, parse_targets
from facilitator.domain.followup import FollowUpForm
from facilitator.domain.measurement import parse_note
from facilitator.domain.reflection import clean_skip_reason
from facilitator.domain.text import clean_text
from facilitator.export.json_format import BadFile
from facilitator.export.records import EventRecords, Row
from facilitator.storage.causes import cause_from_row


StoredRows = Callable[[list[str]], dict[str, Row]]


def check_records(
    records: EventRecords, name: str, stored_causes: StoredRows | None = None,
    unchanged: Mapping[str, set[str]] | None = None,
) -> None:
    """Refuse the file (BadFile) at the first record a screen or the CLI would not have accepted.

    ``stored_causes`` reads causes already in the database by id: a record of the file may hang under one.
    ``unchanged``: per table, the ids of rows the database already holds exactly so; nothing writes them,
    so their own rules are passed over (a re-import of a big file judges only what is new).
    """
    event = records.rows("events")[0]
    days = event.get("days")
    # The event first: every other record's day is judged against its number of days.
    tables = sorted(records.tables.items(), key=lambda item: item[0] != "events")
    for table, rows in tables:
        rule = _RULES.get(table)
        same = unchanged.get(table, set()) if unchanged else set()
        for row in rows:
            if row["id"] in same:
                continue
            try:
                if rule is not None:
                    rule(row)
                _check_day(table, row, days)
            except _REFUSED as error:
                raise _refusal(name, table, row, error) from None
    _check_cause_places(records.rows("causes"), stored_causes or (lambda ids: {}), name)


_REFUSED = (ValidationError, ValueError, KeyError, TypeError)


def _refusal(name: str, table: str, row: Row, error: Exception) -> BadFile:
    """A broken rule as one line naming the table, the record and the field."""
    if isinstance(error, ValidationError):
        field, message = next(iter(error.errors.items()))
        return BadFile(f"{name}: {table} row {row['id']}, field {field}: {message.rstrip('.')}; nothing imported.")
    return BadFile(f"{name}: {table} row {row['id']} cannot be read ({error}); nothing imported.")


def _check_cause_places(rows: list[Row], stored: StoredRows, name: str) -> None:
    """Each record sits where the causes tab would have put it: a fishbone cause never under a why, a
    sub-cause on its cause's bone, and every record leads up to a problem of the same event (no loops)."""
    if not rows:
        return
    by_id = {row["id"]: row for row in rows}
    missing = sorted({row["parent_id"] for row in rows if row.get("parent_id") and row["parent_id"] not in by_id})
    above = {**stored(missing), **by_id} if missing else by_id
    reaches: set[str] = set()  # records known to lead up to a problem
    for row in rows:
        try:
            _check_cause_place(row, above, reaches)
        except _REFUSED as error:
            raise _refusal(name, "causes", row, error) from None


def _check_cause_place(row: Row, above: dict[str, Row], reaches: set[str]) -> None:
    cause = cause_from_row(row)
    parent_row = above.get(row.get("parent_id") or "")
    if parent_row is None:
        return  # no parent (check_cause judged that) or none anywhere: the foreign key check names it
    check_place(cause, cause_from_row(parent_row))
    path, current = [], row
    while current is not None and current["id"] not in reaches and current.get("kind") != "problem":
        if current["id"] in path:
            raise ValidationError({"parent_id": "Its records above loop back to it: none leads up to a problem."})
        path.append(current["id"])
        current = above.get(current.get("parent_id") or "")
    reaches.update(path)


def _check_day(table: str, row: Row, days: object) -> None:
    day = row.get("day")
    if table == "events" or day is None or not isinstance(days, int):
        return
    if not isinstance(day, int) or not 1 <= day <= days:
        raise ValidationError({"day": f"Day {day} is not in the event: it has {days} days."})


def _lines(value: object) -> str:
    """A charter list as stored (a JSON array of strings) as the form's one-item-a-line text."""
    # strict=False: a raw control character inside is then refused by the form's own rule, naming the field.
    items = json.loads(value, strict=False) if isinstance(value, str) and value else []
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError("a list of text was expected")
    return "\n".join(items)


def _event(row: Row) -> None:
    CharterForm(
        title=row.get("title") or "", kind=row.get("kind") or "", start_date=row.get("start_date") or "",
        days=str(row.get("days")), problem=row.get("problem") or "", area=row.get("area") or "",
        sponsor=row.get("sponsor") or "", facilitator=row.get("facilitator") or "",
        team=_lines(row.get("team")), in_bounds=_lines(row.get("in_bounds")),
        out_of_bounds=_lines(row.get("out_of_bounds")),
    ).to_event()


def _target(row: Row) -> None:
    baseline, goal = row.get("baseline"), row.get("goal")
    if not all(isinstance(value, (int, float)) and math.isfinite(value) for value in (baseline, goal)):
        raise ValidationError({"baseline": "Baseline and goal must be finite numbers."})
    parse_targets(Target(str(row.get("metric") or ""), str(row.get("unit") or ""), baseline, goal).as_line())


def _session(row: Row) -> None:
    from facilitator.domain.agenda import SessionForm
    from facilitator.storage.agenda import session_from_row

    session = session_from_row(row)
    SessionForm.from_session(session).apply(session)


def _decision(row: Row) -> None:
    DecisionDraft(
        subject=row.get("subject") or "", verdict=row.get("verdict") or "",
        decided_by=row.get("decided_by") or "", rationale=row.get("rationale") or "",
        tags=" ".join(stored_tags(row.get("tags"))),
    ).validate()


def _amendment(row: Row) -> None:
    field = AmendedField(row["field"])
    text = row.get("text") or ""
    clean_amendment(field, " ".join(stored_tags(text)) if field is AmendedField.TAGS else text)


def _followup(row: Row) -> None:
    from facilitator.storage.followups import _followup as followup_from_row

    item = followup_from_row(row)
    # Its own due date as "today" and itself as the base: an overdue item keeps its date, as when edited.
    FollowUpForm.from_followup(item).to_followup(item.event_id, item.due_date, base=item)


def _measurement(row: Row) -> None:
    value = row.get("value")
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValidationError({"value": "The value must be a finite number."})
    parse_note(row.get("note") or "")


def _cause(row: Row) -> None:
    check_cause(cause_from_row(row))


def _texts(*columns: str, multiline: bool = True) -> Callable[[Row], None]:
    def check(row: Row) -> None:
        for column in columns:
            clean_text(str(row.get(column) or ""), field=column, label=column.replace("_", " ").capitalize(),
                       multiline=multiline)

    return check


def _reflection(row: Row) -> None:
    _texts("participant", "framework_name", multiline=False)(row)
    if row.get("skipped_reason"):
        clean_skip_reason(row["skipped_reason"])


def _countermeasure(row: Row) -> None:
    from facilitator.domain.countermeasures import CountermeasureForm

    CountermeasureForm(
        text=row.get("text") or "", effort=str(row.get("effort")), impact=str(row.get("impact")),
    ).validate(None)
    _texts("created_by", multiline=False)(row)


def _countermeasure_vote(row: Row) -> None:
    clean_text(str(row.get("member") or ""), field="member", label="Member", required=True)
    dots = row.get("dots")
    if not isinstance(dots, int) or isinstance(dots, bool) or not 0 <= dots <= 999:
        raise ValidationError({"dots": "Dots are a whole number from 0 to 999."})


def _attendance(row: Row) -> None:
    clean_text(str(row.get("person") or ""), field="person", label="A name", required=True, max_length=80)


def _evidence(row: Row) -> None:
    from facilitator.domain.evidence import MAX_BYTES, SHA256, clean_caption

    if not SHA256.match(str(row.get("sha256") or "")):
        raise ValidationError({"sha256": "The file's digest must be 64 lowercase hexadecimal characters."})
    size = row.get("size")
    if not isinstance(size, int) or not 0 <= size <= MAX_BYTES:
        raise ValidationError({"size": "The size must be a whole number of bytes, at most 50 MB."})
    clean_caption(str(row.get("caption") or ""))
    clean_text(str(row.get("original_name") or ""), field="original_name", label="The file name", required=True)


_RULES: dict[str, Callable[[Row], None]] = {
    "events": _event,
    "targets": _target,
    "sessions": _session,
    "decisions": _decision,
    "decision_amendments": _amendment,
    "followups": _followup,
    "measurements": _measurement,
    "causes": _cause,
    "reflections": _reflection,
    "reflection_answers": _texts("answer"),
    "assumptions": _texts("text"),
    "learning_transfers": _texts("text", "owner", "where_to", multiline=False),
    "countermeasures": _countermeasure,
    "countermeasure_votes": _countermeasure_vote,
    "attendance": _attendance,
    "evidence": _evidence,
}
