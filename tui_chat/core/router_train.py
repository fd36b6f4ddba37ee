"""Retrain the router on the shipped examples: ``python -m tui_chat.core.router_train``.

Writes ``tui_chat/data/router_weights.npz`` (the weights and the digest of the examples
they were trained on); run it after editing ``tui_chat/data/router_examples.jsonl``.
Apart from ``router_model`` so that the model never imports the embeddings' module.
"""

from __future__ import annotations

from pathlib import Path

from tui_chat.core.config import ROLES
from tui_chat.core.router import rule_features
from tui_chat.core.router_model import WEIGHTS_RESOURCE, examples_digest, train
from tui_chat.core.similarity import shipped_features


def main() -> int:
    """Retrain on the shipped examples and write ``tui_chat/data/router_weights.npz``."""
    pairs, x = shipped_features(rule_features)
    model = train(x, [r for r, _ in pairs])
    target = Path(__file__).resolve().parents[1] / "data" / WEIGHTS_RESOURCE
    model.save(target, examples_digest(pairs))
    right = (model.probabilities(x).argmax(axis=1) == [ROLES.index(r) for r, _ in pairs]).mean()
    print(f"wrote {target} ({len(pairs)} examples, training accuracy {right:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
