"""``tui-chat stats [--json] [--last N] [--session ID]``: recent request metrics.

The JSON keys are :data:`tui_chat.core.metrics.METRIC_FIELDS` (``time``, ``session_id``,
``model``, ``route_reason``, ``prompt_tokens``, ``completion_tokens``, ``empty_chunks``,
``ttft_ms``, ``tokens_per_s``, ``total_ms``, ``finish_reason``, ``fallbacks``, ``error``),
newest request first; ``fallbacks`` is a list of ``{"model", "trigger", "message"}``.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from tui_chat.core.events import FallbackRecord
from tui_chat.core.export import dumps_safe, one_line
from tui_chat.core.runtime import Runtime

DEFAULT_LAST = 20
COLUMNS: tuple[tuple[str, str], ...] = (
    ("TIME", "time"),
    ("SESSION", "session_id"),
    ("MODEL", "model"),
    ("PROMPT", "prompt_tokens"),
    ("COMPL", "completion_tokens"),
    ("TTFT_MS", "ttft_ms"),
    ("TOK/S", "tokens_per_s"),
    ("EMPTY", "empty_chunks"),
    ("TOTAL_MS", "total_ms"),
    ("FINISH", "finish_reason"),
    ("ROUTE", "route_reason"),
)
"""Table columns (header, field); fallbacks and error follow on their own lines."""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``stats``."""
    p = sub.add_parser("stats", parents=[common], help="show recent request metrics")
    p.add_argument("--json", action="store_true", help="print a JSON list, newest first")
    p.add_argument("--last", type=_positive, default=DEFAULT_LAST, metavar="N",
                   help=f"how many recent requests (default {DEFAULT_LAST})")
    p.add_argument("--session", type=int, default=None, metavar="ID",
                   help="only requests of this session")


def fallback_text(items: list[dict[str, Any]]) -> str:
    """``model: trigger: message | ...`` for the table's fallback line."""
    records = [FallbackRecord.from_dict(item) for item in items]
    return " | ".join(f"{r.model}: {r.trigger}: {r.message}" for r in records)


def cell(field: str, value: Any) -> str:
    """One table cell: times local, milliseconds whole, speeds with one decimal."""
    if value is None:
        return "-"
    if field == "time":
        return datetime.fromtimestamp(float(value)).strftime("%Y-%m-%d %H:%M:%S")
    if field in ("ttft_ms", "total_ms"):
        return f"{float(value):.0f}"
    if field == "tokens_per_s":
        return f"{float(value):.1f}"
    return one_line(str(value))


def table(items: list[dict[str, Any]]) -> list[str]:
    """Aligned lines: a header, then each request (with fallback/error lines under it)."""
    grid = [tuple(header for header, _ in COLUMNS)]
    grid += [tuple(cell(field, item[field]) for _, field in COLUMNS) for item in items]
    widths = [max(len(row[i]) for row in grid) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(grid[0], widths, strict=True)).rstrip()]
    for row, item in zip(grid[1:], items, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if item.get("fallbacks"):
            lines.append(f"    fallback: {one_line(fallback_text(item['fallbacks']))}")
        if item.get("error"):
            lines.append(f"    error: {one_line(str(item['error']))}")
    return lines


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print the recent requests as JSON or a table."""
    items = runtime.diagnostics.request_records(args.last, args.session)
    if args.json:
        print(dumps_safe(items))
        return 0
    if not items:
        print("No requests recorded yet; ask something first (tui-chat ask \"hello\").")
        return 0
    print("\n".join(table(items)))
    return 0
