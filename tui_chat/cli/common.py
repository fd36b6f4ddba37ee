"""Shared CLI plumbing: build the runtime, run a command, turn errors into one line."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from tui_chat.core.errors import TuiChatError

log = logging.getLogger("tui_chat.cli")


def fail(message: str) -> int:
    """Print one line to stderr and return exit code 1."""
    print(f"tui-chat: {message}", file=sys.stderr)
    return 1


def run_command(args: argparse.Namespace) -> int:
    """Build the runtime for ``args`` and run its command (or the TUI)."""
    from tui_chat.core.runtime import Runtime

    try:
        runtime = Runtime.open(config_path=args.config, data_dir=args.data_dir)
    except TuiChatError as exc:
        if args.command == "doctor":  # doctor reports a bad config as a ✗
            from tui_chat.cli.doctor import run_without_runtime

            return run_without_runtime(args)
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - last line of defence, details to log
        logging.getLogger("tui_chat").exception("start-up failed")
        return fail(f"could not start ({exc.__class__.__name__}: {exc}); see the log for details.")
    command = args.command or "tui"
    try:
        if command == "tui":
            from tui_chat.ui.app import run_app

            return run_app(runtime, low_bandwidth=getattr(args, "low_bandwidth", False))
        module = importlib.import_module(f"tui_chat.cli.{command}")
        return int(module.run(args, runtime) or 0)
    except KeyboardInterrupt:
        fail("interrupted.")
        return 130
    except TuiChatError as exc:
        log.info("command %s failed: %s", command, exc)
        return fail(str(exc))
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001
        log.exception("command %s crashed", command)
        return fail(
            f"unexpected {exc.__class__.__name__}: {exc}; details are in {runtime.log_path}."
        )
    finally:
        runtime.close()
