"""The history API: sessions, messages and request metrics over one :class:`Database`."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui_chat.core.events import AUTO, MessageState, Role
from tui_chat.core.store.connection import BUSY_TIMEOUT_S, Database, OnConnect, StoreError
from tui_chat.core.store.lease import LEASE_FOLDER, LeaseCheck, WriterLease
from tui_chat.core.store.records import (
    DEFAULT_TITLE,
    SessionInfo,
    StoredMessage,
    dump,
    load,
    message_from_row,
    session_from_row,
)
from tui_chat.core.store.schema import REQUEST_COLUMNS

log = logging.getLogger(__name__)

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
        """How many replies were found cut off (and marked interrupted) on opening."""
        if recovered:
            log.info("marked %d unfinished replies as interrupted in %s", recovered, self.path)

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
        with self._db.read() as conn:
            rows = conn.execute(sql, {"q": needle}).fetchall()
        return [session_from_row(row) for row in rows]

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
    ) -> int:
        """Append a message (committed before returning) and return its id.

        Raises:
            ValueError: ``role`` or ``state`` is not a known value.
            StoreError: no such session, or the write failed.
        """
        role, state = Role(role), MessageState(state)
        now = time.time()
        with self._db.write() as conn:
            if conn.execute(_TOUCH_SESSION, (now, session_id)).rowcount == 0:
                raise _no_session(session_id)
            cursor = conn.execute(
                "INSERT INTO messages"
                " (session_id, role, content, model, created, state, meta, writer_pid,"
                " writer_lease) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, str(role), content, model, now, str(state), dump(meta),
                 os.getpid(), self._lease.id),
            )
            return int(cursor.lastrowid or 0)

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
        """The messages of a session, oldest first (empty for an unknown session)."""
        with self._db.read() as conn:
            rows = conn.execute(
                _MESSAGE_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
        return [message_from_row(row) for row in rows]

    def delete_message(self, message_id: int) -> None:
        """Delete one message (a no-op when it is already gone)."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))

    def delete_messages_from(self, session_id: int, message_id: int) -> int:
        """Delete message ``message_id`` and every later one of the session, at once.

        Returns how many were deleted.
        """
        with self._db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM messages WHERE session_id = ? AND id >= ?", (session_id, message_id)
            )
            return cursor.rowcount

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


def _no_session(session_id: int) -> StoreError:
    return StoreError(f"No session {session_id}; run `tui-chat sessions list`.")
