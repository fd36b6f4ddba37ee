"""Command line entry point: ``tui-chat [--config PATH] [--data-dir DIR] [COMMAND]``.

With no command the TUI starts. Each command lives in ``tui_chat/cli/<name>.py`` with
``add_parser(subparsers, common)`` and ``run(args, runtime) -> int``;
:func:`tui_chat.cli.common.run_command` builds the runtime and runs it. No command
prints a traceback: a failure is one line on stderr and a non-zero exit, with the
details in the log file.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("ask", "models", "download", "sessions", "route", "stats", "doctor")


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree for every command."""
    parser = argparse.ArgumentParser(
        prog="tui-chat", description="Chat with local LLMs in the terminal."
    )
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a flag given before the command must not be reset by the subparser.
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="config file (or $TUI_CHAT_CONFIG)")
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="history and logs folder (or $TUI_CHAT_DATA_DIR)")
    parser.add_argument("--config", metavar="PATH", help="config file (or $TUI_CHAT_CONFIG)")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="history and logs folder (or $TUI_CHAT_DATA_DIR)"
    )
    parser.add_argument(
        "--low-bandwidth", action="store_true",
        help="for slow links (SSH over a poor network): fewer frames, the log jumps by a "
             "page, no cursor blink ([ui] low_bandwidth = true for this run)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"tui_chat.cli.{name}").add_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    from tui_chat.cli.common import run_command

    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
