"""The Backend protocol: every method the chat flow and the pool call on an engine."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict


class Message(TypedDict):
    """One chat message in OpenAI form."""

    role: str
    content: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """One streamed piece of a reply.

    A backend yields one Chunk per engine event (for llama.cpp: one per token),
    including events that carry no text, so empty chunks are counted, not hidden.
    The last chunk of a stream has ``finish_reason`` set.
    """

    text: str
    """The text this chunk adds (raw model output: sanitise before display)."""
    index: int
    """0-based position of this chunk in the stream."""
    empty: bool = False
    """True when the engine produced an event with no text."""
    finish_reason: str | None = None
    """``stop``, ``length``, ``cancelled`` or ``error`` on the final chunk."""
    prompt_tokens: int | None = None
    """Prompt size in tokens, when the engine reports it (final chunk)."""
    completion_tokens: int | None = None
    """Generated tokens, when the engine reports it (final chunk)."""
    reasoning: str = ""
    """Reasoning the server sent apart from the text (``reasoning_content``); raw."""


class Backend(Protocol):
    """A loaded (or loadable) model that streams chat completions."""

    name: str
    opens_reasoning: bool
    """True when the model's output starts inside reasoning (its template opened it)."""
    """The catalog name of the model this backend serves."""

    def load(self) -> None:
        """Load the model; raise ModelUnavailable with one clear sentence on failure."""

    def stream(
        self,
        messages: list[Message],
        params: dict[str, Any],
        cancel: threading.Event | None = None,
    ) -> Iterator[Chunk]:
        """Stream a reply. Checks ``cancel`` between chunks and stops within one."""

    def context_size(self) -> int:
        """The context window in tokens."""

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes in this model (an estimate is fine for remote models)."""

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """:meth:`count_tokens` of each text, in one call (one round trip for a process)."""

    def count_prompt(self, messages: list[Message]) -> int | None:
        """Exact prompt tokens of ``messages`` as the chat template renders them.

        None when the backend cannot tell (no template, a remote server): the flow
        then relies on the per-message counts plus an allowance.
        """

    def info(self) -> dict[str, Any]:
        """Facts for diagnostics: backend, n_ctx, n_gpu_layers, memory, load time...

        ``rss_bytes``, when present and not None, is what the model really holds in RAM
        (a model process's measured RSS); the pool's memory budget counts it.
        """

    def close(self) -> None:
        """Free the model's memory or connections."""
