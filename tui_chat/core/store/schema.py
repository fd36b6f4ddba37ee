"""The history schema and its migrations, versioned with ``PRAGMA user_version``.

``MIGRATIONS[i]`` takes a file from ``user_version`` ``i`` to ``i + 1``. A step is a
tuple of SQL statements and Python callables (for rewrites SQL cannot express); all
steps run in the one transaction that :func:`migrate` is given, so an upgrade lands
whole or not at all and an old file is upgraded in place without losing a row.

Never edit a released step: append a new one. Roles and states are checked in Python
(no CHECK constraints) so adding a value needs no table rebuild.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

REQUEST_COLUMNS = (
    "time",
    "session_id",
    "model",
    "route_reason",
    "prompt_tokens",
    "completion_tokens",
    "empty_chunks",
    "ttft_ms",
    "tokens_per_s",
    "total_ms",
    "finish_reason",
    "fallbacks",
    "error",
    "reasoning_tokens",
    "answer_ms",
)
"""Columns of a request metrics row besides ``id`` (the keys ``record_request`` reads)."""

Step = tuple[str | Callable[[sqlite3.Connection], None], ...]

_V1_SEPARATOR = " | "


def _v1_fallbacks(text: str | None) -> list[dict[str, str]]:
    """Schema 1 kept fallbacks as ``model: trigger: message`` items joined by `` | ``."""
    records = []
    for item in (text or "").split(_V1_SEPARATOR):
        if item.strip():
            model, trigger, message = (item.split(": ", 2) + ["", ""])[:3]
            records.append({"model": model.strip(), "trigger": trigger.strip(),
                            "message": message.strip()})
    return records


def _fallbacks_as_records(conn: sqlite3.Connection) -> None:
    """Schema 2: fallbacks are JSON records in requests and in message meta."""
    rows = conn.execute("SELECT id, fallbacks FROM requests WHERE fallbacks IS NOT NULL")
    conn.executemany(
        "UPDATE requests SET fallbacks = ? WHERE id = ?",
        [(json.dumps(_v1_fallbacks(text), ensure_ascii=False), rid) for rid, text in rows],
    )
    conn.execute("UPDATE requests SET fallbacks = '[]' WHERE fallbacks IS NULL")
    changed = []
    for mid, text in conn.execute(
        "SELECT id, meta FROM messages WHERE meta LIKE '%\"fallback\"%'"
    ).fetchall():
        try:
            meta: dict[str, Any] = json.loads(text)
        except ValueError:
            continue
        if isinstance(meta, dict) and "fallback" in meta:
            meta["fallbacks"] = _v1_fallbacks(meta.pop("fallback"))
            changed.append((json.dumps(meta, ensure_ascii=False), mid))
    conn.executemany("UPDATE messages SET meta = ? WHERE id = ?", changed)


FULL_TEXT_TABLE = "message_text"
"""The FTS5 index over the text of user and assistant messages (absent without FTS5)."""

_FULL_TEXT = (
    # What is indexed: user and assistant text. The index reads its text from this view
    # (an external-content table), so the words are stored once, in ``messages``.
    """CREATE VIEW searchable_messages AS
        SELECT id, content FROM messages WHERE role IN ('user', 'assistant')""",
    f"""CREATE VIRTUAL TABLE {FULL_TEXT_TABLE} USING fts5(
        content, content='searchable_messages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER message_text_insert AFTER INSERT ON messages
        WHEN new.role IN ('user', 'assistant') BEGIN
            INSERT INTO {FULL_TEXT_TABLE}(rowid, content) VALUES (new.id, new.content);
        END""",
    f"""CREATE TRIGGER message_text_delete AFTER DELETE ON messages
        WHEN old.role IN ('user', 'assistant') BEGIN
            INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rowid, content)
            VALUES ('delete', old.id, old.content);
        END""",
    f"""CREATE TRIGGER message_text_update AFTER UPDATE OF content ON messages
        WHEN old.role IN ('user', 'assistant') BEGIN
            INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rowid, content)
            VALUES ('delete', old.id, old.content);
            INSERT INTO {FULL_TEXT_TABLE}(rowid, content) VALUES (new.id, new.content);
        END""",
    f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}) VALUES ('rebuild')",
)


def has_fts5(conn: sqlite3.Connection) -> bool:
    """True when this Python's SQLite has the FTS5 extension."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp.fts5_probe")
    return True


