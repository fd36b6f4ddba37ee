"""``tui-chat sessions list|show|search|export``: read the chat history from the command line."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import MessageState
from tui_chat.core.export import (
    SEPARATOR,
    dumps_safe,
    branch_order,
    export_json,
    export_markdown,
    format_time,
    one_line,
    safe_text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui_chat.core.chat import ChatService
    from tui_chat.core.runtime import Runtime
    from tui_chat.core.store import SearchHit, SessionInfo, StoredMessage

FORMATS = ("md", "json")


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``sessions`` and its actions."""
    parser = sub.add_parser(
        "sessions",
        parents=[common],
        help="list, show, search or export saved chats",
        description="List, show, search or export the chat history.",
    )
    actions = parser.add_subparsers(dest="sessions_action", metavar="ACTION", required=True)
    flags = _late_flags()
    listing = actions.add_parser("list", parents=[flags], help="list sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    show = actions.add_parser("show", parents=[flags], help="print one conversation")
    show.add_argument("id", type=int, metavar="ID", help="session id (see `sessions list`)")
    export = actions.add_parser("export", parents=[flags], help="export one session")
    export.add_argument("id", type=int, metavar="ID", help="session id (see `sessions list`)")
    export.add_argument("--format", choices=FORMATS, default="md", help="md (default) or json")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (mode 0600) instead of stdout"
    )
    export.add_argument("--all-branches", action="store_true",
                        help="every branch, not only the path the chat shows")
    search = actions.add_parser("search", parents=[flags],
                                help="find messages of every session by their words")
    search.add_argument("query", metavar="QUERY", help="words to find (plain words)")
    search.add_argument("--json", action="store_true", help="print a JSON list")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="at most N results (default 20)")


def _late_flags() -> argparse.ArgumentParser:
    """--config/--data-dir accepted after the action too, never overriding earlier ones."""
    flags = argparse.ArgumentParser(add_help=False)
    flags.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                       help="config file (or $TUI_CHAT_CONFIG)")
    flags.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                       help="history and logs folder (or $TUI_CHAT_DATA_DIR)")
    return flags


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Run ``sessions ACTION``; unknown ids raise StoreError (one line, exit 1)."""
    service = runtime.service
    if args.sessions_action == "list":
        sessions = service.sessions()
        print(dumps_safe([_session_dict(s) for s in sessions]) if args.json
              else format_table(sessions))
        return 0
    if args.sessions_action == "search":
        return _search(service, args.query, args.limit, args.json)
    session = service.session(args.id)
    if args.sessions_action == "show":
        sys.stdout.write(format_transcript(session, service.messages(args.id)))
        return 0
    tree = service.conversation(args.id) if args.all_branches else None
    messages = branch_order(tree) if tree is not None else service.messages(args.id)
    text = (export_json(session, messages, tree) if args.format == "json"
            else export_markdown(session, messages, tree))
    if args.output:
        write_private(Path(args.output), text)
        print(f"Exported session {session.id} ({len(messages)} messages) to {args.output}.")
    else:
        sys.stdout.write(text)
    return 0


def _search(service: ChatService, query: str, limit: int, as_json: bool) -> int:
    """Print the messages that hold the words of ``query``, best first."""
    if limit < 1:
        raise TuiChatError("--limit must be 1 or more.")
    hits = service.search(query, limit)
    if as_json:
        print(dumps_safe([_hit_dict(hit) for hit in hits]))
        return 0
    if not service.full_text_search:
        print("(this Python's SQLite has no FTS5: matching substrings, newest first)",
              file=sys.stderr)
    if not hits:
        print(f"No message holds {one_line(query)!r}; try fewer or other words.")
        return 0
    for hit in hits:
        print(f"{hit.session_id:>4}  {format_time(hit.created)[:16]}  "
              f"{_cut(one_line(hit.session_title), 40)}  ({hit.role}, message {hit.message_id})")
        print(f"      {safe_text(hit.marked('[', ']'))}")
    return 0


def _hit_dict(hit: SearchHit) -> dict[str, object]:
    return {
        "session_id": hit.session_id,
        "session_title": hit.session_title,
        "message_id": hit.message_id,
        "role": str(hit.role),
        "created": hit.created,
        "snippet": hit.marked("[", "]"),
    }


def format_table(sessions: Sequence[SessionInfo]) -> str:
    """A plain table: id, last activity, message count, title (cut to the terminal)."""
    if not sessions:
        return "No saved sessions yet; start one with `tui-chat` or `tui-chat ask`."
    id_width = max(2, *(len(str(s.id)) for s in sessions))
    width = shutil.get_terminal_size((100, 24)).columns
    title_width = max(20, width - id_width - 16 - 4 - 6)
    lines = [f"{'ID':>{id_width}}  {'UPDATED':<16}  {'MSGS':>4}  TITLE"]
    for s in sessions:
        updated = format_time(s.updated)[:16]
        lines.append(
            f"{s.id:>{id_width}}  {updated:<16}  {s.message_count:>4}  "
            f"{_cut(one_line(s.title), title_width)}"
        )
    return "\n".join(lines)


def format_transcript(session: SessionInfo, messages: Sequence[StoredMessage]) -> str:
    """The conversation as readable, terminal-safe text."""
    out = [
        f"Session {session.id}: {one_line(session.title)}",
        f"model {one_line(session.model)}{SEPARATOR}{len(messages)} messages"
        f"{SEPARATOR}updated {format_time(session.updated)}",
    ]
    if session.system_prompt:
        out += ["", "[system prompt]", safe_text(session.system_prompt)]
    for message in messages:
        label = str(message.role)
        if message.model:
            label += SEPARATOR + one_line(message.model)
        if message.state != MessageState.COMPLETE:
            label += f" ({message.state})"
        out += ["", f"[{label}]", safe_text(message.content)]
    return "\n".join(out) + "\n"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by the user only (0600).

    Raises:
        TuiChatError: the file cannot be written.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
    except OSError as exc:
        raise TuiChatError(
            f"Cannot write {path} ({exc.strerror or exc}); choose another file with -o."
        ) from exc


def _session_dict(session: SessionInfo) -> dict[str, object]:
    return {
        "id": session.id,
        "title": session.title,
        "updated": session.updated,
        "created": session.created,
        "model": session.model,
        "message_count": session.message_count,
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
