"""One file's bytes from the Hub into a partial file that survives across calls.

The bytes go to ``.<file>.part`` next to the destination, flushed after every chunk, with
``.<file>.part.json`` saying which file (size and sha256) they belong to. A later call
(after Ctrl+C, a crash, ``kill -9`` or a failed attempt) asks only for the rest with
``Range: bytes=N-``. Cancel is checked between chunks, and a watcher shuts the socket
down when it is set, so a server stalled mid-body cannot hold a cancelled download
for more than a moment.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tui_chat.core.errors import DownloadCancelled

log = logging.getLogger(__name__)

STALL_S = 60.0
"""Seconds without a byte before a transfer counts as failed (and is retried with Range)."""
CONNECT_S = 15.0
"""Seconds to wait for the Hub to accept a connection."""
CHUNK = 256 * 1024
"""Bytes per write (and per progress step and cancel check)."""


class Counter(Protocol):
    """Progress sink (``hub.ByteCounter``); ``advance`` raises once cancelled."""

    def begin(self, total: int | None, initial: int = 0) -> None: ...

    def advance(self, count: int) -> None: ...


class ShortBody(OSError):
    """The connection ended before the whole file arrived (worth another try)."""


@dataclass(frozen=True, slots=True)
class Partial:
    """Where the bytes of one file collect until they are complete."""

    dest: Path
    """The file's final place."""

    @property
    def path(self) -> Path:
        """The partial file."""
        return self.dest.with_name(f".{self.dest.name}.part")

    @property
    def meta(self) -> Path:
        """What the partial file belongs to (size, sha256)."""
        return self.dest.with_name(f".{self.dest.name}.part.json")

    def start(self, size: int | None, sha256: str | None) -> int:
        """Bytes already there for this exact file (0, and a fresh start, otherwise)."""
        want = {"size": size, "sha256": sha256}
        try:
            have = json.loads(self.meta.read_text(encoding="utf-8"))
            held = self.path.stat().st_size
        except (OSError, ValueError):
            have, held = None, 0
        if have != want or (size is not None and held > size):
            self.discard()
            self.dest.parent.mkdir(parents=True, exist_ok=True)
            self.meta.write_text(json.dumps(want), encoding="utf-8")
            return 0
        return held

    def held(self) -> int:
        """Bytes in the partial file now."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def finish(self) -> Path:
        """Move the complete partial file into place; returns the destination."""
        os.replace(self.path, self.dest)
        self.meta.unlink(missing_ok=True)
        return self.dest

    def discard(self) -> None:
        """Remove the partial file and its note."""
        self.path.unlink(missing_ok=True)
        self.meta.unlink(missing_ok=True)


def fetch(
    url: str,
    partial: Partial,
    *,
    headers: dict[str, str],
    size: int | None,
    sha256: str | None,
    counter: Counter,
    cancel: threading.Event,
    stall_s: float = STALL_S,
) -> Path:
    """Fetch ``url`` into ``partial``, continuing from what is there; returns the partial path.

    Raises:
        DownloadCancelled: ``cancel`` was set (the bytes so far are kept for next time).
        ShortBody: the body ended early (the bytes so far are kept).
        httpx2 / huggingface_hub errors: as the library raises them (HTTP status errors
            through ``hf_raise_for_status``, so gated repos say so).
    """
    import httpx2
    from huggingface_hub.utils import hf_raise_for_status

    start = partial.start(size, sha256)
    counter.begin(size, start)
    if size is not None and start == size:
        return partial.path
    asked = dict(headers)
    if start:
        asked["Range"] = f"bytes={start}-"
    timeout = httpx2.Timeout(connect=CONNECT_S, read=stall_s, write=stall_s, pool=CONNECT_S)
    with httpx2.Client(follow_redirects=True, timeout=timeout) as client, \
            client.stream("GET", url, headers=asked) as response, _watch(response, cancel):
        if response.status_code >= 400:
            response.read()
            hf_raise_for_status(response)
        if start and response.status_code != 206:  # the server ignored the range
            log.info("%s: no 206 for a Range request; starting over", url)
            start = 0
            counter.begin(size, 0)
        with partial.path.open("r+b" if start else "wb") as out:
            out.seek(start)
            out.truncate()
            for chunk in _chunks(response, cancel):
                out.write(chunk)
                out.flush()  # a killed process keeps what it received
                counter.advance(len(chunk))
    if cancel.is_set():
        counter.advance(0)  # raises DownloadCancelled naming the model
        raise DownloadCancelled("download")
    got = partial.held()
    if size is not None and got < size:
        raise ShortBody(f"connection closed after {got} of {size} bytes")
    return partial.path


def _chunks(response: Any, cancel: threading.Event) -> Iterator[bytes]:
    """The body in CHUNK pieces; ends quietly when cancel is set (even mid-read)."""
    try:
        for block in response.iter_raw(CHUNK):
            if cancel.is_set():
                return
            yield block
    except Exception:
        if not cancel.is_set():
            raise


@contextmanager
def _watch(response: Any, cancel: threading.Event) -> Iterator[None]:
    """While the body streams, shut the socket down as soon as ``cancel`` is set."""
    done = threading.Event()

    def watcher() -> None:
        while not done.wait(0.1):
            if cancel.is_set():
                _shutdown(response)
                return

    thread = threading.Thread(target=watcher, name="download-cancel", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=1)


def _shutdown(response: Any) -> None:
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
