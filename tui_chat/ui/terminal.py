"""Noticing that the terminal went away when no SIGHUP says so.

SSH normally hangs up the session (SIGHUP, handled by the app). When the input side
closes without one (stdin at end of file: a closed pipe, a terminal multiplexer or
wrapper that ends oddly), Textual's input thread finds stdin readable with nothing to
read and spins on it at full CPU while the app goes on drawing for nobody. The watch
here polls stdin a few times a second; once it has hung up, it stops the spin (stdin
is swapped for a pipe that never becomes readable) and tells the app, which saves
every partial reply as interrupted and exits.
"""

from __future__ import annotations

import fcntl
import logging
import os
import select
import termios
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

POLL_S = 0.1
"""How often stdin is checked."""

EMPTY_READS = 3
"""Checks in a row that find stdin readable with no byte in it before it counts as closed."""


def _waiting_bytes(fd: int) -> int | None:
    """Bytes ready to read on ``fd``, or None where the call does not apply."""
    try:
        raw = fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0")
    except OSError:
        return None
    return int.from_bytes(raw, "little")


class TerminalWatch:
    """Calls ``on_lost`` once (from its own thread) when stdin hangs up or reaches EOF."""

    def __init__(self, on_lost: Callable[[], None], fd: int = 0) -> None:
        self.on_lost = on_lost
        self.fd = fd
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="terminal-watch", daemon=True)
        self._keep_open: int | None = None

    def start(self) -> None:
        """Start watching."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching (the app is closing)."""
        self._stop.set()

    def _closed(self, poller: select.poll, empty: int) -> tuple[bool, int]:
        """(closed for good, empty readable checks so far)."""
        events = poller.poll(0)
        if not events:
            return False, 0
        mask = events[0][1]
        if mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
            return True, empty
        if mask & select.POLLIN and _waiting_bytes(self.fd) == 0:
            return empty + 1 >= EMPTY_READS, empty + 1
        return False, 0

    def _watch(self) -> None:
        poller = select.poll()
        poller.register(self.fd, select.POLLIN)
        empty = 0
        while not self._stop.wait(POLL_S):
            closed, empty = self._closed(poller, empty)
            if closed:
                log.warning("the terminal's input closed without a hang-up signal; "
                            "saving partial replies and exiting")
                self._quiet_stdin()
                self.on_lost()
                return

    def _quiet_stdin(self) -> None:
        """Put a pipe that never becomes readable where stdin was: the input thread idles."""
        read_end, write_end = os.pipe()
        os.dup2(read_end, self.fd)
        os.close(read_end)
        self._keep_open = write_end  # never written, never closed: never readable
