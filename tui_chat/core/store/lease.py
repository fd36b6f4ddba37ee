"""Writer leases: whether the process writing a reply is still alive, by an ``flock``.

Every open :class:`~tui_chat.core.store.Store` holds a lease: the file
``<data dir>/writers/<lease id>.lock`` (0600, in a 0700 folder), kept open with an
exclusive ``flock`` for the life of the store. A reply being written records its
writer's lease id, so another process can tell a live writer from a dead one by trying
to take that lock: the kernel drops it when the owner's last descriptor closes, which
happens when the store closes, when the process exits or is killed (even by SIGKILL),
and before a dead process turns into a zombie. A pid probe (``kill(pid, 0)``) cannot
tell: a zombie still answers it, and so does whatever process reuses the pid.

A lease file is created under a ``.new`` name, locked, and only then renamed to
``.lock``; recovery only ever looks at ``.lock`` files, so it never takes (and deletes)
a lease that its owner has created but not yet locked. The descriptor is close-on-exec,
so model subprocesses do not inherit the lock (a bare ``fork`` would: don't).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import re
import secrets
from pathlib import Path
from types import TracebackType

from tui_chat.core.store.connection import StoreError

log = logging.getLogger(__name__)

LEASE_FOLDER = "writers"
"""The folder of lease files, next to the history file."""
_SUFFIX = ".lock"
_ID_RE = re.compile(r"[0-9]{1,10}-[0-9a-f]{12}")


def lease_path(folder: Path, lease_id: str) -> Path:
    """The lock file of lease ``lease_id`` in ``folder``."""
    return folder / f"{lease_id}{_SUFFIX}"


class WriterLease:
    """This store's lease: its lock file, held with ``LOCK_EX`` until :meth:`release`."""

    def __init__(self, folder: Path) -> None:
        """Create and lock a new lease file in ``folder`` (made 0700 if missing).

        Raises:
            StoreError: the folder or the file cannot be created, or the lock cannot
                be taken.
        """
        self.folder = folder
        """The folder of lease files."""
        self.id = f"{os.getpid()}-{secrets.token_hex(6)}"
        """The lease id recorded in the rows this store writes."""
        self._fd: int | None = None
        new = folder / f"{self.id}.new"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
            fd = os.open(new, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise _unwritable(folder, exc) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.rename(new, self.path)
        except OSError as exc:
            os.close(fd)
            new.unlink(missing_ok=True)
            raise _unwritable(folder, exc) from exc
        self._fd = fd

    @property
    def path(self) -> Path:
        """The lock file."""
        return lease_path(self.folder, self.id)

    def release(self) -> None:
        """Remove the lock file and drop the lock (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # while still locked: nobody judges it dead
        except OSError:
            log.warning("cannot remove lease file %s", self.path, exc_info=True)
        os.close(fd)


def _unwritable(folder: Path, exc: OSError) -> StoreError:
    log.warning("cannot take a writer lease in %s", folder, exc_info=exc)
    return StoreError(
        f"Cannot open history: cannot write the lease folder {folder} "
        f"({exc.strerror or exc}); check the data dir's permissions or pass another --data-dir."
    )


class LeaseCheck:
    """One recovery pass over leases: which are alive, and the dead ones' files removed.

    Use as a context manager; the lock files of dead leases are taken while judging and
    deleted (then unlocked) on exit.
    """

    def __init__(self, folder: Path, own: str) -> None:
        self.folder = folder
        """The folder of lease files."""
        self._own = own
        self._alive: dict[str, bool] = {}
        self._claimed: list[tuple[Path, int]] = []

    def alive(self, lease_id: str | None) -> bool:
        """Whether the writer holding ``lease_id`` is still running.

        No id (a row from before leases), or one that is not a lease id at all, is
        dead. Our own lease is alive. Otherwise the lease is alive while someone holds
        the lock on its file; a missing file is dead (only its owner, on close, or a
        recovery that found it dead removes it).
        """
        if lease_id is None or not _ID_RE.fullmatch(lease_id):
            return False
        if lease_id == self._own:
            return True
        if lease_id not in self._alive:
            self._alive[lease_id] = self._probe(lease_path(self.folder, lease_id))
        return self._alive[lease_id]

    def sweep(self) -> None:
        """Judge every other lease file in the folder, so dead writers' files go too."""
        try:
            names = [p.name for p in self.folder.iterdir() if p.name.endswith(_SUFFIX)]
        except OSError:
            log.debug("cannot list %s", self.folder, exc_info=True)
            return
        for name in names:
            self.alive(name[: -len(_SUFFIX)])

    def _probe(self, path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return False
        except OSError:
            log.warning("cannot check writer lease %s; taking it as alive", path, exc_info=True)
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                log.warning("cannot check writer lease %s; taking it as alive", path,
                            exc_info=True)
            return True
        self._claimed.append((path, fd))
        return False

    def __enter__(self) -> LeaseCheck:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        claimed, self._claimed = self._claimed, []
        for path, fd in claimed:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                log.warning("cannot remove stale lease file %s", path, exc_info=True)
            finally:
                os.close(fd)
