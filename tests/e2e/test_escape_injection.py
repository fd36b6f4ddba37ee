"""Hostile model output never reaches the terminal raw: TUI (real pty), ask, exports.

The hostile text comes from a loopback OpenAI-compatible server (tests/servers.py
BadServer) through the real remote backend, exactly as a compromised or prompt-injected
server would send it. The TUI runs in a real pseudo-terminal and every byte it writes
is recorded.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.ptyapp import PtyApp
from tests.servers import BadServer, REMOTE_ENTRY

HOSTILE = [
    "SAFE-START ",
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write the clipboard
    "\x1b[2J\x1b[H",  # CSI: clear the screen, home
    "\x1b]0;pwned-title\x07",  # OSC 0: window title
    "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x07\x07",  # BEL
    "\x9b31m",  # C1 CSI
    "\x1b",  # a lone ESC split from what follows
    "[5mblink SAFE-END",
]
FORBIDDEN = {
    "OSC 52": b"\x1b]52",
    "clear screen": b"\x1b[2J",
    "OSC 0 title": b"\x1b]0;pwned",
    "OSC 8 link": b"evil.example",
    "C1 CSI": "\x9b".encode(),
    "blink": b"\x1b[5m",
}


@pytest.fixture
def server():
    with BadServer() as bad:
        bad.configure("ok", contents=list(HOSTILE), models=["scripted"])
        yield bad


def check_clean(raw: bytes, where: str) -> None:
    for name, needle in FORBIDDEN.items():
        assert needle not in raw, f"{name} reached the terminal from {where}"


def test_tui_output_on_a_real_pty_has_no_hostile_sequences(write_config, data_dir: Path,
                                                           server: BadServer) -> None:
    config = write_config(REMOTE_ENTRY.format(name="remote", url=server.base_url), head='default_model = "remote"\n')
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir)]) as app:
        app.wait_ready()
        before = len(app.text())
        app.type("hi\r")
        app.wait_for(lambda: b"SAFE-END" in app.text()[before:], 30, "the reply on screen")
        app.wait_for(lambda: app.text().count(b"SAFE-END") >= 1 and b"remote" in app.text(), 10,
                     "the settled reply")
        raw = app.text()
        check_clean(raw, "the TUI")
        # Textual itself sets the pointer shape with OSC 22 ... BEL; any other BEL is hostile.
        assert b"\x07" not in re.sub(rb"\x1b\]22;[^\x07\x1b]*\x07", b"", raw), "BEL reached it"
        assert b"SAFE-START" in raw and b"blink SAFE-END" in raw
        app.type("\x11")  # ctrl+q
        assert app.close() == 0


def test_ask_stdout_and_exports_are_clean(write_config, data_dir: Path, server: BadServer,
                                          tmp_path: Path) -> None:
    config = write_config(REMOTE_ENTRY.format(name="remote", url=server.base_url))
    base = [sys.executable, "-m", "tui_chat", "--config", str(config), "--data-dir", str(data_dir)]
    result = subprocess.run([*base, "ask", "--model", "remote", "hi"], capture_output=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    check_clean(result.stdout, "ask stdout")
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert result.stdout.strip().startswith(b"SAFE-START") and b"blink SAFE-END" in result.stdout
    for fmt in ("md", "json"):
        out = tmp_path / f"export.{fmt}"
        subprocess.run([*base, "sessions", "export", "1", "--format", fmt, "-o", str(out)],
                       check=True, capture_output=True, timeout=60)
        data = out.read_bytes()
        check_clean(data, f"the {fmt} export")
        assert b"\x1b" not in data and b"\x07" not in data
        assert b"SAFE-END" in data
