"""Shared checks for streaming backends."""

from __future__ import annotations

import threading
from typing import Any

from tui_chat.core.backends.base import Chunk, Message


def cancel_after(backend: Any, messages: list[Message], params: dict[str, Any],
                 chunks: int) -> tuple[int, int, Chunk | None]:
    """Stream, set the cancel event after ``chunks`` chunks, read to the end.

    Returns (chunks seen, chunks seen after the cancel was set, the final chunk).
    """
    cancel = threading.Event()
    seen = after_cancel = 0
    final = None
    for chunk in backend.stream(messages, params, cancel):
        if chunk.finish_reason:
            final = chunk
            break
        if cancel.is_set():
            after_cancel += 1
        seen += 1
        if seen == chunks:
            cancel.set()
    return seen, after_cancel, final
