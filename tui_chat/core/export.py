"""Export a session as Markdown or JSON.

Markdown is for people, and safe to ``cat``: every control character that could drive a
terminal (C0 except newline and tab, ESC, DEL, C1) is replaced by a visible stand-in
(:func:`safe_text`). Its layout is still exact enough to parse back::

    # <title>

    - session: 3
    - model: auto
    ...
    > system prompt lines, quoted

    ## user

    <content, verbatim>

    ## assistant · smollm2

    <content>

Each message is a ``## role[ · model][ (state)]`` heading, a blank line, the content and a
blank line. A reply's reasoning comes first, folded: ``<details><summary>reasoning</summary>``,
a blank line, the reasoning, a blank line and ``</details>``, then a blank line. Content lines that look like such a heading get one extra leading backslash
(which Markdown renders as the plain text), so the layout can be read back exactly (the
tests do, with ``tests/exports.py``).

JSON keeps the data exactly (content is not rewritten) and is made terminal-safe by
escaping: ``json.dumps`` escapes C0 controls, and DEL and C1 are escaped here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui_chat.core.store import MessageTree, SessionInfo, StoredMessage

JSON_FORMAT = "tui-chat-session/1"
REASONING_OPEN = "<details><summary>reasoning</summary>"
"""Opens a reply's reasoning in a Markdown export (folded where Markdown renders HTML)."""
REASONING_CLOSE = "</details>"
SEPARATOR = " · "

_ROLE = r"(?:system|user|assistant|notice)"
_ESCAPE_RE = re.compile(rf"^(\\*## {_ROLE}\b)", re.MULTILINE)
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE_RE = re.compile(r"[\x7f-\x9f]")


def safe_text(text: str) -> str:
    """``text`` with terminal control characters made visible and harmless.

    Keeps newlines and tabs; ``\\r\\n`` becomes ``\\n``; other C0 controls (ESC
    included) and DEL become their Unicode control pictures (ESC -> ``␛``); C1
    controls (U+0080-U+009F) become ``�``.
    """
    return _UNSAFE_RE.sub(_stand_in, text.replace("\r\n", "\n"))


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def one_line(text: str) -> str:
    """:func:`safe_text` on one line: whitespace runs (newlines too) become one space."""
    return " ".join(safe_text(text).split())


def dumps_safe(data: Any) -> str:
    """JSON text (indented, readable Unicode) in which no character can drive a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def format_time(stamp: float) -> str:
    """Epoch seconds as local ``YYYY-MM-DD HH:MM:SS +ZZZZ``."""
    return datetime.fromtimestamp(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S %z")


# ---------------------------------------------------------------------- markdown


def export_markdown(session: SessionInfo, messages: Sequence[StoredMessage],
                    tree: MessageTree | None = None) -> str:
    """The session as terminal-safe Markdown (layout in the module docstring).

    With ``tree``, ``messages`` is every branch in reading order (:func:`branch_order`)
    and each message that has alternatives ends its heading with `` ‹ n/m ›``.
    """
    header = [
        f"# {one_line(session.title)}",
        "",
        f"- session: {session.id}",
        f"- model: {one_line(session.model)}",
        f"- created: {format_time(session.created)}",
        f"- updated: {format_time(session.updated)}",
        f"- messages: {len(messages)}",
    ]
    if session.system_prompt:
        header += ["", *_quote(safe_text(session.system_prompt))]
    blocks = ["\n".join(header)]
    for message in messages:
        heading = message_heading(message.role, message.model, message.state)
        if tree is not None and (place := tree.position(message.id))[1] > 1:
            heading += f" ‹ {place[0]}/{place[1]} ›"
        blocks.append(heading)
        reasoning = message.meta.get("reasoning") if message.role == "assistant" else None
        if isinstance(reasoning, str) and reasoning:
            thought = _ESCAPE_RE.sub(r"\\\1", safe_text(reasoning))
            blocks.append(f"{REASONING_OPEN}\n\n{thought}\n\n{REASONING_CLOSE}")
        blocks.append(_ESCAPE_RE.sub(r"\\\1", safe_text(message.content)))
    return "\n\n".join(blocks) + "\n"


def branch_order(tree: MessageTree) -> list[StoredMessage]:
    """Every message of ``tree``, each followed by everything below it (depth first)."""
    out: list[StoredMessage] = []
    stack = list(reversed(tree.children(None)))
    while stack:
        message_id = stack.pop()
        message = tree.get(message_id)
        if message is not None:
            out.append(message)
        stack.extend(reversed(tree.children(message_id)))
    return out


def message_heading(role: str, model: str | None, state: str = "complete") -> str:
    """The ``## role · model (state)`` heading line of one message."""
    heading = f"## {role}"
    if model:
        heading += SEPARATOR + one_line(model)
    if state != "complete":
        heading += f" ({state})"
    return heading


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


# ---------------------------------------------------------------------- json


def export_json(session: SessionInfo, messages: Sequence[StoredMessage],
                tree: MessageTree | None = None) -> str:
    """The session and every message field as JSON (exact content, terminal-safe).

    Each message keeps its ``parent_id``; with ``tree`` (all branches) the document
    also lists the ``active_path``, the ids the chat shows.
    """
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "session": asdict(session),
        "messages": [asdict(message) for message in messages],
    }
    if tree is not None:
        document["active_path"] = [message.id for message in tree.path()]
    return dumps_safe(document) + "\n"
