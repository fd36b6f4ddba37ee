"""SQLite history: sessions, messages and request metrics.

``connection`` opens the one file (WAL, busy_timeout, one writer connection behind a
lock, whole-or-nothing writes), ``schema`` upgrades it by ``PRAGMA user_version``,
``records`` holds what the store hands out, ``tree`` a session's branches, ``search``
how typed words become a query, ``lease`` tells live writers from dead
ones by an ``flock``, and ``history`` is the API itself.
"""

from __future__ import annotations

from tui_chat.core.store.connection import BUSY_TIMEOUT_S, DamagedHistory, StoreError
from tui_chat.core.store.history import LEAF, Store
from tui_chat.core.store.records import (
    DEFAULT_TITLE,
    HIT_END,
    HIT_START,
    TITLE_MAX,
    SearchHit,
    SessionInfo,
    StoredMessage,
    auto_title,
)
from tui_chat.core.store.tree import MessageTree
from tui_chat.core.store.schema import MIGRATIONS, REQUEST_COLUMNS, SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT_S",
    "DEFAULT_TITLE",
    "MIGRATIONS",
    "REQUEST_COLUMNS",
    "SCHEMA_VERSION",
    "SearchHit",
    "TITLE_MAX",
    "DamagedHistory",
    "HIT_END",
    "HIT_START",
    "LEAF",
    "MessageTree",
    "SessionInfo",
    "Store",
    "StoreError",
    "StoredMessage",
    "auto_title",
]
