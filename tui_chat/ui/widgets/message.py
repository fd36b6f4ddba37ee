"""One chat message: a meta line and a Markdown body that can stream."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownStream

SHOW_LIMIT = 6_000
"""Longer user messages (pastes) show their start and a count; copy still gets it all."""

FLUSH_INTERVAL = 1 / 15
"""Least seconds between two Markdown appends while streaming.

Appending re-parses the last block, and the UI thread shares the GIL with the thread
draining llama.cpp: a UI that renders as fast as tokens arrive slows the model down.
Fragments that arrive in between are batched into the next append.
"""

STATE_LABELS = {
    "streaming": "…",
    "stopped": "⏹ stopped",
    "interrupted": "⚠ interrupted",
    "error": "✗ error",
    "complete": "",
}


class StreamBuffer:
    """Fragments handed from a worker thread to the UI, batched per frame.

    ``push`` runs on the worker thread and returns True only when the UI has to be
    woken (the buffer was drained since the last wake), so one wake message is ever
    in flight no matter how fast tokens arrive.
    """

    __slots__ = ("_lock", "_parts", "_scheduled", "last_flush")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parts: list[str] = []
        self._scheduled = False
        self.last_flush = 0.0
        """When the UI last took text (monotonic seconds)."""

    def push(self, text: str) -> bool:
        """Add ``text``; True when the caller should post a wake-up."""
        with self._lock:
            self._parts.append(text)
            if self._scheduled:
                return False
            self._scheduled = True
            return True

    def take(self) -> str:
        """Everything pushed since the last take."""
        with self._lock:
            text = "".join(self._parts)
            self._parts.clear()
            self._scheduled = False
            return text


class MessageView(Vertical):
    """A user or assistant message in the chat log."""

    @dataclass
    class Flush(Message):
        """New fragments wait in the buffer."""

    role: reactive[str] = reactive("assistant")
    """``user``, ``assistant`` or ``notice``."""
    meta: reactive[str] = reactive("")
    """Model, route reason and other facts shown above the body."""
    state: reactive[str] = reactive("complete")
    """complete | streaming | stopped | interrupted | error."""

    def __init__(
        self,
        role: str,
        text: str = "",
        *,
        meta: str = "",
        state: str = "complete",
        message_id: int | None = None,
    ) -> None:
        super().__init__(classes=f"message {role}")
        self.set_reactive(MessageView.role, role)
        self.set_reactive(MessageView.meta, meta)
        self.set_reactive(MessageView.state, state)
        self.text = text
        """The full text (the core keeps the authoritative copy while streaming)."""
        self.message_id = message_id
        """The store's id for this message, when persisted."""
        self.buffer = StreamBuffer()
        self._stream: MarkdownStream | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._meta_text(), classes="meta", markup=False)
        yield Markdown(self._shown(self.text), open_links=False, classes="body")

    def _shown(self, text: str) -> str:
        if self.role != "user" or len(text) <= SHOW_LIMIT:
            return text
        return (f"{text[:SHOW_LIMIT]}\n\n*… {len(text) - SHOW_LIMIT:,} more characters "
                "(sent in full; y copies all)*")

    @property
    def body(self) -> Markdown:
        """The Markdown body widget."""
        return self.query_one(".body", Markdown)

    def _meta_text(self) -> str:
        who = {"user": "You", "assistant": "Assistant", "notice": "Notice"}.get(self.role, self.role)
        parts = [who]
        if self.meta:
            parts.append(self.meta)
        label = STATE_LABELS.get(self.state, self.state)
        if label:
            parts.append(label)
        return " · ".join(parts)

    def _refresh_meta(self) -> None:
        if self.is_mounted:
            self.query_one(".meta", Static).update(self._meta_text())
        self.set_class(self.state in ("stopped", "interrupted", "error"), "-flagged")
        self.set_class(self.state == "streaming", "-streaming")

    def watch_meta(self) -> None:
        self._refresh_meta()

    def watch_state(self) -> None:
        self._refresh_meta()

    def on_mount(self) -> None:
        self._refresh_meta()

    # ----------------------------------------------------------------- streaming

    def start_stream(self) -> None:
        """Begin streaming into the body (UI thread)."""
        self.state = "streaming"
        if self._stream is None:
            self._stream = Markdown.get_stream(self.body)

    def push(self, text: str) -> None:
        """Queue streamed text; safe to call from a worker thread."""
        if self.buffer.push(text):
            self.post_message(self.Flush())

    @on(Flush)
    async def write_pending_text(self, event: Flush) -> None:
        """Hand everything buffered to the MarkdownStream in one write, at most 15 a second."""
        event.stop()
        wait = self.buffer.last_flush + FLUSH_INTERVAL - time.monotonic()
        if wait > 0:
            self.set_timer(wait, lambda: self.post_message(self.Flush()))
            return
        self.buffer.last_flush = time.monotonic()
        text = self.buffer.take()
        if text and self._stream is not None:
            await self._stream.write(text)

    async def finish(self, text: str, state: str, meta: str | None = None) -> None:
        """End the stream and settle the body once with the full text."""
        if self._stream is not None:
            pending = self.buffer.take()
            if pending:
                await self._stream.write(pending)
            await self._stream.stop()
            self._stream = None
        self.text = text
        await self.body.update(text)
        if meta is not None:
            self.meta = meta
        self.state = state

    def on_unmount(self) -> None:
        """A view removed mid-stream (session switched) drops its stream task."""
        stream, self._stream = self._stream, None
        task = getattr(stream, "_task", None) if stream is not None else None
        if task is not None:
            task.cancel()

    async def reset(self) -> None:
        """Clear the body (a fallback restarts the reply)."""
        if self._stream is not None:
            await self._stream.stop()
            self._stream = None
        self.buffer.take()
        self.text = ""
        await self.body.update("")
