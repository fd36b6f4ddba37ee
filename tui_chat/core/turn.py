"""The parts of one reply's flow: where it is saved, and how one candidate did."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import FallbackTrigger, Role, StorageFailed
from tui_chat.core.metrics import StreamClock
from tui_chat.core.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


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

    __slots__ = ("text", "finish", "trigger", "message", "clock", "prompt_tokens", "usage")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.finish = "stop"
        self.trigger: FallbackTrigger | None = None
        self.message = ""
        self.clock = StreamClock()
        self.prompt_tokens = 0
        self.usage: int | None = None

    def fail(self, trigger: FallbackTrigger, message: str) -> None:
        self.trigger, self.message = trigger, message
