"""Run the real TUI in a pseudo-terminal, as a person's terminal would.

Used by the crash, signal and escape-injection tests: the app draws to a real pty,
every byte it writes is recorded, keys are typed into it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path


def _controlling_tty() -> None:
    """In the child: a new session whose controlling terminal is the pty (its stdout).

    As with a real SSH login, closing the pty master then sends the app SIGHUP.
    """
    os.setsid()
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


class PtyApp:
    """``python -m tui_chat ...`` on a pty of ``size`` columns x rows."""

    def __init__(self, args: list[str], *, size: tuple[int, int] = (120, 40),
                 env: dict[str, str] | None = None, cwd: Path | None = None,
                 stdin_pipe: bool = False) -> None:
        """``stdin_pipe``: keys come through a pipe (:meth:`close_stdin` ends it) while
        the screen is the pty, so the input can end without the terminal hanging up."""
        self.output = bytearray()
        self._lock = threading.Lock()
        master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = dict(env or os.environ)
        full_env.update({"TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)})
        full_env.pop("NO_COLOR", None)
        keys_in, self._keys_out = os.pipe() if stdin_pipe else (slave, None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tui_chat", *args], stdin=keys_in, stdout=slave,
            stderr=slave, env=full_env, cwd=cwd, close_fds=True, preexec_fn=_controlling_tty,
        )
        os.close(slave)
        if self._keys_out is not None:
            os.close(keys_in)
        self.master = master
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.output.extend(data)

    def text(self) -> bytes:
        """Everything the app wrote so far."""
        with self._lock:
            return bytes(self.output)

    def type(self, keys: str) -> None:
        """Type ``keys`` one by one, as a person would."""
        target = self.master if self._keys_out is None else self._keys_out
        for ch in keys:
            os.write(target, ch.encode())
            time.sleep(0.02)

    def close_stdin(self) -> None:
        """End the app's input (``stdin_pipe`` only): EOF, with no hang-up."""
        assert self._keys_out is not None, "started without stdin_pipe"
        os.close(self._keys_out)
        self._keys_out = -1

    def cpu_seconds(self) -> float:
        """User plus system CPU time the app's process has used (not its children)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_for(self, predicate: Callable[[], object], timeout: float, what: str) -> None:
        """Poll ``predicate`` until true; fail after ``timeout`` (or if the app died)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.proc.poll() is not None:
                raise AssertionError(f"the app exited ({self.proc.returncode}) before {what}: "
                                     f"{self.text()[-2000:]!r}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            time.sleep(0.05)

    def wait_ready(self, timeout: float = 60) -> None:
        """Until the first full frame (the footer's key hints) is on screen."""
        self.wait_for(lambda: b"Quit" in self.text(), timeout, "the first frame")

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the app."""
        self.proc.send_signal(sig)

    def close(self, timeout: float = 20) -> int:
        """Wait for exit (killing after ``timeout``); returns the exit code."""
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self._reader.join(timeout=2)
        try:
            os.close(self.master)
        except OSError:
            pass
        return code

    def kill(self) -> None:
        """SIGKILL, like a crash or an OOM kill."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Never leave the app running, whatever the test did."""
        if self.proc.poll() is None:
            self.kill()
        for fd in (self.master, self._keys_out):
            if fd is not None and fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
