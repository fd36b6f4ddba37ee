"""``tui-chat models [--remote] [--details] [--json]``: every model with status, size, path.

The list holds the config's models and the GGUF files found on disk (models_dir, the
model_dirs folders, the Hugging Face cache); ``--details`` adds what each file's GGUF
header says (architecture, parameters, quantisation, context, chat template).
"""

from __future__ import annotations

import argparse
import json

from tui_chat.core.events import ModelStatus
from tui_chat.core.library.gguf import format_parameters
from tui_chat.core.remote import check_endpoint
from tui_chat.core.runtime import Runtime
from tui_chat.core.units import format_bytes


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``models``."""
    p = sub.add_parser("models", parents=[common], help="list models and their status")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--remote", action="store_true", help="check remote endpoints (/v1/models)")
    p.add_argument("--details", action="store_true",
                   help="read each GGUF header: architecture, parameters, quantisation, context")


def rows(runtime: Runtime, remote: bool = False, details: bool = False) -> list[dict[str, object]]:
    """One dict per model: name, role, backend, status, size, path, detail, source.

    A remote model's status is ``remote``; with ``remote=True`` its endpoint is asked
    and the status says ``reachable`` or ``unreachable``. With ``details`` each local
    file's header facts are under ``info`` (None when unreadable, ``info_error`` says why).
    """
    runtime.models.discover()
    catalog = runtime.catalog
    out: list[dict[str, object]] = []
    for spec in catalog.models:
        state = catalog.state(spec.name)
        parts = [p for p in catalog.parts(spec) if p.is_file()]
        size = sum(p.stat().st_size for p in parts) if parts else spec.size
        status, detail = state.status, state.detail
        if spec.is_remote:
            where = spec.base_url
            if remote:
                ok, detail = check_endpoint(spec, timeout=3.0)
                status = "reachable" if ok else "unreachable"
            else:
                status = ModelStatus.REMOTE
        else:
            path = catalog.path(spec)
            where = str(path) if path else "-"
        row: dict[str, object] = {
            "name": spec.name, "role": spec.role, "backend": spec.backend, "status": status,
            "size": size, "path": where, "detail": detail,
            "source": "found" if catalog.is_found(spec.name) else "config",
        }
        if details:
            info = None if spec.is_remote else catalog.info(spec)
            row["info"] = info.as_dict() if info is not None and not isinstance(info, str) \
                else None
            where = catalog.path(spec)
            row["info_error"] = f"{where.name if where else spec.name} {info}" \
                if isinstance(info, str) else None
        out.append(row)
    return out


def _detail_cells(row: dict[str, object]) -> tuple[str, ...]:
    info = row.get("info")
    if not isinstance(info, dict):
        return ("-", "-", "-", "-", "-")
    ctx = info["context_length"]
    template = ("yes+think" if info["thinks"] else "yes") if info["has_template"] else "no"
    return (str(info["architecture"]), format_parameters(int(info["parameters"])),
            str(info["quantization"]), f"{ctx:,}" if isinstance(ctx, int) else "-", template)


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print the table (or JSON)."""
    table = rows(runtime, remote=args.remote, details=args.details)
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    headers: tuple[str, ...] = ("NAME", "ROLE", "BACKEND", "STATUS", "SIZE")
    if args.details:
        headers += ("ARCH", "PARAMS", "QUANT", "CTX", "TEMPLATE")
    headers += ("PATH",)
    lines = [headers]
    for r in table:
        size = format_bytes((r["size"] or None) if isinstance(r["size"], int) else None,
                            unknown="-")
        cells: tuple[str, ...] = (str(r["name"]), str(r["role"]), str(r["backend"]),
                                  str(r["status"]), size)
        if args.details:
            cells += _detail_cells(r)
        lines.append(cells + (str(r["path"]),))
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers) - 1)]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)) + "  " + line[-1])
    for r in table:
        if args.remote and r["backend"] == "openai" and r["detail"]:
            print(f"{r['name']}: {r['detail']}")
        if args.details and r.get("info_error"):
            print(f"{r['name']}: {r['info_error']}")
    return 0
