"""Tamper evidence for the decision log: every decision and amendment is sealed with a SHA-256 digest.

A record's digest covers its fields and the digest of the record it follows (``prev``: the event's
latest record when it was appended, ``""`` for the first), so changing, removing or slipping in a
record anywhere but at a branch's tip shows. The canonical form is documented in docs/json-format.md;
change it only with a new version tag, or every existing log would read as broken.

The records of an event form a tree rather than one line: two laptops appending to the same event
each extend their own latest record, and a merge keeps both branches, each still verifiable. Nothing
is ever re-chained, so the digests stay what they were when each record was written.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.domain.decision import tags_as_typed

# (version tag, the row's columns in the order they are hashed) for each sealed table.
CANONICAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "decisions": (
        "facilitator/decision/1",
        ("id", "event_id", "session_id", "day", "subject", "verdict", "rationale", "decided_by", "tags",
         "decided_at", "supersedes_id"),
    ),
    "decision_amendments": (
        "facilitator/amendment/1",
        ("id", "event_id", "decision_id", "field", "text", "amended_at"),
    ),
}
RECORD_WORDS = {"decisions": "decision", "decision_amendments": "amendment"}
# The ``record`` of a seal whose record a merge did not take (another laptop's decision that clashed
# with one here): the seal stays so the records after it still link up, and nothing is hashed.
NOT_IMPORTED = "not imported"


# One encoder for every record (json.dumps builds a new one per call when given options): the same bytes.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ENCODE = _ENCODER.encode


def canonical(table: str, row: Mapping[str, Any], prev: str) -> bytes:
    """The bytes hashed: a compact JSON array of the version tag, ``prev`` and the columns in order."""
    get = row.get
    return canonical_values(table, [get(column) for column in CANONICAL[table][1]], prev)


def canonical_values(table: str, values: Sequence[Any], prev: str) -> bytes:
    """:func:`canonical` of a row given as the values of its ``CANONICAL`` columns, in that order (sealing
    thousands of rows read from SQLite as tuples makes no dict for each)."""
    values = [CANONICAL[table][0], prev, *values]
    typed = _TYPED_AT.get((table, values[_FIELD_AT] if table == "decision_amendments" else None))
    if typed is not None:
        values[typed] = tags_as_typed(values[typed])
    return _encode(values).encode("utf-8")


def _encoder() -> Callable[[list[Any]], str]:
    """``_ENCODE`` for a flat list of SQLite values, with the C encoder made once rather than per call.

    JSONEncoder.encode builds the same C encoder on every call (about a third of a digest's time); made
    here with the very arguments it passes, the bytes are the same. No circular check: a list of scalars
    holds no container; a value that is not JSON (bytes) still raises TypeError through ``default``.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C speedups: the encoder as it is
        return _ENCODE
    base = _ENCODER  # the very options _ENCODE encodes with
    encode = make(None, base.default, json.encoder.encode_basestring, None, base.key_separator,
                  base.item_separator, False, False, base.allow_nan)

    def encoded(values: list[Any]) -> str:
        return "".join(encode(values, 0))

    return encoded


_encode = _encoder()


# Where in the hashed values the tags sit, as the text they were before 0012_foreign_keys_and_tags made
# them a JSON array, so a log sealed then still verifies and a migrated one needs no re-sealing: a
# decision's tags, and the text of an amendment of its tags.
_TYPED_AT = {
    ("decisions", None): 2 + CANONICAL["decisions"][1].index("tags"),
    ("decision_amendments", "tags"): 2 + CANONICAL["decision_amendments"][1].index("text"),
}
_FIELD_AT = 2 + CANONICAL["decision_amendments"][1].index("field")


def digest(table: str, row: Mapping[str, Any], prev: str) -> str:
    return hashlib.sha256(canonical(table, row, prev)).hexdigest()


def digest_values(table: str, values: Sequence[Any], prev: str) -> str:
    """:func:`digest` of a row given as its ``CANONICAL`` columns' values, in order."""
    return hashlib.sha256(canonical_values(table, values, prev)).hexdigest()


@dataclass(frozen=True)
class Seal:
    """One row of the digest log: which record, the digest it follows and its own."""

    id: str
    table: str
    prev: str
    digest: str


@dataclass(frozen=True)
class Broken:
    """The first record whose seal does not hold, and why, in one line."""

    table: str
    id: str
    reason: str
    subject: str = ""

    def describe(self) -> str:
        about = f" {self.subject[:40]!r}" if self.subject else ""
        return f"{RECORD_WORDS.get(self.table, self.table)} {self.id[:8]}{about} {self.reason}"


def check(seals: Iterable[Seal], records: Mapping[str, tuple[str, Mapping[str, Any]]]) -> Broken | None:
    """The first broken seal of one event, or None when every record is sealed and every seal holds.

    ``seals`` in the order they were written; ``records`` maps each decision and amendment id of the
    event to (table, row). Checked in that order: a seal whose record is gone, a record changed since
    it was sealed, a seal following a digest that is not in the log (a record removed), then records
    nobody sealed (slipped in past the application).
    """
    seals = list(seals)
    known = {seal.digest for seal in seals}
    sealed: set[str] = set()
    for seal in seals:
        if seal.table == NOT_IMPORTED and seal.id not in records:
            continue
        found = records.get(seal.id)
        if found is None:
            return Broken(seal.table, seal.id, "is missing (its digest is still in the log)")
        table, row = found
        subject = str(row.get("subject") or row.get("text") or "")
        if table != seal.table or digest(table, row, seal.prev) != seal.digest:
            return Broken(table, seal.id, "was changed after it was logged", subject)
        if seal.prev and seal.prev not in known:
            return Broken(table, seal.id, "follows a record that is no longer in the log", subject)
        sealed.add(seal.id)
    for record_id, (table, row) in records.items():
        if record_id not in sealed:
            subject = str(row.get("subject") or row.get("text") or "")
            return Broken(table, record_id, "was added outside facilitator (it has no digest)", subject)
    return None
