"""Reads tui-chat's Markdown and JSON exports back, to check what they hold.

tui-chat has no import command: this reader lives with the tests, which use it to
prove an export keeps every message (roles, models, states and content) exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from tui_chat.core.export import JSON_FORMAT, REASONING_CLOSE, REASONING_OPEN

_ROLE = r"(?:system|user|assistant|notice)"
_HEADING_RE = re.compile(
    rf"\n\n## (?P<role>{_ROLE})(?: · (?P<model>[^\n]+?))?"
    r"(?: \((?P<state>streaming|stopped|interrupted|error)\))?"
    r"(?: ‹ (?P<branch>\d+/\d+) ›)?\n\n"
)
_UNESCAPE_RE = re.compile(rf"^\\(\\*## {_ROLE}\b)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """A message read back from an export."""

    role: str
    content: str
    model: str | None = None
    state: str = "complete"
    meta: dict[str, Any] = field(default_factory=dict)
    branch: str | None = None
    """``n/m`` when an all-branches export marks it as one of m alternatives."""
    reasoning: str = ""
    """A reply's reasoning (its folded ``<details>`` section, or the JSON meta field)."""


@dataclass(frozen=True, slots=True)
class ParsedSession:
    """A session read back from an export."""

    title: str
    model: str
    system_prompt: str
    messages: list[ParsedMessage]
    params: dict[str, Any] = field(default_factory=dict)


def parse_markdown(text: str) -> ParsedSession:
    """Read back a session written by ``export_markdown``; ValueError for other text."""
    if text.endswith("\n"):
        text = text[:-1]
    headings = list(_HEADING_RE.finditer(text))
    head_end = headings[0].start() if headings else len(text)
    lines = text[:head_end].split("\n")
    if not lines or not lines[0].startswith("# "):
        raise ValueError("not a tui-chat Markdown export: the first line must be '# title'")
    model = "auto"
    quoted: list[str] = []
    for line in lines[1:]:
        if line.startswith("- model: "):
            model = line.removeprefix("- model: ")
        elif line == ">" or line.startswith("> "):
            quoted.append(line[2:])
    messages = []
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        body, reasoning = text[match.end():end], ""
        opening = f"{REASONING_OPEN}\n\n"
        closing = f"\n\n{REASONING_CLOSE}\n\n"
        if body.startswith(opening) and closing in body:
            reasoning, body = body[len(opening):].split(closing, 1)
        messages.append(ParsedMessage(
            role=match["role"], content=_UNESCAPE_RE.sub(r"\1", body),
            model=match["model"], state=match["state"] or "complete", branch=match["branch"],
            reasoning=_UNESCAPE_RE.sub(r"\1", reasoning),
        ))
    return ParsedSession(lines[0][2:], model, "\n".join(quoted), messages)


def parse_json(text: str) -> ParsedSession:
    """Read back a session written by ``export_json``; ValueError for other text."""
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ValueError(f"not a tui-chat JSON export (expected format {JSON_FORMAT})")
    session = document["session"]
    messages = [
        ParsedMessage(role=item["role"], content=item["content"], model=item.get("model"),
                      state=item.get("state", "complete"), meta=item.get("meta") or {},
                      reasoning=(item.get("meta") or {}).get("reasoning", ""))
        for item in document["messages"]
    ]
    return ParsedSession(title=session["title"], model=session.get("model", "auto"),
                         system_prompt=session.get("system_prompt", ""), messages=messages,
                         params=session.get("params") or {})
