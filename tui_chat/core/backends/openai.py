"""Any OpenAI-compatible server (llama-server, vLLM, Ollama...) behind the Backend protocol.

Replies stream from ``POST {base_url}/chat/completions`` as server-sent events, parsed
by httpx-sse. The backend mirrors :class:`~tui_chat.core.backends.llama.LlamaBackend`:
one :class:`Chunk` per event that carries a choice delta, then a final chunk with the
finish reason. Failures before the first token are ``ModelUnavailable``; failures
after it are ``BackendError``; each has one sentence and a distinct ``reason``.
Text is passed on raw: the chat service sanitises both backends' output.

httpx and httpx-sse are imported when first needed, not with the module: importing
httpx loads rich through httpx's optional CLI, and the core must import without rich.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from tui_chat.core import remote
from tui_chat.core.backends.base import Chunk, Message
from tui_chat.core.backends.server_tokens import ServerTokenizer
from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import BackendError
from tui_chat.core.events import FallbackTrigger

if TYPE_CHECKING:
    import httpx
    from httpx_sse import EventSource

log = logging.getLogger(__name__)

# Generation parameters every OpenAI-compatible server understands.
_GENERATE_PARAMS = {
    "temperature", "top_p", "max_tokens", "stop", "seed", "presence_penalty", "logit_bias",
    "frequency_penalty",
}
_FINISH_REASONS = {"stop", "length"}
_BACKOFF_SECONDS = 0.25
DONE = "[DONE]"


class OpenAIBackend:
    """A model served over HTTP by an OpenAI-compatible endpoint.

    Thread-safe enough for the pool (which serialises generations per model); the
    httpx client is created on first use and closed by :meth:`close`.
    """

    def __init__(self, spec: ModelSpec, *, retries: int = 2) -> None:
        self.spec = spec
        self.name = spec.name
        self.base_url = remote.base_url(spec)
        """The endpoint, e.g. ``http://gpu-box:8000/v1``."""
        self.model_id = remote.model_id(spec)
        """The model id sent in each request."""
        self.connect_timeout = spec.connect_timeout
        """Seconds to wait for a TCP connection (and for the /models check): the config's."""
        self.read_timeout = spec.read_timeout
        """Seconds to wait for the next piece of a reply: the config's ``read_timeout``."""
        self.retries = retries
        """Extra connection attempts before the first token, on connect errors only."""
        self.check_seconds: float | None = None
        self.served_ids: list[str] = []
        self.opens_reasoning = False
        """Servers send reasoning apart (``reasoning_content``) or as tags in the text."""
        self.served_window: int | None = None
        self._tokens: ServerTokenizer | None = None
        """The context window the server reports for the model (None: it names none)."""
        self._ask_usage = True
        self._client: httpx.Client | None = None
        self._guard = threading.Lock()

    # ----------------------------------------------------------------- plumbing

    def _http(self) -> httpx.Client:
        import httpx

        with self._guard:
            if self._client is None:
                self._client = httpx.Client(
                    timeout=httpx.Timeout(
                        connect=self.connect_timeout,
                        read=self.read_timeout,
                        write=self.read_timeout,
                        pool=self.connect_timeout,
                    ),
                    follow_redirects=False,
                )
            return self._client

    def _payload(self, messages: list[Message], params: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model_id,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        body.update({k: v for k, v in params.items() if k in _GENERATE_PARAMS})
        return body

    # ----------------------------------------------------------------- protocol

    def load(self) -> None:
        """Check the server answers ``GET /models``; ModelUnavailable when it does not.

        A model id missing from the list is only logged: some servers serve any name.
        """
        started = time.perf_counter()
        entries = remote.fetch_models(self._http(), self.spec, self.connect_timeout)
        ids = list(entries)
        self.check_seconds = time.perf_counter() - started
        self.served_ids = ids
        self.served_window = remote.window_of(entries.get(self.model_id)) or \
            remote.fetch_props_window(self._http(), self.spec, self.connect_timeout)
        if self.model_id not in ids:
            log.warning(
                "%s: %s does not list model %r (it lists %s)",
                self.name, self.base_url, self.model_id, ids[:10],
            )
        log.info("%s: %s reachable in %.2fs", self.name, self.base_url, self.check_seconds)

    def context_size(self) -> int:
        """The server's window for the model once known (``max_model_len`` from vLLM's
        ``/models``, ``n_ctx`` from llama-server's ``/props``), else the config's
        ``load.n_ctx``, else 4096."""
        if self.served_window:
            return self.served_window
        return int(self.spec.load.get("n_ctx", 4096))

    def _counter(self) -> ServerTokenizer:
        if self._tokens is None:
            root = remote.base_url(self.spec).removesuffix("/v1")
            self._tokens = ServerTokenizer(self._http(), root, self.model_id,
                                           lambda: remote.auth_headers(self.spec),
                                           self.connect_timeout)
        return self._tokens

    def count_tokens(self, text: str) -> int:
        """The server's count where it offers one (llama-server, vLLM), else an estimate."""
        return self.count_tokens_many([text])[0]

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """:meth:`count_tokens` of each text (an estimate: 4 characters a token)."""
        exact = self._counter().count_texts(list(texts)) if texts else []
        return exact if exact is not None else [len(text) // 4 + 1 for text in texts]

    def count_prompt(self, messages: list[Message]) -> int | None:
        """The server's own count of the rendered prompt (llama-server's /apply-template
        and /tokenize, vLLM's /tokenize); None from servers without them."""
        return self._counter().count_prompt(messages)

    def stream(
        self,
        messages: list[Message],
        params: dict[str, Any],
        cancel: threading.Event | None = None,
    ) -> Iterator[Chunk]:
        """Stream a reply; closes the connection within one event of ``cancel``."""
        headers = remote.auth_headers(self.spec)
        payload = self._payload(messages, params)
        with ExitStack() as stack:
            source = self._connect(stack, payload, headers, cancel)
            if source is None:
                yield Chunk(text="", index=0, finish_reason="cancelled")
                return
            yield from self._events(source, cancel)

    def info(self) -> dict[str, Any]:
        """Facts for diagnostics (never the API key)."""
        return {
            "backend": "openai",
            "base_url": self.base_url,
            "model": self.model_id,
            "n_ctx": self.context_size(),
            "api_key_env": self.spec.api_key_env,
            "check_seconds": self.check_seconds,
            "served_models": list(self.served_ids),
        }

    def close(self) -> None:
        """Close the HTTP client and its connections."""
        with self._guard:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    # ----------------------------------------------------------------- streaming

    def _connect(
        self,
        stack: ExitStack,
        payload: dict[str, Any],
        headers: dict[str, str],
        cancel: threading.Event | None,
    ) -> EventSource | None:
        """Send the request and check the status; the open response joins ``stack``.

        Connect errors are retried ``retries`` times with a short backoff (nothing has
        been yielded yet). A server that refuses ``stream_options`` is asked again
        without it, once. Returns None when cancelled before the server answered.
        """
        import httpx
        from httpx_sse import connect_sse

        url = f"{self.base_url}/chat/completions"
        attempt = 0
        while True:
            if cancel is not None and cancel.is_set():
                return None
            body = payload if self._ask_usage else _without_usage(payload)
            with ExitStack() as request:
                try:
                    source = request.enter_context(
                        connect_sse(self._http(), "POST", url, json=body, headers=dict(headers))
                    )
                except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                    if attempt >= self.retries or remote.is_dns_failure(exc):
                        log.warning("%s: POST %s failed after %d attempt(s): %r",
                                    self.name, url, attempt + 1, exc)
                        raise remote.connect_error(self.spec, exc, self.connect_timeout) from exc
                    delay = _BACKOFF_SECONDS * 2**attempt
                    attempt += 1
                    log.info("%s: connecting to %s failed (%r); retry %d in %.2fs",
                             self.name, url, exc, attempt, delay)
                    if cancel is not None and cancel.wait(delay):
                        return None
                    if cancel is None:
                        time.sleep(delay)
                    continue
                except httpx.TimeoutException as exc:  # connected, but no answer at all
                    raise self._read_timeout(exc) from exc
                except httpx.TransportError as exc:
                    log.warning("%s: POST %s failed: %r", self.name, url, exc)
                    raise remote.connect_error(self.spec, exc, self.connect_timeout) from exc
                response = source.response
                if response.status_code in (400, 422) and self._ask_usage:
                    if _mentions(response, "stream_options"):
                        log.info("%s: %s refuses stream_options; asking without it",
                                 self.name, url)
                        self._ask_usage = False
                        continue
                if response.status_code >= 400:
                    log.warning("%s: POST %s answered HTTP %d",
                                self.name, url, response.status_code)
                    raise remote.status_error(self.spec, response)
                stack.enter_context(request.pop_all())
                return source

    def _events(self, source: EventSource, cancel: threading.Event | None) -> Iterator[Chunk]:
        """Turn server-sent events into Chunks, ending with the finish chunk."""
        import httpx
        from httpx_sse import SSEError

        index = 0
        finish: str | None = None
        usage: dict[str, Any] = {}
        done = False
        try:
            for sse in source.iter_sse():
                if cancel is not None and cancel.is_set():
                    source.response.close()  # the server sees the disconnect and stops
                    finish = "cancelled"
                    break
                if sse.data.strip() == DONE:
                    done = True
                    break
                event = self._decode(sse.event, sse.data)
                if isinstance(event.get("usage"), dict):
                    usage = event["usage"]
                choices = event.get("choices")
                if not isinstance(choices, list):
                    raise self._bad_sse("an event without choices")
                if not choices:
                    continue  # e.g. the usage-only event at the end
                choice = choices[0]
                if not isinstance(choice, dict):
                    raise self._bad_sse("a choice that is not an object")
                delta = choice.get("delta") or {}
                if not isinstance(delta, dict):
                    raise self._bad_sse("a delta that is not an object")
                finish = choice.get("finish_reason") or finish
                # llama-server and vLLM send thinking as reasoning_content (older vLLM
                # and some proxies: reasoning), apart from the answer's content.
                thought = delta.get("reasoning_content") or delta.get("reasoning") or ""
                if not isinstance(thought, str):
                    raise self._bad_sse("reasoning that is not text")
                if "content" in delta or thought:
                    text = delta.get("content") or ""
                    if not isinstance(text, str):
                        raise self._bad_sse("content that is not text")
                    yield Chunk(text=text, index=index, empty=not (text or thought),
                                reasoning=thought)
                    index += 1
                elif finish is None and "role" not in delta:
                    yield Chunk(text="", index=index, empty=True)
                    index += 1
        except BackendError:
            raise
        except httpx.TimeoutException as exc:
            raise self._read_timeout(exc) from exc
        except SSEError as exc:  # the answer was not an event stream at all
            raise self._bad_sse(f"a {source.response.headers.get('content-type', 'untyped')} "
                                "answer instead of an event stream") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            log.warning("%s: connection dropped mid-reply: %r", self.name, exc)
            raise self._truncated(index, "when the connection dropped") from exc
        except httpx.HTTPError as exc:
            log.warning("%s: streaming failed: %r", self.name, exc)
            raise BackendError(
                f"{self.name}: the reply from {remote.host_label(self.spec)} failed "
                f"({exc.__class__.__name__}); try again.",
                model=self.name, reason=FallbackTrigger.BACKEND_ERROR,
            ) from exc
        if finish != "cancelled":
            if not done:
                raise self._truncated(index, "without [DONE]")
            if finish is None:  # e.g. llama_cpp.server interrupting it for another request
                raise self._truncated(index, "without a finish reason")
            if finish not in _FINISH_REASONS:
                log.info("%s: finish_reason %r reported as stop", self.name, finish)
                finish = "stop"
        yield Chunk(
            text="", index=index, empty=False, finish_reason=finish,
            prompt_tokens=_int_or_none(usage.get("prompt_tokens")),
            completion_tokens=_int_or_none(usage.get("completion_tokens")),
        )

    def _decode(self, event_name: str, data: str) -> dict[str, Any]:
        """Parse one event's JSON; a server-reported error becomes BackendError."""
        try:
            event = json.loads(data)
        except ValueError as exc:
            log.warning("%s: undecodable event data %r", self.name, data[:200])
            raise self._bad_sse("data that is not JSON") from exc
        if not isinstance(event, dict):
            raise self._bad_sse("data that is not a JSON object")
        error = event.get("error")
        if error is not None or event_name == "error":
            message = error.get("message", "") if isinstance(error, dict) else str(error or data)
            message = remote.redact(message, self.spec)
            log.warning("%s: server error event %r",
                        self.name, remote.redact(data, self.spec)[:500])
            raise BackendError(
                f"{self.name}: {remote.host_label(self.spec)} reported an error mid-reply "
                f"({remote.one_line(message) or 'no detail'}); try again.",
                model=self.name, reason=FallbackTrigger.SERVER_ERROR,
            )
        return event

    def _read_timeout(self, exc: Exception) -> BackendError:
        log.warning("%s: read timeout after %.1fs: %r", self.name, self.read_timeout, exc)
        return BackendError(
            f"{self.name}: {remote.host_label(self.spec)} sent nothing for "
            f"{self.read_timeout:g} s; try again or raise read_timeout for {self.name} in "
            "the config.",
            model=self.name, reason=FallbackTrigger.READ_TIMEOUT,
        )

    def _bad_sse(self, what: str) -> BackendError:
        return BackendError(
            f"{self.name}: {remote.host_label(self.spec)} sent {what}; check that base_url "
            "points at an OpenAI-compatible API.",
            model=self.name, reason=FallbackTrigger.BAD_SSE,
        )

    def _truncated(self, chunks: int, how: str) -> BackendError:
        log.warning("%s: reply cut off after %d chunk(s) %s", self.name, chunks, how)
        return BackendError(
            f"{self.name}: the reply from {remote.host_label(self.spec)} stopped after "
            f"{chunks} chunk(s) {how}; try again.",
            model=self.name, reason=FallbackTrigger.TRUNCATED,
        )


def _without_usage(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != "stream_options"}


def _mentions(response: httpx.Response, word: str) -> bool:
    """True when an error response's body names ``word`` (the body is read, bounded)."""
    import httpx

    try:
        return word.encode() in response.read()[:8192]
    except httpx.HTTPError:
        return False


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
