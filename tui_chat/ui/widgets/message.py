"""One chat message (a meta line and a Markdown body that can stream), and the live
reply that feeds it (:class:`LiveReply`, at the end).

The streaming path, worker thread to screen:

- ``push`` (any thread) adds the fragment to a :class:`StreamBuffer` and wakes the UI
  at most once per frame, however fast tokens come.
- ``write_pending_text`` (UI thread) hands what is buffered to the body's
  MarkdownStream, at most :data:`APPEND_CHARS` per frame. It is paced so the UI thread
  spends at most :data:`UI_SHARE` of its time on the reply: the UI shares the GIL and
  the CPUs with the thread running the model, and every frame (re-parse of the last
  block, layout, paint) is time the model does not get.
- A worker that gets more than :data:`BACKLOG_CHARS` ahead of the screen waits for it
  to catch up. Models never come close (that is thousands of tokens a second); it
  keeps a flood from a fast source bounded, so the end of a reply shows at once.
- A long body hides its blocks far above the viewport behind one spacer of the same
  height (:class:`OffscreenBlocks`), so the work per frame does not grow with the
  length of the reply.
- ``finish`` stops the stream and settles the body with the full text: the body is
  rebuilt (``Markdown.update``) only when what was streamed differs from the final
  text, or when the text defines reference links (the one construct an incremental
  parse can render differently). Otherwise the streamed blocks already are the full
  parse, and re-building them would cost seconds on a long reply.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownStream
from textual.worker import Worker

from tui_chat.core import events as core
from tui_chat.core.config_ui import DEFAULT_MAX_FPS
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import MessageState
from tui_chat.ui import messages as msg
from tui_chat.ui.widgets.buffer import StreamBuffer
from tui_chat.ui.widgets.offscreen import OffscreenBlocks
from tui_chat.ui.widgets.thinking import ThinkingBlock

log = logging.getLogger(__name__)

SHOW_LIMIT = 6_000
"""Longer user messages (pastes) show their start and a count; copy still gets it all."""

FLUSH_INTERVAL = 1 / DEFAULT_MAX_FPS
"""Least seconds between two Markdown appends while streaming (the fastest pace), unless
``[ui] max_fps`` says otherwise."""

UI_SHARE = 0.05
"""Most of the UI thread's time a streaming reply may take.

After each append the pause before the next one is the UI-thread CPU time the last
cycle took divided by this share (never under FLUSH_INTERVAL, never over MAX_PACE).
A fast machine still gets 15 appends a second; a slow or busy one gets fewer, larger
ones instead of a slower model.
"""

MAX_PACE = 1.0
"""Most seconds between two appends while text is waiting. At 0.4 a busy 2-CPU machine
(a CPU-bound process beside it) kept the UI thread at 12-13% of a core while SmolLM2
replied; at 1.0 it held 9.6% (``bench/llm.py`` with the process beside it)."""

APPEND_CHARS = 2_000
"""Most characters handed to the Markdown widget in one append (one frame's work)."""

BACKLOG_CHARS = 2_000
"""A worker thread pushing text waits while more than this is waiting for the screen."""

BACKLOG_WAIT_S = 1.0
"""Longest a single push waits for the screen to catch up."""

LONG_BODY_CHARS = 8_000
"""A finished body this long is checked for blocks to hide when the log scrolls."""

STATE_LABELS = {
    "streaming": "…",
    "stopped": "⏹ stopped",
    "interrupted": "⚠ interrupted",
    "error": "✗ error",
    "complete": "",
}

_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)


