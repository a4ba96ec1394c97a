"""Shared fixtures: every test gets its own data and config dirs and a database in tmp_path."""

from __future__ import annotations

from datetime import UTC, datetime

import time

import pytest

from facilitator.config import Settings
from facilitator.domain.clock import FakeClock
from facilitator.storage.store import Store


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Tests never touch the real user data or config dirs."""
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FACILITATOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATOR_DB", str(tmp_path / "data" / "facilitator.db"))
    # Local times are shown in the machine's zone; pin it so pictures and texts are stable anywhere.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path, clock) -> Store:
    store = Store(tmp_path / "cockpit.db", clock)
    yield store
    store.close()


@pytest.fixture
def make_app(store):
    """Build the app on the test store, in the default dark theme, without reading user settings."""
    from facilitator.app import FacilitatorApp

    def make(**kwargs):
        kwargs.setdefault("settings", Settings())
        return FacilitatorApp(store, **kwargs)

    return make
