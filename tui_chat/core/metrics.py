"""Per-request figures: TTFT, tokens, empty chunks, tokens/s, fallbacks."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

FALLBACK_SEPARATOR = " | "
"""Joins the triggers in :attr:`RequestMetrics.fallback` (see ``chat._describe``)."""


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
    fallback: str | None = None
    """Every fallback trigger of this request, ``model: trigger: message`` joined by `` | ``."""
    error: str | None = None
    """The error that ended the request, if any."""

    def as_dict(self) -> dict[str, Any]:
        """A plain dict with the public field names."""
        return asdict(self)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RequestMetrics:
        """Rebuild from a stored row (``Store.requests``); extra keys such as ``id`` are ignored."""
        known = {f.name: row[f.name] for f in fields(cls) if f.name in row}
        return cls(**known)

    def fallback_triggers(self) -> list[tuple[str, str, str]]:
        """The fallback triggers as ``(model, trigger, message)`` tuples."""
        return parse_fallback(self.fallback)


METRIC_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(RequestMetrics))
"""The public field names, in order: the ``tui-chat stats --json`` keys."""


def parse_fallback(text: str | None) -> list[tuple[str, str, str]]:
    """Split a stored ``fallback`` value back into ``(model, trigger, message)`` tuples.

    The value is written as ``model: trigger: message`` items joined by `` | ``; an
    item without the expected parts keeps what it has (missing parts are '').
    """
    out: list[tuple[str, str, str]] = []
    for item in (text or "").split(FALLBACK_SEPARATOR):
        if not item.strip():
            continue
        parts = item.split(": ", 2) + ["", ""]
        out.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return out


class StreamClock:
    """Times one generation: call ``start``, ``token`` per chunk, ``finish`` at the end."""

    __slots__ = ("started", "first", "last", "tokens", "empty")

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first: float | None = None
        self.last: float | None = None
        self.tokens = 0
        self.empty = 0

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
