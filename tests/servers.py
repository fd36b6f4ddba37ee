"""Loopback servers for end-to-end tests.

* :func:`llama_server` runs the real ``python -m llama_cpp.server`` on 127.0.0.1 with a
  free port, waits until ``/v1/models`` answers and always stops the process.
* :class:`BadServer` is a small threaded ``http.server`` that misbehaves on purpose:
  error statuses, malformed events, stalls, streams without ``[DONE]``.

Nothing here listens on anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass; return its last value."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- llama_cpp.server

REMOTE_ENTRY = """
[[models]]
name = "{name}"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "scripted"
"""
"""A config entry for the loopback server's model: ``REMOTE_ENTRY.format(name=, url=)``."""

LLAMA_CPP_SERVER = Path(__file__).with_name("llama_cpp_server.py")
"""``python -m llama_cpp.server``, with llama.cpp's extra buffer types off where they crash."""


@dataclass
class LlamaServer:
    """A running ``llama_cpp.server`` process."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    model_alias: str

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible root, ending in ``/v1``."""
        return f"http://{LOOPBACK}:{self.port}/v1"

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's combined stdout/stderr."""
        try:
            return self.log_path.read_text("utf-8", "replace")[-chars:]
        except OSError:
            return ""


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def _answers(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=1.0) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on SIGINT
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


@contextlib.contextmanager
def llama_server(
    model: Path,
    *,
    n_ctx: int = 2048,
    model_alias: str = "smollm2",
    extra_args: list[str] | None = None,
    ready_timeout: float = 120.0,
) -> Iterator[LlamaServer]:
    """Run ``python -m llama_cpp.server`` on a free loopback port until the block ends.

    Waits (polling, with a deadline) until ``GET /v1/models`` answers 200; raises
    RuntimeError with the server's log when it exits or never becomes ready. The
    process is stopped on the way out whatever happens.
    """
    port = free_port()
    handle, name = tempfile.mkstemp(prefix="llama-server-", suffix=".log")
    os.close(handle)
    log_path = Path(name)
    command = [
        sys.executable, str(LLAMA_CPP_SERVER),
        "--model", str(model),
        "--model_alias", model_alias,
        "--host", LOOPBACK,
        "--port", str(port),
        "--n_ctx", str(n_ctx),
        *(extra_args or []),
    ]
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            command, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
    server = LlamaServer(process, port, log_path, model_alias)
    try:
        models_url = f"{server.base_url}/models"
        ready = wait_until(
            lambda: process.poll() is not None or _answers(models_url), ready_timeout, 0.2
        )
        if process.poll() is not None:
            raise RuntimeError(
                f"llama_cpp.server exited with {process.returncode}:\n{server.log_tail()}"
            )
        if not ready:
            raise RuntimeError(
                f"llama_cpp.server not ready after {ready_timeout:g}s:\n{server.log_tail()}"
            )
        yield server
    finally:
        _stop(process)
        with contextlib.suppress(OSError):
            log_path.unlink()


# --------------------------------------------------------------------------- bad server


MODES = (
    "ok",            # role event, one event per content, finish event, usage if asked, [DONE]
    "status",        # answer every request with ``status`` and an OpenAI-style error body
    "malformed",     # one good event, then data that is not JSON
    "error_event",   # one good event, then {"error": {...}} as the server's own report
    "stall_before",  # headers, then nothing for up to ``stall_seconds``
    "stall_after",   # one content event, then nothing for up to ``stall_seconds``
    "no_done",       # a complete reply whose stream ends without data: [DONE]
    "not_sse",       # 200 with a JSON body instead of an event stream
    "strict",        # 400 when the request has stream_options, else like ok
)


