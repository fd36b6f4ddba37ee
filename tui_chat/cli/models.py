"""``tui-chat models [--remote]``: the catalog with status, size and path."""

from __future__ import annotations

import argparse
import json

from tui_chat.core.runtime import Runtime


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``models``."""
    p = sub.add_parser("models", parents=[common], help="list models and their status")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--remote", action="store_true", help="check remote endpoints (/v1/models)")


def human_size(size: int | None) -> str:
    """Bytes as a short human string."""
    if not size:
        return "-"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"


def rows(runtime: Runtime, remote: bool = False) -> list[dict[str, object]]:
    """One dict per model: name, role, backend, status, size, path, detail."""
    out: list[dict[str, object]] = []
    for spec in runtime.catalog.models:
        state = runtime.catalog.state(spec.name)
        path = runtime.catalog.path(spec)
        size = path.stat().st_size if path is not None and path.is_file() else spec.size
        status, detail = state.status, state.detail
        if spec.is_remote:
            where = spec.base_url
            if remote:
                from tui_chat.core.remote import check_endpoint

                ok, detail = check_endpoint(spec, timeout=3.0)
                status = "reachable" if ok else "unreachable"
            else:
                status = "remote"
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
         human_size(r["size"] if isinstance(r["size"], int) else None), str(r["path"]))
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
