"""The thinking block above a reply: the model's reasoning, apart from its answer.

A message mounts its block only once it has reasoning, so the log's other messages cost
no widgets for it. While the model thinks, the block is open: a header (``thinking · 312 tokens · 4.1 s``)
and the reasoning, dim, in a box of at most :data:`OPEN_LINES` lines that follows its
end. When the answer starts it folds to its header line; ``t`` in the chat log opens
and folds it again. Reasoning comes from a worker thread like the answer's text: it
waits in a :class:`~tui_chat.ui.widgets.message.StreamBuffer` and one wake-up at a
time brings it to the screen, at most :data:`FLUSH_INTERVAL` apart.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from tui_chat.ui.widgets.buffer import StreamBuffer

TICK_S = 0.5
"""How often the live header's clock moves."""
FLUSH_INTERVAL = 1 / 10
"""Least seconds between two updates of a live block."""
OPEN_LINES = 8
"""Height of the open block's text box; longer reasoning scrolls inside it."""
LIVE_TAIL = 4_000
"""Characters of reasoning a live block shows (its end); all of it once it is opened."""


class ThinkingBlock(Vertical):
    """A reply's reasoning: live while it streams, folded once the answer starts."""

    DEFAULT_CSS = f"""
    ThinkingBlock {{
        height: auto;
        margin: 0 0 1 0;
        display: none;
    }}
    ThinkingBlock.-shown {{
        display: block;
    }}
    ThinkingBlock .thinking-head {{
        color: $text-muted;
        text-style: italic;
    }}
    ThinkingBlock VerticalScroll {{
        height: auto;
        max-height: {OPEN_LINES};
        border-left: outer $panel;
        padding: 0 0 0 1;
    }}
    ThinkingBlock.-folded VerticalScroll {{
        display: none;
    }}
    ThinkingBlock .thinking-text {{
        color: $text-muted;
    }}
    """

    def __init__(self, text: str = "", tokens: int = 0) -> None:
        super().__init__(classes="-folded -shown" if text else "")
        self.text = text
        """All the reasoning so far."""
        self.tokens = tokens
        """Reasoning pieces so far (about one a token)."""
        self.live = False
        """True while the model is still thinking."""
        self.buffer = StreamBuffer()
        self._pushed = tokens
        self._started: float | None = None
        self._elapsed = 0.0
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._head(), classes="thinking-head", markup=False)
        with VerticalScroll():
            yield Static(self.text, classes="thinking-text", markup=False)

    @property
    def folded(self) -> bool:
        """True when only the header line shows."""
        return self.has_class("-folded")

    def _head(self) -> str:
        seconds = f" · {self._elapsed:.1f} s" if self._elapsed or self.live else ""
        count = f" · {self.tokens:,} tokens" if self.tokens else ""
        if self.live:
            return f"thinking{count}{seconds}"
        mark = "▸" if self.folded else "▾"
        return f"{mark} thought{count}{seconds} · t {'opens' if self.folded else 'folds'}"

    # ----------------------------------------------------------------- live

    def queue(self, text: str) -> bool:
        """Queue reasoning; safe from any thread. True when the UI must be woken for it
        (one wake-up in flight); each call is one reasoning event, about one token."""
        self._pushed += 1
        return self.buffer.push(text)

    def show_pending(self) -> None:
        """Bring waiting reasoning to the screen, at most one update per interval."""
        now = time.monotonic()
        wait = self.buffer.last_flush + FLUSH_INTERVAL - now
        if wait > 0:
            self.set_timer(wait, self.show_pending)
            return
        self.buffer.last_flush = now
        text = self.buffer.take()
        if not text:
            return
        if self._started is None:
            self._started = now
            self.live = True
            self.set_classes("-shown")
            self._ticker = self.set_interval(TICK_S, self._tick)
        self.tokens = self._pushed
        self.text += text
        self._elapsed = now - self._started
        self._refresh(self.text[-LIVE_TAIL:])

    def _tick(self) -> None:
        """The live header's clock moves while the model thinks."""
        if self.live and self._started is not None and self.is_mounted:
            self._elapsed = time.monotonic() - self._started
            self.query_one(".thinking-head", Static).update(self._head())

    def settle(self, text: str | None = None) -> None:
        """The answer started (or the reply ended): stop the clock and fold."""
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        pending = self.buffer.take()
        if text is None:
            text = self.text + pending
        if self._started is not None:
            self._elapsed = time.monotonic() - self._started
        self.live = False
        self.text = text
        self.tokens = max(self.tokens, self._pushed)
        if not text:
            return
        self.set_classes("-shown -folded")
        self._refresh(text)

    def toggle(self) -> None:
        """Open a folded block (all of its text) or fold an open one."""
        if not self.text:
            return
        self.toggle_class("-folded")
        self._refresh(self.text)
        if not self.folded and self.is_mounted:
            self.query_one(VerticalScroll).scroll_home(animate=False)

    def _refresh(self, shown: str) -> None:
        if not self.is_mounted:
            return
        self.query_one(".thinking-head", Static).update(self._head())
        self.query_one(".thinking-text", Static).update(shown)
        if self.live:
            self.query_one(VerticalScroll).scroll_end(animate=False)
