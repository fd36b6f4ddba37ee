"""Timing probes wrapped around the real widgets (installed in the benchmark process only).

The app and its widgets are not changed: the probes wrap ``Markdown.append`` and
``MessageView.finish`` at class level, record when each call started and finished
(wall and UI-thread CPU time) and when the next frame after it was painted: the end of
the next ``App._display`` that had an update to show (headless, so without writing the
escape sequences a terminal would get). ``call_after_refresh`` is not used for that: its
callbacks also run when a batch update holds the frame back.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from tui_chat.ui.widgets.message import MessageView


@dataclass
class Append:
    """One ``Markdown.append`` of a streamed body: what it took and when."""

    started: float
    done: float = 0.0
    cpu: float = 0.0
    """UI-thread CPU seconds from the call to its completion."""
    offset: int = 0
    """Characters the body held before this append."""
    chars: int = 0
    """Characters this append added."""
    painted: float | None = None
    """The next screen refresh after the append completed."""
    cpu_start: float = 0.0
    """UI-thread CPU clock (``time.thread_time``) when the append was called."""


@dataclass
class Finish:
    """One ``MessageView.finish``."""

    started: float
    done: float = 0.0
    painted: float | None = None
    text_len: int = 0
    cpu_start: float = 0.0
    """UI-thread CPU clock when finish was called."""


@dataclass
class Probes:
    """Everything recorded, per Markdown widget (keyed by ``id()``)."""

    appends: dict[int, list[Append]] = field(default_factory=dict)
    finishes: dict[int, Finish] = field(default_factory=dict)
    """MessageView id -> its last finish."""
    bodies: dict[int, int] = field(default_factory=dict)
    """MessageView id -> id of its Markdown body."""

    def reset(self) -> None:
        """Forget every record."""
        self.appends.clear()
        self.finishes.clear()
        self.bodies.clear()

    def appends_of(self, view: MessageView) -> list[Append]:
        """The appends made to ``view``'s body."""
        return self.appends.get(id(view.body), [])


PROBES = Probes()
_installed: dict[str, Any] = {}
_unpainted: list[Any] = []
"""Records waiting for the next frame that reaches the screen."""


def install() -> Probes:
    """Wrap the widget methods (idempotent); returns the shared record."""
    if _installed:
        return PROBES
    from textual.app import App

    original_append = Markdown.append
    original_finish = MessageView.finish
    original_display = App._display

    def display(self: App, screen: Any, renderable: Any) -> None:
        shown = renderable is not None and not self._batch_count
        original_display(self, screen, renderable)
        if shown and _unpainted:
            now = time.perf_counter()
            for record in _unpainted:
                record.painted = now
            _unpainted.clear()

    def append(self: Markdown, markdown: str) -> AwaitComplete:
        cpu = time.thread_time()
        record = Append(time.perf_counter(), offset=len(self.source), chars=len(markdown),
                        cpu_start=cpu)
        awaitable = original_append(self, markdown)

        async def timed() -> None:
            await awaitable
            record.done = time.perf_counter()
            record.cpu = time.thread_time() - cpu
            PROBES.appends.setdefault(id(self), []).append(record)
            _unpainted.append(record)

        return AwaitComplete(timed())

    async def finish(self: MessageView, text: str, state: str, meta: str | None = None,
                     reasoning: str | None = None) -> None:
        record = Finish(time.perf_counter(), text_len=len(text), cpu_start=time.thread_time())
        PROBES.bodies[id(self)] = id(self.body)
        await original_finish(self, text, state, meta, reasoning)
        record.done = time.perf_counter()
        PROBES.finishes[id(self)] = record
        _unpainted.append(record)

    Markdown.append = append  # type: ignore[method-assign]
    MessageView.finish = finish  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]
    _installed.update(append=original_append, finish=original_finish, display=original_display)
    return PROBES
