"""One Textual message per core reply event, posted by the reply's worker to its screen.

Text is not among them: it is the one high-rate event, and goes from the worker
straight into the reply view's buffer (one wake-up in flight). Every other event
becomes the message below named for it, handled by one method named for its effect.
Each carries the reply it belongs to (``reply_id``: replies of several chats stream
at once) and the core's frozen event.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

from textual.message import Message

from tui_chat.core import events as core

if TYPE_CHECKING:
    from tui_chat.ui.widgets.message import MessageView


@dataclass
class ReplyMessage(Message):
    """Base of the messages below: which reply an event belongs to."""

    reply_id: int
    """The screen's number for the reply (see ``LiveReply.reply_id``)."""


@dataclass
class ReplyWaiting(ReplyMessage):
    """Another chat holds the model; this reply queues."""

    event: core.Waiting


@dataclass
class ReplyLoading(ReplyMessage):
    """The model is loading before it can answer."""

    event: core.Loading


@dataclass
class ReplyAnswering(ReplyMessage):
    """The model has the prompt and is generating."""

    event: core.Answering
    reason: str
    """The router's reason for choosing the model."""


@dataclass
class ReplyTrimmed(ReplyMessage):
    """Older turns were left out to fit the context window."""

    event: core.Trimmed


@dataclass
class ReplyFellBack(ReplyMessage):
    """A model could not answer; the next one takes over."""

    event: core.Fallback
    old_view: MessageView | None = None
    """Where the failed model's text went, when it had written some (the reply restarts)."""
    partial: str = ""
    """The failed model's text, for ``old_view``."""


@dataclass
class HistoryNotSaved(ReplyMessage):
    """A write to the history failed; the reply goes on."""

    event: core.StorageFailed


@dataclass
class ReplyFinished(ReplyMessage):
    """The reply ended: complete, stopped or failed."""

    event: core.Finished
    reason: str
    """The router's reason for choosing the model."""


@dataclass
class ReplyFailed(ReplyMessage):
    """The worker ended with an error instead of a Finished event."""

    message: str
    """One sentence for the user."""


def reply_meta(model: str | None, reason: str = "",
               fallbacks: tuple[core.FallbackRecord, ...] = ()) -> str:
    """The line above a reply: who answered, why, and who could not.

    >>> reply_meta("smollm2", "chat: no special signals")
    'smollm2 · chat: no special signals'
    """
    if model is None:
        return "no model could answer"
    parts = [model]
    if reason:
        parts.append(reason)
    if fallbacks:
        parts.append("fell back: " + ", ".join(f"{f.model} {f.trigger}" for f in fallbacks))
    return " · ".join(parts)
