"""How much of a model's context window the next request takes: exact, and cheap to ask.

The figure is what the model's own chat template and tokenizer make of the chat's path,
its system prompt and the prompt being typed. Rendering and tokenising the whole chat
on every keystroke would grow with the chat, so the meter counts each message's text
once (cached by message id and model) and learns, once per model, what the template
adds around a message of each role and around the whole prompt (by rendering a few
probe conversations with the model's own template). For templates that wrap each
message in markers, as chat templates do, the sum is the rendered prompt's size; the
tests compare it with llama.cpp's own count of the request.

Which older messages the next request will leave out follows the same rule as
:func:`tui_chat.core.context.fit_messages`: oldest first, never starting on a reply.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from tui_chat.core.backends.base import Backend, Message
from tui_chat.core.context import MARGIN

WARN_SHARE = 0.75
"""The meter turns to a warning colour past this share of the window."""
ERROR_SHARE = 0.90
"""The meter turns to an error colour past this share of the window."""


@dataclass(frozen=True, slots=True)
class ContextUsage:
    """The next request of a chat against one model's window."""

    model: str
    """The model measured."""
    used: int
    """Prompt tokens the next request takes, whole (system prompt, path, draft)."""
    window: int
    """The model's context window (``n_ctx``)."""
    reply: int
    """Tokens kept for the reply (``max_tokens``)."""
    left_out: int
    """Older messages the next request leaves out to fit (0: it fits whole)."""

    @property
    def share(self) -> float:
        """``used`` as a share of the window."""
        return self.used / self.window if self.window else 1.0

    @property
    def level(self) -> str:
        """``ok``, ``warn`` (past 75%) or ``error`` (past 90%)."""
        if self.share >= ERROR_SHARE:
            return "error"
        return "warn" if self.share >= WARN_SHARE else "ok"


@dataclass(frozen=True, slots=True)
class _Template:
    """What a model's chat template adds, in tokens."""

    base: int
    """Around the whole prompt (start, generation prompt, a default system prompt)."""
    per_role: dict[str, int]
    """Around one message of each role."""
    system_delta: int
    """Besides its own markers, what a given system prompt changes (a replaced default)."""


class ContextMeter:
    """Exact next-request sizes, with message counts cached per model (thread-safe)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._templates: dict[str, _Template | None] = {}
        self._lock = threading.Lock()

    def measure(self, backend: Backend, system_prompt: str,
                history: Sequence[tuple[int | None, Message]], draft: str,
                max_tokens: int) -> ContextUsage | None:
        """The next request's size; None when the model has no template to count with.

        Args:
            backend: a loaded model.
            system_prompt: the chat's system prompt ('' for none).
            history: (message id or None, message) of what the model would be sent,
                oldest first; messages with an id are counted once and remembered.
            draft: the prompt being typed (sent as the last user message; may be '').
            max_tokens: the reply's budget.
        """
        template = self._template(backend)
        if template is None:
            return None
        ids = [mid for mid, _ in history]
        texts = [m["content"] for _, m in history]
        costs = self._token_counts(backend, ids, texts)
        costs = [count + template.per_role.get(m["role"], 0)
                 for count, (_, m) in zip(costs, history, strict=True)]
        fixed = template.base
        if system_prompt:
            fixed += (backend.count_tokens(system_prompt) + template.per_role["system"]
                      + template.system_delta)
        if draft:
            fixed += backend.count_tokens(draft) + template.per_role["user"]
        used = fixed + sum(costs)
        window = backend.context_size()
        budget = window - max_tokens - MARGIN
        left_out, total = 0, used
        roles = [m["role"] for _, m in history]
        keep_last = 0 if draft else 1  # without a draft the last message is the prompt
        while total > budget and left_out < len(costs) - keep_last:
            total -= costs[left_out]
            left_out += 1
            while left_out < len(costs) - keep_last and roles[left_out] != "user":
                total -= costs[left_out]
                left_out += 1
        return ContextUsage(backend.name, used, window, max_tokens, left_out)

    def _token_counts(self, backend: Backend, ids: list[int | None],
                      texts: list[str]) -> list[int]:
        with self._lock:
            known = {i: self._counts.get((backend.name, mid)) for i, mid in enumerate(ids)
                     if mid is not None}
        missing = [i for i in range(len(texts)) if known.get(i) is None]
        fresh = backend.count_tokens_many([texts[i] for i in missing]) if missing else []
        counts = [known.get(i) or 0 for i in range(len(texts))]
        with self._lock:
            for i, count in zip(missing, fresh, strict=True):
                counts[i] = count
                if ids[i] is not None:
                    self._counts[(backend.name, ids[i])] = count
        return counts

    def _template(self, backend: Backend) -> _Template | None:
        with self._lock:
            if backend.name in self._templates:
                return self._templates[backend.name]
        template = _probe(backend)
        with self._lock:
            self._templates[backend.name] = template
        return template

    def forget(self, model: str) -> None:
        """Drop what is known of ``model`` (it was reloaded with other settings)."""
        with self._lock:
            self._templates.pop(model, None)
            for key in [key for key in self._counts if key[0] == model]:
                del self._counts[key]


def _probe(backend: Backend) -> _Template | None:
    """Learn what the template adds, from the sizes of a few rendered conversations."""
    u, a, s = "probe question", "probe answer", "probe system"
    tu, ta, ts = backend.count_tokens_many([u, a, s])
    one = backend.count_prompt([{"role": "user", "content": u}])
    two = backend.count_prompt([{"role": "user", "content": u},
                                {"role": "assistant", "content": a}])
    three = backend.count_prompt([{"role": "user", "content": u},
                                  {"role": "assistant", "content": a},
                                  {"role": "user", "content": u}])
    with_system = backend.count_prompt([{"role": "system", "content": s},
                                        {"role": "user", "content": u}])
    if None in (one, two, three, with_system):
        return None
    assert one is not None and two is not None and three is not None
    assert with_system is not None
    per_user = three - two - tu
    per_assistant = two - one - ta
    base = one - per_user - tu
    per_system = per_user  # a system turn is wrapped like the others
    system_delta = with_system - one - ts - per_system
    return _Template(base, {"user": per_user, "assistant": per_assistant,
                            "system": per_system}, system_delta)
