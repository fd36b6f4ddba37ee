"""Where each model's file lives and what state it is in.

Disk states come from the file system (``missing``, ``downloaded``, ``verified``);
runtime states (``downloading``, ``loading``, ``loaded``, ``error``) are set by the
pool and the downloader and override the disk state until cleared. Listeners are
called on every change, from whatever thread made it.
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

log = logging.getLogger(__name__)

STATUSES = ("missing", "downloading", "downloaded", "verified", "loading", "loaded", "error")
RECORDS_FILE = ".tui-chat-verified.json"


@dataclass(frozen=True, slots=True)
class ModelState:
    """A model's status with the detail a person needs."""

    name: str
    """Catalog name."""
    status: str
    """One of STATUSES."""
    detail: str = ""
    """Why (for ``error``), progress (for ``downloading``), load time (``loaded``)..."""
    progress: float | None = None
    """0..1 while downloading."""


Listener = Callable[[ModelState], None]


def package_file(package: str, file: str) -> Path | None:
    """Find ``file`` inside the installed distribution ``package`` without importing it."""
    try:
        files = metadata.files(package) or []
    except metadata.PackageNotFoundError:
        return None
    for entry in files:
        if entry.name == file:
            located = Path(str(entry.locate()))
            return located.resolve() if located.is_file() else None
    return None


def _header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a GGUF file (empty, wrong magic, unreadable), or None.

    Four bytes are read, so listing models stays cheap; a truncated file with a good
    header is only caught when llama.cpp loads it.
    """
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not magic:
        return "is empty (0 bytes)"
    if magic != b"GGUF":
        return "is not a GGUF file"
    return None


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
    """The configured models, their paths and their live status."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.records = VerifiedRecords(config.models_dir)
        self._runtime: dict[str, ModelState] = {}
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    @property
    def models(self) -> tuple[ModelSpec, ...]:
        """The catalog entries in config order."""
        return self.config.models

    def spec(self, name: str) -> ModelSpec:
        """The entry called ``name`` (ConfigError if unknown)."""
        return self.config.model(name)

    def path(self, spec: ModelSpec) -> Path | None:
        """Where the model's GGUF is (or would be, once downloaded). None for remote models."""
        if spec.is_remote or not spec.file:
            return None
        if spec.package:
            found = package_file(spec.package, spec.file)
            if found is not None:
                return found
        return self.config.models_dir / spec.file

    def disk_status(self, spec: ModelSpec) -> ModelState:
        """``missing``, ``downloaded`` or ``verified`` from the file system alone."""
        if spec.is_remote:
            return ModelState(spec.name, "downloaded", "remote")
        path = self.path(spec)
        if path is None or not path.is_file():
            where = f"package {spec.package}" if spec.package else str(path)
            return ModelState(spec.name, "missing", f"not found in {where}")
        problem = _header_problem(path)
        if problem is not None:
            return ModelState(spec.name, "error",
                              f"{path.name} {problem}; delete it and run "
                              f"`tui-chat download {spec.name}`.")
        if self.records.get(path) is not None and path.parent == self.config.models_dir:
            return ModelState(spec.name, "verified")
        return ModelState(spec.name, "downloaded")

    def state(self, name: str) -> ModelState:
        """The current status: a runtime state if one is set, else the disk state."""
        with self._lock:
            runtime = self._runtime.get(name)
        return runtime or self.disk_status(self.spec(name))

    def usable(self, name: str) -> bool:
        """True when the model can be asked to answer (file present and not in error)."""
        state = self.state(name)
        return state.status in ("downloaded", "verified", "loading", "loaded")

    def set_state(self, name: str, status: str, detail: str = "", progress: float | None = None) -> None:
        """Set a runtime status and tell every listener."""
        assert status in STATUSES, status
        state = ModelState(name, status, detail, progress)
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
