"""A loopback fake of the Hugging Face Hub's file routes, for tests.

It speaks enough of the Hub's protocol for the real ``huggingface_hub`` client:

* ``HEAD``/``GET /{repo}/resolve/{revision}/{file}`` with ``Range`` support (206 and
  ``Content-Range``) and the headers ``hf_hub_download`` reads: ``X-Repo-Commit``,
  ``ETag``, ``X-Linked-Etag`` and ``X-Linked-Size``;
* ``GET /api/models/{repo}`` and ``/api/models/{repo}/revision/{rev}`` (siblings with
  size and LFS sha256, as ``model_info(files_metadata=True)`` expects);
* ``POST /api/models/{repo}/paths-info/{rev}`` (what ``get_paths_info`` calls);
* search (``list_models``) and tree (``list_repo_tree``), in :mod:`tests.fakehub_search`.

Errors carry the ``X-Error-Code`` header the real Hub sends (``RepoNotFound``,
``RevisionNotFound``, ``EntryNotFound``, ``GatedRepo``), because the client maps
errors by that header. Faults can be injected (an HTTP status per repo, a connection
dropped after N body bytes, a transfer paused after N bytes) and every request is
logged with the bytes of body it was served.

Point the client at it with :func:`route_client_to` in a test, or with
``HF_ENDPOINT=hub.url`` in the environment of a subprocess.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.fakehub_search import SearchContent, SearchRoutes

SEND_BLOCK = 64 * 1024
PAUSE_LIMIT_S = 30.0


@dataclass
class RequestRecord:
    """One request the fake Hub answered."""

    method: str
    """HTTP method."""
    path: str
    """URL path, still quoted, without the query."""
    headers: dict[str, str]
    """Request headers, names lower-cased."""
    route: str = ""
    """``resolve``, ``paths-info``, ``model-info``, ``search``, ``tree`` or ``unknown``."""
    filename: str | None = None
    """Repo file name for ``resolve`` requests."""
    status: int = 0
    """Status code sent."""
    range_start: int | None = None
    """First byte asked for by a ``Range`` header, if any."""
    body_sent: int = 0
    """Bytes of body written to the socket."""


@dataclass
class _File:
    data: bytes
    sha256: str
    """The sha256 the metadata advertises (may differ from the data's on purpose)."""

    @property
    def blob_id(self) -> str:
        return hashlib.sha1(self.data).hexdigest()


@dataclass
class _Fault:
    status: int
    error_code: str | None
    message: str
    times: int | None
    route: str | None


@dataclass
class _TransferFault:
    after: int
    kind: str  # "drop" or "pause"
    times: int = 1
    limit_s: float = PAUSE_LIMIT_S
    gate: threading.Event = field(default_factory=threading.Event)


class FakeHub(SearchContent):
    """A threaded HTTP server on 127.0.0.1 that serves repo files like the Hub."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, str, str], _File] = {}
        self._revisions: dict[str, set[str]] = {}
        self._repo_facts: dict = {}
        self._faults: dict[str, list[_Fault]] = {}
        self._transfer_faults: dict[tuple[str, str], list[_TransferFault]] = {}
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self.requests: list[RequestRecord] = []
        """Every request answered, in order."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.hub = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fakehub", daemon=True
        )

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        """Base URL to use as HF_ENDPOINT."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeHub:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release paused transfers, close open connections and stop the server."""
        with self._lock:
            for faults in self._transfer_faults.values():
                for fault in faults:
                    fault.gate.set()
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ content

    def add_file(
        self,
        repo: str,
        filename: str,
        data: bytes,
        *,
        revision: str = "main",
        advertised_sha256: str | None = None,
    ) -> str:
        """Serve ``data`` as ``filename`` in ``repo``; returns the sha256 advertised.

        ``advertised_sha256`` makes the metadata (ETag, paths-info, model info) claim a
        different hash than the bytes served, like a corrupted transfer.
        """
        sha = advertised_sha256 or hashlib.sha256(data).hexdigest()
        with self._lock:
            self._files[(repo, revision, filename)] = _File(data, sha)
            self._revisions.setdefault(repo, set()).add(revision)
        return sha

    def add_repo(self, repo: str, revision: str = "main") -> None:
        """Make ``repo`` exist (with no files) at ``revision``."""
        with self._lock:
            self._revisions.setdefault(repo, set()).add(revision)

    @staticmethod
    def commit(repo: str) -> str:
        """The fake commit hash every revision of ``repo`` resolves to."""
        return hashlib.sha1(repo.encode()).hexdigest()

    # ------------------------------------------------------------------ faults

    def fail(
        self,
        repo: str,
        status: int,
        *,
        error_code: str | None = None,
        message: str = "Injected failure",
        times: int | None = None,
        route: str | None = None,
    ) -> None:
        """Answer requests for ``repo`` with ``status``.

        Args:
            repo: repo id the fault applies to.
            status: HTTP status to send (401, 403, 404, 503...).
            error_code: value of ``X-Error-Code`` (e.g. ``GatedRepo``), or none.
            message: value of ``X-Error-Message``.
            times: how many requests fail; None means all.
            route: only this route (``resolve``, ``paths-info``, ``model-info``).
        """
        with self._lock:
            self._faults.setdefault(repo, []).append(
                _Fault(status, error_code, message, times, route)
            )

    def drop_after(self, repo: str, filename: str, nbytes: int, times: int = 1) -> None:
        """Close the connection after ``nbytes`` of body on the next ``times`` GETs."""
        with self._lock:
            self._transfer_faults.setdefault((repo, filename), []).append(
                _TransferFault(nbytes, "drop", times)
            )

    def pause_after(
        self, repo: str, filename: str, nbytes: int, *, limit_s: float = PAUSE_LIMIT_S
    ) -> threading.Event:
        """Stall the next GET after ``nbytes`` of body until the returned event is set.

        After ``limit_s`` seconds the transfer goes on by itself, so a client that
        ignores its cancel still finishes (and the test fails instead of hanging).
        """
        fault = _TransferFault(nbytes, "pause", limit_s=limit_s)
        with self._lock:
            self._transfer_faults.setdefault((repo, filename), []).append(fault)
        return fault.gate

    # ------------------------------------------------------------------ request log

    def log(
        self, *, method: str | None = None, route: str | None = None, filename: str | None = None
    ) -> list[RequestRecord]:
        """Logged requests matching every given filter."""
        with self._lock:
            records = list(self.requests)
        return [
            r
            for r in records
            if (method is None or r.method == method)
            and (route is None or r.route == route)
            and (filename is None or r.filename == filename)
        ]

    def downloads(self, filename: str) -> list[RequestRecord]:
        """The GET requests for ``filename`` on the resolve route."""
        return self.log(method="GET", route="resolve", filename=filename)

    def bytes_served(self, filename: str) -> int:
        """Body bytes written for ``filename`` over all GETs."""
        return sum(r.body_sent for r in self.downloads(filename))

    # ------------------------------------------------------------------ internals

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self.requests.append(record)

    def _take_fault(self, repo: str, route: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults.get(repo, []):
                if fault.route not in (None, route) or fault.times == 0:
                    continue
                if fault.times is not None:
                    fault.times -= 1
                return fault
        return None

    def _take_transfer_fault(self, repo: str, filename: str) -> _TransferFault | None:
        with self._lock:
            for fault in self._transfer_faults.get((repo, filename), []):
                if fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    def _lookup(self, repo: str, revision: str) -> tuple[str | None, str | None]:
        """(error_code, message) when repo or revision is unknown, else (None, None)."""
        with self._lock:
            revisions = self._revisions.get(repo)
        if revisions is None:
            return "RepoNotFound", "Repository not found"
        if revision not in revisions and revision != self.commit(repo):
            return "RevisionNotFound", f"Invalid rev id: {revision}"
        return None, None

    def _file(self, repo: str, revision: str, filename: str) -> _File | None:
        with self._lock:
            if revision == self.commit(repo):
                revision = "main"
            return self._files.get((repo, revision, filename))

    def _files_of(self, repo: str, revision: str) -> dict[str, _File]:
        with self._lock:
            if revision == self.commit(repo):
                revision = "main"
            return {
                name: f
                for (r, rev, name), f in self._files.items()
                if r == repo and rev == revision
            }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hub: FakeHub


class _Handler(SearchRoutes, BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 15
    server: _Server

    # -------------------------------------------------------------- plumbing

    def setup(self) -> None:
        super().setup()
        with self.server.hub._lock:
            self.server.hub._connections.add(self.connection)

    def finish(self) -> None:
        with self.server.hub._lock:
            self.server.hub._connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        """Keep the test output clean."""

    @property
    def hub(self) -> FakeHub:
        return self.server.hub

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch(body=True)

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch(body=True)

    # -------------------------------------------------------------- routing

    def _dispatch(self, *, body: bool) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        payload = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        record = RequestRecord(
            self.command, split.path, {k.lower(): v for k, v in self.headers.items()}
        )
        self.hub._record(record)
        try:
            if split.path == "/api/models" and self.command == "GET":
                self._search(record, split.query)
            elif split.path.startswith("/api/models/"):
                self._api(record, split.path[len("/api/models/") :], payload)
            elif "/resolve/" in split.path:
                self._resolve(record, split.path, body=body)
            else:
                record.route = "unknown"
                self._error(record, 404, None, "Not found")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _api(self, record: RequestRecord, rest: str, payload: bytes) -> None:
        parts = [unquote(p) for p in rest.split("/")]
        repo = "/".join(parts[:2])
        tail = parts[2:]
        if self.command == "POST" and len(tail) == 2 and tail[0] == "paths-info":
            record.route = "paths-info"
            if self._injected(record, repo) or self._missing(record, repo, tail[1]):
                return
            self._paths_info(record, repo, tail[1], payload)
        elif self.command == "GET" and len(tail) >= 2 and tail[0] == "tree":
            self._tree(record, repo, tail[1], "/".join(tail[2:]))
        elif self.command == "GET" and (not tail or (len(tail) == 2 and tail[0] == "revision")):
            record.route = "model-info"
            revision = tail[1] if tail else "main"
            if self._injected(record, repo) or self._missing(record, repo, revision):
                return
            self._model_info(record, repo, revision)
        else:
            record.route = "unknown"
            self._error(record, 404, None, "Not found")

    def _injected(self, record: RequestRecord, repo: str) -> bool:
        fault = self.hub._take_fault(repo, record.route)
        if fault is None:
            return False
        self._error(record, fault.status, fault.error_code, fault.message)
        return True

    def _missing(self, record: RequestRecord, repo: str, revision: str) -> bool:
        code, message = self.hub._lookup(repo, revision)
        if code is None:
            return False
        self._error(record, 404, code, message or "")
        return True

    # -------------------------------------------------------------- API routes

    def _paths_info(self, record: RequestRecord, repo: str, revision: str, payload: bytes) -> None:
        form = parse_qs(payload.decode("utf-8"))
        files = self.hub._files_of(repo, revision)
        entries = []
        for path in form.get("paths", []):
            hub_file = files.get(path)
            if hub_file is not None:
                entries.append(
                    {
                        "type": "file",
                        "path": path,
                        "size": len(hub_file.data),
                        "oid": hub_file.blob_id,
                        "lfs": {
                            "oid": hub_file.sha256,
                            "size": len(hub_file.data),
                            "pointerSize": 134,
                        },
                    }
                )
        self._json(record, entries)

    def _model_info(self, record: RequestRecord, repo: str, revision: str) -> None:
        siblings = [
            {
                "rfilename": name,
                "size": len(f.data),
                "blobId": f.blob_id,
                "lfs": {"sha256": f.sha256, "size": len(f.data), "pointerSize": 134},
            }
            for name, f in sorted(self.hub._files_of(repo, revision).items())
        ]
        self._json(
            record,
            {
                "_id": self.hub.commit(repo)[:24],
                "id": repo,
                "modelId": repo,
                "sha": self.hub.commit(repo),
                "private": False,
                "gated": False,
                "disabled": False,
                "downloads": 0,
                "likes": 0,
                "tags": ["gguf"],
                "siblings": siblings,
            },
        )

    # -------------------------------------------------------------- file route

    def _resolve(self, record: RequestRecord, path: str, *, body: bool) -> None:
        record.route = "resolve"
        before, after = path.split("/resolve/", 1)
        repo = unquote(before.lstrip("/"))
        revision, _, quoted_name = after.partition("/")
        revision, filename = unquote(revision), unquote(quoted_name)
        record.filename = filename
        if self._injected(record, repo) or self._missing(record, repo, revision):
            return
        hub_file = self.hub._file(repo, revision, filename)
        if hub_file is None:
            extra = {"X-Repo-Commit": self.hub.commit(repo)}
            self._error(record, 404, "EntryNotFound", "Entry not found", extra)
            return
        size = len(hub_file.data)
        start, end = 0, size
        status = 200
        headers = {
            "X-Repo-Commit": self.hub.commit(repo),
            "ETag": f'"{hub_file.sha256}"',
            "X-Linked-Etag": f'"{hub_file.sha256}"',
            "X-Linked-Size": str(size),
            "Accept-Ranges": "bytes",
            "Content-Type": "application/octet-stream",
        }
        wanted = _parse_range(self.headers.get("Range"), size)
        if wanted is not None:
            record.range_start = wanted[0]
            if wanted[0] >= size:
                self._error(record, 416, None, "Range not satisfiable",
                            {"Content-Range": f"bytes */{size}"})
                return
            start, end = wanted
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
        headers["Content-Length"] = str(end - start)
        self._head(record, status, headers)
        if body:
            fault = self.hub._take_transfer_fault(repo, filename) if self.command == "GET" else None
            self._send(record, hub_file.data, start, end, fault)

    def _send(
        self, record: RequestRecord, data: bytes, start: int, end: int, fault: _TransferFault | None
    ) -> None:
        pos = start
        while pos < end:
            if fault is not None and record.body_sent >= fault.after:
                if fault.kind == "drop":
                    self._drop()
                    return
                fault.gate.wait(fault.limit_s)
                fault = None
            limit = end if fault is None else min(end, start + fault.after)
            block = data[pos : min(pos + SEND_BLOCK, limit)]
            self.wfile.write(block)
            pos += len(block)
            record.body_sent += len(block)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # -------------------------------------------------------------- responses

    def _head(self, record: RequestRecord, status: int, headers: dict[str, str]) -> None:
        record.status = status
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _json(self, record: RequestRecord, data: object) -> None:
        raw = json.dumps(data).encode("utf-8")
        self._head(
            record, 200, {"Content-Type": "application/json", "Content-Length": str(len(raw))}
        )
        if self.command != "HEAD":
            self.wfile.write(raw)
            record.body_sent = len(raw)

    def _error(
        self,
        record: RequestRecord,
        status: int,
        code: str | None,
        message: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        raw = json.dumps({"error": message}).encode("utf-8")
        headers = {"Content-Type": "application/json", "Content-Length": str(len(raw)),
                   "X-Error-Message": message, **(extra or {})}
        if code:
            headers["X-Error-Code"] = code
        self._head(record, status, headers)
        if self.command != "HEAD":
            self.wfile.write(raw)


def _parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``bytes=a-`` or ``bytes=a-b`` as a half-open (start, end); None when absent."""
    if not header or not header.startswith("bytes="):
        return None
    first, _, last = header[len("bytes=") :].split(",")[0].strip().partition("-")
    if not first:  # suffix range: the last N bytes
        length = int(last)
        return max(size - length, 0), size
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    return start, end


def route_client_to(
    hub: FakeHub,
    monkeypatch: pytest.MonkeyPatch,
    *,
    hf_home: Path,
    token: str | None = "hf_fakeTokenForLoopbackOnly",
) -> None:
    """Point huggingface_hub at ``hub`` for one test and keep it off the internet.

    ``HF_ENDPOINT`` is what ``tui_chat.core.library.download`` reads per call. huggingface_hub
    itself reads its settings once, at import, which may predate the test, so the
    matching constants are patched too: offline mode off, telemetry off (else it fetches
    ``{ENDPOINT}/api/agent-harnesses`` on its own), the saved-token paths and the endpoint.
    """
    from huggingface_hub import constants

    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HOME", os.fspath(hf_home))
    if token is None:
        monkeypatch.delenv("HF_TOKEN", raising=False)
    else:
        monkeypatch.setenv("HF_TOKEN", token)  # wins over any saved login
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", os.fspath(hf_home / "token"))
    monkeypatch.setattr(constants, "HF_STORED_TOKENS_PATH", os.fspath(hf_home / "stored_tokens"))
    monkeypatch.setattr(constants, "ENDPOINT", hub.url)
    template = hub.url + "/{repo_id}/resolve/{revision}/{filename}"
    monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE", template)
