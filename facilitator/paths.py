"""Where facilitator keeps things. Computed on demand, never at import time, and never created early."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"


def data_dir() -> Path:
    override = os.environ.get("FACILITATOR_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # here, not at the top: tests and --db runs never need it, and start-up counts

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("FACILITATOR_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs  # see data_dir

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    """``--db`` wins over ``FACILITATOR_DB``, which wins over the user data dir."""
    override = os.environ.get("FACILITATOR_DB")
    return Path(override).expanduser() if override else data_dir() / "facilitator.db"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def user_templates_dir() -> Path:
    """Report templates that override the built-in ones of the same name (export/report_templates.py)."""
    return config_dir() / "templates"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def log_dir() -> Path:
    """``FACILITATOR_LOG_DIR``; else ``logs/`` in a data dir set by ``FACILITATOR_DATA_DIR`` (a sandboxed
    data dir keeps its logs with it); else the platform's user log folder."""
    override = os.environ.get("FACILITATOR_LOG_DIR")
    if override:
        return Path(override)
    if os.environ.get("FACILITATOR_DATA_DIR"):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def error_log() -> Path:
    return log_dir() / "errors.log"


def exports_dir(database: Path | None = None) -> Path:
    """``exports/`` beside the database in use, so FACILITATOR_DB=/elsewhere/x.db exports to /elsewhere/exports."""
    return (Path(database).expanduser().resolve().parent if database else data_dir()) / "exports"


def keymap_file() -> Path:
    return config_dir() / "keymap.toml"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def evidence_dir(database: Path | None = None) -> Path:
    """``evidence/`` beside the database in use: attached photos and files, each under its SHA-256."""
    return (Path(database).expanduser().resolve().parent if database else data_dir()) / "evidence"
