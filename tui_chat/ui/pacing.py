"""When the screen draws while a reply starts, and the interpreter settings the app runs with.

Each figure here is measured in ``bench/`` (see bench/README.md): change one, run
``make bench``.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from textual.app import App, ScreenStackError
from textual.css.query import NoMatches
from textual.timer import Timer

SIDEBAR_DELAY_S = 0.05
"""How long sidebar and header updates wait at the start of a reply (see :class:`Deferred`)."""

ASK_WAIT_S = 0.01
"""Longest a new reply's messages wait for the worker to hand the prompt to the model."""

FIRST_TEXT_WAIT_S = 0.05
"""Longest the screen waits for a reply's first text before showing the prompt alone."""

SIDEBAR_WAIT_S = 1.0
"""Longest sidebar and header updates wait for a reply's first text (see :meth:`Deferred.hold`)."""


class FrameHold:
    """Holds screen updates from Enter until the reply's first text is in.

    The prompt leaving the box, the two new messages and the first tokens then reach
    the terminal in one frame. Drawn apart, the first tokens would wait for the next
    frame slot: Textual's screen timer puts the frame after an idle spell 16-33 ms
    after the previous one, so the first tokens of a fast model showed up to 30 ms
    late. A slow model changes nothing visible: the prompt moves to the log after
    :data:`FIRST_TEXT_WAIT_S` instead of after one frame.
    """

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self._hold: AbstractContextManager[None] | None = None
        self._timer: Timer | None = None

    @property
    def held(self) -> bool:
        """True while updates are held back."""
        return self._hold is not None

    def start(self) -> None:
        """Hold updates, :data:`FIRST_TEXT_WAIT_S` at most (no-op while held)."""
        if self._hold is not None:
            return
        hold = self.app.batch_update()
        hold.__enter__()
        self._hold = hold
        self._timer = self.app.set_timer(FIRST_TEXT_WAIT_S, self.release)

    def release(self) -> None:
        """Let the screen draw again, at once (idempotent)."""
        hold, self._hold = self._hold, None
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.stop()
        if hold is None:
            return
        hold.__exit__(None, None, None)
        # The screen drew nothing while held: have it look for changes now, not when
        # its next message happens to arrive.
        try:
            self.app.screen.check_idle()
        except ScreenStackError:  # the app is closing
            pass


class Deferred:
    """Updates run once, together, :data:`SIDEBAR_DELAY_S` after the first is asked for.

    For the start of a reply: the frames that show the prompt and the first tokens
    then hold only the chat log; the sidebar and header follow a moment later.

    While a reply's first text is awaited (:meth:`hold` until :meth:`text_in`), they
    wait for it, :data:`SIDEBAR_WAIT_S` at most: drawn meanwhile, they take CPU from
    the model's prompt evaluation on a machine with no core to spare (measured with
    ``bench/ttft_timeline.py`` beside a CPU-bound process: the sidebar frame took
    6-14 ms of the UI thread's CPU in the middle of the wait).
    """

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self._pending: list[Callable[[], object]] = []
        self._timer: Timer | None = None
        self._held_until: float | None = None

    def hold(self) -> None:
        """A reply's first text is awaited: what is added waits for :meth:`text_in`."""
        self._held_until = time.monotonic() + SIDEBAR_WAIT_S
        if self._timer is not None:  # pending from before: it waits too
            self._timer.stop()
            self._timer = self.app.set_timer(SIDEBAR_WAIT_S, self.run)

    def text_in(self) -> None:
        """The first text is in (or the reply ended without any): updates follow soon."""
        if self._held_until is None:
            return
        self._held_until = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = self.app.set_timer(SIDEBAR_DELAY_S, self.run)

    def add(self, update: Callable[[], object]) -> None:
        """Run ``update`` soon (once, however often it is added before then)."""
        if update not in self._pending:
            self._pending.append(update)
        if self._timer is None:
            delay = SIDEBAR_DELAY_S
            if self._held_until is not None:
                delay = max(self._held_until - time.monotonic(), SIDEBAR_DELAY_S)
            self._timer = self.app.set_timer(delay, self.run)

    def run(self) -> None:
        """Run what is pending now."""
        pending, self._pending, self._timer = self._pending, [], None
        self._held_until = None
        for update in pending:
            try:
                update()
            except NoMatches:  # the app is closing: its widgets are gone
                return

    def cancel(self) -> None:
        """Drop what is pending (the app is closing)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._pending.clear()


class InterpreterTuning:
    """Interpreter settings while the app runs; the previous ones come back after.

    The UI thread shares the GIL with the worker threads that drain replies: a 1 ms
    switch interval (default 5 ms) hands it over sooner, and a higher generation-0 GC
    threshold (default 700) avoids collections over the whole widget tree every few
    hundred allocations while a reply streams, and ``gc.freeze`` takes what exists at
    start-up (modules, classes, the widget tree) out of every later collection, so a
    full collection no longer stalls a frame.
    """

    SWITCH_INTERVAL = 0.001
    GC_THRESHOLD = (20_000, 20, 20)

    def __init__(self) -> None:
        self._saved: tuple[float, tuple[int, ...]] | None = None

    def apply(self) -> None:
        """Switch to the app's settings (remembering the current ones)."""
        if self._saved is None:
            self._saved = (sys.getswitchinterval(), gc.get_threshold())
        sys.setswitchinterval(self.SWITCH_INTERVAL)
        gc.set_threshold(*self.GC_THRESHOLD)
        gc.freeze()  # what exists at start-up lives on: later collections skip it

    def restore(self) -> None:
        """Put the settings from before :meth:`apply` back."""
        if self._saved is not None:
            interval, threshold = self._saved
            sys.setswitchinterval(interval)
            gc.set_threshold(*threshold)
            gc.unfreeze()
            self._saved = None
