"""A scripted stand-in for a model, for tests about layout and timing only.

Tests that claim inference run real llama.cpp on SmolLM2. This backend is for what a
real model cannot be made to do on every CPU: a first token that comes exactly when
the test says, or a reply of a known height (llama.cpp's kernels differ by instruction
set, so the same seed writes other words, lines and lengths on another machine).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from tui_chat.core.backends.base import Chunk


class ScriptedBackend:
    """Yields fixed tokens, ``delay`` seconds apart; the first after ``first_delay``.

    Both waits end at once when ``cancel`` is set, as a real backend stops within one
    token.
    """

    def __init__(self, tokens: list[str], first_delay: float = 0.0, delay: float = 0.01,
                 name: str = "smollm2", finish: str = "stop") -> None:
        self.name = name
        self.opens_reasoning = False
        self.finish = finish
        """The finish reason of a stream that runs to its end (``length``: cut off)."""
        self.tokens = tokens
        self.first_delay = first_delay
        self.delay = delay
        self.requests: list[list[Any]] = []
        """The messages of every request, in order (what the model was sent)."""

    def load(self) -> None:
        """Nothing to load."""

    def stream(self, messages: list[Any], params: dict[str, Any],
               cancel: threading.Event | None = None) -> Iterator[Chunk]:
        """Yield the script; stops within one token of ``cancel``."""
        cancel = cancel or threading.Event()
        self.requests.append(list(messages))
        if cancel.wait(self.first_delay):
            yield Chunk(text="", index=0, finish_reason="cancelled")
            return
        for index, text in enumerate(self.tokens):
            if cancel.is_set():
                yield Chunk(text="", index=index, finish_reason="cancelled")
                return
            yield Chunk(text=text, index=index)
            if cancel.wait(self.delay):
                yield Chunk(text="", index=index + 1, finish_reason="cancelled")
                return
        yield Chunk(text="", index=len(self.tokens), finish_reason=self.finish)

    def context_size(self) -> int:
        """A window no test fills."""
        return 4096

    def count_tokens(self, text: str) -> int:
        """About four characters a token."""
        return max(1, len(text) // 4)

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """:meth:`count_tokens` for each text."""
        return [self.count_tokens(text) for text in texts]

    def count_prompt(self, messages: list[Any]) -> int | None:
        """No chat template to apply: the caller's sum stands."""
        return None

    def info(self) -> dict[str, Any]:
        """What diagnostics show for it."""
        return {"backend": "scripted"}

    def close(self) -> None:
        """Nothing to free."""


def scripted_factory(backend: ScriptedBackend):  # noqa: ANN201 - a BackendFactory
    """A backend factory that hands out ``backend`` for every model."""
    return lambda spec, path: backend
