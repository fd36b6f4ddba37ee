"""Fitting a conversation into a model's context window."""

from __future__ import annotations

from tui_chat.core.backends.base import Backend, Message
from tui_chat.core.errors import TuiChatError

TOKEN_OVERHEAD = 8
"""Per-message template tokens, a safe estimate."""
TEMPLATE_ALLOWANCE = 256
"""Tokens a chat template may add of its own (SmolLM2's injects a system prompt)."""
MARGIN = 16
"""Tokens kept free besides the reply's ``max_tokens``."""


def fit_messages(
    backend: Backend, system_prompt: str, history: list[Message], max_tokens: int
) -> tuple[list[Message], int, int]:
    """Fit system prompt + history into the context: (messages, dropped, prompt_tokens).

    The oldest turns go first; the system prompt and the last user turn are always
    kept. Raises TuiChatError when even those do not fit.

    A token always stands for at least one byte of text, so a conversation whose
    UTF-8 size (plus template allowances) is within the budget fits without being
    counted: it goes to the model at once with a rough prompt_tokens (4 characters
    a token) that the backend's final chunk replaces with the exact count. Only
    longer conversations are counted before they are sent.
    """
    budget = backend.context_size() - max_tokens - MARGIN
    system: list[Message] = (
        [{"role": "system", "content": system_prompt}] if system_prompt else []
    )
    texts = [m["content"] for m in system + history]
    bound = TEMPLATE_ALLOWANCE + sum(
        len(text.encode("utf-8", "replace")) + TOKEN_OVERHEAD for text in texts
    )
    if bound <= budget:
        rough = sum(len(text) // 4 + TOKEN_OVERHEAD for text in texts)
        return system + history, 0, rough
    counts = backend.count_tokens_many(texts)
    fixed = sum(count + TOKEN_OVERHEAD for count in counts[:len(system)])
    costs = [count + TOKEN_OVERHEAD for count in counts[len(system):]]
    keep_from = 0
    total = fixed + sum(costs)
    while total > budget and keep_from < len(history) - 1:
        total -= costs[keep_from]
        keep_from += 1
    # Never start on an assistant turn after trimming.
    while keep_from < len(history) - 1 and history[keep_from]["role"] != "user":
        total -= costs[keep_from]
        keep_from += 1
    while True:
        counted = backend.count_prompt(system + history[keep_from:])
        if counted is None:
            break
        total = counted
        if total <= budget or keep_from >= len(history) - 1:
            break
        keep_from += 1  # the template's own text pushed it over: drop one more turn
        while keep_from < len(history) - 1 and history[keep_from]["role"] != "user":
            keep_from += 1
    if total > budget:
        raise TuiChatError(
            f"The prompt is about {total:,} tokens but {backend.name} fits "
            f"{max(budget, 0):,} (context {backend.context_size():,}); "
            "shorten it or pick a model with a larger n_ctx."
        )
    return system + history[keep_from:], keep_from, total
