"""The one flow: route, acquire, stream, fall back, record.

``ChatService.reply`` is a generator of small events that a CLI command, a test or
a TUI worker thread drains. It never imports Textual. The user message is committed
before generation; the assistant text is checkpointed at least once a second and
committed at the end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui_chat.core.backends.base import Backend, Message
from tui_chat.core.errors import BackendError, ModelUnavailable, TuiChatError
from tui_chat.core.metrics import RequestMetrics, StreamClock
from tui_chat.core.pool import missing_error
from tui_chat.core.events import (  # noqa: F401 - re-exported until every caller imports events
    Answering,
    Fallback,
    Finished,
    Loading,
    ReplyEvent,
    RouteChosen,
    StorageFailed,
    TextDelta,
    Trimmed,
    Waiting,
)
from tui_chat.core.sanitize import Sanitizer

if TYPE_CHECKING:
    from tui_chat.core.runtime import Runtime

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 1.0
TOKEN_OVERHEAD = 8  # per-message template tokens, a safe estimate
TEMPLATE_ALLOWANCE = 256
"""Tokens a chat template may add of its own (SmolLM2's injects a system prompt)."""


def _describe(triggers: list[tuple[str, str, str]]) -> str | None:
    """One line for metrics: ``model: trigger: message`` joined by `` | ``."""
    return " | ".join(f"{m}: {t}: {msg}" for m, t, msg in triggers) or None


@dataclass(slots=True)
class ChatRequest:
    """One prompt to answer."""

    text: str
    """What the user typed."""
    model: str = "auto"
    """``auto`` or a model name (a pin)."""
    session_id: int | None = None
    """Persist to this session (None: nothing is stored)."""
    history: list[Message] = field(default_factory=list)
    """Earlier turns when not reading them from the store."""
    system_prompt: str = ""
    """Kept first, never trimmed."""
    params: dict[str, Any] = field(default_factory=dict)
    """Generation overrides (temperature, top_p, max_tokens, seed...)."""
    store_user_message: bool = True
    """False when regenerating: the user message is already stored."""


class _Saver:
    """The store for one reply; a failed write is remembered, reported once, never raised.

    SQLite writes are whole or nothing, so a failed write leaves no partial row; the
    reply keeps streaming (its text stays on screen) and later writes are still tried.
    """

    __slots__ = ("store", "error", "_reported")

    def __init__(self, store: Any) -> None:
        self.store = store
        self.error: str | None = None
        self._reported = False

    def __bool__(self) -> bool:
        return self.store is not None

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run ``store.method(...)``; None (and remember why) when it fails."""
        if self.store is None:
            return None
        try:
            return getattr(self.store, method)(*args, **kwargs)
        except TuiChatError as exc:
            log.error("history write %s failed: %s", method, exc)
            self.error = self.error or str(exc)
            return None

    def report(self) -> StorageFailed | None:
        """The event to show, once, after the first failure."""
        if self.error and not self._reported:
            self._reported = True
            return StorageFailed(self.error)
        return None


class _Attempt:
    """Outcome of one candidate's try."""

    __slots__ = ("text", "finish", "trigger", "message", "clock", "prompt_tokens", "usage")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.finish = "stop"
        self.trigger: str | None = None
        self.message = ""
        self.clock = StreamClock()
        self.prompt_tokens = 0
        self.usage: int | None = None


class ChatService:
    """Answers prompts using the runtime's router, pool and store."""

    def __init__(self, runtime: Runtime, *, persist: bool = True) -> None:
        self.runtime = runtime
        self.persist = persist
        self.fallback_log: list[dict[str, Any]] = []
        """Every fallback trigger this process saw: time, model, trigger, message."""
        self.live: dict[int, StreamClock] = {}
        """Clocks of streams in progress, keyed by an internal request number."""
        self._counter = 0
        self._lock = threading.Lock()
        self._cancels: set[threading.Event] = set()
        self.interrupting = threading.Event()
        """Set by :meth:`interrupt_all`: replies still running end as ``interrupted``."""

    def interrupt_all(self) -> None:
        """Stop every reply in progress, saving each partial reply as ``interrupted``.

        For SIGHUP/SIGTERM: the connection dropped or the system is shutting down.
        """
        self.interrupting.set()
        with self._lock:
            cancels = list(self._cancels)
        for cancel in cancels:
            cancel.set()

    def _stopped_state(self) -> str:
        return "interrupted" if self.interrupting.is_set() else "stopped"

    # ----------------------------------------------------------------- helpers

    @property
    def store(self):  # noqa: ANN201 - Store, imported lazily
        """The store, or None when this service does not persist."""
        return self.runtime.store if self.persist else None

    def route(self, text: str, model: str = "auto") -> tuple[str, str, str, tuple[str, ...]]:
        """(role, model, reason, candidates) for ``text``."""
        from tui_chat.core.router import Router

        route = Router(self.runtime.config).pick(text, None if model == "auto" else model)
        return route.role, route.model, route.reason, tuple(route.candidates)

    def _history(self, request: ChatRequest) -> list[Message]:
        if request.session_id is None or self.store is None:
            return list(request.history)
        messages = self.store.messages(request.session_id)
        return [
            {"role": m.role, "content": m.content}
            for m in messages
            if m.role in ("user", "assistant") and m.content and m.state != "error"
        ]

    def build_messages(
        self, backend: Backend, system_prompt: str, history: list[Message], max_tokens: int
    ) -> tuple[list[Message], int, int]:
        """Fit system prompt + history into the context: (messages, dropped, prompt_tokens).

        The oldest turns go first; the system prompt and the last user turn are always
        kept. Raises TuiChatError when even those do not fit.

        A token always stands for at least one byte of text, so a conversation whose
        UTF-8 size (plus template allowances) is within the budget fits without being
        counted: it goes to the model at once with a rough prompt_tokens (4 characters
        a token) that the backend's final chunk replaces with the exact count. Only
        longer conversations are counted before they are sent.
        """
        budget = backend.context_size() - max_tokens - 16
        system: list[Message] = (
            [{"role": "system", "content": system_prompt}] if system_prompt else []
        )
        texts = [m["content"] for m in system + history]
        bound = TEMPLATE_ALLOWANCE + sum(
            len(text.encode("utf-8", "replace")) + TOKEN_OVERHEAD for text in texts
        )
        if bound <= budget:
            rough = sum(len(text) // 4 + TOKEN_OVERHEAD for text in texts)
            return system + history, 0, rough
        many = getattr(backend, "count_tokens_many", None)
        counts = many(texts) if many is not None else [backend.count_tokens(t) for t in texts]
        fixed = sum(count + TOKEN_OVERHEAD for count in counts[:len(system)])
        costs = [count + TOKEN_OVERHEAD for count in counts[len(system):]]
        keep_from = 0
        total = fixed + sum(costs)
        while total > budget and keep_from < len(history) - 1:
            total -= costs[keep_from]
            keep_from += 1
        # Never start on an assistant turn after trimming.
        while keep_from < len(history) - 1 and history[keep_from]["role"] != "user":
            total -= costs[keep_from]
            keep_from += 1
        exact = getattr(backend, "count_prompt", None)
        while exact is not None:
            counted = exact(system + history[keep_from:])
            if counted is None:
                break
            total = counted
            if total <= budget or keep_from >= len(history) - 1:
                break
            keep_from += 1  # the template's own text pushed it over: drop one more turn
            while keep_from < len(history) - 1 and history[keep_from]["role"] != "user":
                keep_from += 1
        if total > budget:
            raise TuiChatError(
                f"The prompt is about {total:,} tokens but {backend.name} fits "
                f"{max(budget, 0):,} (context {backend.context_size():,}); "
                "shorten it or pick a model with a larger n_ctx."
            )
        return system + history[keep_from:], keep_from, total

    # ----------------------------------------------------------------- the flow

    def reply(self, request: ChatRequest, cancel: threading.Event | None = None) -> Iterator[ReplyEvent]:
        """Answer ``request``, yielding events; see the module docstring."""
        cancel = cancel or threading.Event()
        started = time.perf_counter()
        metrics = RequestMetrics(session_id=request.session_id)
        store = _Saver(self.store if request.session_id is not None else None)
        if len(request.text) > self.runtime.config.max_prompt_chars:
            raise TuiChatError(
                f"The prompt is {len(request.text):,} characters, over the "
                f"{self.runtime.config.max_prompt_chars:,} limit (max_prompt_chars); shorten it."
            )
        history = self._history(request)
        if not store or request.store_user_message:
            store.call("add_message", request.session_id, "user", request.text)
            history.append({"role": "user", "content": request.text})
        if (failed := store.report()) is not None:
            yield failed

        role, first, reason, candidates = self.route(request.text, request.model)
        metrics.route_reason = reason
        yield RouteChosen(role, first, reason)

        triggers: list[tuple[str, str, str]] = []
        message_id: int | None = None
        with self._lock:
            self._counter += 1
            live_key = self._counter
            self._cancels.add(cancel)
        try:
            for position, name in enumerate(candidates):
                if cancel.is_set():
                    break
                attempt = _Attempt()
                self.live[live_key] = attempt.clock
                if message_id is None and store:
                    message_id = store.call(
                        "add_message", request.session_id, "assistant", "", model=name,
                        state="streaming", meta={"route": reason},
                    )
                yield from self._attempt(name, request, history, attempt, cancel, store, message_id)
                if attempt.trigger is None or attempt.finish == "cancelled":
                    return (yield from self._finish(
                        attempt, name, metrics, started, triggers, store, message_id
                    ))
                # This candidate failed: record, tell, maybe restart the message.
                nxt = candidates[position + 1] if position + 1 < len(candidates) else None
                triggers.append((name, attempt.trigger, attempt.message))
                self._record_fallback(name, attempt.trigger, attempt.message, request.session_id)
                restart = bool(attempt.text)
                if restart and message_id is not None:
                    store.call("update_message", message_id, content="".join(attempt.text),
                               state="error")
                    message_id = None
                yield Fallback(name, attempt.trigger, attempt.message, nxt, restart)
            # Nobody could answer (or cancelled while falling back).
            text = self._nobody_answered(triggers) if not cancel.is_set() else ""
            if text:
                yield TextDelta(text)
            metrics.finish_reason = "cancelled" if cancel.is_set() else "error"
            metrics.error = None if cancel.is_set() else "no model could answer"
            metrics.fallback = _describe(triggers)
            metrics.total_ms = (time.perf_counter() - started) * 1000.0
            state = self._stopped_state() if cancel.is_set() else "error"
            if message_id is not None:
                store.call("update_message", message_id, content=text, state=state, model=None)
            if (failed := store.report()) is not None:
                yield failed
            self._save_metrics(metrics)
            yield Finished(text, None, state, metrics, message_id, tuple(triggers))
        finally:
            self.live.pop(live_key, None)
            with self._lock:
                self._cancels.discard(cancel)

    def _attempt(
        self,
        name: str,
        request: ChatRequest,
        history: list[Message],
        attempt: _Attempt,
        cancel: threading.Event,
        store: Any,
        message_id: int | None,
    ) -> Iterator[ReplyEvent]:
        """Try one candidate; fills ``attempt`` (trigger set on failure)."""
        pool = self.runtime.pool
        catalog = self.runtime.catalog
        spec = catalog.spec(name)
        known_failure = pool.failure(name)
        if known_failure is not None:
            attempt.trigger, attempt.message = known_failure.reason, str(known_failure)
            return
        if not spec.is_remote and catalog.disk_status(spec).status == "missing":
            missing = missing_error(spec, catalog.path(spec))
            attempt.trigger, attempt.message = missing.reason, str(missing)
            return
        lock = pool.lock_for(name)
        if not lock.acquire(blocking=False):
            yield Waiting(name)
            while not lock.acquire(timeout=0.05):
                if cancel.is_set():
                    attempt.finish = "cancelled"
                    return
        try:
            if pool.backend(name) is None:
                yield Loading(name)
            try:
                backend = pool.load(name)
            except ModelUnavailable as exc:
                attempt.trigger, attempt.message = exc.reason or "load_error", str(exc)
                return
            params = {**spec.generate, **request.params}
            max_tokens = int(params.get("max_tokens") or 512)
            try:
                messages, dropped, attempt.prompt_tokens = self.build_messages(
                    backend, request.system_prompt, history, max_tokens
                )
            except TuiChatError as exc:
                attempt.trigger, attempt.message = "too_long", str(exc)
                return
            if dropped:
                yield Trimmed(dropped, backend.context_size())
            yield Answering(name, message_id)
            yield from self._drain(backend, messages, params, attempt, cancel, store, message_id)
        finally:
            lock.release()

    def _drain(
        self,
        backend: Backend,
        messages: list[Message],
        params: dict[str, Any],
        attempt: _Attempt,
        cancel: threading.Event,
        store: Any,
        message_id: int | None,
    ) -> Iterator[ReplyEvent]:
        """Pull chunks from the backend, sanitise, checkpoint; the hot path."""
        sanitizer = Sanitizer()
        clock = attempt.clock
        clock.started = time.perf_counter()
        next_checkpoint = clock.started + CHECKPOINT_SECONDS
        parts = attempt.text
        try:
            for chunk in backend.stream(messages, params, cancel):
                if chunk.finish_reason is not None:
                    attempt.finish = chunk.finish_reason
                    attempt.usage = chunk.completion_tokens
                    if chunk.prompt_tokens:
                        attempt.prompt_tokens = chunk.prompt_tokens
                    break
                clock.chunk(bool(chunk.text))
                if not chunk.text:
                    continue
                safe = sanitizer.feed(chunk.text)
                if safe:
                    parts.append(safe)
                    yield TextDelta(safe)
                if message_id is not None:
                    now = time.perf_counter()
                    if now >= next_checkpoint:
                        next_checkpoint = now + CHECKPOINT_SECONDS
                        store.call("update_message", message_id, content="".join(parts))
                        if (failed := store.report()) is not None:
                            yield failed
        except (BackendError, ModelUnavailable) as exc:
            attempt.trigger, attempt.message = exc.reason or "backend_error", str(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a backend bug must not end the chain
            log.exception("%s failed while generating", backend.name)
            attempt.trigger = "backend_error"
            attempt.message = (f"{backend.name} failed while generating "
                               f"({exc.__class__.__name__}); see the log.")
            return
        if cancel.is_set():
            attempt.finish = "cancelled"
            return
        if not "".join(parts).strip():
            attempt.trigger = "empty"
            attempt.message = (f"{backend.name} gave an empty reply ({clock.tokens} text "
                               f"chunks, {clock.empty} empty chunks).")

    def _finish(
        self,
        attempt: _Attempt,
        name: str,
        metrics: RequestMetrics,
        started: float,
        triggers: list[tuple[str, str, str]],
        store: Any,
        message_id: int | None,
    ) -> Iterator[ReplyEvent]:
        text = "".join(attempt.text)
        clock = attempt.clock
        metrics.model = name
        metrics.prompt_tokens = attempt.prompt_tokens
        metrics.completion_tokens = attempt.usage or clock.tokens
        metrics.empty_chunks = clock.empty
        metrics.ttft_ms = clock.ttft_ms
        metrics.tokens_per_s = clock.tokens_per_s()
        metrics.total_ms = (time.perf_counter() - started) * 1000.0
        metrics.finish_reason = attempt.finish
        metrics.fallback = _describe(triggers)
        state = self._stopped_state() if attempt.finish == "cancelled" else "complete"
        if message_id is not None:
            meta = {"route": metrics.route_reason, "fallback": metrics.fallback}
            store.call("update_message", message_id, content=text, state=state, model=name,
                       meta=meta)
        if (failed := store.report()) is not None:
            yield failed
        self._save_metrics(metrics)
        yield Finished(text, name, state, metrics, message_id, tuple(triggers))

    def _record_fallback(self, model: str, trigger: str, message: str, session_id: int | None) -> None:
        entry = {"time": time.time(), "model": model, "trigger": trigger, "message": message,
                 "session_id": session_id}
        self.fallback_log.append(entry)
        log.warning("fallback from %s (%s): %s", model, trigger, message)

    def _save_metrics(self, metrics: RequestMetrics) -> None:
        if self.store is None:
            return
        try:
            self.store.record_request(metrics.as_dict())
        except TuiChatError:
            log.exception("could not record request metrics")

    def _nobody_answered(self, triggers: list[tuple[str, str, str]]) -> str:
        """The short reply streamed when every candidate failed: reasons, then what to run."""
        lines = ["**No model could answer this prompt.**", ""]
        lines += [f"- {message}" if message.startswith(model) else f"- {model}: {message}"
                  for model, _, message in triggers]
        hint = self._download_hint(triggers)
        if hint:
            lines += ["", hint]
        return "\n".join(lines)

    def _download_hint(self, triggers: list[tuple[str, str, str]]) -> str | None:
        """``Run `tui-chat download NAME` ...`` for the model most worth fetching, if any.

        A candidate that is not downloaded comes first, then one whose file is broken
        (delete and fetch again), then any other catalog model not downloaded yet.
        """
        catalog = self.runtime.catalog
        downloadable = {m.name for m in catalog.models if m.repo and m.file and not m.is_remote}
        tried = [(model, trigger) for model, trigger, _ in triggers if model in downloadable]
        for model, trigger in tried:
            if trigger == "missing":
                return f"Run `tui-chat download {model}` (or press `d` on it in the sidebar)."
        for model, trigger in tried:
            if trigger == "load_error":
                path = catalog.path(catalog.spec(model))
                return f"Delete {path} and run `tui-chat download {model}` to fetch it again."
        for spec in catalog.models:
            if spec.name in downloadable and catalog.disk_status(spec).status == "missing":
                return f"Run `tui-chat download {spec.name}` to add another model that can answer."
        return None
