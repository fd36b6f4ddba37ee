"""The conversation: sessions, turns, and the one flow that answers a prompt.

:class:`ChatService` owns the chat. The TUI, ``tui-chat ask`` and the tests call its
sessions (``new_session``, ``search``...), turns (``send``, ``regenerate``, ``edit``),
branches (``step_branch``, ``fork``) and window (``context_usage``, ``compact``); none
of them touches the store or the pool. A turn returns a generator of small events
(``core.events``) drained by a CLI command, a test or a TUI worker thread.

The flow: route, lease the model from the pool (``Waiting`` before blocking on a busy
one, ``Loading`` before a load), fit the context, stream, fall back to the next
candidate, record. The user message is committed before generation; the assistant
text is checkpointed at least once a second and committed at the end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from tui_chat.core.advice import no_answer_text
from tui_chat.core.backends.base import Backend, Message
from tui_chat.core.config import Config
from tui_chat.core.context import fit_messages
from tui_chat.core.errors import BackendError, ModelUnavailable, TuiChatError
from tui_chat.core.events import (
    AUTO,
    Answering,
    Fallback,
    FallbackRecord,
    FallbackTrigger,
    Finished,
    Loading,
    MessageState,
    ModelStatus,
    ReasoningDelta,
    ReplyEvent,
    Role,
    RouteChosen,
    TextDelta,
    Trimmed,
    Waiting,
)
from tui_chat.core.library.catalog import Catalog, missing_error
from tui_chat.core import window
from tui_chat.core.meter import ContextMeter, ContextUsage
from tui_chat.core.metrics import RequestMetrics, StreamClock
from tui_chat.core.pool import ModelPool, WaitCancelled
from tui_chat.core.reasoning import ReasoningFilter
from tui_chat.core.router import Router
from tui_chat.core.store import (
    LEAF,
    MessageTree,
    SearchHit,
    SessionInfo,
    Store,
    StoredMessage,
    auto_title,
)
from tui_chat.core.turn import Attempt, ChatRequest, LiveStream, Saver, SeenFallback, context_of

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 1.0
STOPPED_THINKING = "stopped while thinking; raise max_tokens"
"""The note on a reply cut off by ``max_tokens`` before its answer began."""
TITLE_LIMIT = 120
"""Longest title :meth:`ChatService.rename` stores."""


class ChatService:
    """The conversation and the reply flow, over the parts it is given."""

    def __init__(self, config: Config, catalog: Catalog, router: Router, pool: ModelPool,
                 store: Store | None, *, log_path: Path | None = None) -> None:
        """Args:
            config: the validated configuration (``max_prompt_chars``...).
            catalog: the models, their paths and statuses.
            router: picks the model (and the fallback order) per prompt.
            pool: the one way to a backend (``acquire``).
            store: the history; None persists nothing (session operations then raise).
            log_path: the log file, named in messages that send a person to it.
        """
        self.config = config
        self.catalog = catalog
        self.router = router
        self.log_path = log_path
        self._pool = pool
        self._store = store
        self._fallbacks: list[SeenFallback] = []
        self._live: dict[int, LiveStream] = {}
        self._counter = 0
        self._lock = threading.Lock()
        self._cancels: set[threading.Event] = set()
        self._interrupting = threading.Event()
        self._meter = ContextMeter()

    # ----------------------------------------------------------------- state

    @property
    def recovered(self) -> int:
        """How many replies start-up recovery found cut off and marked ``interrupted``."""
        return self._store.recovered if self._store is not None else 0

    def live_streams(self) -> dict[int, LiveStream]:
        """Replies generating right now, keyed by an internal request number."""
        with self._lock:
            return dict(self._live)

    def seen_fallbacks(self) -> list[SeenFallback]:
        """Every fallback this process saw, oldest first."""
        with self._lock:
            return list(self._fallbacks)

    def warm_up(self, model: str = AUTO) -> None:
        """Ready in the background what a prompt to ``model`` needs (``ModelPool.warm``;
        local models stay lazy); for auto, the router too (a pinned chat never routes)."""
        if model == AUTO:
            self.router.warm_up()
        self._pool.warm([model] if model != AUTO else self.router.first_choices())

    def interrupt_all(self) -> None:
        """Stop every reply in progress, saving each partial reply as ``interrupted``.

        For SIGHUP/SIGTERM: the connection dropped or the system is shutting down.
        """
        self._interrupting.set()
        with self._lock:
            cancels = list(self._cancels)
        for cancel in cancels:
            cancel.set()

    def _stopped_state(self) -> MessageState:
        return MessageState.INTERRUPTED if self._interrupting.is_set() else MessageState.STOPPED

    # ----------------------------------------------------------------- sessions

    def _history_store(self) -> Store:
        if self._store is None:
            raise TuiChatError("This chat keeps no history; start tui-chat with a data dir.")
        return self._store

    def new_session(self, first_prompt: str, model: str) -> SessionInfo:
        """A new, empty session titled after ``first_prompt``, using ``model`` (or auto)."""
        self.set_model(None, model)
        return self._history_store().create_session(title=auto_title(first_prompt), model=model)

    def session(self, session_id: int) -> SessionInfo:
        """The session ``session_id``; TuiChatError when there is none."""
        return self._history_store().session(session_id)

    def sessions(self) -> list[SessionInfo]:
        """Every session, most recently active first."""
        return self._history_store().sessions()

    def messages(self, session_id: int) -> list[StoredMessage]:
        """The session's active path, oldest first: what the log shows."""
        return self._history_store().tree(session_id).path()

    def conversation(self, session_id: int) -> MessageTree:
        """The session's messages with their branches and its active path."""
        return self._history_store().tree(session_id)

    def search(self, query: str, limit: int = 50, *, prefix: bool = False) -> list[SearchHit]:
        """Messages of every session holding the words of ``query``, best first.

        Plain words, never an error (see ``store.search``); ``prefix`` lets the last
        word match the start of longer ones, for results as the user types.
        """
        return self._history_store().search_messages(query, limit, prefix=prefix)

    @property
    def full_text_search(self) -> bool:
        """False when this Python's SQLite lacks FTS5 and search matches substrings."""
        return self._store is not None and self._store.full_text

    def step_branch(self, session_id: int, message_id: int, step: int) -> int | None:
        """Show the sibling ``step`` places from ``message_id`` and the newest path under it.

        Returns the sibling's id, or None when there is none that way (nothing changes).
        """
        tree = self.conversation(session_id)
        if message_id not in tree:
            raise TuiChatError("That message is gone; reopen the chat.")
        sibling = tree.sibling(message_id, step)
        if sibling is not None:
            self._history_store().set_active_leaf(session_id, tree.newest_leaf(sibling))
        return sibling

    def show_message(self, session_id: int, message_id: int) -> None:
        """Make the branch holding ``message_id`` the one shown (its newest path)."""
        tree = self.conversation(session_id)
        if message_id not in tree:
            raise TuiChatError("That message is gone; it may have been deleted.")
        if message_id not in {m.id for m in tree.path()}:
            self._history_store().set_active_leaf(session_id, tree.newest_leaf(message_id))

    def fork(self, session_id: int, message_id: int) -> SessionInfo:
        """A new chat holding this one's path up to ``message_id``; the original stays."""
        title = self.session(session_id).title
        return self._history_store().fork(session_id, message_id,
                                          auto_title(f"Fork of {title}"))

    def rename(self, session_id: int, title: str) -> str:
        """Retitle a session; returns the title stored (stripped, at most 120 characters)."""
        cleaned = title.strip()[:TITLE_LIMIT].strip()
        if not cleaned:
            raise TuiChatError("A chat title cannot be empty; type a few words.")
        return self._history_store().update_session(session_id, title=cleaned).title

    def delete(self, session_id: int) -> None:
        """Delete a session and its messages (its request metrics stay, unlinked)."""
        self._history_store().delete_session(session_id)

    def update_settings(self, session_id: int, system_prompt: str, params: dict[str, Any]) -> None:
        """Set a session's system prompt and generation overrides (``params`` replaced whole)."""
        self._history_store().update_session(session_id, system_prompt=system_prompt,
                                             params=dict(params))

    def set_model(self, session_id: int | None, model: str) -> None:
        """Use ``model`` (auto or a catalog name) for a session; None only checks the name."""
        names = [spec.name for spec in self.catalog.models]
        if model != AUTO and model not in names:
            raise TuiChatError(
                f"There is no model called {model!r}; pick auto or one of {', '.join(names)}."
            )
        if session_id is not None:
            self._history_store().update_session(session_id, model=model)

    def check_prompt(self, text: str) -> None:
        """Raise TuiChatError (one sentence) when ``text`` is over ``max_prompt_chars``."""
        limit = self.config.max_prompt_chars
        if len(text) > limit:
            raise TuiChatError(
                f"The prompt is {len(text):,} characters, over the {limit:,} limit "
                "(max_prompt_chars); shorten it."
            )

    # ----------------------------------------------------------------- turns

    def send(self, session_id: int, text: str, cancel: threading.Event | None = None, *,
             model: str | None = None, params: dict[str, Any] | None = None,
             ) -> Iterator[ReplyEvent]:
        """Answer ``text`` in a session: the events of the reply, ending with ``Finished``.

        Checks at once (TuiChatError, one sentence): the prompt's length, the session,
        the model. The user message is stored when iteration starts. ``model`` None
        uses the session's; ``params`` override the session's; the system prompt is
        the session's.
        """
        self.check_prompt(text)
        request = self._request(self.session(session_id), text, model, params)
        return self._flow(request, cancel or threading.Event())

    def regenerate(self, session_id: int, cancel: threading.Event | None = None, *,
                   model: str | None = None, params: dict[str, Any] | None = None,
                   ) -> Iterator[ReplyEvent]:
        """Answer the last prompt of the active path again, as a new branch.

        The earlier replies stay, as siblings of the new one (``step_branch`` shows
        them); the user message is not stored twice.
        """
        session = self.session(session_id)
        last = self.conversation(session_id).last_user_message()
        if last is None:
            raise TuiChatError("Nothing to regenerate yet: this chat has no message of yours.")
        request = self._request(session, last.content, model, params)
        request.store_user_message = False
        request.parent_id, request.branch = last.id, True
        return self._flow(request, cancel or threading.Event())

    def edit(self, session_id: int, text: str, cancel: threading.Event | None = None, *,
             message_id: int | None = None, model: str | None = None,
             params: dict[str, Any] | None = None) -> Iterator[ReplyEvent]:
        """Answer ``text`` in place of a prompt, as a new branch beside it.

        ``message_id`` is a user message of the session (default: the last one of the
        active path); the old prompt and everything after it stay reachable. Checked
        first like :meth:`send`.
        """
        self.check_prompt(text)
        session = self.session(session_id)
        tree = self.conversation(session_id)
        target = tree.get(message_id) if message_id is not None else tree.last_user_message()
        if target is None or target.role != Role.USER:
            raise TuiChatError("Only a message of yours can be edited; pick one with the "
                               "log cursor.")
        request = self._request(session, text, model, params)
        request.parent_id, request.branch = tree.parent(target.id), True
        return self._flow(request, cancel or threading.Event())

    def _request(self, session: SessionInfo, text: str, model: str | None,
                 params: dict[str, Any] | None) -> ChatRequest:
        chosen = model or session.model or AUTO
        self.set_model(None, chosen)
        return ChatRequest(text=text, model=chosen, session_id=session.id,
                           system_prompt=session.system_prompt,
                           params={**session.params, **(params or {})})

    # ----------------------------------------------------------------- the flow

    def reply(self, request: ChatRequest, cancel: threading.Event | None = None,
              ) -> Iterator[ReplyEvent]:
        """Answer ``request`` (the low-level form of :meth:`send`); checks its length at once."""
        self.check_prompt(request.text)
        return self._flow(request, cancel or threading.Event())

    def _history(self, request: ChatRequest) -> list[Message]:
        """What the model sees before the new turn: the path it follows, no failed replies."""
        if request.session_id is None or self._store is None:
            return list(request.history)
        tree = self._store.tree(request.session_id)
        end = request.parent_id if request.branch else tree.active_leaf
        path = tree.path(end) if end is not None else []
        request.system_prompt, sent = context_of(path, tree.summary_on(path),
                                                 request.system_prompt)
        return [message for _, message in sent]

    def context_usage(self, session_id: int | None, draft: str = "",
                      model: str = AUTO) -> ContextUsage | None:
        """The chat's next request (path, system prompt, ``draft``) against its model's
        window, exact; None unless that model is loaded and idle (``core.meter``)."""
        session = self.session(session_id) if session_id is not None else None
        tree = self.conversation(session_id) if session else MessageTree([], None)
        name = window.chat_model(tree, model)
        return window.next_request_usage(self._meter, self._pool, self.catalog, tree, session,
                                         name, draft)

    def compact(self, session_id: int, model: str = AUTO, cancel: threading.Event | None = None,
                progress: window.Progress | None = None) -> int:
        """Summarise the older messages into one sent in their place; returns its id."""
        tree, session = self.conversation(session_id), self.session(session_id)
        name = window.chat_model(tree, model, self.router) or self.config.default_model
        return window.compact(self._history_store(), self._pool, self.catalog, tree, session,
                              name, cancel, progress)

    def restore(self, session_id: int) -> int:
        """Undo compacting: the summarised messages are sent again; returns how many."""
        return window.restore(self._history_store(), self.conversation(session_id))

    def _flow(self, request: ChatRequest, cancel: threading.Event) -> Iterator[ReplyEvent]:
        started = time.perf_counter()
        metrics = RequestMetrics(session_id=request.session_id)
        store = Saver(self._store if request.session_id is not None else None)
        history = self._history(request)
        # Where the reply goes: after the new prompt, or (regenerating) beside the others.
        parent: int | None | Literal["leaf"] = request.parent_id if request.branch else LEAF
        prompt_id: int | None = None
        if request.session_id is None or request.store_user_message:
            if request.session_id is not None:
                prompt_id = store.add_message(request.session_id, Role.USER, request.text,
                                              parent_id=parent)
                parent = LEAF if prompt_id is None else prompt_id
            history.append({"role": "user", "content": request.text})
        if (failed := store.report()) is not None:
            yield failed

        route = self.router.pick(request.text, None if request.model == AUTO else request.model)
        metrics.route_reason = route.reason
        yield RouteChosen(route.role, route.model, route.reason, prompt_id)

        triggers: list[FallbackRecord] = []
        message_id: int | None = None
        with self._lock:
            self._counter += 1
            live_key = self._counter
            self._cancels.add(cancel)
        try:
            for position, name in enumerate(route.candidates):
                if cancel.is_set():
                    break
                attempt = Attempt()
                with self._lock:
                    self._live[live_key] = LiveStream(name, request.session_id, attempt.clock)
                if message_id is None and request.session_id is not None:
                    # A restart after a failed partial reply follows it (the leaf).
                    message_id = store.add_message(
                        request.session_id, Role.ASSISTANT, "", model=name,
                        state=MessageState.STREAMING, meta={"route": route.reason},
                        parent_id=parent,
                    )
                    parent = LEAF
                yield from self._attempt(name, request, history, attempt, cancel, store,
                                         message_id, route.reason)
                if attempt.trigger is None or attempt.finish == "cancelled":
                    return (yield from self._finish(
                        attempt, name, metrics, started, triggers, store, message_id
                    ))
                # This candidate failed: record, tell, maybe restart the message.
                candidates = route.candidates
                nxt = candidates[position + 1] if position + 1 < len(candidates) else None
                record = FallbackRecord(name, attempt.trigger, attempt.message)
                triggers.append(record)
                self._record_fallback(record, request.session_id)
                restart = bool(attempt.text)
                if restart and message_id is not None:
                    store.update_message(message_id, content="".join(attempt.text),
                                         state=MessageState.ERROR)
                    message_id = None
                yield Fallback(name, attempt.trigger, attempt.message, nxt, restart)
            # Nobody could answer (or cancelled while falling back).
            text = no_answer_text(self.catalog, triggers) if not cancel.is_set() else ""
            if text:
                yield TextDelta(text)
            metrics.finish_reason = "cancelled" if cancel.is_set() else "error"
            metrics.error = None if cancel.is_set() else "no model could answer"
            metrics.fallbacks = list(triggers)
            metrics.total_ms = (time.perf_counter() - started) * 1000.0
            state = self._stopped_state() if cancel.is_set() else MessageState.ERROR
            store.update_message(message_id, content=text, state=state,
                                 meta={"route": route.reason, "fallbacks": triggers})
            if (failed := store.report()) is not None:
                yield failed
            self._save_metrics(metrics)
            yield Finished(text, None, state, metrics, message_id, tuple(triggers))
        finally:
            with self._lock:
                self._live.pop(live_key, None)
                self._cancels.discard(cancel)

    def _attempt(
        self,
        name: str,
        request: ChatRequest,
        history: list[Message],
        attempt: Attempt,
        cancel: threading.Event,
        store: Saver,
        message_id: int | None,
        route: str,
    ) -> Iterator[ReplyEvent]:
        """Try one candidate; fills ``attempt`` (trigger set on failure)."""
        spec = self.catalog.spec(name)
        known_failure = self._pool.load_failure(name)
        if known_failure is not None:
            attempt.fail(FallbackTrigger.of(known_failure.reason, FallbackTrigger.LOAD_ERROR),
                         str(known_failure))
            return
        if not spec.is_remote and self.catalog.disk_status(spec).status == ModelStatus.MISSING:
            missing = missing_error(spec, self.catalog.path(spec))
            attempt.fail(FallbackTrigger.MISSING, str(missing))
            return
        lease = self._pool.acquire(name, cancel)
        if lease.busy:
            yield Waiting(name)
        try:
            with lease:
                if not lease.loaded:
                    yield Loading(name)
                try:
                    backend = lease.backend()
                except ModelUnavailable as exc:
                    trigger = FallbackTrigger.of(exc.reason, FallbackTrigger.LOAD_ERROR)
                    attempt.fail(trigger, str(exc))
                    return
                params = {**spec.generate, **request.params}
                max_tokens = int(params.get("max_tokens") or 512)
                try:
                    messages, dropped, attempt.prompt_tokens = fit_messages(
                        backend, request.system_prompt, history, max_tokens
                    )
                except TuiChatError as exc:
                    attempt.fail(FallbackTrigger.TOO_LONG, str(exc))
                    return
                if dropped:
                    yield Trimmed(dropped, backend.context_size())
                yield Answering(name, message_id)
                yield from self._drain(backend, messages, params, attempt, cancel, store,
                                       message_id, route)
        except WaitCancelled:
            attempt.finish = "cancelled"

    def _drain(
        self,
        backend: Backend,
        messages: list[Message],
        params: dict[str, Any],
        attempt: Attempt,
        cancel: threading.Event,
        store: Saver,
        message_id: int | None,
        route: str,
    ) -> Iterator[ReplyEvent]:
        """Pull chunks from the backend, split off reasoning, sanitise, checkpoint; the hot path."""
        split = ReasoningFilter(thinking=backend.opens_reasoning)
        clock = attempt.clock
        clock.started = time.perf_counter()
        next_checkpoint = clock.started + CHECKPOINT_SECONDS
        parts, thoughts = attempt.text, attempt.reasoning
        try:
            for chunk in backend.stream(messages, params, cancel):
                if chunk.finish_reason is not None:
                    attempt.finish = chunk.finish_reason
                    attempt.usage = chunk.completion_tokens
                    if chunk.prompt_tokens:
                        attempt.prompt_tokens = chunk.prompt_tokens
                    break
                clock.chunk(bool(chunk.text or chunk.reasoning))
                if chunk.reasoning and (thought := split.feed_reasoning(chunk.reasoning)):
                    thoughts.append(thought)
                    yield ReasoningDelta(thought)
                if not chunk.text:
                    if chunk.reasoning:
                        clock.thought()
                    continue
                yield from self._split(split.feed(chunk.text), parts, thoughts, clock)
                if split.splitter.in_reasoning or chunk.reasoning:
                    clock.thought()
                if message_id is not None:
                    now = time.perf_counter()
                    if now >= next_checkpoint:
                        next_checkpoint = now + CHECKPOINT_SECONDS
                        store.update_message(message_id, content="".join(parts),
                                             meta=attempt.meta(route) if thoughts else None)
                        if (failed := store.report()) is not None:
                            yield failed
            yield from self._split(split.close(), parts, thoughts, clock)
        except (BackendError, ModelUnavailable) as exc:
            attempt.fail(FallbackTrigger.of(exc.reason, FallbackTrigger.BACKEND_ERROR), str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a backend bug must not end the chain
            log.exception("%s failed while generating", backend.name)
            attempt.fail(FallbackTrigger.BACKEND_ERROR,
                         f"{backend.name} failed while generating "
                         f"({exc.__class__.__name__}); see the log.")
            return
        if cancel.is_set():
            attempt.finish = "cancelled"
            return
        if not "".join(parts).strip() and not attempt.stopped_thinking:
            attempt.fail(FallbackTrigger.EMPTY,
                         f"{backend.name} gave an empty reply ({clock.tokens} text "
                         f"chunks, {clock.empty} empty chunks).")

    @staticmethod
    def _split(pieces: list[tuple[bool, str]], parts: list[str], thoughts: list[str],
               clock: StreamClock) -> Iterator[ReplyEvent]:
        """Events for safe pieces: reasoning apart, answer text as it comes."""
        for reasoning, piece in pieces:
            if reasoning:
                thoughts.append(piece)
                yield ReasoningDelta(piece)
            else:
                parts.append(piece)
                clock.answered()
                yield TextDelta(piece)

    def _finish(
        self,
        attempt: Attempt,
        name: str,
        metrics: RequestMetrics,
        started: float,
        triggers: list[FallbackRecord],
        store: Saver,
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
        metrics.fallbacks = list(triggers)
        metrics.reasoning_tokens = clock.reasoning
        metrics.answer_ms = clock.answer_ms
        state = (self._stopped_state() if attempt.finish == "cancelled"
                 else MessageState.COMPLETE)
        meta = attempt.meta(metrics.route_reason, triggers)
        note = STOPPED_THINKING if attempt.stopped_thinking else ""
        if note:
            meta["note"] = note
        store.update_message(message_id, content=text, state=state, model=name, meta=meta)
        if (failed := store.report()) is not None:
            yield failed
        self._save_metrics(metrics)
        yield Finished(text, name, state, metrics, message_id, tuple(triggers),
                       meta.get("reasoning", ""), note)

    def _record_fallback(self, record: FallbackRecord, session_id: int | None) -> None:
        with self._lock:
            self._fallbacks.append(SeenFallback(time.time(), session_id, record))
        log.warning("fallback from %s (%s): %s", record.model, record.trigger, record.message)

    def _save_metrics(self, metrics: RequestMetrics) -> None:
        if self._store is None:
            return
        try:
            self._store.record_request(metrics.as_dict())
        except TuiChatError:
            log.exception("could not record request metrics")
