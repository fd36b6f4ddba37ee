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

import logging
import os
import select
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

POLL_S = 0.1
"""How often stdin is checked."""

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
        """Stop watching; after a hang-up, let Textual's input thread finish.

        That thread may be blocked in a read of the quiet pipe: closing its other end
        ends the read. Call this as the app starts to exit (Textual stops its input
        first thing), not later.
        """
        self._stop.set()
        keep, self._keep_open = self._keep_open, None
        if keep is not None:
            os.close(keep)

    def _watch(self) -> None:
        poller = select.poll()
        poller.register(self.fd, select.POLLIN)
        while not self._stop.is_set():
            # poll returns at once when stdin hangs up, so Textual's input thread spins
            # on it for microseconds, not for a polling interval.
            events = poller.poll(POLL_S * 1000)
            if not events:
                continue
            if events[0][1] & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                log.warning("the terminal's input closed without a hang-up signal; "
                            "saving partial replies and exiting")
                self._quiet_stdin()
                self.on_lost()
                return
            # Keys are waiting: Textual reads them meanwhile. (Readable with nothing in
            # it is also what a terminal looks like between Textual's reads, so only a
            # hang-up counts as the end.)
            self._stop.wait(POLL_S)

    def _quiet_stdin(self) -> None:
        """Put a pipe that never becomes readable where stdin was: the input thread idles."""
        read_end, write_end = os.pipe()
        os.dup2(read_end, self.fd)
        os.close(read_end)
        self._keep_open = write_end  # never written, never closed: never readable


def crash_sentence(error: BaseException, log_path: object) -> str:
    """What the terminal shows when a bug stops the app: one sentence, no traceback."""
    return (f"tui-chat stopped on an unexpected error ({error.__class__.__name__}); "
            f"your chats are saved: run tui-chat again to go on, and see {log_path} "
            "for the details.")