def _full_text_index(conn: sqlite3.Connection) -> None:
    """Schema 4: index every user and assistant message for search (when FTS5 exists).

    Without FTS5 the file still upgrades; search then matches substrings instead, and
    the index is built by :func:`ensure_full_text` once a SQLite with FTS5 opens it.
    """
    ensure_full_text(conn)


def ensure_full_text(conn: sqlite3.Connection) -> bool:
    """Create (and fill) the full-text index if it is missing and FTS5 is there.

    Returns whether the index exists afterwards.
    """
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (FULL_TEXT_TABLE,)
    ).fetchone()
    if exists:
        return True
    if not has_fts5(conn):
        log.warning("this Python's SQLite has no FTS5: search matches substrings instead")
        return False
    started = time.perf_counter()
    for statement in _FULL_TEXT:
        conn.execute(statement)
    log.info("indexed the history's text for search in %.2f s", time.perf_counter() - started)
    return True


MIGRATIONS: tuple[Step, ...] = (
    (  # 1: sessions, messages, request metrics
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            created REAL NOT NULL,
            updated REAL NOT NULL,
            model TEXT NOT NULL DEFAULT 'auto',
            system_prompt TEXT NOT NULL DEFAULT '',
            params TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX sessions_updated ON sessions(updated)",
        """CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            model TEXT,
            created REAL NOT NULL,
            state TEXT NOT NULL DEFAULT 'complete',
            meta TEXT NOT NULL DEFAULT '{}',
            writer_pid INTEGER
        )""",
        "CREATE INDEX messages_session ON messages(session_id, id)",
        "CREATE INDEX messages_streaming ON messages(state) WHERE state = 'streaming'",
        """CREATE TABLE requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time REAL NOT NULL,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            model TEXT,
            route_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            empty_chunks INTEGER,
            ttft_ms REAL,
            tokens_per_s REAL,
            total_ms REAL,
            finish_reason TEXT,
            fallback TEXT,
            error TEXT
        )""",
        "CREATE INDEX requests_time ON requests(time)",
        "CREATE INDEX requests_session ON requests(session_id, time)",
    ),
    (  # 2: fallbacks as JSON records (requests.fallback "a: t: m | ..." -> fallbacks)
        "ALTER TABLE requests RENAME COLUMN fallback TO fallbacks",
        _fallbacks_as_records,
    ),
    (  # 3: the writer's lease (store.lease) beside its pid; older rows have none
        "ALTER TABLE messages ADD COLUMN writer_lease TEXT",
    ),
    (  # 4: messages form a tree (each session's old list becomes one path), reasoning
       # figures per request, a full-text index
        "ALTER TABLE messages ADD COLUMN parent_id INTEGER"
        " REFERENCES messages(id) ON DELETE CASCADE",
        "ALTER TABLE sessions ADD COLUMN active_leaf INTEGER"
        " REFERENCES messages(id) ON DELETE SET NULL",
        """UPDATE messages SET parent_id = (
            SELECT MAX(p.id) FROM messages p
            WHERE p.session_id = messages.session_id AND p.id < messages.id)""",
        "UPDATE sessions SET active_leaf = (SELECT MAX(m.id) FROM messages m"
        " WHERE m.session_id = sessions.id)",
        "CREATE INDEX messages_parent ON messages(parent_id)",
        "CREATE INDEX sessions_active_leaf ON sessions(active_leaf)",
        # reasoning models: tokens spent thinking, time to the first answer token
        "ALTER TABLE requests ADD COLUMN reasoning_tokens INTEGER",
        "ALTER TABLE requests ADD COLUMN answer_ms REAL",
        _full_text_index,
    ),
)
"""Schema steps; ``MIGRATIONS[i]`` takes ``user_version`` from ``i`` to ``i + 1``."""
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer tui-chat (its ``user_version`` is ahead)."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def needs_upgrade(path: Path) -> bool:
    """True when ``path`` is a history file of an older schema (opening it upgrades it).

    Read-only and quiet: a missing, new or unreadable file says False (opening it
    reports what is wrong).
    """
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return 0 < version < SCHEMA_VERSION


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION` inside the caller's transaction.

    Returns the version the file had. Raises NewerSchema for a file from the future.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    for step in range(version, SCHEMA_VERSION):
        for action in MIGRATIONS[step]:
            if isinstance(action, str):
                conn.execute(action)
            else:
                action(conn)
        log.info("history schema %s -> %s", step, step + 1)
    if version != SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return version
