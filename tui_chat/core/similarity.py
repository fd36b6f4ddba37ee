"""Similarity to labelled example prompts: the learned half of the auto router.

Every example prompt (the shipped ``tui_chat/data/router_examples.jsonl`` plus the user's
``[router.examples]``) is embedded once with WordLlama, a static embedding model whose
16 MB of weights ship inside its wheel. A prompt's score for a role is the mean cosine
similarity of its ``TOP_K`` nearest examples of that role.

Nothing is loaded at import time: the model loads on the first ``scores`` call, or earlier
in a background thread started by ``warm_up``. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_chat.core.config import ROLES

EXAMPLES_RESOURCE = "router_examples.jsonl"
"""The shipped example set, package data of ``tui_chat.data``."""
TOP_K = 5
"""Nearest examples averaged per role."""
HEAD_CHARS = 600
TAIL_CHARS = 300
"""Long prompts are embedded from their head and tail: the ask is usually there."""


@dataclass(frozen=True, slots=True)
class RoleScore:
    """How close a prompt is to one role's examples."""

    role: str
    """chat, code, docs or creative."""
    score: float
    """Mean cosine similarity of the nearest examples, about -1 to 1."""
    nearest: str
    """The single closest example of the role, for the reason."""


def shipped_examples() -> list[tuple[str, str]]:
    """The shipped (role, prompt) pairs, read through ``importlib.resources``."""
    import json  # here, not at import time: nothing of this is needed before the first route
    from importlib import resources

    text = resources.files("tui_chat.data").joinpath(EXAMPLES_RESOURCE).read_text("utf-8")
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            pairs.append((row["role"], row["text"]))
    return pairs


def _clip(text: str) -> str:
    if len(text) <= HEAD_CHARS + TAIL_CHARS:
        return text
    return text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]


class ExampleIndex:
    """Embedded example prompts per role, loaded once and lazily."""

    def __init__(self, extra: Mapping[str, Sequence[str]] | None = None) -> None:
        self._extra = {role: list(texts) for role, texts in (extra or {}).items()}
        self._lock = threading.Lock()
        self._model: Any = None
        self._matrix: Any = None
        self._roles: Any = None
        self._texts: list[str] = []

    def warm_up(self) -> threading.Thread:
        """Load the model in a daemon thread, so the first route does not wait for it."""
        thread = threading.Thread(target=self._ensure, name="router-warm-up", daemon=True)
        thread.start()
        return thread

    @property
    def loaded(self) -> bool:
        """True once the model and the example matrix are in memory."""
        return self._matrix is not None

    def scores(self, text: str) -> dict[str, RoleScore]:
        """One ``RoleScore`` per role for ``text``."""
        import numpy as np

        self._ensure()
        vector = self._model.embed([_clip(text)], norm=True)[0]
        sims = self._matrix @ vector
        result: dict[str, RoleScore] = {}
        for role in ROLES:
            mask = self._roles == role
            if not mask.any():
                result[role] = RoleScore(role, -1.0, "")
                continue
            role_sims = sims[mask]
            k = min(TOP_K, role_sims.size)
            top = np.argpartition(role_sims, -k)[-k:]
            best = int(top[np.argmax(role_sims[top])])
            nearest = self._texts[int(np.flatnonzero(mask)[best])]
            result[role] = RoleScore(role, float(role_sims[top].mean()), nearest)
        return result

    def _ensure(self) -> None:
        if self._matrix is not None:
            return
        with self._lock:
            if self._matrix is not None:
                return
            import numpy as np

            model = load_model()
            shipped, shipped_matrix = _shipped_matrix()
            extra = [(r, t) for r, texts in self._extra.items() for t in texts if t.strip()]
            matrix = shipped_matrix
            if extra:
                added = model.embed([_clip(t) for _, t in extra], norm=True)
                matrix = np.vstack([shipped_matrix, np.asarray(added, dtype=np.float32)])
            pairs = shipped + extra
            self._model = model
            self._texts = [t for _, t in pairs]
            self._roles = np.array([r for r, _ in pairs])
            self._matrix = matrix


@functools.cache
def _shipped_matrix() -> tuple[list[tuple[str, str]], Any]:
    """The shipped examples and their embeddings, computed once per process."""
    import numpy as np

    pairs = shipped_examples()
    matrix = load_model().embed([_clip(t) for _, t in pairs], norm=True)
    return pairs, np.asarray(matrix, dtype=np.float32)


@functools.cache
def load_model() -> Any:
    """WordLlama from the files inside its installed package (once); never downloads."""
    import wordllama
    from wordllama import WordLlama

    # WordLlama looks for its tokenizer under <cache_dir>/tokenizers/, which is where the
    # wheel installs it, so the package directory itself serves as the cache.
    package_dir = Path(wordllama.__file__).parent
    return WordLlama.load(cache_dir=package_dir, disable_download=True)
