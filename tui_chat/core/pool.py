"""Lazy model loading, one generation at a time per model, LRU unloading under a budget.

The pool owns every Backend. ``acquire`` loads on first use (status ``loading`` then
``loaded``), waits for the model's lock when another generation holds it, and frees
least-recently-used idle models when the memory budget would be exceeded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tui_chat.core.backends.base import Backend
from tui_chat.core.catalog import Catalog
from tui_chat.core.config import Config, ModelSpec
from tui_chat.core.errors import ModelUnavailable

log = logging.getLogger(__name__)

BackendFactory = Callable[[ModelSpec, Path | None], Backend]
GIB = 1024**3


def available_memory_bytes() -> int | None:
    """MemAvailable from /proc/meminfo, or None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_backend_factory(spec: ModelSpec, path: Path | None) -> Backend:
    """Build the backend a catalog entry asks for."""
    if spec.is_remote:
        from tui_chat.core.backends.openai import OpenAIBackend

        return OpenAIBackend(spec)
    from tui_chat.core.backends.llama import LlamaBackend

    assert path is not None
    return LlamaBackend(spec.name, path, spec.load)


class ModelPool:
    """Loaded backends keyed by model name."""

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
        self._locks: dict[str, threading.Lock] = {}
        self._sizes: dict[str, int] = {}
        self._failed: dict[str, tuple[tuple[int, int] | None, ModelUnavailable]] = {}
        self._guard = threading.RLock()
        budget = config.memory_budget_gb
        if budget is not None:
            self.budget_bytes = int(budget * GIB)
        else:
            free = available_memory_bytes()
            self.budget_bytes = int(free * 0.8) if free else 8 * GIB
        log.info("memory budget %.1f GiB", self.budget_bytes / GIB)

    # ----------------------------------------------------------------- queries

    def lock_for(self, name: str) -> threading.Lock:
        """The lock that serialises generations on model ``name``."""
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

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
        return self.lock_for(name).locked()

    def failure(self, name: str) -> ModelUnavailable | None:
        """The load error that keeps ``name`` out of picks, until its file changes."""
        with self._guard:
            entry = self._failed.get(name)
        if entry is None:
            return None
        stamp, error = entry
        if stamp != self._file_stamp(self.catalog.spec(name)):
            with self._guard:
                self._failed.pop(name, None)
            self.catalog.clear_state(name)
            return None
        return error

    # ----------------------------------------------------------------- lifecycle

    def _file_stamp(self, spec: ModelSpec) -> tuple[int, int] | None:
        path = self.catalog.path(spec)
        try:
            st = path.stat() if path else None
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns) if st else None

    def load(self, name: str) -> Backend:
        """Load ``name`` if needed (status loading/loaded/error) and mark it recently used."""
        spec = self.catalog.spec(name)
        with self._guard:
            backend = self._backends.get(name)
            if backend is not None:
                self._backends.move_to_end(name)
                return backend
        previous = self.failure(name)
        if previous is not None:
            raise previous
        path = self.catalog.path(spec)
        if not spec.is_remote and (path is None or not path.is_file()):
            raise ModelUnavailable(
                f"{spec.name} is not downloaded; run `tui-chat download {spec.name}`.",
                model=name, reason="missing",
            )
        size = path.stat().st_size if path is not None else 0
        self._make_room(size, keep=name)
        self.catalog.set_state(name, "loading", "loading…")
        backend = self.factory(spec, path)
        try:
            backend.load()
        except ModelUnavailable as exc:
            exc.model = exc.model or name
            with self._guard:
                self._failed[name] = (self._file_stamp(spec), exc)
            self.catalog.set_state(name, "error", str(exc))
            raise
        except Exception as exc:  # noqa: BLE001
            log.exception("loading %s failed", name)
            error = ModelUnavailable(
                f"{name} failed to load ({exc.__class__.__name__}); see the log.",
                model=name, reason="load_error",
            )
            with self._guard:
                self._failed[name] = (self._file_stamp(spec), error)
            self.catalog.set_state(name, "error", str(error))
            raise error from exc
        info = backend.info()
        seconds = info.get("load_seconds")
        detail = f"loaded in {seconds:.1f}s" if isinstance(seconds, (int, float)) else "ready"
        with self._guard:
            self._backends[name] = backend
            self._sizes[name] = size
        self.catalog.set_state(name, "loaded", detail)
        return backend

    def _make_room(self, size: int, keep: str) -> None:
        """Unload idle least-recently-used models until ``size`` more bytes fit the budget."""
        need = int(size * 1.15)
        while True:
            with self._guard:
                used = sum(self._sizes.get(n, 0) for n in self._backends)
                if used + need <= self.budget_bytes:
                    return
                victim = next(
                    (n for n in self._backends if n != keep and not self.lock_for(n).locked()),
                    None,
                )
            if victim is None:
                log.warning("memory budget exceeded and nothing idle to unload")
                return
            log.info("unloading %s to stay within the memory budget", victim)
            self.unload(victim)

    def unload(self, name: str) -> bool:
        """Free model ``name`` if it is resident and idle; True when it was unloaded."""
        lock = self.lock_for(name)
        if not lock.acquire(blocking=False):
            return False
        try:
            with self._guard:
                backend = self._backends.pop(name, None)
                self._sizes.pop(name, None)
            if backend is None:
                return False
            backend.close()
            self.catalog.clear_state(name)
            return True
        finally:
            lock.release()

    @contextmanager
    def acquire(
        self,
        name: str,
        cancel: threading.Event | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> Iterator[Backend]:
        """Hold model ``name`` for one generation, loading it first if needed.

        Calls ``on_wait(name)`` once when another generation holds the model, then
        waits (checking ``cancel``). Raises ModelUnavailable when it cannot be used.
        """
        lock = self.lock_for(name)
        if not lock.acquire(blocking=False):
            if on_wait is not None:
                on_wait(name)
            while not lock.acquire(timeout=0.05):
                if cancel is not None and cancel.is_set():
                    raise ModelUnavailable(
                        f"Stopped while waiting for {name}.", model=name, reason="cancelled"
                    )
        try:
            yield self.load(name)
        finally:
            lock.release()

    def info(self) -> dict[str, dict[str, Any]]:
        """Diagnostics for each resident model."""
        with self._guard:
            items = list(self._backends.items())
        return {name: backend.info() for name, backend in items}

    def close(self) -> None:
        """Unload every model."""
        for name in self.loaded_names():
            with self._guard:
                backend = self._backends.pop(name, None)
            if backend is not None:
                backend.close()
