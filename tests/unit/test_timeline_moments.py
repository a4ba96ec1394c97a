"""The timeline reads each stored moment with its own copy of from_iso() (a call less per entry): the two
must agree on every moment, and the copy must turn anything else into None, never an error."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.clock import from_iso, local_time
from facilitator.export.timeline import moment

_zones = st.none() | st.just(UTC) | st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(st.datetimes(timezones=_zones), st.sampled_from(["microseconds", "seconds", "minutes", "auto"]))
def test_a_stored_moment_reads_as_from_iso_reads_it(when, timespec):
    text = when.isoformat(timespec=timespec)
    found = moment(text)
    assert found == from_iso(text) and found.utcoffset() == from_iso(text).utcoffset() is not None
    assert found.astimezone() == local_time(found)


@given(st.one_of(st.text(max_size=40), st.none(), st.integers(), st.just("")))
def test_anything_else_is_no_moment(text):
    try:
        expected = from_iso(text) if isinstance(text, str) and text else None
    except ValueError:
        expected = None
    assert moment(text) == expected