@dataclass
class RecordedRequest:
    """What a client sent to the bad server."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class Behaviour:
    """How the bad server answers the next requests."""

    mode: str = "ok"
    """One of MODES."""
    status: int = 500
    """The status sent in ``status`` mode (401, 403, 404, 500...)."""
    contents: list[str | None] = field(default_factory=lambda: ["Hello", ",", " world"])
    """Texts streamed as ``choices[0].delta.content``, one event each (None: an empty delta)."""
    finish: str | None = "stop"
    """The finish_reason of the last event; None sends no finish event at all."""
    usage: dict[str, int] = field(
        default_factory=lambda: {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}
    )
    """Sent in a choices-less event when the request asks ``stream_options.include_usage``."""
    models: list[str] = field(default_factory=lambda: ["scripted"])
    """Ids listed by ``GET /v1/models``."""
    stall_seconds: float = 10.0
    """Upper bound on a stall; :meth:`BadServer.stop` ends stalls at once."""
    reasoning: list[str] = field(default_factory=list)
    """Texts streamed as ``delta.reasoning_content`` before the contents (llama-server's
    and vLLM's form for a reasoning model's thinking)."""
    model_fields: dict[str, Any] = field(default_factory=dict)
    """Extra fields of each ``GET /v1/models`` entry (vLLM's ``max_model_len``...)."""
    props: dict[str, Any] | None = None
    """llama-server's ``GET /props`` answer (None: 404, as other servers)."""
    interval: float = 0.0
    """Seconds between two content events (0: as fast as the socket takes them)."""
    tokenizer: bool = False
    """Serve llama-server's ``/apply-template`` and ``/tokenize`` (a token per word)."""
    answer_gate: threading.Event | None = None
    """When set: the answer waits for this event after the reasoning (at most
    ``stall_seconds``), so a test can look at the screen mid-thought."""


def _event(payload: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()


def _delta_event(delta: dict[str, Any], finish: str | None = None) -> bytes:
    return _event({
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "model": "scripted",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    })


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # bodies end when the connection closes

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        return

    def _record(self, body: Any) -> None:
        self.server.owner.requests.append(
            RecordedRequest(self.command, self.path, dict(self.headers.items()), body)
        )

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error_status(self, status: int) -> None:
        messages = {
            401: f"Invalid API key {self.headers.get('Authorization', '(none)')}",  # echoes it
            403: "Forbidden",
            404: "The model `scripted-x` does not exist",
            500: "Internal error\nwith a second line",
        }
        self._json(status, {"error": {"message": messages.get(status, "error"), "code": status}})

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._record(None)
        behaviour = self.server.owner.behaviour
        if behaviour.mode == "status":
            self._error_status(behaviour.status)
        elif self.path.rstrip("/").endswith("/models"):
            listed = [{"id": m, "object": "model", "owned_by": "test", **behaviour.model_fields}
                      for m in behaviour.models]
            self._json(200, {"object": "list", "data": listed})
        elif self.path.rstrip("/") == "/props" and behaviour.props is not None:
            self._json(200, behaviour.props)
        else:
            self._json(404, {"detail": "Not Found"})

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        behaviour = self.server.owner.behaviour
        path = self.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            if behaviour.tokenizer and path == "/apply-template" and isinstance(body, dict):
                rendered = "".join(f"<|{m['role']}|> {m['content']} <|end|> "
                                   for m in body.get("messages", []))
                self._json(200, {"prompt": rendered + "<|assistant|>"})
            elif behaviour.tokenizer and path == "/tokenize" and isinstance(body, dict) \
                    and "content" in body:
                self._json(200, {"tokens": list(range(len(str(body["content"]).split())))})
            else:
                self._json(404, {"error": {"message": "Not Found", "code": 404}})
            return
        self._record(body)
        if behaviour.mode == "status":
            self._error_status(behaviour.status)
            return
        if behaviour.mode == "strict" and isinstance(body, dict) and "stream_options" in body:
            self._json(400, {"error": {"message": "Unrecognized request argument supplied: "
                                                  "stream_options", "code": 400}})
            return
        if behaviour.mode == "not_sse":
            self._json(200, {"choices": [{"message": {"role": "assistant", "content": "hi"}}]})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        options = body.get("stream_options") if isinstance(body, dict) else None
        wants_usage = isinstance(options, dict) and bool(options.get("include_usage"))
        try:
            self._stream(behaviour, wants_usage)
        except (BrokenPipeError, ConnectionResetError):
            self.server.owner.disconnects += 1

    def _send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _stall(self, behaviour: Behaviour) -> None:
        self.server.owner.release.wait(behaviour.stall_seconds)

    def _stream(self, behaviour: Behaviour, wants_usage: bool) -> None:
        mode = behaviour.mode
        if mode == "stall_before":
            self._stall(behaviour)
            return
        self._send(_delta_event({"role": "assistant"}))
        for thought in behaviour.reasoning:
            self._send(_delta_event({"reasoning_content": thought}))
        if behaviour.answer_gate is not None:
            behaviour.answer_gate.wait(behaviour.stall_seconds)
        owner = self.server.owner
        owner.first_request_at = owner.first_request_at or time.perf_counter()
        pace = behaviour.interval
        next_at = time.perf_counter()
        for number, text in enumerate(behaviour.contents):
            if pace:
                next_at += pace
                time.sleep(max(0.0, next_at - time.perf_counter()))
            self._send(_delta_event({} if text is None else {"content": text}))
            owner.last_content_at = time.perf_counter()
            if number == 0 and mode == "malformed":
                self._send(b'data: {"choices": [{"delta": {"content": "oops"\n\n')
                return
            if number == 0 and mode == "error_event":
                self._send(_event({"error": {"message": "model crashed\n(out of memory)"}}))
                return
            if number == 0 and mode == "stall_after":
                self._stall(behaviour)
                return
        if behaviour.finish is not None:
            self._send(_delta_event({}, finish=behaviour.finish))
        if wants_usage:
            self._send(_event({"object": "chat.completion.chunk", "choices": [],
                               "usage": behaviour.usage}))
        if mode == "no_done":
            return
        self._send(b"data: [DONE]\n\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: BadServer


class BadServer:
    """A loopback OpenAI-compatible server that misbehaves as told.

    Use as a context manager; set :attr:`behaviour` (or call :meth:`configure`) before
    each request. Every request is kept in :attr:`requests`.
    """

    def __init__(self, port: int = 0) -> None:
        self.behaviour = Behaviour()
        self.requests: list[RecordedRequest] = []
        self.disconnects = 0
        """Streams whose client went away while the server was still writing."""
        self.first_request_at: float | None = None
        """``perf_counter`` when the first chat request began to stream (benchmarks)."""
        self.last_content_at: float | None = None
        """``perf_counter`` when the latest content event was written (benchmarks)."""
        self.release = threading.Event()
        """Set to end every stall at once."""
        self._server = _Server((LOOPBACK, port), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible root, ending in ``/v1``."""
        return f"http://{LOOPBACK}:{self._server.server_address[1]}/v1"

    def configure(self, mode: str = "ok", **changes: Any) -> BadServer:
        """Start answering in ``mode`` with fresh defaults plus ``changes``; clear records."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {MODES}")
        self.behaviour = Behaviour(mode=mode, **changes)
        self.requests.clear()
        self.disconnects = 0
        self.first_request_at = self.last_content_at = None
        self.release.clear()
        return self

    def start(self) -> BadServer:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """End stalls, stop serving and close the socket."""
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> BadServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
