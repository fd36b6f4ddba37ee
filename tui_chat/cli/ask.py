"""``tui-chat ask [--model NAME|auto] [--session ID] PROMPT``: stream a reply to stdout."""

from __future__ import annotations

import argparse
import sys
import threading

from tui_chat.core.events import (
    AUTO,
    Answering,
    Fallback,
    Finished,
    RouteChosen,
    StorageFailed,
    ReasoningDelta,
    TextDelta,
    Trimmed,
)
from tui_chat.core.runtime import Runtime


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``ask``."""
    p = sub.add_parser("ask", parents=[common], help="ask one question, stream the reply")
    p.add_argument("--model", default=None, help="a model name or auto (default: config)")
    p.add_argument("--session", type=int, default=None, help="continue this session id")
    p.add_argument("--seed", type=int, default=None, help="sampling seed, for repeatable replies")
    p.add_argument("--max-tokens", type=int, default=None, help="cap the reply length")
    p.add_argument("--temperature", type=float, default=None, help="sampling temperature")
    p.add_argument("--show-reasoning", action="store_true",
                   help="print the model's reasoning (thinking) to stderr; stdout gets "
                        "only the answer")
    p.add_argument("prompt", nargs="+", help="the prompt ('-' reads standard input)")


def _status(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _fallback_line(event: Fallback) -> str:
    """``tui-chat: fallback from MODEL (TRIGGER): why; trying NEXT``."""
    kept = " (its partial reply is kept)" if event.restart else ""
    nxt = f"; trying {event.next_model}" if event.next_model else "; no model left to try"
    return (f"tui-chat: fallback from {event.model} ({event.trigger}){kept}: "
            f"{event.message.rstrip('.')}{nxt}")


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Stream the reply; one status line on stderr; non-zero with one line on failure."""
    text = " ".join(args.prompt)
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        _status("tui-chat: the prompt is empty; pass some text or '-' to read stdin.")
        return 2
    service = runtime.service
    service.check_prompt(text)
    if args.model and args.model != AUTO and args.model not in runtime.config.names():
        runtime.models.discover()  # a GGUF found on disk is usable by its name
    if args.session is not None:
        session = service.session(args.session)
        model = args.model or session.model
    else:
        model = args.model or runtime.config.default_model
        session = service.new_session(text, args.model or AUTO)
    params = {key: value for key, value in (("seed", args.seed), ("max_tokens", args.max_tokens),
                                            ("temperature", args.temperature))
              if value is not None}
    cancel = threading.Event()
    events = service.send(session.id, text, cancel, model=model, params=params)
    out = sys.stdout
    finished: Finished | None = None
    routed = model == AUTO
    reason = ""
    thought = False
    try:
        for event in events:
            if isinstance(event, TextDelta):
                out.write(event.text)
                out.flush()
            elif isinstance(event, ReasoningDelta):
                if args.show_reasoning:
                    sys.stderr.write(event.text)
                    sys.stderr.flush()
                    thought = True
            elif isinstance(event, Answering):
                why = f" ({reason})" if routed and reason else ""
                _status(f"tui-chat: {event.model}{why} · session {session.id}")
            elif isinstance(event, RouteChosen):
                reason = event.reason
            elif isinstance(event, Fallback):
                _status(_fallback_line(event))
            elif isinstance(event, StorageFailed):
                _status(f"tui-chat: {event.message}")
            elif isinstance(event, Trimmed):
                _status(f"tui-chat: left out {event.dropped} old messages to fit the "
                        f"{event.context}-token context")
            elif isinstance(event, Finished):
                finished = event
                if thought:
                    sys.stderr.write("\n")
                if event.note:
                    _status(f"tui-chat: {event.note}")
    except KeyboardInterrupt:
        cancel.set()
        out.write("\n")
        _status("tui-chat: stopped; the partial reply is saved.")
        return 130
    if finished is None or not finished.text.endswith("\n"):
        out.write("\n")
    if finished is None or finished.model is None:
        _status("tui-chat: no model could answer; see the reasons above.")
        return 1
    return 0
