"""The history API: sessions, messages and request metrics over one :class:`Database`."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

from tui_chat.core.events import AUTO, MessageState, Role
from tui_chat.core.store.connection import BUSY_TIMEOUT_S, Database, OnConnect, StoreError
from tui_chat.core.store.lease import LEASE_FOLDER, LeaseCheck, WriterLease
from tui_chat.core.store.records import (
    DEFAULT_TITLE,
    SessionInfo,
    StoredMessage,
    HIT_END,
    HIT_START,
    SearchHit,
    dump,
    load,
    message_from_row,
    session_from_row,
)
from tui_chat.core.store.schema import FULL_TEXT_TABLE, REQUEST_COLUMNS, ensure_full_text
from tui_chat.core.store.search import fts_query, like_pattern
from tui_chat.core.store.tree import MessageTree

log = logging.getLogger(__name__)

_SESSION_SELECT = """
    SELECT s.id, s.title, s.created, s.updated, s.model, s.system_prompt, s.params,
           (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id)
    FROM sessions s
"""
_MESSAGE_SELECT = (
    "SELECT id, session_id, role, content, model, created, state, meta, parent_id FROM messages"
)
RANK_WINDOW = 5_000
"""Search ranks at most this many matches, the newest (see ``Store._ranked_hits``)."""
LEAF: Final = "leaf"
"""``add_message(parent_id=LEAF)``: the new message follows the session's active leaf."""
# The message and every one below it, by id (a recursive walk down the tree).
_SUBTREE = """
    WITH RECURSIVE below(id) AS (
        SELECT ? UNION ALL SELECT m.id FROM messages m JOIN below ON m.parent_id = below.id)
    SELECT id FROM below
"""
# The message and every one above it up to the root (its path), by id.
_ANCESTORS = """
    WITH RECURSIVE above(id) AS (
        SELECT ? UNION ALL
        SELECT m.parent_id FROM messages m JOIN above ON m.id = above.id
        WHERE m.parent_id IS NOT NULL)
    SELECT id FROM above
"""
_NEWEST_FIRST = " ORDER BY s.updated DESC, s.id DESC"
# Bump ``updated`` strictly forward so "newest first" holds even for same-clock events.
_TOUCH_SESSION = """
    UPDATE sessions
    SET updated = MAX(?, (SELECT COALESCE(MAX(updated), 0) FROM sessions) + 0.000001)
    WHERE id = ?
"""


