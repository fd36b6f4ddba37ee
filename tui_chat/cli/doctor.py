"""``tui-chat doctor [--json] [--timeout S]``: check the install, one line per check.

Each line starts with ✓ (fine), ⚠ (works, worth a look) or ✗ (broken) and, when
something needs doing, is followed by a one-line fix. The exit code is 1 when an
essential check fails (config, data dir, llama_cpp import, default/embedded model),
else 0: missing optional models, GPU offload, disk space for downloads and remote
endpoints are reported but do not fail the run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tui_chat.core.config import resolve_data_dir
from tui_chat.core.doctor import Report, run_checks
from tui_chat.core.export import one_line
from tui_chat.core.runtime import Runtime


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``doctor``."""
    p = sub.add_parser("doctor", parents=[common], help="check config, models, llama.cpp, disk")
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    p.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help="seconds to wait for each remote endpoint (default 3)")


def render(report: Report) -> list[str]:
    """The report as terminal lines: a symbol, a padded name, what was found, the fix."""
    width = max((len(c.name) for c in report.checks), default=0)
    lines: list[str] = []
    for check in report.checks:
        lines.append(f"{check.symbol} {check.name.ljust(width)}  {one_line(check.detail)}")
        if check.fix:
            lines.append(f"  {' ' * width}  → {one_line(check.fix)}")
    lines.append("")
    lines += [one_line(line) for line in report.summary()]
    return lines


def print_report(report: Report, as_json: bool) -> int:
    """Print ``report``; returns the exit code (1 when an essential check failed)."""
    if as_json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(render(report)))
    return 0 if report.ok else 1


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Check the install the runtime was built from."""
    report = run_checks(runtime.config, runtime.data_dir, timeout=args.timeout)
    return print_report(report, args.json)


def run_without_runtime(args: argparse.Namespace) -> int:
    """Doctor when the runtime itself cannot start (bad config, unusable data dir).

    ``cli.common.run_command`` calls this when ``Runtime.open`` raises for ``doctor``,
    so the problem shows as a ✗ line with its fix instead of a bare error.
    """
    data_dir: Path = resolve_data_dir(args.data_dir)
    report = run_checks(None, data_dir, config_path=args.config, timeout=args.timeout)
    return print_report(report, args.json)
