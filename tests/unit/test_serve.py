"""`facilitator serve`: the projector in a browser on this machine; the cockpit never leaves 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from facilitator.cli import cli
from facilitator.domain.errors import UserError
from facilitator.serve import plan
from tests.ui.test_timer import add_blitz


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_cockpit_is_refused_on_another_address(store):
    result = CliRunner().invoke(cli, ["--db", str(store.path), "serve", "--cockpit", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "127.0.0.1 only" in lines[0]
    command, host, _ = plan(store.path, None, host=None, cockpit=True, theme=None)
    assert host == "127.0.0.1" and command.endswith(f"--db {store.path}")


def test_the_projector_may_bind_a_lan_address(store):
    event, _ = add_blitz(store)
    command, host, title = plan(store.path, event.id[:8], host="192.168.1.20", cockpit=False, theme="projector-light")
    assert host == "192.168.1.20" and command.endswith(f"--theme projector-light projector {event.id}")
    with pytest.raises(UserError, match="Which event"):
        plan(store.path, None, host=None, cockpit=False, theme=None)


async def first_paint(url: str) -> bytes:
    import aiohttp

    received = b""
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket_:
        deadline = time.monotonic() + 20
        while b"Parking lot" not in received and time.monotonic() < deadline:
            message = await socket_.receive(timeout=10)
            if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                break
            received += message.data if isinstance(message.data, bytes) else message.data.encode()
    return received


def test_serve_answers_a_browser_on_localhost(store):
    event, _ = add_blitz(store)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--db", str(store.path), "serve", event.id[:8], "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        deadline = time.monotonic() + 20
        page = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert page is not None, server.stderr.read().decode() if server.poll() is not None else "no answer"
        assert f"ws://127.0.0.1:{port}/ws" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/js/textual.js", timeout=5) as response:
            assert response.status == 200  # the page's script is served locally: no internet needed
        # A browser tab's websocket starts the projector, which paints the clock.
        assert b"Parking lot" in asyncio.run(first_paint(f"http://127.0.0.1:{port}/ws?width=80&height=24"))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
