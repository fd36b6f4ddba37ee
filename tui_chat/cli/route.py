"""``tui-chat route [--model NAME|auto] PROMPT``: show where a prompt would go, and why.

Prints exactly one line, ``ROLE MODEL REASON``, e.g.
``code codellama-13b code: python fence and "traceback"``. Nothing is loaded or sent.
"""

from __future__ import annotations

import argparse
import sys

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
    p.add_argument("prompt", nargs="+", help="the prompt ('-' reads standard input)")


def prompt_text(words: list[str]) -> str:
    """The prompt words joined with spaces, or standard input for a lone ``-``."""
    text = " ".join(words)
    return sys.stdin.read() if text == "-" else text


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print ``ROLE MODEL REASON`` for the prompt."""
    route = Router(runtime.config).pick(prompt_text(args.prompt), args.model)
    print(f"{route.role} {route.model} {route.reason}")
    return 0
