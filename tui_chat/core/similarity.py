"""Learned scores for the auto router: a classifier over labelled example prompts.

The example prompts are the shipped ``tui_chat/data/router_examples.jsonl`` plus the user's
``[router.examples]``. A prompt's score for a role is the probability a logistic regression
(``router_model``) gives it, over WordLlama embeddings and character n-grams; the closest
example of that role (by both) names it in the reason. WordLlama is
a static embedding model whose 16 MB of weights ship inside its wheel; the regression's
weights ship as package data, trained on the shipped examples.

Nothing is loaded at import time: the models load on the first ``scores`` call, or earlier
in a background thread started by ``warm_up``. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_chat.core.config import ROLES
from tui_chat.core.router_model import (
    HASH_BUCKETS,
    USER_WEIGHT,
    Features,
    RoleModel,
    clip,
    examples_digest,
    featurize,
    load_shipped,
    train,
)

log = logging.getLogger(__name__)

EXAMPLES_RESOURCE = "router_examples.jsonl"
"""The shipped example set, package data of ``tui_chat.data``."""


@dataclass(frozen=True, slots=True)
class RoleScore:
    """How well a prompt fits one role."""

    role: str
    """chat, code, docs or creative."""
    score: float
    """The classifier's probability for the role, 0 to 1 (the four add up to 1)."""
    nearest: str
    """The closest example of the role, for the reason."""
    similarity: float
    """How close that example is: the mean of two cosines (WordLlama embeddings, character
    n-grams), about 0 to 1."""


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


def embed_texts(texts: Sequence[str]) -> Any:
    """Unit WordLlama embeddings of ``texts`` (long ones by head and tail), float32 rows."""
    import numpy as np

    if not texts:
        return np.zeros((0, load_model().embedding.shape[1]), dtype=np.float32)
    vectors = load_model().embed([clip(t) for t in texts], norm=True)
    return np.asarray(vectors, dtype=np.float32)


