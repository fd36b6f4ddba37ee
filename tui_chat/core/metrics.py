"""Per-request figures: TTFT, tokens, empty chunks, tokens/s, fallbacks."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from tui_chat.core.events import FallbackRecord


@dataclass(slots=True)
class RequestMetrics:
    """What one reply cost. Field names are the ``tui-chat stats --json`` keys."""

    time: float = field(default_factory=time.time)
    """When the request started (epoch seconds)."""
    session_id: int | None = None
    """The session the reply belongs to."""
    model: str | None = None
    """The model that answered (None when none could)."""
    route_reason: str = ""
    """Why that model was chosen."""
    prompt_tokens: int = 0
    """Tokens sent to the model (after trimming)."""
    completion_tokens: int = 0
    """Tokens generated (non-empty chunks, or the engine's own count)."""
    empty_chunks: int = 0
    """Stream events that carried no text."""
    ttft_ms: float | None = None
    """Milliseconds from starting generation to the first text."""
    tokens_per_s: float | None = None
    """Generation speed after the first token."""
    total_ms: float | None = None
    """Milliseconds from the request to the last chunk, waits and loads included."""
    finish_reason: str = "stop"
    """stop | length | cancelled | error."""
    fallbacks: list[FallbackRecord] = field(default_factory=list)
    """Every candidate that could not answer this request, in order."""
    error: str | None = None
    """The error that ended the request, if any."""
    reasoning_tokens: int = 0
    """Of ``completion_tokens``, those spent thinking (reasoning apart from the answer)."""
    answer_ms: float | None = None
    """Milliseconds from starting generation to the first token of the answer itself."""

    def as_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict with the public field names (fallbacks as dicts)."""
        data = asdict(self)
        data["fallbacks"] = [record.as_dict() for record in self.fallbacks]
        return data

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RequestMetrics:
        """Rebuild from a stored row (``Store.requests``); extra keys such as ``id`` are ignored."""
        known = {f.name: row[f.name] for f in fields(cls) if f.name in row}
        known["fallbacks"] = [FallbackRecord.from_dict(item)
                              for item in known.get("fallbacks") or []]
        return cls(**known)


METRIC_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(RequestMetrics))
"""The public field names, in order: the ``tui-chat stats --json`` keys."""


class StreamClock:
    """Times one generation: ``started`` is set when it starts, ``chunk`` counts each chunk.

    ``ttft_ms`` and ``tokens_per_s`` read the figures so far, during or after the stream.
    """

    __slots__ = ("started", "first", "last", "tokens", "empty", "reasoning", "first_answer")

    def __init__(self) -> None:
        self.started = time.perf_counter()
        """``perf_counter`` when generation started (the flow resets it then)."""
        self.first: float | None = None
        """When the first text chunk arrived."""
        self.last: float | None = None
        """When the latest text chunk arrived."""
        self.tokens = 0
        """Text chunks so far."""
        self.empty = 0
        """Empty chunks so far."""
        self.reasoning = 0
        """Of ``tokens``, those that were reasoning."""
        self.first_answer: float | None = None
        """When the first answer text (not reasoning) arrived."""

    def chunk(self, has_text: bool) -> None:
        """Count one chunk."""
        now = time.perf_counter()
        if has_text:
            self.tokens += 1
            if self.first is None:
                self.first = now
            self.last = now
        else:
            self.empty += 1

    def thought(self) -> None:
        """The last text chunk counted was reasoning."""
        self.reasoning += 1

    def answered(self) -> None:
        """Answer text arrived (the first time counts)."""
        if self.first_answer is None:
            self.first_answer = time.perf_counter()

    @property
    def answer_ms(self) -> float | None:
        """Time to the first answer token in milliseconds (after any reasoning)."""
        return None if self.first_answer is None else (self.first_answer - self.started) * 1000.0

    @property
    def ttft_ms(self) -> float | None:
        """Time to first token in milliseconds."""
        return None if self.first is None else (self.first - self.started) * 1000.0

    def tokens_per_s(self) -> float | None:
        """Decode speed: tokens after the first over the time since it."""
        if self.first is None or self.last is None:
            return None
        span = self.last - self.first
        if self.tokens > 1 and span > 0:
            return (self.tokens - 1) / span
        total = self.last - self.started
        return self.tokens / total if total > 0 else None
