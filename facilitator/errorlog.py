"""Unexpected errors go to ``errors.log`` in the user log folder; the user sees one line that points at it.

Through ``logging`` with a rotating file (a laptop that runs for years never fills its disk with one
log), configured on first use, never at import. ``--debug`` lowers the level so the commands and the
storage note what they do. A failure to write the log is returned as None, never printed: on the shop
floor a logging traceback on stderr would be worse than the error it was reporting.
"""

from __future__ import annotations

import logging
import shutil
from logging.handlers import RotatingFileHandler
from pathlib import Path

from facilitator import paths

LOGGER = "facilitator"
MAX_BYTES = 1_000_000  # about ten thousand tracebacks' worth of lines before a file is rotated
BACKUPS = 3
_FORMAT = "--- %(asctime)s %(levelname)s %(name)s\n%(message)s"


class _QuietFileHandler(RotatingFileHandler):
    """Remembers a failed write instead of printing logging's own traceback to stderr."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER)


def set_debug(debug: bool) -> None:
    """``--debug``: every note the code makes (``facilitator.*`` loggers), not just errors.

    Without it only the level is set, so a command that meets no error opens no file.
    """
    logger().setLevel(logging.DEBUG if debug else logging.WARNING)
    if debug:
        _handler()


def _handler(path: Path | None = None) -> _QuietFileHandler | None:
    """The file handler for ``path`` (by default the log folder of the moment), set up on first use."""
    path = path or paths.error_log()
    log = logger()
    log.propagate = False  # a library's root configuration must not echo our tracebacks to the terminal
    for handler in log.handlers:
        if isinstance(handler, _QuietFileHandler) and Path(handler.baseFilename) == path.absolute():
            return handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _move_old_log(path)
        handler = _QuietFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT, datefmt="%Y-%m-%dT%H:%M:%S%z"))
    for old in [h for h in log.handlers if isinstance(h, _QuietFileHandler)]:
        log.removeHandler(old)  # the folder moved (tests, or FACILITATOR_DATA_DIR changed): follow it
        old.close()
    log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.WARNING)
    return handler


def _move_old_log(path: Path) -> None:
    """Up to 0.1 the log was ``errors.log`` beside the database: carry it over once, keeping its history."""
    old = paths.data_dir() / "errors.log"
    if not old.is_file() or old.resolve() == path.resolve():
        return
    target = path if not path.exists() else path.with_name("errors-before-log-folder.log")
    try:
        shutil.move(old, target)
    except OSError:
        pass  # left where it was: nothing is lost, and the new log still works


def log_exception(error: BaseException, path: Path | None = None) -> Path | None:
    """Log the traceback; returns the log's path, or None if it could not be written."""
    handler = _handler(path)
    if handler is None:
        return None
    handler.failed = False
    logger().error("Unexpected error: %s: %s", type(error).__name__, error, exc_info=error)
    handler.flush()
    if handler.failed or not Path(handler.baseFilename).is_file():
        return None
    return Path(handler.baseFilename)
