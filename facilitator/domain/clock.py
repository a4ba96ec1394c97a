"""Time is injected: code asks a Clock for "now", so tests can move time without sleeping."""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment as an aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float | None:
        """Seconds on a clock nobody can set that keeps counting while the laptop sleeps, if there is one.

        Comparing it with the wall clock tells a clock that was set (an NTP correction, a hand-fixed
        clock) from time that passed. Linux's boot-time clock and macOS's monotonic clock count sleep;
        elsewhere there is no such clock and only a clock set back behind the timer log is noticed.
        """
        if hasattr(time, "CLOCK_BOOTTIME"):
            return time.clock_gettime(time.CLOCK_BOOTTIME)
        if sys.platform == "darwin":
            return time.clock_gettime(time.CLOCK_MONOTONIC)
        return None


class FakeClock:
    """A clock that only moves when told to: ``advance`` lets time pass, ``jump`` sets the wall clock."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
        self._monotonic = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float | None:
        return self._monotonic

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self._now += step
        self._monotonic += step.total_seconds()

    def jump(self, **delta: float) -> None:
        """Set the wall clock forward or back (negative) without time passing."""
        self._now += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        """Let time pass (or rewind, in step with the monotonic clock) up to ``moment``."""
        self._monotonic += (moment - self._now).total_seconds()
        self._now = moment


def to_iso(moment: datetime) -> str:
    """Store moments as ISO-8601 UTC text, which sorts chronologically as text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_time(moment: datetime) -> datetime:
    """The moment in the machine's local time zone, for display."""
    return moment.astimezone()


def local_today(clock: Clock) -> date:
    return local_time(clock.now()).date()
