"""A real terminal for rehearsals: the installed `facilitator` command in a private tmux server.

Pilot tests drive the app inside the test's own event loop, where every key waits for the app to idle.
A facilitator does not wait: they type in bursts while talking, from a real terminal, while other
processes (the CLI, a second cockpit) write to the same file. This drives the real command the same way
and reads what a person would see (the screen) and what was kept (the database).

Each Terminal runs its own tmux server (`tmux -L <unique socket>`), so parallel runs never share state,
and the server is always killed when the test ends.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

KEPT_ENV = ("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "LC_ALL", "VIRTUAL_ENV")
POLL = 0.05  # capture-pane is cheap; 50 ms keeps waits short without busy-looping a shared machine
BLINK = 0.6  # a little over Textual's 0.5 s cursor blink
DEFAULT_TIMEOUT = 10.0  # generous: CI shares 2 cores, and the first paint imports Textual


class Key(str):
    """A tmux key name (Enter, Tab, Escape, C-s, ...) as opposed to literal text, inside a burst."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Key({str(self)!r})"


ENTER = Key("Enter")
TAB = Key("Tab")
BTAB = Key("BTab")
ESC = Key("Escape")
BSPACE = Key("BSpace")
UP, DOWN, LEFT, RIGHT = Key("Up"), Key("Down"), Key("Left"), Key("Right")
SPACE = Key("Space")
DELETE = Key("DC")


def facilitator_command() -> Path:
    """The `facilitator` script installed in the interpreter running the tests (the venv's)."""
    return Path(sys.executable).parent / "facilitator"


def tmux_missing_reason() -> str | None:
    if shutil.which("tmux") is None:
        return "tmux is not installed (apt-get install tmux); rehearsals need a real terminal"
    if not facilitator_command().exists():
        return f"{facilitator_command()} is not installed (pip install -e .)"
    return None


class RehearsalFailure(AssertionError):
    pass