class MessageView(Vertical):
    """A user or assistant message in the chat log."""

    @dataclass
    class Flush(Message):
        """New fragments wait in the buffer."""

    @dataclass
    class ThinkingFlush(Message):
        """New reasoning waits for the thinking block."""

    @dataclass
    class StreamStarted(Message):
        """This streaming message shows its first text or reasoning (the log makes room
        below it).

        Posted after the frame that shows it, not when the stream starts: the room's
        mount and frame would otherwise fall in the model's prompt evaluation, and take
        CPU from it on a busy machine. An empty reply has nothing to follow yet."""

        view: MessageView

    @dataclass
    class StreamEnded(Message):
        """This message stopped streaming (the log settles on the bottom)."""

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
        reasoning: str = "",
    ) -> None:
        super().__init__(classes=f"message {role}")
        self.set_reactive(MessageView.role, role)
        self.set_reactive(MessageView.meta, meta)
        self.set_reactive(MessageView.state, state)
        self.text = text
        """The full text (the core keeps the authoritative copy while streaming)."""
        self.message_id = message_id
        """The store's id for this message, when persisted."""
        self.branch: tuple[int, int] | None = None
        """(n, count) when this message is the n-th of ``count`` alternatives."""
        self.buffer = StreamBuffer()
        self.thinking = ThinkingBlock(reasoning)
        """The reply's reasoning, above its answer (hidden while there is none)."""
        self.offscreen = OffscreenBlocks(self)
        """Hides the blocks of a long body while they are far out of view."""
        self._stream: MarkdownStream | None = None
        self._ui_thread: int | None = None
        self._pace = self._interval = FLUSH_INTERVAL
        self._cycle_cpu: float | None = None
        self.on_first_text: Callable[[], None] | None = None
        """Called once, when the reply's first text is in the body (UI thread)."""
        self._started_posted = False

    def compose(self) -> ComposeResult:
        yield Static(self._meta_text(), classes="meta", markup=False)
        if self.thinking.text:
            yield self.thinking
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
        who = {"user": "You", "assistant": "Assistant", "notice": "Notice",
               "summary": "Summary"}.get(self.role, self.role)
        if self.branch is not None and self.branch[1] > 1:
            who += f" ‹ {self.branch[0]}/{self.branch[1]} ›"
        parts = [who]
        if self.meta:
            parts.append(self.meta)
        label = STATE_LABELS.get(self.state, self.state)
        if label:
            parts.append(label)
        return " · ".join(parts)

    def set_branch(self, branch: tuple[int, int] | None) -> None:
        """Show which of its alternatives this message is (``‹ 2/3 ›``), or none."""
        if branch != self.branch:
            self.branch = branch
            self._refresh_meta()

    def _refresh_meta(self) -> None:
        if self.is_mounted:
            self.query_one(".meta", Static).update(self._meta_text())
        self._set_flag(self.state in ("stopped", "interrupted", "error"), "-flagged")
        self._set_flag(self.state == "streaming", "-streaming")

    def _set_flag(self, on: bool, name: str) -> None:
        """Toggle a class that styles only this view and its meta line.

        ``set_class`` restyles every descendant, and a long reply has thousands of
        widgets (two seconds at the end of a 20,000-token reply): restyle these two.
        """
        if self.has_class(name) == on:
            return
        self.set_class(on, name, update=False)
        if self.is_mounted:
            self.app.stylesheet.update_nodes([self, *self.query_children(".meta")])
            self.refresh()

    def watch_meta(self) -> None:
        self._refresh_meta()

    def watch_state(self) -> None:
        self._refresh_meta()

    def on_mount(self) -> None:
        self._refresh_meta()

    @property
    def streaming(self) -> bool:
        """True from ``start_stream`` until ``finish``."""
        return self._stream is not None

    @property
    def is_long(self) -> bool:
        """True when the body may have blocks worth hiding while out of view."""
        return (self._stream is not None or self.offscreen.hidden > 0
                or len(self.text) > LONG_BODY_CHARS)

    def hide_offscreen_blocks(self) -> None:
        """Hide (or show again) the body's blocks for the log's scroll position."""
        self.offscreen.update()

    @on(Markdown.TableOfContentsUpdated)
    def _body_rebuilt(self, event: Markdown.TableOfContentsUpdated) -> None:
        """A long body finished mounting: hide what is far out of view."""
        if self.is_long:
            self.call_after_refresh(self.offscreen.update)

    def on_resize(self, event: events.Resize) -> None:
        """Hidden blocks would have another height at another width: re-check them."""
        if self.offscreen.hidden:
            self.call_after_refresh(self.offscreen.update)

    # ----------------------------------------------------------------- streaming

    def start_stream(self) -> None:
        """Begin streaming into the body (UI thread)."""
        self.state = "streaming"
        self._ui_thread = threading.get_ident()
        self.buffer.reopen()
        ui = getattr(self.app, "ui_config", None)
        if ui is not None:
            self._interval = 1 / ui.max_fps
            self._pace = max(self._pace, self._interval)
        if self._stream is None:
            self._stream = Markdown.get_stream(self.body)
        self._started_posted = False

    def _ask_for_room(self) -> None:
        """Text or reasoning is in: after its frame, the log makes room (StreamStarted)."""
        if not self._started_posted:
            self._started_posted = True
            self.call_after_refresh(self.post_message, self.StreamStarted(self))

    def push(self, text: str) -> None:
        """Queue streamed text; safe to call from any thread.

        A worker thread waits here while the screen is more than BACKLOG_CHARS behind.
        """
        if self.buffer.push(text):
            self.post_message(self.Flush())
        if (self.buffer.size > BACKLOG_CHARS and self._stream is not None
                and threading.get_ident() != self._ui_thread):
            # Behind: the UI flushes at the fast pace now, not when a pause it set while
            # text trickled in ends (up to MAX_PACE later, with this worker blocked).
            self.post_message(self.Flush())
            self.buffer.wait_for_screen(BACKLOG_CHARS, BACKLOG_WAIT_S)

    def push_reasoning(self, text: str) -> None:
        """Queue streamed reasoning for the thinking block; safe from any thread."""
        if self.thinking.queue(text):
            self.post_message(self.ThinkingFlush())

    @on(ThinkingFlush)
    async def show_thinking(self, event: ThinkingFlush) -> None:
        """Reasoning arrived: mount the block above the answer (the first time), show it."""
        event.stop()
        if not self.thinking.is_attached:
            await self.mount(self.thinking, before=self.body)
        self.thinking.show_pending()
        if self.state == "streaming":
            self._ask_for_room()

    def _wake(self) -> None:
        self.post_message(self.Flush())

    @on(Flush)
    async def write_pending_text(self, event: Flush) -> None:
        """Hand buffered text to the MarkdownStream: one bounded write per paced frame."""
        event.stop()
        if self._stream is None:
            self.buffer.take()
            return
        now = time.monotonic()
        behind = self.buffer.worker_waiting or self.buffer.size > APPEND_CHARS
        wait = self.buffer.last_flush + (self._interval if behind else self._pace) - now
        if wait > 0:
            self.set_timer(wait, self._wake)
            return
        self._update_pace()
        self.buffer.last_flush = now
        text = self.buffer.take(APPEND_CHARS)
        if text and self.thinking.live:
            self.thinking.settle()  # the answer starts: the thinking folds
        first, self.on_first_text = self.on_first_text, None
        if text and first is not None:
            # Awaited here, not queued on the stream: the caller is told once the first
            # text is mounted (the stream's later writes come after it, in order).
            await self.body.append(text)
            first()
        elif text:
            await self._stream.write(text)
        elif first is not None:
            self.on_first_text = first
        if text:
            self._ask_for_room()
        if self.buffer.size:
            self.set_timer(self._interval, self._wake)
        self.call_after_refresh(self.offscreen.update)

    def _update_pace(self) -> None:
        """Set the pause before the next append from what the last cycle cost the UI."""
        cpu = time.thread_time()
        if self._cycle_cpu is not None:
            spent = cpu - self._cycle_cpu
            self._pace = min(max(MAX_PACE, self._interval), max(self._interval, spent / UI_SHARE))
        self._cycle_cpu = cpu

    async def finish(self, text: str, state: str, meta: str | None = None,
                     reasoning: str | None = None) -> None:
        """End the stream and settle the body with the full text (see the module docstring).

        ``reasoning`` is the reply's whole reasoning; the thinking block shows it folded.
        """
        if reasoning and not self.thinking.is_attached and self.is_attached:
            await self.mount(self.thinking, before=self.body)
        if reasoning or self.thinking.live:
            self.thinking.settle(reasoning)
        streamed = self._stream is not None
        if self._stream is not None:
            pending = self.buffer.take()
            if pending:
                await self._stream.write(pending)
            await self._stream.stop()
            self._stream = None
        self.buffer.close()
        self.text = text
        body = self.body
        if not streamed or body.source != text or _REFERENCE_DEFINITION.search(text):
            await self.offscreen.remove()
            await body.update(text)
        if meta is not None:
            self.meta = meta
        self.state = state
        if streamed:
            self.post_message(self.StreamEnded())

    def on_unmount(self) -> None:
        """A view removed mid-stream (session switched) drops its stream task."""
        self.buffer.close()
        stream, self._stream = self._stream, None
        task = getattr(stream, "_task", None) if stream is not None else None
        if task is not None:
            task.cancel()


