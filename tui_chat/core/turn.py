"""The parts of one reply's flow: the request, where it is saved, how one candidate did,
and what diagnostics sees of replies in progress and of fallbacks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tui_chat.core.backends.base import Message
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import (
    AUTO,
    FallbackRecord,
    FallbackTrigger,
    MessageState,
    Role,
    StorageFailed,
)
from tui_chat.core.metrics import StreamClock
from tui_chat.core.store import Store, StoredMessage

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(slots=True)
class ChatRequest:
    """One prompt to answer (the low-level form; ``send`` builds it from the session)."""

    text: str
    """What the user typed."""
    model: str = AUTO
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
    parent_id: int | None = None
    """With ``branch``: the message the new turn follows (None: the top of the chat)."""
    branch: bool = False
    """True: follow ``parent_id`` (a new branch); False: the session's active leaf."""


@dataclass(frozen=True, slots=True)
class LiveStream:
    """A reply being generated, as diagnostics shows it."""

    model: str
    """The candidate answering (or loading, or waiting) right now."""
    session_id: int | None
    """The session it belongs to (None: not stored)."""
    clock: StreamClock
    """Its figures so far."""


@dataclass(frozen=True, slots=True)
class SeenFallback:
    """A fallback this process saw, stored or not."""

    time: float
    """When it happened (epoch seconds)."""
    session_id: int | None
    """The session of the reply."""
    record: FallbackRecord
    """The model, the trigger and the sentence shown."""


class Saver:
    """The store for one reply; a failed write is remembered, reported once, never raised.

    SQLite writes are whole or nothing, so a failed write leaves no partial row; the
    reply keeps streaming (its text stays on screen) and later writes are still tried.
    """

    __slots__ = ("store", "error", "_reported")

    def __init__(self, store: Store | None) -> None:
        self.store = store
        self.error: str | None = None
        self._reported = False

    def add_message(self, session_id: int, role: Role, content: str,
                    **fields: Any) -> int | None:
        """``Store.add_message``; None when not storing or when it failed."""
        store = self.store
        if store is None:
            return None
        return self._try(lambda: store.add_message(session_id, role, content, **fields))

    def update_message(self, message_id: int | None, **fields: Any) -> None:
        """``Store.update_message`` for a stored reply (nothing for None)."""
        store = self.store
        if store is not None and message_id is not None:
            self._try(lambda: store.update_message(message_id, **fields))

    def _try(self, write: Callable[[], T]) -> T | None:
        try:
            return write()
        except TuiChatError as exc:
            log.error("history write failed: %s", exc)
            self.error = self.error or str(exc)
            return None

    def report(self) -> StorageFailed | None:
        """The event to show, once, after the first failure."""
        if self.error and not self._reported:
            self._reported = True
            return StorageFailed(self.error)
        return None


class Attempt:
    """Outcome of one candidate's try."""

    __slots__ = ("text", "reasoning", "finish", "trigger", "message", "clock", "prompt_tokens",
                 "usage")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.reasoning: list[str] = []
        self.finish = "stop"
        self.trigger: FallbackTrigger | None = None
        self.message = ""
        self.clock = StreamClock()
        self.prompt_tokens = 0
        self.usage: int | None = None

    def fail(self, trigger: FallbackTrigger, message: str) -> None:
        self.trigger, self.message = trigger, message

    @property
    def stopped_thinking(self) -> bool:
        """Cut off by ``max_tokens`` while still thinking: reasoning, no answer yet."""
        return (self.finish == "length" and bool("".join(self.reasoning).strip())
                and not "".join(self.text).strip())

    def meta(self, route: str, fallbacks: list[Any] | None = None) -> dict[str, Any]:
        """The reply's stored facts: its route, fallbacks and reasoning (kept apart)."""
        meta: dict[str, Any] = {"route": route}
        if fallbacks is not None:
            meta["fallbacks"] = fallbacks
        if self.reasoning:
            meta["reasoning"] = "".join(self.reasoning)
            meta["reasoning_tokens"] = self.clock.reasoning
        return meta


SUMMARY_HEADING = "Summary of the earlier conversation:"
"""How a compacted summary is introduced to the model, after the system prompt."""


def context_of(path: list[StoredMessage], summary: StoredMessage | None,
               system_prompt: str) -> tuple[str, list[tuple[int, Message]]]:
    """(system prompt, messages) the model is sent for ``path``.

    A summary stands in for the messages up to the one it hangs off: its text joins
    the system prompt (templates take one system message, at the start), and only the
    messages after it are sent.
    """
    if summary is None:
        return system_prompt, sendable(path)
    after = [m for m in path if m.id > summary.parent_id] if summary.parent_id else path
    note = f"{SUMMARY_HEADING}\n{summary.content}"
    return (f"{system_prompt}\n\n{note}" if system_prompt else note), sendable(after)


def sendable(messages: Iterable[StoredMessage]) -> list[tuple[int, Message]]:
    """(id, message) of what the model is sent from a path: user and assistant text,
    no failed replies, never reasoning (it is kept in meta, apart)."""
    return [
        (m.id, {"role": str(m.role), "content": m.content})
        for m in messages
        if m.role in (Role.USER, Role.ASSISTANT) and m.content and m.state != MessageState.ERROR
    ]
