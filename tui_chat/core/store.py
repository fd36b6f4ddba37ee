"""SQLite history: sessions, messages and request metrics.

One file in the data dir (``history.sqlite3``, mode 0600) in WAL mode, so several
tui-chat processes can share a data dir: readers never block, writers queue behind
``busy_timeout``. The schema is versioned with ``PRAGMA user_version`` and upgraded by
the ordered :data:`MIGRATIONS` when a store opens.

Threading: the TUI calls the store from several worker threads. A :class:`Store` keeps
**one** connection (``check_same_thread=False``) guarded by a re-entrant lock. SQLite
serialises writers anyway, every call is short, and one connection keeps the order of
writes from one process obvious and closing simple (no per-thread connections to track).

Transactions: the connection runs in autocommit mode and every write method is one
explicit ``BEGIN IMMEDIATE ... COMMIT`` (rolled back on any failure), so a call either
lands whole or not at all, and taking the write lock up front avoids the WAL
read-to-write upgrade deadlock between processes.

Every :mod:`sqlite3` failure leaves as a :class:`StoreError` whose text is one sentence a
person can act on; the details go to the log.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_chat.core.errors import TuiChatError

log = logging.getLogger(__name__)

STATES = ("complete", "streaming", "stopped", "interrupted", "error")
"""Message states: ``streaming`` while a reply is being written, then one of the others."""
ROLES = ("system", "user", "assistant", "notice")
"""Message roles; ``notice`` is an app note (fallback, error) never sent to a model."""
DEFAULT_TITLE = "New chat"
TITLE_MAX = 48
BUSY_TIMEOUT_S = 5.0

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
    "fallback",
    "error",
)
"""Columns of a request metrics row besides ``id`` (the keys ``record_request`` reads)."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
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
)
"""Schema steps; ``MIGRATIONS[i]`` takes ``user_version`` from ``i`` to ``i + 1``.

Never edit a released step: append a new one. Roles and states are checked in Python
(no CHECK constraints) so adding a value needs no table rebuild.
"""
SCHEMA_VERSION = len(MIGRATIONS)

_SESSION_SELECT = """
    SELECT s.id, s.title, s.created, s.updated, s.model, s.system_prompt, s.params,
           (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id)
    FROM sessions s
"""
_MESSAGE_SELECT = (
    "SELECT id, session_id, role, content, model, created, state, meta FROM messages"
)
_NEWEST_FIRST = " ORDER BY s.updated DESC, s.id DESC"
# Bump ``updated`` strictly forward so "newest first" holds even for same-clock events.
_TOUCH_SESSION = """
    UPDATE sessions
    SET updated = MAX(?, (SELECT COALESCE(MAX(updated), 0) FROM sessions) + 0.000001)
    WHERE id = ?
"""
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class StoreError(TuiChatError):
    """The history database failed; ``str(err)`` says what to do next."""


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
    role: str
    """``system``, ``user``, ``assistant`` or ``notice``."""
    content: str
    """The text (for a streaming reply: the last checkpoint)."""
    model: str | None
    """The model that wrote it (assistant messages), else None."""
    created: float
    """Creation time, epoch seconds."""
    state: str
    """One of :data:`STATES`."""
    meta: dict[str, Any]
    """Extra facts: route reason, fallback notes, ..."""


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