# --------------------------------------------------------------------------- live replies
# A reply streaming in one chat, as the chat screen keeps it while it lasts.
#
# It survives switching chats: while its chat is not shown, the text collects here, and
# a view opened later catches up from it. The worker thread appends; the UI thread
# attaches and detaches views. The core keeps the reply's authoritative text (and the
# store its checkpoints); this is what the screen has been handed so far.

_numbers = itertools.count(1)

_MESSAGES: dict[type, Callable[[int, object, str], Message]] = {
    core.Waiting: lambda reply, event, why: msg.ReplyWaiting(reply, event),
    core.Loading: lambda reply, event, why: msg.ReplyLoading(reply, event),
    core.Answering: lambda reply, event, why: msg.ReplyAnswering(reply, event, why),
    core.Trimmed: lambda reply, event, why: msg.ReplyTrimmed(reply, event),
    core.StorageFailed: lambda reply, event, why: msg.HistoryNotSaved(reply, event),
    core.Finished: lambda reply, event, why: msg.ReplyFinished(reply, event, why),
}
"""The screen's message for each core event the worker posts (text and fallbacks apart)."""


@dataclass(eq=False)
class LiveReply:
    """One reply in progress (see the module docstring)."""

    session_id: int
    """The chat it belongs to."""
    cancel: threading.Event = field(default_factory=threading.Event)
    """Set to stop the reply within one token (the core checks it)."""
    reply_id: int = field(default_factory=lambda: next(_numbers))
    """Tells its messages from those of an earlier reply in the same chat."""
    view: MessageView | None = None
    """Where streamed text goes; None while its chat is not shown."""
    model: str | None = None
    """The model answering, once known."""
    meta: str = ""
    """The reply's meta line so far."""
    waiting: bool = False
    """True while queued behind another chat's reply on the same model."""
    asked: threading.Event = field(default_factory=threading.Event)
    """Set by the worker once the model has the prompt (or the reply ended)."""
    worker: Worker[None] | None = None
    """The thread worker draining the core's events."""
    message_id: int | None = None
    """The store's id of the reply, once known."""
    prompt_id: int | None = None
    """The store's id of the prompt it answers, once stored (None when regenerating)."""
    prompt_view: MessageView | None = None
    """The prompt's view, while it is shown; it gets ``prompt_id`` once known."""
    state: MessageState = MessageState.STREAMING
    """The reply's final state, once the screen has handled its end."""
    _parts: list[str] = field(default_factory=list)
    _thoughts: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def text(self) -> str:
        """The text handed to the screen so far."""
        with self._lock:
            return "".join(self._parts)

    def append(self, text: str) -> None:
        """Record text and forward it to the view, if shown (worker thread)."""
        with self._lock:
            self._parts.append(text)
            view = self.view
        if view is not None:
            view.push(text)

    def append_reasoning(self, text: str) -> None:
        """Record reasoning and forward it to the view's thinking block (worker thread)."""
        with self._lock:
            self._thoughts.append(text)
            view = self.view
        if view is not None:
            view.push_reasoning(text)

    def attach(self, view: MessageView) -> None:
        """Show this reply in ``view`` (UI thread; the view is mounted and streaming)."""
        if self.meta:
            view.meta = self.meta
        view.message_id = self.message_id
        with self._lock:
            self.view = view
            thoughts = "".join(self._thoughts)
            if thoughts:
                view.push_reasoning(thoughts)
            text = "".join(self._parts)
            if text:
                view.push(text)

    def detach(self) -> None:
        """Its chat is no longer shown: text collects here until a view attaches."""
        with self._lock:
            self.view = None

    def restart(self) -> tuple[MessageView | None, str]:
        """A fallback starts the reply over: (the old view, its text); worker thread.

        Text from the next model collects here until the screen attaches a fresh view.
        """
        with self._lock:
            view, self.view = self.view, None
            partial = "".join(self._parts)
            self._parts.clear()
            self._thoughts.clear()
        return view, partial

    def drain(self, events: Iterator[core.ReplyEvent],
              post: Callable[[Message], object]) -> None:
        """Drain ``events`` (worker thread): text to the view, the rest ``post``-ed in order.

        The route's reason is kept here and goes out with the model that answers; a
        fallback that restarts the reply detaches its view first, so the next model's
        text never lands in the failed one's view.
        """
        reason = ""
        try:
            for event in events:
                if isinstance(event, core.TextDelta):
                    self.append(event.text)
                    continue
                if isinstance(event, core.ReasoningDelta):
                    self.append_reasoning(event.text)
                    continue
                if isinstance(event, core.RouteChosen):
                    reason, self.prompt_id = event.reason, event.prompt_id
                    continue
                if not isinstance(event, core.Trimmed):
                    self.asked.set()  # the model has the prompt, or is loading or waiting
                if isinstance(event, core.Fallback):
                    old_view, partial = self.restart() if event.restart else (None, "")
                    post(msg.ReplyFellBack(self.reply_id, event, old_view, partial))
                else:
                    post(_MESSAGES[type(event)](self.reply_id, event, reason))
        except TuiChatError as exc:
            post(msg.ReplyFailed(self.reply_id, str(exc)))
        except Exception as exc:  # noqa: BLE001 - never let a model error kill the app
            log.exception("generation failed")
            post(msg.ReplyFailed(self.reply_id,
                                 f"The reply failed ({exc.__class__.__name__}); see the log."))
        finally:
            self.asked.set()
