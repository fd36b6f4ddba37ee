"""What the history store hands out: sessions, messages, titles, and their row forms."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui_chat.core.events import AUTO, FallbackRecord, MessageState, Role

log = logging.getLogger(__name__)

DEFAULT_TITLE = "New chat"
TITLE_MAX = 48
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One chat session as listed in the sidebar and the CLI."""

    id: int
    """Row id, shown to users (``tui-chat sessions show ID``)."""
    title: str
    """Human title, usually :func:`auto_title` of the first prompt."""
    created: float
    """Creation time, epoch seconds."""
    updated: float
    """Last activity (a message added or checkpointed), epoch seconds."""
    model: str
    """``auto`` or a model name from the catalog."""
    system_prompt: str
    """System prompt sent before the conversation ('' for none)."""
    params: dict[str, Any]
    """Generation overrides such as temperature, top_p, max_tokens."""
    message_count: int
    """How many messages the session holds."""


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """One message of a session."""

    id: int
    """Row id."""
    session_id: int
    """The session it belongs to."""
    role: Role
    """Who it is from."""
    content: str
    """The text (for a streaming reply: the last checkpoint)."""
    model: str | None
    """The model that wrote it (assistant messages), else None."""
    created: float
    """Creation time, epoch seconds."""
    state: MessageState
    """Where it is in its life (``streaming`` while a reply is being written)."""
    meta: dict[str, Any]
    """Extra facts: ``route`` (the reason), ``fallbacks`` (a list of records), ..."""
    parent_id: int | None = None
    """The message this one follows (None: the first of its branch)."""

    @property
    def fallbacks(self) -> tuple[FallbackRecord, ...]:
        """The models that could not answer before this reply's model did."""
        items = self.meta.get("fallbacks") or []
        return tuple(FallbackRecord.from_dict(item) for item in items if isinstance(item, dict))


def auto_title(text: str, limit: int = TITLE_MAX) -> str:
    """A session title from a prompt: its first non-blank line, whitespace collapsed.

    Control characters become spaces; titles longer than ``limit`` are cut (at a word
    boundary when one is near) and end with an ellipsis. Blank text gives "New chat".
    """
    words: list[str] = []
    for line in text.splitlines():
        words = _CONTROL_RE.sub(" ", line).split()
        if words:
            break
    if not words:
        return DEFAULT_TITLE
    title = " ".join(words)
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rstrip()
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"


def dump(data: Mapping[str, Any] | list[Any] | None) -> str:
    """JSON text for a meta/params column (records and enums as plain values)."""
    value: Any = list(data) if isinstance(data, list) else dict(data or {})
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, FallbackRecord):
        return value.as_dict()
    return str(value)


def load(text: str | None, default: Any = None) -> Any:
    """Parse a JSON column; ``default`` ({} unless given) when it is unreadable."""
    fallback = {} if default is None else default
    try:
        data = json.loads(text) if text else fallback
    except ValueError:
        log.warning("unreadable JSON in history: %.80r", text)
        return fallback
    return data if isinstance(data, type(fallback)) else fallback


def session_from_row(row: tuple[Any, ...]) -> SessionInfo:
    sid, title, created, updated, model, system_prompt, params, count = row
    return SessionInfo(
        id=sid,
        title=title,
        created=created,
        updated=updated,
        model=model or AUTO,
        system_prompt=system_prompt,
        params=load(params),
        message_count=count,
    )


def message_from_row(row: tuple[Any, ...]) -> StoredMessage:
    mid, session_id, role, content, model, created, state, meta, parent_id = row
    return StoredMessage(
        id=mid,
        session_id=session_id,
        role=Role(role),
        content=content,
        model=model,
        created=created,
        state=MessageState(state),
        meta=load(meta),
        parent_id=parent_id,
    )


HIT_START = "\ue000"
"""Marks where a matched word starts in :attr:`SearchHit.snippet` (a private-use character)."""
HIT_END = "\ue001"
"""Marks where a matched word ends in :attr:`SearchHit.snippet`."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One message that matched a search, best first."""

    message_id: int
    """The message."""
    session_id: int
    """Its session."""
    session_title: str
    """The session's title."""
    role: Role
    """Who wrote the message."""
    created: float
    """When, epoch seconds."""
    snippet: str
    """Words around the match, matched words between HIT_START and HIT_END."""

    def marked(self, start: str, end: str) -> str:
        """The snippet on one line, matched words between ``start`` and ``end``."""
        text = " ".join(_CONTROL_RE.sub(" ", self.snippet).split())
        return text.replace(HIT_START, start).replace(HIT_END, end)

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet on one line as (text, matched) pieces, for styled display."""
        pieces: list[tuple[str, bool]] = []
        for index, chunk in enumerate(self.marked(HIT_START, HIT_START).split(HIT_START)):
            if chunk:
                pieces.append((chunk, index % 2 == 1))
        return pieces
