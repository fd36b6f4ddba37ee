"""The one SQLite connection behind a history store: opening, transactions, errors.

One file in the data dir (``history.sqlite3``, mode 0600) in WAL mode, so several
tui-chat processes can share a data dir: readers never block, writers queue behind
``busy_timeout``.

Threading: the TUI calls the store from several worker threads. A :class:`Database`
keeps **one** connection (``check_same_thread=False``) guarded by a re-entrant lock.
SQLite serialises writers anyway, every call is short, and one connection keeps the
order of writes from one process obvious and closing simple.

Transactions: the connection runs in autocommit mode and every write is one explicit
``BEGIN IMMEDIATE ... COMMIT`` (rolled back on any failure), so a call either lands
whole or not at all, and taking the write lock up front avoids the WAL read-to-write
upgrade deadlock between processes.

Every :mod:`sqlite3` failure leaves as a :class:`StoreError` whose text is one sentence
a person can act on; the details go to the log.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tui_chat.core.errors import TuiChatError
from tui_chat.core.store.schema import NewerSchema, migrate

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0

OnConnect = Callable[[sqlite3.Connection], None]
"""Called with the connection once it is set up (extra pragmas; tests cap its size)."""


class StoreError(TuiChatError):
    """The history database failed; ``str(err)`` says what to do next."""


class DamagedHistory(StoreError):
    """The history file is not a database, or a damaged one: it can be moved aside."""


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


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some on its own)."""
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        log.warning("rollback failed", exc_info=True)


class Database:
    """The open history file: one connection, one lock, whole-or-nothing writes."""

    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT_S,
                 on_connect: OnConnect | None = None) -> None:
        """Open (creating if needed) the file at ``path`` and upgrade its schema.

        Raises:
            StoreError: the file cannot be opened, is damaged or is from a newer version.
        """
        self.path = Path(path)
        """The database file."""
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = self._open(timeout)
        if on_connect is not None:
            on_connect(self._conn)
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

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
        """Bring the schema up to date, one transaction for all steps."""
        try:
            with self.write() as conn:
                migrate(conn)
        except NewerSchema as exc:
            raise StoreError(
                f"History file {self.path} was written by a newer tui-chat "
                f"(schema {exc.version}); upgrade tui-chat or pass another --data-dir."
            ) from None
        self._make_private()

    # ------------------------------------------------------------------ transactions

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("History is closed; restart tui-chat.")
        return self._conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock for a read; sqlite3 errors become StoreError."""
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise self._translate(exc, "read") from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
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
            return DamagedHistory(
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
