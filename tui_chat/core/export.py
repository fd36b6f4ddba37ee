"""Export a session as Markdown or JSON, and read those exports back.

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
blank line. Content lines that look like such a heading get one extra leading backslash
(which Markdown renders as the plain text), and :func:`parse_markdown` removes it again.

JSON keeps the data exactly (content is not rewritten) and is made terminal-safe by
escaping: ``json.dumps`` escapes C0 controls, and DEL and C1 are escaped here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui_chat.core.store import SessionInfo, Store, StoredMessage

JSON_FORMAT = "tui-chat-session/1"
SEPARATOR = " · "

_ROLE = r"(?:system|user|assistant|notice)"
_HEADING_RE = re.compile(
    rf"\n\n## (?P<role>{_ROLE})(?: · (?P<model>[^\n]+?))?"
    r"(?: \((?P<state>streaming|stopped|interrupted|error)\))?\n\n"
)
_ESCAPE_RE = re.compile(rf"^(\\*## {_ROLE}\b)", re.MULTILINE)
_UNESCAPE_RE = re.compile(rf"^\\(\\*## {_ROLE}\b)", re.MULTILINE)
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE_RE = re.compile(r"[\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """A message read back from an export."""

    role: str
    """``system``, ``user``, ``assistant`` or ``notice``."""
    content: str
    """The text (sanitised, for Markdown)."""
    model: str | None = None
    """The model named in the heading, if any."""
    state: str = "complete"
    """The message state."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra facts (JSON exports only)."""


@dataclass(frozen=True, slots=True)
class ParsedSession:
    """A session read back from an export."""

    title: str
    """The session title."""
    model: str
    """``auto`` or a model name."""
    system_prompt: str
    """The session's system prompt ('' for none)."""
    messages: list[ParsedMessage]
    """The messages, oldest first."""
    params: dict[str, Any] = field(default_factory=dict)
    """Generation overrides (JSON exports only)."""


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


def export_markdown(session: SessionInfo, messages: Sequence[StoredMessage]) -> str:
    """The session as terminal-safe Markdown that :func:`parse_markdown` reads back."""
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
        blocks.append(message_heading(message.role, message.model, message.state))
        blocks.append(_ESCAPE_RE.sub(r"\\\1", safe_text(message.content)))
    return "\n\n".join(blocks) + "\n"


def message_heading(role: str, model: str | None, state: str = "complete") -> str:
    """The ``## role · model (state)`` heading line of one message."""
    heading = f"## {role}"
    if model:
        heading += SEPARATOR + one_line(model)
    if state != "complete":
        heading += f" ({state})"
    return heading


def parse_markdown(text: str) -> ParsedSession:
    """Read back a session written by :func:`export_markdown`.

    Raises:
        ValueError: the text does not start with a ``# title`` line.
    """
    if text.endswith("\n"):
        text = text[:-1]
    headings = list(_HEADING_RE.finditer(text))
    head_end = headings[0].start() if headings else len(text)
    title, model, system_prompt = _parse_header(text[:head_end])
    messages = []
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        content = _UNESCAPE_RE.sub(r"\1", text[match.end() : end])
        messages.append(
            ParsedMessage(
                role=match["role"],
                content=content,
                model=match["model"],
                state=match["state"] or "complete",
            )
        )
    return ParsedSession(title, model, system_prompt, messages)


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


def _parse_header(header: str) -> tuple[str, str, str]:
    lines = header.split("\n")
    if not lines or not lines[0].startswith("# "):
        raise ValueError("not a tui-chat Markdown export: the first line must be '# title'")
    model = "auto"
    quoted: list[str] = []
    for line in lines[1:]:
        if line.startswith("- model: "):
            model = line.removeprefix("- model: ")
        elif line == ">" or line.startswith("> "):
            quoted.append(line[2:])
    return lines[0][2:], model, "\n".join(quoted)


# ---------------------------------------------------------------------- json


def export_json(session: SessionInfo, messages: Sequence[StoredMessage]) -> str:
    """The session and every message field as JSON (exact content, terminal-safe)."""
    document = {
        "format": JSON_FORMAT,
        "session": asdict(session),
        "messages": [asdict(message) for message in messages],
    }
    return dumps_safe(document) + "\n"


def parse_json(text: str) -> ParsedSession:
    """Read back a session written by :func:`export_json`.

    Raises:
        ValueError: the text is not a tui-chat JSON export.
    """
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ValueError(f"not a tui-chat JSON export (expected format {JSON_FORMAT})")
    session = document["session"]
    messages = [
        ParsedMessage(
            role=item["role"],
            content=item["content"],
            model=item.get("model"),
            state=item.get("state", "complete"),
            meta=item.get("meta") or {},
        )
        for item in document["messages"]
    ]
    return ParsedSession(
        title=session["title"],
        model=session.get("model", "auto"),
        system_prompt=session.get("system_prompt", ""),
        messages=messages,
        params=session.get("params") or {},
    )


def import_session(store: Store, parsed: ParsedSession) -> SessionInfo:
    """Recreate a parsed export as a new session in ``store`` and return it."""
    session = store.create_session(
        parsed.title, parsed.model, parsed.system_prompt, dict(parsed.params)
    )
    for message in parsed.messages:
        store.add_message(
            session.id,
            message.role,
            message.content,
            model=message.model,
            state="interrupted" if message.state == "streaming" else message.state,
            meta=dict(message.meta),
        )
    return store.session(session.id)
