"""``tui-chat models [--remote]``: the catalog with status, size and path."""

from __future__ import annotations

import argparse
import json

from tui_chat.core.events import ModelStatus
from tui_chat.core.remote import check_endpoint
from tui_chat.core.runtime import Runtime
from tui_chat.core.units import format_bytes


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``models``."""
    p = sub.add_parser("models", parents=[common], help="list models and their status")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--remote", action="store_true", help="check remote endpoints (/v1/models)")


def rows(runtime: Runtime, remote: bool = False) -> list[dict[str, object]]:
    """One dict per model: name, role, backend, status, size, path, detail.

    A remote model's status is ``remote``; with ``remote=True`` its endpoint is asked
    and the status says ``reachable`` or ``unreachable``.
    """
    out: list[dict[str, object]] = []
    for spec in runtime.catalog.models:
        state = runtime.catalog.state(spec.name)
        path = runtime.catalog.path(spec)
        size = path.stat().st_size if path is not None and path.is_file() else spec.size
        status, detail = state.status, state.detail
        if spec.is_remote:
            where = spec.base_url
            if remote:
                ok, detail = check_endpoint(spec, timeout=3.0)
                status = "reachable" if ok else "unreachable"
            else:
                status = ModelStatus.REMOTE
        else:
            where = str(path) if path else "-"
        out.append({"name": spec.name, "role": spec.role, "backend": spec.backend,
                    "status": status, "size": size, "path": where, "detail": detail})
    return out


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print the table (or JSON)."""
    table = rows(runtime, remote=args.remote)
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    headers = ("NAME", "ROLE", "BACKEND", "STATUS", "SIZE", "PATH")
    lines = [headers] + [
        (str(r["name"]), str(r["role"]), str(r["backend"]), str(r["status"]),
         format_bytes((r["size"] or None) if isinstance(r["size"], int) else None, unknown="-"),
         str(r["path"]))
        for r in table
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers) - 1)]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)) + "  " + line[-1])
    if args.remote:
        for r in table:
            if r["backend"] == "openai" and r["detail"]:
                print(f"{r['name']}: {r['detail']}")
    return 0