class Terminal:
    """One facilitator process in one tmux pane of a fixed size."""

    def __init__(self, home: Path, cols: int = 80, rows: int = 24, db: Path | None = None) -> None:
        self.home = home
        self.cols, self.rows = cols, rows
        self.data_dir = home / "data"
        self.config_dir = home / "config"
        self.db_path = db or self.data_dir / "facilitator.db"
        self.socket = f"rehearsal-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.session = "cockpit"
        self.started = False
        # A clean environment: the developer's or pytest's own variables must not change what the
        # rehearsal sees (a user's TEXTUAL or NO_COLOR, tmux's TMUX, pytest's PYTEST_*).
        self.env = {
            **{name: os.environ[name] for name in KEPT_ENV if name in os.environ},
            "LANG": os.environ.get("LANG") or "C.UTF-8",
            "FACILITATOR_DB": str(self.db_path),
            "FACILITATOR_DATA_DIR": str(self.data_dir),
            "FACILITATOR_CONFIG_DIR": str(self.config_dir),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "TZ": "UTC",
        }

    # ---- process ---------------------------------------------------------------------------------

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            env=self.env, capture_output=True, text=True, timeout=30,
        )
        if check and result.returncode != 0:
            raise RehearsalFailure(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def start(self, *args: str, ready: str | None = "facilitator", timeout: float = 20.0) -> Terminal:
        """Open the cockpit (or `facilitator ARGS...`) and wait until `ready` is on the screen."""
        assert not self.started, "one process per Terminal"
        for folder in (self.data_dir, self.config_dir, self.db_path.parent):
            folder.mkdir(parents=True, exist_ok=True)
        command = " ".join(shlex.quote(part) for part in (str(facilitator_command()), *args))
        env_prefix = " ".join(
            f"{name}={shlex.quote(self.env[name])}"
            for name in ("FACILITATOR_DB", "FACILITATOR_DATA_DIR", "FACILITATOR_CONFIG_DIR", "TERM",
                         "COLORTERM", "TZ")
        )
        self._command = f"env {env_prefix} {command}"
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(self.cols), "-y", str(self.rows),
                   self._command)
        self.started = True
        # Keep a crashed pane on screen so the failure message shows the traceback, not "no pane".
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on", check=False)
        if ready:
            self.wait_for(ready, timeout=timeout)
        return self

    def kill(self) -> None:
        """kill -9 the cockpit, as a flat battery or a crash would: nothing gets to clean up."""
        pid = self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout.strip()
        if pid and self.exit_status() is None:
            os.kill(int(pid), 9)  # `env` execs facilitator, so the pane's pid is the cockpit's
        self.wait_until(lambda _: self.exit_status() is not None, what="the cockpit to die")

    def restart(self, ready: str | None = "facilitator", timeout: float = 20.0) -> None:
        """Open the same command again in the same pane (after kill() or quitting)."""
        self._tmux("respawn-pane", "-k", "-t", self.session, self._command)
        if ready:
            self.wait_for(ready, timeout=timeout)

    def close(self) -> None:
        if self.started:
            self._tmux("kill-server", check=False)
            self.started = False

    def exit_status(self) -> int | None:
        """The process's exit status once it has ended, else None."""
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_dead} #{pane_dead_status}",
                         check=False).stdout.split()
        if out and out[0] == "1":
            return int(out[1]) if len(out) > 1 else 0
        return None

    # ---- typing ----------------------------------------------------------------------------------

    def type(self, text: str) -> None:
        """Type `text` literally, as one burst (no pause between characters)."""
        if text:
            self._tmux("send-keys", "-t", self.session, "-l", "--", text)

    def write(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Type `text` as one burst and wait until it shows: a person's glance at what they typed
        before moving on. Its last word must appear on a line where it was not before (the end,
        because a long line scrolls its start out of a narrow field; a new line, because the same
        word may already show in a placeholder or elsewhere)."""
        snippet = text.split()[-1] if text.split() else text

        def lines_with_snippet(screen: str) -> set[str]:
            return {line for line in screen.splitlines()[3:] if snippet in line}

        before = lines_with_snippet(self.screen())
        self.type(text)
        self.wait_until(lambda s: bool(lines_with_snippet(s) - before), timeout, what=f"{snippet!r} typed")

    def keys(self, *names: str) -> None:
        """Press tmux key names in one burst: "Enter", "Tab", "Escape", "C-s", "Up", "F2", ..."""
        if names:
            self._tmux("send-keys", "-t", self.session, *names)

    def burst(self, items: Iterable[str]) -> None:
        """Text and keys mixed, sent by one tmux call with no waiting in between: a fast typist.

        Plain strings are typed literally; Key(...) values (ENTER, TAB, ...) are pressed. An ESC
        followed at once by a character reads as alt+character, in any terminal: wait after ESC.
        """
        args: list[str] = []
        for item in items:
            if args:
                args.append(";")
            if isinstance(item, Key):
                args += ["send-keys", "-t", self.session, str(item)]
            else:
                args += ["send-keys", "-t", self.session, "-l", "--", item]
        if args:
            self._tmux(*args)

    def slowly(self, text: str, delay: float = 0.12) -> None:
        """Type `text` one character at a time at a person's pace."""
        for char in text:
            self.type(char)
            time.sleep(delay)

    def step(self, key: str, *, skip_top: int = 3, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Press one key (a Key, a tmux key name, or one character) and wait until the screen shows
        it landed: any change in text or colour below the top `skip_top` rows (the ticking timer bar).

        For keys that move focus (Tab, a verdict key) this is what a person does: look, then type on.
        A step whose key changes nothing visible times out, which is a finding in itself.
        """
        # First let the screen settle (what the last key did has shown), learning the phases of a
        # blinking text cursor, which changes the screen twice a second by itself.
        before = {self._styled(skip_top)}
        quiet_since = time.monotonic()
        settle_by = quiet_since + timeout
        while time.monotonic() - quiet_since < BLINK and time.monotonic() < settle_by:
            time.sleep(POLL)
            now = self._styled(skip_top)
            if now not in before:
                before = before | {now} if len(before) < 2 else {now}
                quiet_since = time.monotonic()
        if isinstance(key, Key) or len(key) > 1:
            self.keys(str(key))
        else:
            self.type(key)
        deadline = time.monotonic() + timeout
        while self._styled(skip_top) in before:
            if time.monotonic() > deadline:
                raise RehearsalFailure(f"pressing {key!r} changed nothing in {timeout:g}s; the screen:\n"
                                       f"{self._framed(self.screen())}")
            time.sleep(POLL)

    def steps(self, *keys: str, skip_top: int = 3) -> None:
        for key in keys:
            self.step(key, skip_top=skip_top)

    def _styled(self, skip_top: int) -> str:
        out = self._tmux("capture-pane", "-e", "-p", "-t", self.session).stdout
        return "\n".join(out.splitlines()[skip_top:])

    # ---- reading ---------------------------------------------------------------------------------

    def screen(self) -> str:
        """What is on the screen now, one line per row, trailing spaces removed."""
        out = self._tmux("capture-pane", "-p", "-t", self.session).stdout
        return "\n".join(line.rstrip() for line in out.splitlines())

    def wait_until(self, predicate: Callable[[str], bool], timeout: float = DEFAULT_TIMEOUT,
                   what: str = "the condition") -> str:
        """Poll the screen every 50 ms until predicate(screen) holds; return that screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise RehearsalFailure(f"waited {timeout:g}s for {what}; the screen:\n{self._framed(screen)}")
            time.sleep(POLL)

    def wait_for(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until every one of `texts` is on the screen."""
        return self.wait_until(lambda s: all(t in s for t in texts), timeout, what=" and ".join(map(repr, texts)))

    def wait_gone(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until none of `texts` is on the screen."""
        return self.wait_until(lambda s: not any(t in s for t in texts), timeout,
                               what="no " + " or ".join(map(repr, texts)))

    def settle(self, quiet: float = 0.3, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until the screen stops changing for `quiet` seconds (ignores a ticking clock poorly:
        prefer wait_for with the text you expect)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(POLL)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        return last

    def assert_absent(self, *texts: str) -> None:
        screen = self.screen()
        present = [t for t in texts if t in screen]
        if present:
            raise RehearsalFailure(f"{present!r} should not be on the screen:\n{self._framed(screen)}")

    def _framed(self, screen: str) -> str:
        bar = "-" * self.cols
        return f"{bar}\n{screen}\n{bar}"

    # ---- the database and a second process -------------------------------------------------------

    def query(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        """Rows from the database, read through a read-only connection of our own."""
        connection = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)
        connection.row_factory = sqlite3.Row
        try:
            return connection.execute(sql, tuple(params)).fetchall()
        finally:
            connection.close()

    def execute(self, sql: str, params: Iterable = ()) -> None:
        """Write to the database from a second process's connection (seeding what time would do)."""
        connection = sqlite3.connect(self.db_path, timeout=10)
        try:
            with connection:
                connection.execute(sql, tuple(params))
        finally:
            connection.close()

    def scalar(self, sql: str, params: Iterable = ()):
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def wait_db(self, sql: str, predicate: Callable[[object], bool], params: Iterable = (),
                timeout: float = DEFAULT_TIMEOUT) -> object:
        """Poll a scalar query until predicate(value) holds (a write the screen confirmed is on disk)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.scalar(sql, params) if self.db_path.exists() else None
            if predicate(value):
                return value
            if time.monotonic() > deadline:
                raise RehearsalFailure(f"waited {timeout:g}s for {sql!r}; last value {value!r}; "
                                       f"the screen:\n{self._framed(self.screen())}")
            time.sleep(POLL)

    def cli(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        """Run `facilitator ARGS...` as a second process on the same database."""
        result = subprocess.run([str(facilitator_command()), *args], env=self.env, capture_output=True,
                                text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise RehearsalFailure(f"facilitator {' '.join(args)} exited {result.returncode}:\n"
                                   f"{result.stdout}{result.stderr}")
        return result

    def errors_logged(self) -> str:
        """The contents of logs/errors.log: unexpected errors the app caught instead of crashing."""
        log = self.data_dir / "logs" / "errors.log"
        return log.read_text() if log.exists() else ""

    def event_id(self, title: str | None = None) -> str:
        """The id of the event with this title (or of the only event)."""
        if title is None:
            rows = self.query("select id from events")
            assert len(rows) == 1, f"expected one event, found {len(rows)}"
            return rows[0][0]
        rows = self.query("select id from events where title = ?", [title])
        assert rows, f"no event titled {title!r}"
        return rows[0][0]
