"""Lazy model loading, one generation at a time per model, LRU unloading under a budget.

The pool owns every Backend. ``load`` brings a model in on first use (catalog status
``loading`` then ``loaded`` with the load time), first unloading idle least-recently-used
models until the newcomer fits the memory budget (a resident model counts as its
process's measured RSS, one still loading as its file size times 1.15). A model that
failed to load is kept out (its error is raised again at once, without touching
llama.cpp) until its file changes on disk. Each model has a lock that its generation holds, so one llama.cpp
instance never serves two replies at once and a busy model is never unloaded.

The one way to a backend for a generation is a :class:`Lease` from :meth:`ModelPool.acquire`::

    lease = pool.acquire(name, cancel)   # never blocks; holds the model if it is free
    if lease.busy:
        ...                              # tell the user it queues (the flow yields Waiting)
    with lease:                          # waits for the model; WaitCancelled on cancel
        if not lease.loaded:
            ...                          # tell the user it loads (the flow yields Loading)
        backend = lease.backend()        # loads it if needed (ModelUnavailable on failure)
        ...                              # stream; the model is released on leaving the block
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from types import TracebackType
from pathlib import Path
from typing import Any

from tui_chat.core.backends.base import Backend
from tui_chat.core.library.catalog import Catalog, missing_error
from tui_chat.core.config import Config, ModelSpec
from tui_chat.core.errors import ModelUnavailable, TuiChatError
from tui_chat.core.events import FallbackTrigger, ModelStatus
from tui_chat.core.sysinfo import GIB, estimate_budget, footprint

log = logging.getLogger(__name__)

BackendFactory = Callable[[ModelSpec, Path | None], Backend]
FileStamp = tuple[int, int]
CLOSE_WAIT_S = 2.0
"""How long ``close`` waits for a running generation before leaving its model alone."""
WAIT_POLL_S = 0.05
"""How often a lease waiting for a busy model checks its cancel event."""


# --------------------------------------------------------------------------- helpers


def default_backend_factory(spec: ModelSpec, path: Path | None) -> Backend:
    """Build the backend a catalog entry asks for."""
    if spec.is_remote:
        from tui_chat.core.backends.openai import OpenAIBackend

        return OpenAIBackend(spec)
    from tui_chat.core.backends.process import ProcessLlamaBackend

    assert path is not None
    return ProcessLlamaBackend(spec.name, path, spec.load)


def _measured(facts: dict[str, Any]) -> int | None:
    """The bytes a backend reports it really holds (``rss_bytes`` in its info), if any."""
    rss = facts.get("rss_bytes")
    return rss if isinstance(rss, int) and rss > 0 else None


def _loaded_detail(backend: Backend) -> str:
    seconds = backend.info().get("load_seconds")
    return f"loaded in {seconds:.1f}s" if isinstance(seconds, (int, float)) else "ready"


# --------------------------------------------------------------------------- the pool


class WaitCancelled(TuiChatError):
    """The generation was cancelled while it waited for a busy model."""


class Lease:
    """One generation's hold on one model; see the module docstring for the steps.

    Made by :meth:`ModelPool.acquire`, which takes the model at once when it is free
    (``busy`` False). Enter it straight away: a lease that is not busy already holds
    the model, and only leaving the ``with`` block lets it go.
    """

    __slots__ = ("name", "busy", "_pool", "_lock", "_cancel", "_held")

    def __init__(self, pool: ModelPool, name: str, lock: threading.Lock,
                 cancel: threading.Event | None) -> None:
        self.name = name
        """The model held (or waited for)."""
        self._pool = pool
        self._lock = lock
        self._cancel = cancel
        self._held = lock.acquire(blocking=False)
        self.busy = not self._held
        """True when another generation held the model as this lease was made."""

    def __enter__(self) -> Lease:
        """Wait until the model is ours, checking ``cancel`` every :data:`WAIT_POLL_S`."""
        while not self._held:
            if self._cancel is not None and self._cancel.is_set():
                raise WaitCancelled(f"Stopped while waiting for {self.name}.")
            self._held = self._lock.acquire(timeout=WAIT_POLL_S)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._held:
            self._held = False
            self._lock.release()

    @property
    def loaded(self) -> bool:
        """True when the model is resident, so :meth:`backend` returns without loading."""
        return self._pool.backend(self.name) is not None

    def backend(self) -> Backend:
        """The model's backend, loaded first if needed (only inside the ``with`` block).

        Raises:
            ModelUnavailable: it cannot be loaded (see :meth:`ModelPool.load`).
        """
        if not self._held:
            raise RuntimeError("enter the lease before asking for its backend")
        return self._pool.load(self.name)


class ModelPool:
    """Loaded backends keyed by model name, least recently used first."""

    def __init__(
        self,
        config: Config,
        catalog: Catalog,
        factory: BackendFactory = default_backend_factory,
    ) -> None:
        self.config = config
        self.catalog = catalog
        self.factory = factory
        self._backends: OrderedDict[str, Backend] = OrderedDict()  # LRU order, oldest first
        self._footprints: dict[str, int] = {}  # load estimates: resident models and loads in progress
        self._locks: dict[str, threading.Lock] = {}  # one generation at a time
        self._load_locks: dict[str, threading.Lock] = {}  # one load at a time
        self._failed: dict[str, tuple[FileStamp, ModelUnavailable]] = {}
        self._guard = threading.RLock()
        self._budget: int | None = None
        if config.memory_budget_gb is not None:
            self._budget = int(config.memory_budget_gb * GIB)
            log.info("memory budget %.2f GiB (memory_budget_gb)", self._budget / GIB)

    # ----------------------------------------------------------------- queries

    @property
    def budget_bytes(self) -> int:
        """How many bytes resident models may take; estimated on first use if not configured."""
        if self._budget is None:
            budget, how = estimate_budget()
            with self._guard:
                if self._budget is None:
                    self._budget = budget
                    log.info("memory budget %.2f GiB (%s)", budget / GIB, how)
        return self._budget

    def used_bytes(self) -> int:
        """Bytes counted against the budget: resident models and loads in progress."""
        return sum(self._counted().values())

    def _counted(self) -> dict[str, int]:
        """Bytes per model: its measured RSS once loaded, the file-size estimate before.

        A model process's RSS (read from /proc, no call to the process) is what it really
        holds: for SmolLM2 about twice the file. Backends that measure nothing (remote,
        in-process) keep their estimate.
        """
        with self._guard:
            reserved = dict(self._footprints)
            backends = {name: self._backends.get(name) for name in reserved}
        counted: dict[str, int] = {}
        for name, estimate in reserved.items():
            backend = backends[name]
            measured = _measured(backend.info()) if backend is not None else None
            counted[name] = measured or estimate
        return counted

    def _lock_for(self, name: str) -> threading.Lock:
        """The lock that serialises generations on model ``name``."""
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

    def _load_lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._load_locks.setdefault(name, threading.Lock())

    def loaded_names(self) -> list[str]:
        """Resident models, least recently used first."""
        with self._guard:
            return list(self._backends)

    def backend(self, name: str) -> Backend | None:
        """The resident backend for ``name``, if any."""
        with self._guard:
            return self._backends.get(name)

    def is_busy(self, name: str) -> bool:
        """True while a generation holds the model."""
        return self._lock_for(name).locked()

    def load_failure(self, name: str) -> ModelUnavailable | None:
        """The remembered load error of ``name`` if its file has not changed since; no side effects.

        A file that changed is worth another try: this returns None for it, and the
        next :meth:`load` forgets the old error (:meth:`forget_failure_if_changed`).
        """
        with self._guard:
            entry = self._failed.get(name)
        if entry is None:
            return None
        stamp, error = entry
        return error if stamp == self._file_stamp(self.catalog.spec(name)) else None

    def forget_failure_if_changed(self, name: str) -> bool:
        """Drop the remembered load error of ``name`` when its file changed since.

        The catalog status goes back to the disk state. True when one was dropped.
        """
        with self._guard:
            entry = self._failed.get(name)
        if entry is None or entry[0] == self._file_stamp(self.catalog.spec(name)):
            return False
        with self._guard:
            self._failed.pop(name, None)
        log.info("%s changed on disk since it failed to load; it will be tried again", name)
        self.catalog.clear_state(name)
        return True

    def _file_stamp(self, spec: ModelSpec) -> FileStamp | None:
        """(size, mtime_ns) of the model's file; None for remote or absent files."""
        path = self.catalog.path(spec)
        try:
            st = path.stat() if path else None
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns) if st else None

    # ----------------------------------------------------------------- lifecycle

    def acquire(self, name: str, cancel: threading.Event | None = None) -> Lease:
        """A :class:`Lease` on model ``name`` for one generation (see the module docstring).

        Never blocks: the lease takes the model now when it is free, else entering it
        waits, and ``cancel`` ends that wait within :data:`WAIT_POLL_S`.
        """
        return Lease(self, name, self._lock_for(name), cancel)

    def load(self, name: str) -> Backend:
        """Load ``name`` if needed and mark it most recently used.

        Raises:
            ModelUnavailable: the file is missing, failed to load now or earlier (and
                has not changed since), or the remote server did not answer.
        """
        spec = self.catalog.spec(name)
        with self._load_lock(name):
            with self._guard:
                backend = self._backends.get(name)
                if backend is not None:
                    self._backends.move_to_end(name)
                    return backend
            self.forget_failure_if_changed(name)
            previous = self.load_failure(name)
            if previous is not None:
                raise previous
            path = self.catalog.path(spec)
            if not spec.is_remote and (path is None or not path.is_file()):
                raise missing_error(spec, path)
            self._make_room(name, footprint(path.stat().st_size) if path is not None else 0)
            try:
                backend = self._start(spec, path)
            except BaseException:
                with self._guard:
                    self._footprints.pop(name, None)
                raise
            with self._guard:
                self._backends[name] = backend
            self.catalog.set_state(name, ModelStatus.LOADED, _loaded_detail(backend))
            return backend

    def warm(self, names: Iterable[str]) -> threading.Thread | None:
        """Load the remote models among ``names`` in a background thread; None if none.

        A remote model's load is its check (``GET /models``, ``/props``) and a new HTTP
        client, so doing it ahead takes both off a first prompt's path to the server.
        Local models stay lazy: loading one costs seconds and memory. A failure shows
        in the model's status only; the next pick tries again.
        """
        remote = {spec.name for spec in self.catalog.models if spec.is_remote}
        wanted = [name for name in dict.fromkeys(names)
                  if name in remote and self.backend(name) is None]
        if not wanted:
            return None
        thread = threading.Thread(target=self._warm, args=(wanted,), name="remote-warm-up",
                                  daemon=True)
        thread.start()
        return thread

    def _warm(self, names: list[str]) -> None:
        for name in names:
            try:
                self.load(name)
            except TuiChatError as exc:
                log.info("warming %s up failed: %s", name, exc)

    def _start(self, spec: ModelSpec, path: Path | None) -> Backend:
        """Build and load the backend; a failure is remembered and shown as ``error``."""
        self.catalog.set_state(spec.name, ModelStatus.LOADING, "loading…")
        try:
            backend = self.factory(spec, path)
            backend.load()
        except ModelUnavailable as exc:
            exc.model = exc.model or spec.name
            self._remember_failure(spec, exc)
            raise
        except Exception as exc:  # noqa: BLE001 - any engine error becomes one sentence
            log.exception("loading %s failed", spec.name)
            error = ModelUnavailable(
                f"{spec.name} failed to load ({exc.__class__.__name__}: {exc}); see the log.",
                model=spec.name, reason=FallbackTrigger.LOAD_ERROR,
            )
            raise self._remember_failure(spec, error) from exc
        return backend

    def _remember_failure(self, spec: ModelSpec, error: ModelUnavailable) -> ModelUnavailable:
        """Record ``error`` for later picks (local files only) and update the status."""
        if error.reason == FallbackTrigger.MISSING:
            self.catalog.clear_state(spec.name)
            return error
        stamp = self._file_stamp(spec)
        # Remote servers may come back, and a model process killed for memory or failing
        # to start says nothing about the file: both are retried on every pick.
        if stamp is not None and error.reason != FallbackTrigger.PROCESS_FAILED:
            with self._guard:
                self._failed[spec.name] = (stamp, error)
        self.catalog.set_state(spec.name, ModelStatus.ERROR, str(error))
        return error

    def _make_room(self, name: str, need: int) -> None:
        """Unload idle least-recently-used models until ``need`` bytes fit, then reserve them."""
        budget = self.budget_bytes
        tried: set[str] = set()
        while True:
            counted = self._counted()  # measured outside the guard: it reads /proc
            with self._guard:
                used = sum(counted.get(other, size) for other, size in self._footprints.items()
                           if other != name)
                victim = None
                if used + need > budget:
                    victim = next((other for other in self._backends if other != name
                                   and other not in tried and not self.is_busy(other)), None)
                if victim is None:
                    if used + need > budget:
                        log.warning("loading %s exceeds the memory budget (%.2f of %.2f GiB): "
                                    "every other resident model is busy", name,
                                    (used + need) / GIB, budget / GIB)
                    self._footprints[name] = need
                    return
            tried.add(victim)
            log.info("unloading %s, the least recently used model, to fit %s in the "
                     "%.2f GiB memory budget", victim, name, budget / GIB)
            self.unload(victim)

    def unload(self, name: str) -> bool:
        """Free model ``name`` if it is resident and idle; True when it was unloaded."""
        lock = self._lock_for(name)
        if not lock.acquire(blocking=False):
            return False
        try:
            with self._guard:
                backend = self._backends.pop(name, None)
                if backend is not None:
                    self._footprints.pop(name, None)
            if backend is None:
                return False
            backend.close()
            self.catalog.clear_state(name)
            log.info("unloaded %s", name)
            return True
        finally:
            lock.release()

    def info(self) -> dict[str, dict[str, Any]]:
        """Diagnostics for each resident model (LRU order, oldest first)."""
        with self._guard:
            items = list(self._backends.items())
            sizes = dict(self._footprints)
        out: dict[str, dict[str, Any]] = {}
        for name, backend in items:
            facts = backend.info()
            # footprint_bytes: what the budget counts (measured RSS, else the estimate).
            out[name] = {**facts, "footprint_bytes": _measured(facts) or sizes.get(name),
                         "busy": self.is_busy(name)}
        return out

    def close(self) -> None:
        """Unload every model; one still generating after a short wait is left alone."""
        for name in self.loaded_names():
            lock = self._lock_for(name)
            if not lock.acquire(timeout=CLOSE_WAIT_S):
                log.warning("%s is still generating; not closing it", name)
                continue
            try:
                with self._guard:
                    backend = self._backends.pop(name, None)
                    self._footprints.pop(name, None)
                if backend is not None:
                    backend.close()
            finally:
                lock.release()