class ExampleIndex:
    """The example prompts, their embeddings and the classifier, loaded once and lazily."""

    def __init__(
        self,
        rules: Callable[[str], Sequence[float]],
        extra: Mapping[str, Sequence[str]] | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self._rules = rules
        """The rule scores the classifier takes as features (``router.rule_features``)."""
        self._cache_dir = cache_dir
        """Where the classifier retrained with ``extra`` is kept between runs (or None)."""
        self._extra = [(r, t) for r, texts in (extra or {}).items() for t in texts if t.strip()]
        self._lock = threading.Lock()
        self._classifier: RoleModel | None = None
        self._matrix: Any = None
        self._roles: Any = None
        self._texts: list[str] = []
        self._bucket_starts: Any = None
        self._entry_rows: Any = None
        self._entry_values: Any = None

    def warm_up(self) -> threading.Thread | None:
        """Load everything in a daemon thread, so the first route does not wait for it
        (None when it is loaded already: opening a chat warms its model up again)."""
        if self.loaded:
            return None
        thread = threading.Thread(target=self._ensure, name="router-warm-up", daemon=True)
        thread.start()
        return thread

    @property
    def loaded(self) -> bool:
        """True once the models and the example matrix are in memory."""
        return self._classifier is not None

    def scores(self, text: str, rules: Sequence[float] | None = None) -> dict[str, RoleScore]:
        """One ``RoleScore`` per role for ``text``; ``rules``, its rule scores if known."""
        import numpy as np

        self._ensure()
        assert self._classifier is not None
        x = featurize([text], embed_texts, self._rules if rules is None else lambda _: rules)
        probabilities = self._classifier.probabilities(x)[0]
        # einsum, not @: a BLAS product wakes its thread pool per call, which costs more
        # than the product (p95 1.8 ms against 0.1 ms here).
        cosines = np.einsum("ij,j->i", self._matrix, x.dense[0, : self._matrix.shape[1]])
        sims = 0.5 * (cosines + self._ngrams(x))
        result: dict[str, RoleScore] = {}
        for i, role in enumerate(ROLES):
            of_role = np.flatnonzero(self._roles == role)
            if of_role.size == 0:
                result[role] = RoleScore(role, float(probabilities[i]), "", -1.0)
                continue
            best = int(of_role[np.argmax(sims[of_role])])
            result[role] = RoleScore(
                role, float(probabilities[i]), self._texts[best], float(sims[best])
            )
        return result

    def _ngrams(self, x: Features) -> Any:
        """Cosine of the one prompt in ``x`` to every example, over character n-grams.

        Only the examples' entries in the prompt's buckets are read (an inverted index), so
        the cost follows the prompt, not the size of the example set.
        """
        import numpy as np

        starts = self._bucket_starts[x.indices]
        lengths = self._bucket_starts[x.indices + 1] - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        weights = self._entry_values[offsets] * np.repeat(x.values, lengths)
        return np.bincount(self._entry_rows[offsets], weights=weights,
                           minlength=len(self._texts))

    def _ensure(self) -> None:
        if self._classifier is not None:
            return
        with self._lock:
            if self._classifier is not None:
                return
            import numpy as np

            classifier, digest = load_shipped()
            shipped = shipped_examples()
            pairs = shipped + self._extra
            fits = digest == examples_digest(shipped)
            cached = self._cached(classifier, digest) if fits and self._extra else None
            if cached is None and (self._extra or not fits):
                _, x = shipped_features(self._rules)
                if self._extra:
                    x = x + featurize([t for _, t in self._extra], embed_texts, self._rules)
                weights = [1.0] * len(shipped) + [USER_WEIGHT] * len(self._extra)
                retrained = train(x, [r for r, _ in pairs], weights,
                                  classifier if fits else None)
                if fits and self._extra:
                    self._keep(classifier, retrained, digest)
                classifier = retrained
            else:  # the weights fit: only the nearest-example lookup needs features
                classifier = cached or classifier
                x = featurize([t for _, t in pairs], embed_texts, None)
            dim = load_model().embedding.shape[1]
            self._texts = [t for _, t in pairs]
            self._roles = np.array([r for r, _ in pairs])
            self._matrix = np.ascontiguousarray(x.dense[:, :dim])
            order = np.argsort(x.indices, kind="stable")
            self._bucket_starts = np.searchsorted(x.indices[order], np.arange(HASH_BUCKETS + 1))
            self._entry_rows = x.rows[order]
            self._entry_values = x.values[order]
            self._classifier = classifier
        del x
        _return_free_memory()

    def _cache_file(self, shipped: RoleModel, digest: str) -> Path | None:
        """Named by everything the retrained classifier depends on: the shipped weights
        (their bias changes with every retraining), the examples and their weight."""
        if self._cache_dir is None:
            return None
        seed = f"user {USER_WEIGHT} {digest} {shipped.dense.shape} {shipped.bias.tobytes().hex()}"
        key = examples_digest([(seed, "")] + self._extra)
        return self._cache_dir / "router" / f"with-your-examples-{key[:16]}.npz"

    def _cached(self, shipped: RoleModel, digest: str) -> RoleModel | None:
        """The classifier trained on these shipped and user examples by an earlier run."""
        path = self._cache_file(shipped, digest)
        if path is None or not path.is_file():
            return None
        try:
            return RoleModel.load(path)
        except Exception as exc:  # noqa: BLE001 - damaged or from another version: train again
            log.info("router: ignoring the cached classifier %s: %s", path, exc)
            return None

    def _keep(self, shipped: RoleModel, classifier: RoleModel, digest: str) -> None:
        """Write the retrained classifier for the next run; older ones go."""
        path = self._cache_file(shipped, digest)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("with-your-examples-*.npz"):
                old.unlink(missing_ok=True)
            temporary = path.with_suffix(".tmp.npz")
            classifier.save(temporary, digest)
            temporary.replace(path)
        except OSError as exc:  # a full disk or a read-only data dir: train next time too
            log.info("router: could not keep the retrained classifier in %s: %s", path, exc)


def _return_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc): featurizing the examples
    leaves about 60 MB of freed arrays that the process would otherwise keep."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


@functools.cache
def shipped_features(
    rules: Callable[[str], Sequence[float]],
) -> tuple[list[tuple[str, str]], Features]:
    """The shipped examples and their features, computed once per process."""
    pairs = shipped_examples()
    return pairs, featurize([t for _, t in pairs], embed_texts, rules)


@functools.cache
def load_model() -> Any:
    """WordLlama from the files inside its installed package (once); never downloads."""
    import wordllama
    from wordllama import WordLlama

    # WordLlama looks for its tokenizer under <cache_dir>/tokenizers/, which is where the
    # wheel installs it, so the package directory itself serves as the cache.
    package_dir = Path(wordllama.__file__).parent
    return WordLlama.load(cache_dir=package_dir, disable_download=True)
