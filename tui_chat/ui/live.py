"""A reply streaming in one chat, as the chat screen keeps it while it lasts.

It survives switching chats: while its chat is not shown, the text collects here, and
a view opened later catches up from it. The worker thread appends; the UI thread
attaches and detaches views. The core keeps the reply's authoritative text (and the
store its checkpoints); this is what the screen has been handed so far.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from textual.message import Message
from textual.worker import Worker

from tui_chat.core import events as core
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import MessageState
from tui_chat.ui import messages as msg
from tui_chat.ui.widgets.message import MessageView

log = logging.getLogger(__name__)

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
    state: MessageState = MessageState.STREAMING
    """The reply's final state, once the screen has handled its end."""
    _parts: list[str] = field(default_factory=list)
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

    def attach(self, view: MessageView) -> None:
        """Show this reply in ``view`` (UI thread; the view is mounted and streaming)."""
        if self.meta:
            view.meta = self.meta
        view.message_id = self.message_id
        with self._lock:
            self.view = view
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
                if isinstance(event, core.RouteChosen):
                    reason = event.reason
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
