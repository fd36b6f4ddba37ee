"""The OpenAI-compatible backend against real loopback servers.

The happy path and cancellation run against the real ``python -m llama_cpp.server``
serving SmolLM2; failures run against :class:`tests.servers.BadServer`, a closed port
and an ``.invalid`` host name. Name lookups are confined to loopback for the whole
module, so nothing leaves the machine.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NO_EOG_BIAS
from tests.servers import BadServer, LlamaServer, free_port, llama_server, wait_until
from tui_chat.core.backends.base import Chunk
from tui_chat.core.backends.openai import OpenAIBackend
from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import BackendError, ModelUnavailable, TuiChatError
from tui_chat.core.remote import check_endpoint
from tui_chat.core.sanitize import Sanitizer

pytestmark = pytest.mark.slow

ALIAS = "smollm2"
KEY_ENV = "TUI_CHAT_TEST_API_KEY"
SECRET = "sk-test-5ecret-do-not-log"
SEA = [{"role": "user", "content": "Write three short sentences about the sea."}]
DRAGON = [{"role": "user", "content": "Write a very long story about a dragon."}]
HELLO = [{"role": "user", "content": "Say hello."}]
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}


# --------------------------------------------------------------------------- helpers


def spec_for(base_url: str, *, model: str | None = ALIAS, api_key_env: str | None = None,
             load: dict[str, Any] | None = None) -> ModelSpec:
    """An ``openai`` catalog entry pointing at ``base_url``."""
    return ModelSpec(
        name="remote-smol", display_name="Remote SmolLM2", role="chat", backend="openai",
        base_url=base_url, model=model, api_key_env=api_key_env, load=load or {},
    )


def assert_one_sentence(error: TuiChatError, reason: str) -> str:
    """The error has ``reason`` and a single-line message; returns the message."""
    message = str(error)
    assert error.reason == reason, message
    assert "\n" not in message and "\r" not in message
    assert message.endswith("."), message
    assert 20 < len(message) < 320, message
    assert "Traceback" not in message
    return message


def drain(backend: OpenAIBackend, messages: list[Any], params: dict[str, Any] | None = None,
          cancel: threading.Event | None = None, into: list[Chunk] | None = None) -> list[Chunk]:
    """Every chunk of a stream; ``into`` keeps the ones seen before an exception."""
    seen = [] if into is None else into
    for chunk in backend.stream(messages, params or {}, cancel):
        seen.append(chunk)
    return seen


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Resolve loopback names only; ``.invalid`` fails like real DNS, anything else fails."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    real = socket.getaddrinfo
    refused: list[str] = []
    invalid: list[str] = []

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in LOOPBACK_NAMES:
            return real(host, *args, **kwargs)
        if name.rstrip(".").endswith(".invalid"):
            invalid.append(name)
        else:
            refused.append(name)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield invalid
    assert not refused, f"tried to resolve non-loopback hosts: {refused}"


@pytest.fixture(scope="module")
def llama(smollm2_path: Path) -> Iterator[LlamaServer]:
    """The real llama_cpp.server on SmolLM2.

    ``--interrupt_requests False``: by default llama_cpp.server ends a running stream
    when another request arrives, which would let the cancel test pass without the
    backend closing anything. One thread: on two shared cores, llama.cpp's threads
    waiting on each other slow generation down far more than one thread does.
    """
    with llama_server(
        smollm2_path, n_ctx=2048, model_alias=ALIAS,
        extra_args=["--interrupt_requests", "False", "--n_threads", "1", "--n_threads_batch", "1"],
    ) as server:
        yield server


@pytest.fixture(scope="module")
def bad_server() -> Iterator[BadServer]:
    """One misbehaving loopback server for the module."""
    with BadServer() as server:
        yield server


@pytest.fixture
def bad(bad_server: BadServer) -> Iterator[BadServer]:
    """The shared bad server, reset to a well-behaved reply."""
    bad_server.configure("ok")
    yield bad_server
    bad_server.release.set()  # end any stall the test left behind


@pytest.fixture
def make_backend() -> Iterator[Callable[..., OpenAIBackend]]:
    """Build backends with short timeouts; all are closed after the test.

    The timeouts go into the spec (``connect_timeout`` and ``read_timeout`` of the
    model's [[models]] entry), as the config would set them.
    """
    made: list[OpenAIBackend] = []

    def make(spec: ModelSpec, *, connect_timeout: float = 2.0, read_timeout: float = 0.5,
             retries: int = 0) -> OpenAIBackend:
        timed = dataclasses.replace(spec, connect_timeout=connect_timeout,
                                    read_timeout=read_timeout)
        backend = OpenAIBackend(timed, retries=retries)
        made.append(backend)
        return backend

    yield make
    for backend in made:
        backend.close()


# --------------------------------------------------------------------------- the real server


def test_real_server_streams_a_reply(
    llama: LlamaServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    backend = make_backend(spec_for(llama.base_url), read_timeout=30.0)
    backend.load()
    assert ALIAS in backend.info()["served_models"]

    chunks = drain(backend, SEA, {"max_tokens": 48, "seed": 7, "temperature": 0.8, "top_k": 5,
                                "logit_bias": NO_EOG_BIAS})
    body, final = chunks[:-1], chunks[-1]
    assert len(body) >= 5
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert final.finish_reason in ("stop", "length") and final.text == ""
    text = "".join(c.text for c in body)
    assert len(text.strip()) > 10
    # llama_cpp.server ignores stream_options, so no usage; other servers fill these in.
    assert final.prompt_tokens is None or final.prompt_tokens > 0


def test_real_server_check_endpoint(llama: LlamaServer) -> None:
    ok, message = check_endpoint(spec_for(llama.base_url), timeout=5.0)
    assert ok and ALIAS in message
    ok, message = check_endpoint(spec_for(llama.base_url, model="llama-70b"), timeout=5.0)
    assert not ok
    assert "llama-70b" in message and ALIAS in message and "\n" not in message


def test_cancel_frees_the_real_server(
    llama: LlamaServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    """A cancelled stream closes its connection, so llama_cpp.server stops generating.

    The server runs one generation at a time: had the first reply (1500 tokens at
    temperature 0; at least 18 s even at SmolLM2's best ~80 tokens/s on this box) kept
    going, the second request's first token would wait for all of it. Freed, it takes
    a token or two. The 10 s bounds leave room for a busy machine and still sit well
    below the 18 s a leaked generation costs at full speed.
    """
    backend = make_backend(spec_for(llama.base_url), read_timeout=30.0)
    cancel = threading.Event()
    seen: list[Chunk] = []
    after_cancel = 0
    cancelled_at: float | None = None
    # Keep the generator alive (not closed) while the second request runs: the
    # connection must be closed by the cancel itself, not by garbage collection.
    stream = backend.stream(DRAGON, {"max_tokens": 1500, "temperature": 0, "seed": 1,
                                            "logit_bias": NO_EOG_BIAS}, cancel)
    for chunk in stream:
        if chunk.finish_reason:
            seen.append(chunk)
            break
        if cancel.is_set():
            after_cancel += 1
        seen.append(chunk)
        if len(seen) == 3:
            cancel.set()
            cancelled_at = time.monotonic()
    assert seen[-1].finish_reason == "cancelled" and cancelled_at is not None
    assert time.monotonic() - cancelled_at < 10.0  # not drained to the end behind our back
    assert after_cancel == 0 and len(seen) == 4

    second = make_backend(spec_for(llama.base_url), read_timeout=30.0)
    started = time.monotonic()
    first_token_after: float | None = None
    chunks = []
    for chunk in second.stream(HELLO, {"max_tokens": 8, "temperature": 0,
                                           "logit_bias": NO_EOG_BIAS}):
        if first_token_after is None and chunk.text:
            first_token_after = time.monotonic() - started
        chunks.append(chunk)
    assert first_token_after is not None and first_token_after < 10.0, first_token_after
    assert chunks[-1].finish_reason in ("stop", "length")
    assert list(stream) == []  # the cancelled stream had nothing left to say


# --------------------------------------------------------------------------- the request


def test_request_shape_and_key(bad: BadServer, make_backend: Callable[..., OpenAIBackend],
                               monkeypatch: pytest.MonkeyPatch,
                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv(KEY_ENV, SECRET)
    backend = make_backend(spec_for(bad.base_url, model="served-id", api_key_env=KEY_ENV))
    params = {"temperature": 0.3, "top_p": 0.9, "max_tokens": 12, "stop": ["\n\n"], "seed": 5,
              "presence_penalty": 0.1, "frequency_penalty": 0.2, "top_k": 40, "repeat_penalty": 1.1}
    chunks = drain(backend, HELLO, params)

    (request,) = bad.requests
    assert request.method == "POST" and request.path == "/v1/chat/completions"
    assert request.headers["Authorization"] == f"Bearer {SECRET}"
    assert "text/event-stream" in request.headers["Accept"]
    assert request.body == {
        "model": "served-id", "messages": HELLO, "stream": True,
        "stream_options": {"include_usage": True},
        "temperature": 0.3, "top_p": 0.9, "max_tokens": 12, "stop": ["\n\n"], "seed": 5,
        "presence_penalty": 0.1, "frequency_penalty": 0.2,
    }
    assert [c.text for c in chunks] == ["Hello", ",", " world", ""]
    assert [c.index for c in chunks] == [0, 1, 2, 3]
    final = chunks[-1]
    assert (final.finish_reason, final.prompt_tokens, final.completion_tokens) == ("stop", 11, 3)
    assert SECRET not in caplog.text
    assert SECRET not in repr(backend.info())


def test_model_defaults_to_catalog_name(bad: BadServer,
                                        make_backend: Callable[..., OpenAIBackend]) -> None:
    drain(make_backend(spec_for(bad.base_url, model=None)), HELLO)
    assert bad.requests[0].body["model"] == "remote-smol"
    assert "Authorization" not in bad.requests[0].headers


def test_empty_events_count_as_empty_chunks(bad: BadServer,
                                           make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("ok", contents=["Hi", "", None, "!"], finish="length")
    chunks = drain(make_backend(spec_for(bad.base_url)), HELLO)
    assert [(c.text, c.empty) for c in chunks] == [
        ("Hi", False), ("", True), ("", True), ("!", False), ("", False)
    ]
    assert chunks[-1].finish_reason == "length"


def test_server_refusing_stream_options_is_asked_again_without(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    bad.configure("strict")
    backend = make_backend(spec_for(bad.base_url))
    chunks = drain(backend, HELLO)
    assert "".join(c.text for c in chunks) == "Hello, world"
    assert chunks[-1].prompt_tokens is None
    assert ["stream_options" in r.body for r in bad.requests] == [True, False]
    drain(backend, HELLO)  # remembered: no second refusal
    assert ["stream_options" in r.body for r in bad.requests] == [True, False, False]


# --------------------------------------------------------------------------- before the first token


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_api_key_says_which_variable(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend],
    monkeypatch: pytest.MonkeyPatch, value: str | None,
) -> None:
    if value is None:
        monkeypatch.delenv(KEY_ENV, raising=False)
    else:
        monkeypatch.setenv(KEY_ENV, value)
    backend = make_backend(spec_for(bad.base_url, api_key_env=KEY_ENV))
    with pytest.raises(ModelUnavailable) as info:
        drain(backend, HELLO)
    message = assert_one_sentence(info.value, "auth")
    assert f"${KEY_ENV}" in message and "empty or not set" in message
    with pytest.raises(ModelUnavailable):
        backend.load()
    assert bad.requests == []


@pytest.mark.parametrize("status", [401, 403])
def test_refused_key_names_the_variable(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture, status: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv(KEY_ENV, SECRET)
    bad.configure("status", status=status)
    backend = make_backend(spec_for(bad.base_url, api_key_env=KEY_ENV))
    with pytest.raises(ModelUnavailable) as info:
        drain(backend, HELLO)
    message = assert_one_sentence(info.value, "auth")
    assert f"${KEY_ENV}" in message and str(status) in message
    if status == 401:  # this server echoes the Authorization header back
        assert "Invalid API key Bearer ***" in message
    with pytest.raises(ModelUnavailable) as loading:
        backend.load()
    assert_one_sentence(loading.value, "auth")
    assert SECRET not in caplog.text and SECRET not in message


def test_unknown_model_is_not_found(bad: BadServer,
                                    make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("status", status=404)
    with pytest.raises(ModelUnavailable) as info:
        drain(make_backend(spec_for(bad.base_url, model="scripted-x")), HELLO)
    message = assert_one_sentence(info.value, "not_found")
    assert "'scripted-x'" in message and "`tui-chat models --remote`" in message


def test_server_error_is_http_5xx(bad: BadServer,
                                  make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("status", status=500)
    with pytest.raises(ModelUnavailable) as info:
        drain(make_backend(spec_for(bad.base_url), retries=2), HELLO)
    message = assert_one_sentence(info.value, "http_5xx")
    assert "HTTP 500" in message and "Internal error with a second line" in message
    assert len(bad.requests) == 1  # only connect errors are retried


def test_connection_refused_is_retried_then_reported(
    make_backend: Callable[..., OpenAIBackend], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="tui_chat")
    port = free_port()  # nothing listens there
    backend = make_backend(spec_for(f"http://127.0.0.1:{port}/v1"), retries=2)
    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as info:
        drain(backend, HELLO)
    elapsed = time.monotonic() - started
    message = assert_one_sentence(info.value, "connect_error")
    assert f"127.0.0.1:{port} refused the connection" in message
    retries = [r for r in caplog.records if "retry" in r.getMessage()]
    assert len(retries) == 2
    assert 0.7 <= elapsed < 3.0  # backoff 0.25 s + 0.5 s

    with pytest.raises(ModelUnavailable) as loading:
        backend.load()
    assert_one_sentence(loading.value, "connect_error")
    ok, sentence = check_endpoint(spec_for(f"http://127.0.0.1:{port}/v1"), timeout=1.0)
    assert not ok and "refused the connection" in sentence


def test_connect_retry_reaches_a_server_that_comes_up(
    make_backend: Callable[..., OpenAIBackend], caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    first_failure = threading.Event()

    class Signal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "retry 1" in record.getMessage():
                first_failure.set()

    handler = Signal(level=logging.INFO)
    logger = logging.getLogger("tui_chat.core.backends.openai")
    logger.addHandler(handler)
    caplog.set_level(logging.INFO, logger="tui_chat")
    servers: list[BadServer] = []

    def start_when_refused() -> None:
        if first_failure.wait(10):
            servers.append(BadServer(port=port).start())

    starter = threading.Thread(target=start_when_refused, daemon=True)
    starter.start()
    try:
        chunks = drain(make_backend(spec_for(f"http://127.0.0.1:{port}/v1"), retries=3), HELLO)
    finally:
        logger.removeHandler(handler)
        first_failure.set()
        starter.join(5)
        for server in servers:
            server.stop()
    assert "".join(c.text for c in chunks) == "Hello, world"
    assert len(servers[0].requests) == 1


def test_unresolvable_host_is_a_dns_error(_loopback_only: list[str],
                                          make_backend: Callable[..., OpenAIBackend]) -> None:
    backend = make_backend(spec_for("http://nonexistent.invalid:9/v1"), retries=2)
    with pytest.raises(ModelUnavailable) as info:
        drain(backend, HELLO)
    message = assert_one_sentence(info.value, "dns_error")
    assert "nonexistent.invalid" in message
    assert _loopback_only == ["nonexistent.invalid"]  # looked up once: DNS errors are not retried
    with pytest.raises(ModelUnavailable) as loading:
        backend.load()
    assert_one_sentence(loading.value, "dns_error")


def test_cancel_before_the_request_sends_nothing(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    cancel = threading.Event()
    cancel.set()
    chunks = drain(make_backend(spec_for(bad.base_url)), HELLO, cancel=cancel)
    assert [(c.index, c.finish_reason) for c in chunks] == [(0, "cancelled")]
    assert bad.requests == []


def test_cancel_closes_the_connection_at_once(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    bad.configure("ok", contents=["x" * 4096] * 1000)  # 4 MB: more than socket buffers hold
    cancel = threading.Event()
    stream = make_backend(spec_for(bad.base_url), read_timeout=5.0).stream(HELLO, {}, cancel)
    first = next(stream)
    cancel.set()
    final = next(stream)
    assert (first.index, final.index, final.finish_reason) == (0, 1, "cancelled")
    # the generator is still open here: the cancel itself closed the connection
    assert wait_until(lambda: bad.disconnects == 1, 5.0)
    assert list(stream) == []


# --------------------------------------------------------------------------- mid-stream


def _fails_mid_stream(backend: OpenAIBackend, reason: str) -> tuple[list[Chunk], str]:
    seen: list[Chunk] = []
    with pytest.raises(BackendError) as info:
        drain(backend, HELLO, into=seen)
    return seen, assert_one_sentence(info.value, reason)


def test_malformed_event_is_bad_sse(bad: BadServer,
                                    make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("malformed")
    seen, message = _fails_mid_stream(make_backend(spec_for(bad.base_url), retries=2), "bad_sse")
    assert [c.text for c in seen] == ["Hello"]
    assert "not JSON" in message
    assert len(bad.requests) == 1  # never retried after text was yielded


def test_json_instead_of_a_stream_is_bad_sse(bad: BadServer,
                                             make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("not_sse")
    seen, message = _fails_mid_stream(make_backend(spec_for(bad.base_url)), "bad_sse")
    assert seen == [] and "application/json" in message


def test_error_event_is_reported(bad: BadServer,
                                 make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("error_event")
    seen, message = _fails_mid_stream(make_backend(spec_for(bad.base_url)), "server_error")
    assert [c.text for c in seen] == ["Hello"]
    assert "model crashed (out of memory)" in message


@pytest.mark.parametrize(("mode", "texts"), [("stall_before", []), ("stall_after", ["Hello"])])
def test_stall_is_a_read_timeout(bad: BadServer, make_backend: Callable[..., OpenAIBackend],
                                 mode: str, texts: list[str]) -> None:
    bad.configure(mode, stall_seconds=10.0)
    backend = make_backend(spec_for(bad.base_url), read_timeout=0.5, retries=2)
    started = time.monotonic()
    seen, message = _fails_mid_stream(backend, "read_timeout")
    elapsed = time.monotonic() - started
    assert [c.text for c in seen] == texts
    assert "0.5 s" in message
    assert 0.4 <= elapsed < 3.0
    assert len(bad.requests) == 1


def test_stream_without_done_is_truncated(bad: BadServer,
                                          make_backend: Callable[..., OpenAIBackend]) -> None:
    bad.configure("no_done")
    seen, message = _fails_mid_stream(make_backend(spec_for(bad.base_url), retries=2), "truncated")
    assert [c.text for c in seen] == ["Hello", ",", " world"]
    assert "[DONE]" in message and "3 chunk(s)" in message
    assert len(bad.requests) == 1


def test_done_without_finish_reason_is_truncated(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    bad.configure("ok", finish=None)
    seen, message = _fails_mid_stream(make_backend(spec_for(bad.base_url)), "truncated")
    assert [c.text for c in seen] == ["Hello", ",", " world"]
    assert "finish reason" in message


# --------------------------------------------------------------------------- the rest


def test_remote_escape_sequences_reach_the_sanitizer_raw_and_leave_clean(
    bad: BadServer, make_backend: Callable[..., OpenAIBackend]
) -> None:
    hostile = ["Copy \x1b]52;c;ZXZpbA==\x07", "this\x1b[2J", " now\x9b31m", "\x07!", " ok"]
    bad.configure("ok", contents=hostile)
    chunks = drain(make_backend(spec_for(bad.base_url)), HELLO)
    raw = "".join(c.text for c in chunks)
    assert raw == "".join(hostile)  # the backend passes text on untouched
    sanitizer = Sanitizer()
    shown = "".join(sanitizer.feed(c.text) for c in chunks) + sanitizer.flush()
    assert shown == "Copy this now! ok"
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)


def test_check_endpoint_against_the_bad_server(bad: BadServer) -> None:
    bad.configure("ok", models=["a-model", "scripted"])
    assert check_endpoint(spec_for(bad.base_url, model="scripted"), timeout=2.0)[0]
    ok, message = check_endpoint(spec_for(bad.base_url, model="missing"), timeout=2.0)
    assert not ok and "a-model, scripted" in message and "\n" not in message
    bad.configure("status", status=503)
    ok, message = check_endpoint(spec_for(bad.base_url), timeout=2.0)
    assert not ok and "HTTP 503" in message
    ok, message = check_endpoint(spec_for("http://nonexistent.invalid:9/v1"), timeout=1.0)
    assert not ok and "does not resolve" in message


def test_info_estimates_and_close(bad: BadServer,
                                  make_backend: Callable[..., OpenAIBackend]) -> None:
    backend = make_backend(spec_for(bad.base_url, load={"n_ctx": 8192}, api_key_env=KEY_ENV))
    assert backend.context_size() == 8192
    assert make_backend(spec_for(bad.base_url)).context_size() == 4096
    assert backend.count_tokens("x" * 400) == 101
    info = backend.info()
    assert info["backend"] == "openai" and info["base_url"] == bad.base_url
    assert info["model"] == ALIAS and info["n_ctx"] == 8192
    backend.close()  # never opened: a no-op

    plain = make_backend(spec_for(bad.base_url))
    plain.load()
    assert plain.info()["served_models"] == ["scripted"]
    plain.close()
    plain.close()  # idempotent; the next stream opens a fresh client
    assert "".join(c.text for c in drain(plain, HELLO)) == "Hello, world"
