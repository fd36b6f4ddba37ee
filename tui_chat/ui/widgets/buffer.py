"""Text handed from a worker thread to the UI thread, batched per frame."""

from __future__ import annotations

import threading


class StreamBuffer:
    """Fragments handed from a worker thread to the UI, batched per frame.

    ``push`` runs on the worker thread and returns True only when the UI has to be
    woken (the buffer was drained since the last wake), so one wake message is ever
    in flight no matter how fast tokens arrive. ``take`` may leave text behind (a
    per-frame limit); the wake then stays scheduled and the UI comes back for it.

    A worker that finds more than a limit waiting (:meth:`wait_for_screen`) waits
    until the UI has taken enough of it: a flood from a fast source stays bounded.
    """

    __slots__ = ("_cond", "_parts", "_size", "_scheduled", "_closed", "_waiting",
                 "last_flush")

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._parts: list[str] = []
        self._size = 0
        self._scheduled = False
        self._closed = False
        self._waiting = False
        self.last_flush = 0.0
        """When the UI last took text (monotonic seconds)."""

    @property
    def size(self) -> int:
        """Characters waiting for the UI."""
        return self._size

    @property
    def worker_waiting(self) -> bool:
        """True while a worker is blocked in :meth:`wait_for_screen`."""
        return self._waiting

    def push(self, text: str) -> bool:
        """Add ``text``; True when the caller should post a wake-up."""
        with self._cond:
            self._parts.append(text)
            self._size += len(text)
            if self._scheduled:
                return False
            self._scheduled = True
            return True

    def take(self, limit: int | None = None) -> str:
        """The oldest waiting text: all of it, or about ``limit`` characters.

        A cut prefers the end of a line in the second half of the limit.
        """
        with self._cond:
            text = "".join(self._parts)
            self._parts.clear()
            if limit is not None and len(text) > limit:
                cut = text.rfind("\n", limit // 2, limit) + 1 or limit
                text, rest = text[:cut], text[cut:]
                self._parts.append(rest)
            self._size = sum(map(len, self._parts))
            self._scheduled = bool(self._parts)
            self._cond.notify_all()
            return text

    def wait_for_screen(self, limit: int, timeout: float) -> None:
        """Block (a worker thread) while more than ``limit`` characters wait for the UI,
        until the buffer is closed or ``timeout``."""
        with self._cond:
            if self._size <= limit:
                return
            self._waiting = True
            try:
                self._cond.wait_for(lambda: self._closed or self._size <= limit, timeout)
            finally:
                self._waiting = False

    def close(self) -> None:
        """Nobody will take text any more: release waiting workers for good."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def reopen(self) -> None:
        """A stream starts (again)."""
        with self._cond:
            self._closed = False
