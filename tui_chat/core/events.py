"""The core's vocabulary: closed sets as enums, and the events a reply yields.

Every layer (the chat flow, the store, stats, the CLI and the TUI) compares against
these, never against bare strings. The enums are ``StrEnum``: a member equals its
string, so values read back from SQLite or JSON compare as they are.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui_chat.core.metrics import RequestMetrics

log = logging.getLogger(__name__)

AUTO = "auto"
"""The model choice that lets the router pick per prompt."""


class Role(StrEnum):
    """Who a stored message is from."""

    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"
    NOTICE = "notice"
    """A line from tui-chat itself (trimmed context, ...); never sent to a model."""
    SUMMARY = "summary"
    """A compacted summary of the older messages of a path; it stands in for them in
    what is sent (they stay in the history and can be restored)."""


class MessageState(StrEnum):
    """Where a stored message is in its life."""

    STREAMING = "streaming"
    COMPLETE = "complete"
    STOPPED = "stopped"
    """Esc or quit ended it; the partial text is kept."""
    INTERRUPTED = "interrupted"
    """The app died or lost its terminal while it streamed."""
    ERROR = "error"


class ModelStatus(StrEnum):
    """A catalog model's status, as the sidebar and ``tui-chat models`` show it."""

    MISSING = "missing"
    DOWNLOADING = "downloading"
    DOWNLOADED = "downloaded"
    VERIFIED = "verified"
    LOADING = "loading"
    LOADED = "loaded"
    ERROR = "error"
    REMOTE = "remote"


class FallbackTrigger(StrEnum):
    """Why a model could not answer, so the next candidate did."""

    MISSING = "missing"
    """Not downloaded, or its package is not installed."""
    LOAD_ERROR = "load_error"
    """The GGUF failed to load (corrupt, truncated, unsupported); kept until it changes."""
    PROCESS_FAILED = "process_failed"
    """The model's process died while loading (out of memory?) or failed to start."""
    TOO_LONG = "too_long"
    """The prompt does not fit the model's context even after trimming."""
    EMPTY = "empty"
    """The model yielded no text."""
    BACKEND_ERROR = "backend_error"
    """The engine failed while generating."""
    AUTH = "auth"
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    DNS_ERROR = "dns_error"
    CONNECT_ERROR = "connect_error"
    READ_TIMEOUT = "read_timeout"
    HTTP_5XX = "http_5xx"
    """A remote server answered the request with a 5xx status."""
    SERVER_ERROR = "server_error"
    """A remote server sent an error event in the middle of a stream."""
    BAD_RESPONSE = "bad_response"
    BAD_SSE = "bad_sse"
    TRUNCATED = "truncated"
    """A remote stream ended without ``[DONE]``."""
    CANCELLED = "cancelled"

    @classmethod
    def of(cls, reason: str | None, default: FallbackTrigger) -> FallbackTrigger:
        """An error's ``reason`` as a trigger; ``default`` for a word outside the set."""
        try:
            return cls(reason)
        except ValueError:
            log.warning("unknown fallback trigger %r; recorded as %s", reason, default)
            return default


@dataclass(frozen=True, slots=True)
class FallbackRecord:
    """One candidate that could not answer: the model, why, and the sentence shown."""

    model: str
    trigger: FallbackTrigger
    message: str

    def as_dict(self) -> dict[str, str]:
        """The JSON form (stats, exports, the store)."""
        return {"model": self.model, "trigger": str(self.trigger), "message": self.message}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FallbackRecord:
        """Read back :meth:`as_dict`; an unknown trigger (newer file) reads as backend_error."""
        try:
            trigger = FallbackTrigger(data.get("trigger", ""))
        except ValueError:
            trigger = FallbackTrigger.BACKEND_ERROR
        return cls(str(data.get("model", "")), trigger, str(data.get("message", "")))



@dataclass(frozen=True, slots=True)
class RouteChosen:
    """The router (or a pin) picked a model."""

    role: str
    model: str
    reason: str
    prompt_id: int | None = None
    """The stored id of the prompt being answered (None: not stored, or regenerating)."""


@dataclass(frozen=True, slots=True)
class Waiting:
    """Another generation holds the model; this one queues."""

    model: str


@dataclass(frozen=True, slots=True)
class Loading:
    """The model is being loaded before it can answer."""

    model: str


@dataclass(frozen=True, slots=True)
class Answering:
    """This model is now generating the reply."""

    model: str
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Fallback:
    """A model could not answer; the next candidate takes over.

    ``restart`` is True when the failed model had already produced text: that partial
    reply is kept (state ``error``) and a new reply starts.
    """

    model: str
    trigger: FallbackTrigger
    message: str
    next_model: str | None
    restart: bool = False

    @property
    def record(self) -> FallbackRecord:
        """This fallback as a record (for metrics, the store and stats)."""
        return FallbackRecord(self.model, self.trigger, self.message)


@dataclass(frozen=True, slots=True)
class Trimmed:
    """Old turns were left out to fit the context window."""

    dropped: int
    context: int


@dataclass(frozen=True, slots=True)
class StorageFailed:
    """History could not be saved (disk full, read-only...); the reply goes on."""

    message: str


@dataclass(frozen=True, slots=True)
class TextDelta:
    """Sanitised text to append to the reply."""

    text: str


@dataclass(frozen=True, slots=True)
class ReasoningDelta:
    """Sanitised reasoning (the model thinking before it answers), kept apart."""

    text: str


@dataclass(frozen=True, slots=True)
class Finished:
    """The reply ended (complete, stopped or failed)."""

    text: str
    model: str | None
    state: MessageState
    metrics: RequestMetrics
    message_id: int | None
    fallbacks: tuple[FallbackRecord, ...] = ()
    """Every candidate that could not answer, in order."""
    reasoning: str = ""
    """The reasoning, apart from the answer ('' for none); never sent back."""
    note: str = ""
    """A sentence about how it ended, e.g. that it stopped while thinking."""


ReplyEvent = (  # a reply yields these, always ending with one Finished
    RouteChosen | Waiting | Loading | Answering | Fallback | Trimmed | StorageFailed
    | TextDelta | ReasoningDelta | Finished
)