def _set_wal(conn: sqlite3.Connection, timeout: float) -> str:
    """Switch to WAL, retrying while another process sets up the same new file.

    SQLite does not apply busy_timeout to this pragma, so two first starts at once
    would otherwise fail at once with SQLITE_BUSY.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


class Store:
    """The history database; safe to share between threads (see the module docstring)."""

    def __init__(self, path: Path, *, timeout: float = BUSY_TIMEOUT_S) -> None:
        """Open (creating if needed) the history file at ``path`` and upgrade its schema.

        Args:
            path: the database file; its folder must exist.
            timeout: seconds to wait for another process's write lock (busy_timeout).

        Raises:
            StoreError: the file cannot be opened, is damaged or is from a newer version.
        """
        self.path = Path(path)
        """The database file."""
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open(timeout)
        try:
            self._migrate()
            recovered = self.recover_interrupted()
        except BaseException:
            self.close()
            raise
        self.recovered = recovered
        """How many replies were found cut off (and marked interrupted) on opening."""
        if recovered:
            log.info("marked %d unfinished replies as interrupted in %s", recovered, self.path)

    # ------------------------------------------------------------------ opening

    def _open(self, timeout: float) -> sqlite3.Connection:
        """Create the file 0600, connect and set the per-connection pragmas."""
        if not self.path.parent.is_dir():
            raise StoreError(
                f"Cannot open history: folder {self.path.parent} does not exist; "
                "pass an existing --data-dir."
            )
        try:
            # Only ever touch a *new* file: closing any fd of a database this process
            # already has open would drop that connection's POSIX locks (SQLite's
            # documented pitfall) and let another process wreck the WAL under it.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            log.warning("cannot create %s", self.path, exc_info=True)
            raise StoreError(
                f"Cannot open history file {self.path} ({exc.strerror or exc}); "
                "check the data dir's permissions or pass another --data-dir."
            ) from exc
        conn = None
        try:
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = _set_wal(conn, timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise self._translate(exc, "open") from exc
        if str(mode).lower() != "wal":
            log.warning("%s: journal_mode is %s, not wal", self.path, mode)
        conn.create_function("tc_contains", 2, _contains, deterministic=True)
        self._make_private()
        return conn

    def _make_private(self) -> None:
        """Make the database and its -wal/-shm files user-only (0600)."""
        for suffix in ("", "-wal", "-shm"):
            try:
                os.chmod(f"{self.path}{suffix}", 0o600)
            except OSError:
                pass  # absent (-shm before first use) or not ours: nothing to fix

    def _migrate(self) -> None:
        """Bring the schema to :data:`SCHEMA_VERSION`, one transaction for all steps."""
        with self._write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"History file {self.path} was written by a newer tui-chat "
                    f"(schema {version}); upgrade tui-chat or pass another --data-dir."
                )
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
                log.info("history schema %s -> %s", step, step + 1)
            if version != SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._make_private()

    # ------------------------------------------------------------------ plumbing

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("History is closed; restart tui-chat.")
        return self._conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock for a read; sqlite3 errors become StoreError."""
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise self._translate(exc, "read") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock for one ``BEGIN IMMEDIATE`` transaction: all of it or nothing."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._translate(exc, "save") from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                _rollback(conn)
                if isinstance(exc, sqlite3.Error):
                    raise self._translate(exc, "save") from exc
                raise

    def _translate(self, exc: sqlite3.Error, action: str) -> StoreError:
        """One sentence for a sqlite3 failure; the details go to the log."""
        log.warning("history %s failed on %s: %s", action, self.path, exc, exc_info=exc)
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc).lower()
        verb = "saved" if action == "save" else "read" if action == "read" else "opened"
        if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
            return StoreError(
                "History could not be saved: the disk is full; "
                "free some space — your text is still on screen."
            )
        if primary == sqlite3.SQLITE_READONLY or "readonly" in text:
            return StoreError(
                f"History could not be saved: {self.path} is read-only; "
                "check its permissions or pass another --data-dir."
            )
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
            return StoreError(
                "History is locked by another tui-chat process; "
                "close it or try again in a moment."
            )
        if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "not a database" in text:
            return StoreError(
                f"History file {self.path} is damaged; "
                "move it aside and tui-chat will start a fresh one."
            )
        if primary == sqlite3.SQLITE_CANTOPEN:
            return StoreError(
                f"Cannot open history file {self.path}; "
                "check that the data dir exists and is writable."
            )
        if primary == sqlite3.SQLITE_IOERR:
            return StoreError(
                f"History could not be {verb}: disk I/O error on {self.path}; "
                "check the disk and its free space."
            )
        name = getattr(exc, "sqlite_errorname", None) or exc.__class__.__name__
        return StoreError(f"History could not be {verb} ({name}); details are in the log.")

    # ------------------------------------------------------------------ sessions

    def create_session(
        self,
        title: str = DEFAULT_TITLE,
        model: str = "auto",
        system_prompt: str = "",
        params: dict[str, Any] | None = None,
    ) -> SessionInfo:
        """Start an empty session and return it."""
        now = _now()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (title, created, updated, model, system_prompt, params)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (title or DEFAULT_TITLE, now, now, model, system_prompt, _dump(params)),
            )
            session_id = int(cursor.lastrowid or 0)
            conn.execute(_TOUCH_SESSION, (now, session_id))
        return self.session(session_id)

    def session(self, session_id: int) -> SessionInfo:
        """The session ``session_id``; StoreError when there is none."""
        with self._read() as conn:
            row = conn.execute(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)).fetchone()
        if row is None:
            raise _no_session(session_id)
        return _session_from_row(row)

    def sessions(self) -> list[SessionInfo]:
        """All sessions, most recently active first."""
        with self._read() as conn:
            rows = conn.execute(_SESSION_SELECT + _NEWEST_FIRST).fetchall()
        return [_session_from_row(row) for row in rows]

    def update_session(
        self,
        session_id: int,
        *,
        title: str | None = None,
        model: str | None = None,
        system_prompt: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> SessionInfo:
        """Change the given fields (None keeps a field; ``params`` is replaced whole).

        Settings changes do not count as activity: ``updated`` is left alone.
        """
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = title or DEFAULT_TITLE
        if model is not None:
            changes["model"] = model
        if system_prompt is not None:
            changes["system_prompt"] = system_prompt
        if params is not None:
            changes["params"] = _dump(params)
        with self._write() as conn:
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                cursor = conn.execute(
                    f"UPDATE sessions SET {assignments} WHERE id = ?",
                    (*changes.values(), session_id),
                )
                if cursor.rowcount == 0:
                    raise _no_session(session_id)
        return self.session(session_id)

    def delete_session(self, session_id: int) -> None:
        """Delete a session and its messages; its request metrics stay, unlinked."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if cursor.rowcount == 0:
                raise _no_session(session_id)

    def search(self, query: str) -> list[SessionInfo]:
        """Sessions whose title or any message contains ``query`` (case-insensitive).

        Matching uses Python's ``str.casefold`` so it also ignores case beyond ASCII;
        a blank query returns every session. Newest first.
        """
        needle = query.strip().casefold()
        if not needle:
            return self.sessions()
        sql = (
            _SESSION_SELECT
            + " WHERE tc_contains(s.title, :q) OR EXISTS (SELECT 1 FROM messages m"
            " WHERE m.session_id = s.id AND tc_contains(m.content, :q))"
            + _NEWEST_FIRST
        )
        with self._read() as conn:
            rows = conn.execute(sql, {"q": needle}).fetchall()
        return [_session_from_row(row) for row in rows]

    # ------------------------------------------------------------------ messages

    def add_message(
        self,
        session_id: int,
        role: str,
        content: str,
        *,
        model: str | None = None,
        state: str = "complete",
        meta: dict[str, Any] | None = None,
    ) -> int:
        """Append a message (committed before returning) and return its id.

        Raises:
            ValueError: ``role`` or ``state`` is not a known value.
            StoreError: no such session, or the write failed.
        """
        _check(role, ROLES, "role")
        _check(state, STATES, "state")
        now = _now()
        with self._write() as conn:
            if conn.execute(_TOUCH_SESSION, (now, session_id)).rowcount == 0:
                raise _no_session(session_id)
            cursor = conn.execute(
                "INSERT INTO messages"
                " (session_id, role, content, model, created, state, meta, writer_pid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, role, content, model, now, state, _dump(meta), os.getpid()),
            )
            return int(cursor.lastrowid or 0)

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        state: str | None = None,
        model: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        """Change the given fields of a message (streaming checkpoints, the final commit).

        None keeps a field; ``meta`` is replaced whole. The session counts as active.

        Raises:
            ValueError: ``state`` is not a known value.
            StoreError: the message no longer exists, or the write failed.
        """
        changes: dict[str, Any] = {"writer_pid": os.getpid()}
        if content is not None:
            changes["content"] = content
        if state is not None:
            changes["state"] = _check(state, STATES, "state")
        if model is not None:
            changes["model"] = model
        if meta is not None:
            changes["meta"] = _dump(meta)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self._write() as conn:
            row = conn.execute(
                "SELECT session_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise StoreError(
                    f"Message {message_id} no longer exists; its session may have been deleted."
                )
            conn.execute(
                f"UPDATE messages SET {assignments} WHERE id = ?", (*changes.values(), message_id)
            )
            conn.execute(_TOUCH_SESSION, (_now(), row[0]))

    def messages(self, session_id: int) -> list[StoredMessage]:
        """The messages of a session, oldest first (empty for an unknown session)."""
        with self._read() as conn:
            rows = conn.execute(
                _MESSAGE_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
        return [_message_from_row(row) for row in rows]

    def delete_message(self, message_id: int) -> None:
        """Delete one message (a no-op when it is already gone)."""
        with self._write() as conn:
            conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))

    def recover_interrupted(self) -> int:
        """Mark replies left ``streaming`` by a dead process as ``interrupted``.

        Rows written by another *running* process (another tui-chat on the same data
        dir, POSIX only) are left alone. Returns how many rows changed.
        """
        with self._write() as conn:
            rows = conn.execute(
                "SELECT id, writer_pid FROM messages WHERE state = 'streaming'"
            ).fetchall()
            stale = [(row[0],) for row in rows if not _process_alive(row[1])]
            conn.executemany("UPDATE messages SET state = 'interrupted' WHERE id = ?", stale)
        return len(stale)

    # ------------------------------------------------------------------ metrics

    def record_request(self, metrics: Mapping[str, Any]) -> int:
        """Store one request's metrics and return the row id.

        Keys are :data:`REQUEST_COLUMNS`; unknown keys are ignored, missing ones are
        NULL, except ``time`` which defaults to now. A ``session_id`` that does not
        exist (any more) is stored as NULL.
        """
        values = {column: metrics.get(column) for column in REQUEST_COLUMNS}
        if values["time"] is None:
            values["time"] = _now()
        columns = ", ".join(REQUEST_COLUMNS)
        marks = ", ".join(
            "(SELECT id FROM sessions WHERE id = :session_id)"
            if column == "session_id"
            else f":{column}"
            for column in REQUEST_COLUMNS
        )
        with self._write() as conn:
            cursor = conn.execute(f"INSERT INTO requests ({columns}) VALUES ({marks})", values)
            return int(cursor.lastrowid or 0)

    def requests(self, last: int = 20, session_id: int | None = None) -> list[dict[str, Any]]:
        """The ``last`` request metrics rows (optionally of one session), newest first."""
        sql = f"SELECT id, {', '.join(REQUEST_COLUMNS)} FROM requests"
        args: tuple[Any, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            args = (session_id,)
        sql += " ORDER BY time DESC, id DESC LIMIT ?"
        with self._read() as conn:
            cursor = conn.execute(sql, (*args, max(0, int(last))))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ------------------------------------------------------------------ closing

    def close(self) -> None:
        """Close the connection (idempotent); later calls raise StoreError."""
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            log.debug("PRAGMA optimize failed on close", exc_info=True)
        conn.close()


# ---------------------------------------------------------------------- helpers


def _now() -> float:
    return time.time()


def _contains(haystack: str | None, needle: str) -> bool:
    """SQL function ``tc_contains``: ``needle`` (already casefolded) in ``haystack``."""
    return bool(haystack) and needle in str(haystack).casefold()


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some on its own)."""
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        log.warning("rollback failed", exc_info=True)


def _process_alive(pid: int | None) -> bool:
    """True when ``pid`` is another live process (always False off POSIX)."""
    if not pid or pid == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _check(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown message {what} {value!r}; expected one of {allowed}")
    return value


def _no_session(session_id: int) -> StoreError:
    return StoreError(f"No session {session_id}; run `tui-chat sessions list`.")


def _dump(data: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(data or {}), ensure_ascii=False, default=str)


def _load(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        log.warning("unreadable JSON in history: %.80r", text)
        return {}
    return data if isinstance(data, dict) else {}


def _session_from_row(row: tuple[Any, ...]) -> SessionInfo:
    sid, title, created, updated, model, system_prompt, params, count = row
    return SessionInfo(
        id=sid,
        title=title,
        created=created,
        updated=updated,
        model=model,
        system_prompt=system_prompt,
        params=_load(params),
        message_count=count,
    )


def _message_from_row(row: tuple[Any, ...]) -> StoredMessage:
    mid, session_id, role, content, model, created, state, meta = row
    return StoredMessage(
        id=mid,
        session_id=session_id,
        role=role,
        content=content,
        model=model,
        created=created,
        state=state,
        meta=_load(meta),
    )
