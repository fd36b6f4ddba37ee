"""``tui-chat route [--model NAME|auto] PROMPT``: show where a prompt would go, and why.

Prints exactly one line, ``ROLE MODEL REASON``, e.g.
``code codellama-13b code: python fence and "traceback"``. With ``--explain`` it adds the
scores per role (rules, the learned probability, their blend, and the closest example prompt
with its cosine similarity). Only the router's small models are loaded; nothing is sent to a
chat model.
"""

from __future__ import annotations

import argparse
import sys

from tui_chat.core.config import ROLES
from tui_chat.core.events import AUTO
from tui_chat.core.router import Router
from tui_chat.core.runtime import Runtime


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``route``."""
    p = sub.add_parser(
        "route", parents=[common], help="show which role and model would answer a prompt"
    )
    p.add_argument(
        "--model", default=AUTO, help="a model name to pin, or auto (default: auto)"
    )
    p.add_argument("--explain", action="store_true", help="also print the scores per role")
    p.add_argument("prompt", nargs="+", help="the prompt ('-' reads standard input)")


def prompt_text(words: list[str]) -> str:
    """The prompt words joined with spaces, or standard input for a lone ``-``."""
    text = " ".join(words)
    return sys.stdin.read() if text == "-" else text


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print ``ROLE MODEL REASON`` for the prompt."""
    router = Router(runtime.config, cache_dir=runtime.data_dir)
    text = prompt_text(args.prompt)
    route = router.pick(text, args.model)
    print(f"{route.role} {route.model} {route.reason}")
    if args.explain:
        print(explain_table(router, text))
    return 0


def explain_table(router: Router, text: str) -> str:
    """Scores per role, one line each: rules, learned probability, blend, closest example."""
    found = router.explain(text)
    lines = [f"{'role':<10}{'rules':>6} {'learned':>8} {'blend':>6}  nearest example (similarity)"]
    for role in ROLES:
        sim = found.similarity.get(role)
        learned = f"{sim.score:8.2f}" if sim else f"{'-':>8}"
        blend = f"{found.blended[role]:6.2f}" if role in found.blended else f"{'-':>6}"
        nearest = f'"{sim.nearest}" ({sim.similarity:.2f})' if sim else ""
        mark = "*" if role == found.role else " "
        lines.append(f"{role:<9}{mark}{found.rules[role]:6.1f} {learned} {blend}  {nearest}")
    if not found.similarity:
        lines.append("strong signals decided; the learned classifier was not consulted")
    return "\n".join(lines)