class Store:
    """The history database; safe to share between threads (see ``store.connection``)."""

    def __init__(self, path: Path, *, timeout: float = BUSY_TIMEOUT_S,
                 on_connect: OnConnect | None = None) -> None:
        """Open (creating if needed) the history file at ``path`` and upgrade its schema.

        Args:
            path: the database file; its folder must exist.
            timeout: seconds to wait for another process's write lock (busy_timeout).
            on_connect: called with the SQLite connection once it is set up, before
                the schema is upgraded (extra pragmas; tests cap the file's size).

        The store also takes a writer lease (see ``store.lease``) in ``writers/`` next
        to the file, held until :meth:`close`.

        Raises:
            StoreError: the file cannot be opened, is damaged or is from a newer version,
                or the lease folder cannot be written.
        """
        self._db = Database(Path(path), timeout, on_connect)
        try:
            self._lease = WriterLease(self._db.path.parent / LEASE_FOLDER)
        except BaseException:
            self._db.close()
            raise
        try:
            recovered = self.recover_interrupted()
        except BaseException:
            self.close()
            raise
        self.recovered = recovered
        try:
            self._full_text = self._index_ready()
        except BaseException:
            self.close()
            raise
        """How many replies were found cut off (and marked interrupted) on opening."""
        if recovered:
            log.info("marked %d unfinished replies as interrupted in %s", recovered, self.path)

    def _index_ready(self) -> bool:
        """Whether search has its FTS5 index, building it if FTS5 came since the upgrade."""
        with self._db.read() as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                            (FULL_TEXT_TABLE,)).fetchone():
                return True
        with self._db.write() as conn:
            return ensure_full_text(conn)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._db.path

    # ------------------------------------------------------------------ sessions

    def create_session(
        self,
        title: str = DEFAULT_TITLE,
        model: str = AUTO,
        system_prompt: str = "",
        params: dict[str, Any] | None = None,
    ) -> SessionInfo:
        """Start an empty session and return it."""
        now = time.time()
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (title, created, updated, model, system_prompt, params)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (title or DEFAULT_TITLE, now, now, model, system_prompt, dump(params)),
            )
            session_id = int(cursor.lastrowid or 0)
            conn.execute(_TOUCH_SESSION, (now, session_id))
        return self.session(session_id)

    def session(self, session_id: int) -> SessionInfo:
        """The session ``session_id``; StoreError when there is none."""
        with self._db.read() as conn:
            row = conn.execute(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)).fetchone()
        if row is None:
            raise _no_session(session_id)
        return session_from_row(row)

    def sessions(self) -> list[SessionInfo]:
        """All sessions, most recently active first."""
        with self._db.read() as conn:
            rows = conn.execute(_SESSION_SELECT + _NEWEST_FIRST).fetchall()
        return [session_from_row(row) for row in rows]

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
            changes["params"] = dump(params)
        with self._db.write() as conn:
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
        with self._db.write() as conn:
            cursor = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if cursor.rowcount == 0:
                raise _no_session(session_id)

    # ------------------------------------------------------------------ messages

    def add_message(
        self,
        session_id: int,
        role: Role | str,
        content: str,
        *,
        model: str | None = None,
        state: MessageState | str = MessageState.COMPLETE,
        meta: dict[str, Any] | None = None,
        parent_id: int | None | Literal["leaf"] = LEAF,
    ) -> int:
        """Add a message (committed before returning) and return its id.

        The message follows ``parent_id``: by default the session's active leaf (it is
        appended to the path shown); another message of the session to start a branch
        there; None to start one at the top. It becomes the session's active leaf.

        Raises:
            ValueError: ``role`` or ``state`` is not a known value.
            StoreError: no such session, the parent is not in it, or the write failed.
        """
        role, state = Role(role), MessageState(state)
        now = time.time()
        with self._db.write() as conn:
            if conn.execute(_TOUCH_SESSION, (now, session_id)).rowcount == 0:
                raise _no_session(session_id)
            if parent_id == LEAF:
                parent = _active_leaf(conn, session_id)
            elif parent_id is None:
                parent = None
            else:
                parent = _own_message(conn, session_id, int(parent_id))
            cursor = conn.execute(
                "INSERT INTO messages"
                " (session_id, role, content, model, created, state, meta, writer_pid,"
                " writer_lease, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, str(role), content, model, now, str(state), dump(meta),
                 os.getpid(), self._lease.id, parent),
            )
            message_id = int(cursor.lastrowid or 0)
            conn.execute("UPDATE sessions SET active_leaf = ? WHERE id = ?",
                         (message_id, session_id))
            return message_id

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        state: MessageState | str | None = None,
        model: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        """Change the given fields of a message (streaming checkpoints, the final commit).

        None keeps a field; ``meta`` is replaced whole. The session counts as active.

        Raises:
            ValueError: ``state`` is not a known value.
            StoreError: the message no longer exists, or the write failed.
        """
        changes: dict[str, Any] = {"writer_pid": os.getpid(), "writer_lease": self._lease.id}
        if content is not None:
            changes["content"] = content
        if state is not None:
            changes["state"] = str(MessageState(state))
        if model is not None:
            changes["model"] = model
        if meta is not None:
            changes["meta"] = dump(meta)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self._db.write() as conn:
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
            conn.execute(_TOUCH_SESSION, (time.time(), row[0]))

    def messages(self, session_id: int) -> list[StoredMessage]:
        """Every message of a session, all branches, oldest first (empty if unknown)."""
        with self._db.read() as conn:
            rows = conn.execute(
                _MESSAGE_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
        return [message_from_row(row) for row in rows]

    def tree(self, session_id: int) -> MessageTree:
        """The session's messages as a tree, with its active leaf (one read)."""
        with self._db.read() as conn:
            leaf = conn.execute(
                "SELECT active_leaf FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if leaf is None:
                raise _no_session(session_id)
            rows = conn.execute(
                _MESSAGE_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
        return MessageTree((message_from_row(row) for row in rows), leaf[0])

    def add_summary(self, session_id: int, through: int, text: str, *,
                    model: str | None, meta: dict[str, Any]) -> int:
        """Store a summary standing in for the path up to message ``through``.

        It hangs off ``through`` (so it goes with it) and leaves the active leaf alone.
        """
        with self._db.write() as conn:
            _own_message(conn, session_id, through)
            cursor = conn.execute(
                "INSERT INTO messages (session_id, role, content, model, created, state, meta,"
                " writer_pid, writer_lease, parent_id) VALUES (?, 'summary', ?, ?, ?,"
                " 'complete', ?, ?, ?, ?)",
                (session_id, text, model, time.time(), dump(meta), os.getpid(),
                 self._lease.id, through),
            )
            conn.execute(_TOUCH_SESSION, (time.time(), session_id))
            return int(cursor.lastrowid or 0)

    def set_active_leaf(self, session_id: int, message_id: int) -> None:
        """Show the path that ends at ``message_id`` (a message of the session)."""
        with self._db.write() as conn:
            _own_message(conn, session_id, message_id)
            conn.execute("UPDATE sessions SET active_leaf = ? WHERE id = ?",
                         (message_id, session_id))

    def delete_branch(self, message_id: int) -> int:
        """Delete a message and every message below it; returns how many went.

        When the session's path ran through them, it ends at the message's parent now.
        """
        with self._db.write() as conn:
            row = conn.execute("SELECT session_id, parent_id FROM messages WHERE id = ?",
                               (message_id,)).fetchone()
            if row is None:
                return 0
            session_id, parent = row
            gone = {mid for (mid,) in conn.execute(_SUBTREE, (message_id,))}
            if _active_leaf(conn, session_id) in gone:
                conn.execute("UPDATE sessions SET active_leaf = ? WHERE id = ?",
                             (parent, session_id))
            conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))
            return len(gone)

    def fork(self, session_id: int, message_id: int, title: str) -> SessionInfo:
        """A new session holding a copy of the path from the top to ``message_id``.

        It keeps the original's model, system prompt and params; replies being
        written are copied as they are now, marked interrupted.
        """
        now = time.time()
        with self._db.write() as conn:
            _own_message(conn, session_id, message_id)
            source = conn.execute(
                "SELECT model, system_prompt, params FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            ids = sorted(mid for (mid,) in conn.execute(_ANCESTORS, (message_id,)))
            marks = ", ".join("?" * len(ids))
            rows = conn.execute(
                "SELECT role, content, model, created, state, meta FROM messages"
                f" WHERE id IN ({marks}) ORDER BY id", ids,
            ).fetchall()
            cursor = conn.execute(
                "INSERT INTO sessions (title, created, updated, model, system_prompt, params)"
                " VALUES (?, ?, ?, ?, ?, ?)", (title or DEFAULT_TITLE, now, now, *source),
            )
            new_id = int(cursor.lastrowid or 0)
            parent: int | None = None
            for role, content, model, created, state, meta in rows:
                if state == MessageState.STREAMING:
                    state = str(MessageState.INTERRUPTED)
                parent = int(conn.execute(
                    "INSERT INTO messages (session_id, role, content, model, created, state,"
                    " meta, writer_pid, writer_lease, parent_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (new_id, role, content, model, created, state, meta, os.getpid(),
                     self._lease.id, parent),
                ).lastrowid or 0)
            conn.execute("UPDATE sessions SET active_leaf = ? WHERE id = ?", (parent, new_id))
            conn.execute(_TOUCH_SESSION, (now, new_id))
        return self.session(new_id)

    @property
    def full_text(self) -> bool:
        """True when search uses the FTS5 index (False: substring matching)."""
        return self._full_text

    def _ranked_hits(self, match: str, limit: int) -> list[SearchHit]:
        """The best ``limit`` FTS5 matches (bm25) among the newest :data:`RANK_WINDOW`.

        Ranking every match of a word found in most messages costs a few hundred
        milliseconds on 100,000 of them; the newest matches are found in index order
        at once, so only they are ranked. Snippets are made for the ``limit`` kept.
        """
        with self._db.read() as conn:
            best = [row[0] for row in conn.execute(
                f"SELECT id FROM (SELECT rowid AS id, bm25({FULL_TEXT_TABLE}) AS score"
                f" FROM {FULL_TEXT_TABLE} WHERE {FULL_TEXT_TABLE} MATCH ?"
                " ORDER BY rowid DESC LIMIT ?) ORDER BY score, id DESC LIMIT ?",
                (match, RANK_WINDOW, limit))]
            if not best:
                return []
            marks = ", ".join("?" * len(best))
            rows = conn.execute(
                "SELECT m.id, m.session_id, s.title, m.role, m.created,"
                f" snippet({FULL_TEXT_TABLE}, 0, ?, ?, '…', 12)"
                f" FROM {FULL_TEXT_TABLE} JOIN messages m ON m.id = {FULL_TEXT_TABLE}.rowid"
                " JOIN sessions s ON s.id = m.session_id"
                f" WHERE {FULL_TEXT_TABLE} MATCH ? AND {FULL_TEXT_TABLE}.rowid IN ({marks})",
                (HIT_START, HIT_END, match, *best)).fetchall()
        order = {mid: place for place, mid in enumerate(best)}
        rows.sort(key=lambda row: order[row[0]])
        return [SearchHit(mid, sid, title, Role(role), created, snippet)
                for mid, sid, title, role, created, snippet in rows]

    def search_messages(self, query: str, limit: int = 50, *,
                        prefix: bool = False) -> list[SearchHit]:
        """User and assistant messages of every session that hold the words of ``query``.

        ``query`` is taken as plain words (quotes and operators are not syntax, so no
        query is an error); with ``prefix`` the last word also matches longer words
        (for results as the user types). Best matches first (bm25, among the newest
        :data:`RANK_WINDOW` matches); without FTS5, newest first by substring. A query
        with no words finds nothing.
        """
        limit = max(0, int(limit))
        if self._full_text:
            match = fts_query(query, prefix=prefix)
            return [] if match is None else self._ranked_hits(match, limit)
        pattern = like_pattern(query)
        if pattern is None:
            return []
        sql = (
            "SELECT m.id, m.session_id, s.title, m.role, m.created, substr(m.content, 1, 160)"
            " FROM messages m JOIN sessions s ON s.id = m.session_id"
            " WHERE m.role IN ('user', 'assistant') AND m.content LIKE ? ESCAPE '\\'"
            " ORDER BY m.created DESC, m.id DESC LIMIT ?"
        )
        args: tuple[Any, ...] = (pattern, limit)
        with self._db.read() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [SearchHit(mid, sid, title, Role(role), created, snippet)
                for mid, sid, title, role, created, snippet in rows]

    def recover_interrupted(self) -> int:
        """Mark replies left ``streaming`` by a dead writer as ``interrupted``.

        A reply is still being written only while its writer's lease is held (see
        ``store.lease``): this store's own, or one another running store holds, in this
        process or another. Lease files of dead writers are removed on the way.

        Rows from before schema 3 have no lease and count as dead. The pid they
        recorded is no evidence of life (a zombie or an unrelated process reusing the
        pid answers a probe as well), and such a row can only be live while a
        tui-chat older than this one writes it on the same data dir; that reply is
        marked interrupted here and still saved whole when its writer finishes.

        Returns how many rows changed.
        """
        with self._db.write() as conn, LeaseCheck(self._lease.folder, self._lease.id) as leases:
            rows = conn.execute(
                "SELECT id, writer_lease FROM messages WHERE state = 'streaming'"
            ).fetchall()
            stale = [(mid,) for mid, lease in rows if not leases.alive(lease)]
            conn.executemany("UPDATE messages SET state = 'interrupted' WHERE id = ?", stale)
            leases.sweep()
        return len(stale)

    # ------------------------------------------------------------------ metrics

    def record_request(self, metrics: Mapping[str, Any]) -> int:
        """Store one request's metrics and return the row id.

        Keys are :data:`REQUEST_COLUMNS`; unknown keys are ignored, missing ones are
        NULL, except ``time`` which defaults to now and ``fallbacks`` (a list of
        records or their dicts) which defaults to none. A ``session_id`` that does not
        exist (any more) is stored as NULL.
        """
        values = {column: metrics.get(column) for column in REQUEST_COLUMNS}
        if values["time"] is None:
            values["time"] = time.time()
        values["fallbacks"] = dump(list(values["fallbacks"] or []))
        columns = ", ".join(REQUEST_COLUMNS)
        marks = ", ".join(
            "(SELECT id FROM sessions WHERE id = :session_id)"
            if column == "session_id"
            else f":{column}"
            for column in REQUEST_COLUMNS
        )
        with self._db.write() as conn:
            cursor = conn.execute(f"INSERT INTO requests ({columns}) VALUES ({marks})", values)
            return int(cursor.lastrowid or 0)

    def requests(self, last: int = 20, session_id: int | None = None) -> list[dict[str, Any]]:
        """The ``last`` request metrics rows (optionally of one session), newest first.

        ``fallbacks`` is a list of ``{"model", "trigger", "message"}`` dicts.
        """
        sql = f"SELECT id, {', '.join(REQUEST_COLUMNS)} FROM requests"
        args: tuple[Any, ...] = ()
        if session_id is not None:
            sql += " WHERE session_id = ?"
            args = (session_id,)
        sql += " ORDER BY time DESC, id DESC LIMIT ?"
        with self._db.read() as conn:
            cursor = conn.execute(sql, (*args, max(0, int(last))))
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            row["fallbacks"] = load(row["fallbacks"], [])
        return rows

    # ------------------------------------------------------------------ closing

    def close(self) -> None:
        """Close the connection and drop the lease (idempotent); later calls raise StoreError."""
        self._db.close()
        self._lease.release()


def _active_leaf(conn: sqlite3.Connection, session_id: int) -> int | None:
    """The session's active leaf; the newest message when none is recorded."""
    row = conn.execute("SELECT active_leaf FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is not None and row[0] is not None:
        return int(row[0])
    row = conn.execute("SELECT MAX(id) FROM messages WHERE session_id = ?"
                       " AND role != 'summary'", (session_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def _own_message(conn: sqlite3.Connection, session_id: int, message_id: int) -> int:
    """``message_id`` when it is a message of ``session_id``; StoreError otherwise."""
    row = conn.execute("SELECT session_id FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None or row[0] != session_id:
        raise StoreError(
            f"Message {message_id} is not in session {session_id}; it may have been deleted."
        )
    return message_id


def _no_session(session_id: int) -> StoreError:
    return StoreError(f"No session {session_id}; run `tui-chat sessions list`.")
