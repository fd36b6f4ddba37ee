"""Download model files from the Hugging Face Hub and verify them.

A model's file lands as ``models_dir/<file>``; a split model (``-00001-of-0000N.gguf``)
downloads every part and loads from the first. Around the transfer
(:mod:`tui_chat.core.library.transfer`) this module adds a free-space check for the
whole set, bounded retries with exponential backoff, progress (bytes, speed, ETA)
through a callback and the catalog, cancellation through a ``threading.Event``, and a
sha256 check against the config or the Hub's LFS metadata before a file counts as
verified.

Resume: the bytes collect in a partial file next to the destination that outlives the
call, so after Ctrl+C, a crash, ``kill -9`` or a failed attempt the next call asks only
for the rest (``Range: bytes=N-``) and still hashes the whole file at the end. The
Hub's side (file facts, URLs, turning its errors into sentences) is
:mod:`tui_chat.core.library.hub`.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial as partial_call
from pathlib import Path
from typing import TypeVar

from tui_chat.core.config import Config, ModelSpec
from tui_chat.core.errors import DownloadCancelled, DownloadError
from tui_chat.core.events import ModelStatus
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.library.gguf import split_names
from tui_chat.core.library.hub import (
    HubFile,
    explain,
    file_url,
    hub_endpoint,
    hub_files,
    is_transient,
    quiet_console_logging,
    request_headers,
)
from tui_chat.core.library.transfer import Partial, fetch
from tui_chat.core.units import format_bytes, format_duration

log = logging.getLogger(__name__)

HASH_BLOCK = 4 * 1024 * 1024
"""Read size while hashing."""
SPEED_WINDOW_S = 5.0
"""Speed is averaged over this many recent seconds."""

T = TypeVar("T")
ProgressCallback = Callable[["Progress"], None]
DiskFree = Callable[[Path], int]


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Progress:
    """One progress report for a model file."""

    done: int
    """Bytes downloaded (or hashed, in the ``verify`` phase) so far."""
    total: int | None
    """Bytes expected, when known."""
    speed_bps: float
    """Recent throughput in bytes per second."""
    eta_s: float | None
    """Seconds left at that speed, when it can be estimated."""
    phase: str = "download"
    """``download`` while bytes arrive, ``verify`` while the sha256 is computed."""

    @property
    def fraction(self) -> float | None:
        """0..1 when the total is known."""
        if not self.total:
            return None
        return min(max(self.done / self.total, 0.0), 1.0)

    def describe(self) -> str:
        """A short human line such as ``37% 12.3 MB/s ETA 40s``."""
        fraction = self.fraction
        if self.phase == "verify":
            return "verifying sha256" + (f" {fraction:.0%}" if fraction is not None else "")
        parts = [f"{fraction:.0%}" if fraction is not None else format_bytes(self.done)]
        parts.append(f"{format_bytes(self.speed_bps)}/s")
        if self.eta_s is not None:
            parts.append(f"ETA {format_duration(self.eta_s)}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently transient failures are retried."""

    attempts: int = 5
    """Tries in total, the first included."""
    base_delay: float = 2.0
    """Seconds to wait after the first failure; doubles after each further one."""
    max_delay: float = 60.0
    """Upper bound for one wait."""

    def delay(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures."""
        return min(self.max_delay, self.base_delay * 2 ** max(failures - 1, 0))


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """The outcome of a successful download."""

    name: str
    """Catalog name."""
    path: Path
    """Where the file is."""
    size: int
    """Its size in bytes."""
    sha256: str
    """Its sha256, as computed here."""
    verified: bool
    """True when the hash matched an expected one (status ``verified``)."""
    fetched: bool
    """False when a verified file was already in place and nothing was transferred."""


# --------------------------------------------------------------------------- helpers


def disk_free(path: Path) -> int:
    """Free bytes on the file system holding ``path``."""
    return shutil.disk_usage(path).free


def sha256_file(path: Path, on_block: Callable[[int], None] | None = None) -> str:
    """The hex sha256 of ``path``; ``on_block`` gets each block's size (it may raise)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(HASH_BLOCK):
            digest.update(block)
            if on_block is not None:
                on_block(len(block))
    return digest.hexdigest()


def skip_reason(spec: ModelSpec) -> str | None:
    """Why ``spec`` has nothing to download, or None when it can be downloaded."""
    if spec.is_remote:
        return f"{spec.name} is a remote model served over HTTP; there is nothing to download."
    if spec.package:
        return (
            f"{spec.name} is embedded in the Python package {spec.package}; "
            "there is nothing to download."
        )
    if not spec.repo or not spec.file:
        return (
            f"{spec.name} has no repo in the config; "
            "add its Hugging Face repo id to download it."
        )
    return None


def downloadable_models(config: Config) -> list[ModelSpec]:
    """Every llama model with a Hub repo (what ``download --all`` fetches)."""
    return [spec for spec in config.models if skip_reason(spec) is None]


# --------------------------------------------------------------------------- progress


class _Tracker:
    """Counts bytes for one phase and turns them into throttled Progress reports."""

    def __init__(
        self,
        emit: Callable[[Progress], None],
        cancel: threading.Event,
        *,
        model: str,
        phase: str,
        total: int | None,
        min_interval: float,
        clock: Callable[[], float],
    ) -> None:
        self._emit = emit
        self._cancel = cancel
        self._model = model
        self._phase = phase
        self._min_interval = min_interval
        self._clock = clock
        self._samples: deque[tuple[float, int]] = deque()
        self._last_emit: float | None = None
        self.total = total
        self.done = 0

    def begin(self, total: int | None, initial: int = 0) -> None:
        """Start counting (again), e.g. for a new progress bar of the library."""
        self.total = total or self.total
        self.done = initial
        self._samples.clear()
        self._samples.append((self._clock(), initial))
        self._check_cancel()

    def advance(self, count: int) -> None:
        """Add ``count`` bytes; raises DownloadCancelled once the event is set."""
        self._check_cancel()
        self.done += count
        now = self._clock()
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > SPEED_WINDOW_S:
            self._samples.popleft()
        complete = self.total is not None and self.done >= self.total
        if complete or self._last_emit is None or now - self._last_emit >= self._min_interval:
            self._last_emit = now
            self._emit(self.snapshot())
        self._check_cancel()

    def snapshot(self) -> Progress:
        """The current figures."""
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        speed = (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0
        eta = None
        if self.total is not None and speed > 0:
            eta = max(self.total - self.done, 0) / speed
        return Progress(self.done, self.total, speed, eta, self._phase)

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise DownloadCancelled(self._model)


class _PartCounter:
    """Feeds one file's bytes into the whole set's tracker (after ``offset`` bytes)."""

    def __init__(self, tracker: _Tracker, offset: int) -> None:
        self._tracker = tracker
        self._offset = offset

    def begin(self, total: int | None, initial: int = 0) -> None:
        """This file starts (again) with ``initial`` bytes already on disk."""
        self._tracker.begin(None, self._offset + initial)

    def advance(self, count: int) -> None:
        """``count`` more bytes of this file; raises once cancelled."""
        self._tracker.advance(count)


# --------------------------------------------------------------------------- downloader


class Downloader:
    """Fetches catalog models into ``models_dir`` and keeps the catalog status current.

    Args:
        catalog: the catalog whose status and verified records are updated.
        retry: retry policy for transient failures.
        disk_free: free-bytes function (defaults to :func:`disk_free`).
        endpoint: Hub URL; None reads ``$HF_ENDPOINT`` at each call, then the default.
        token: Hub token; None lets huggingface_hub use ``$HF_TOKEN`` or the saved login.
        min_interval: least seconds between two progress reports (the last always comes).
        clock: monotonic clock, for speed figures.
    """

    def __init__(
        self,
        catalog: Catalog,
        *,
        retry: RetryPolicy | None = None,
        disk_free: DiskFree | None = None,
        endpoint: str | None = None,
        token: str | bool | None = None,
        min_interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.catalog = catalog
        self.retry = retry or RetryPolicy()
        self._disk_free = disk_free
        self._endpoint = endpoint
        self.token = token
        self.min_interval = min_interval
        self._clock = clock

    # ------------------------------------------------------------------ public

    @property
    def models_dir(self) -> Path:
        """The folder files land in."""
        return self.catalog.config.models_dir

    @property
    def endpoint(self) -> str | None:
        """The Hub URL in use (None: huggingface_hub's default)."""
        return self._endpoint or hub_endpoint()

    def download(
        self,
        model: str | ModelSpec,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        force: bool = False,
    ) -> DownloadResult:
        """Download and verify one model's file; blocks until done.

        Args:
            model: catalog name or spec.
            on_progress: called with Progress while bytes arrive and while the file is
                hashed (from the downloading thread; keep it quick).
            cancel: set it (from any thread) to stop at the next chunk.
            force: fetch again even when a verified file is in place.

        Returns:
            What was downloaded and whether it is verified.

        Raises:
            DownloadError: with one sentence saying what to do next
                (DownloadCancelled when ``cancel`` was set).
        """
        spec = self.catalog.spec(model) if isinstance(model, str) else model
        reason = skip_reason(spec)
        if reason is not None:
            raise DownloadError(reason, model=spec.name, reason="skipped")
        assert spec.file is not None
        path = self.models_dir / spec.file
        try:
            return self._download(spec, path, on_progress, cancel or threading.Event(), force)
        finally:
            self.catalog.clear_state(spec.name)

    def hub_files(self, spec: ModelSpec) -> dict[str, HubFile]:
        """Size and LFS sha256 of each of ``spec``'s files (every part of a split set)."""
        assert spec.file is not None
        return hub_files(spec, split_names(spec.file), self.endpoint, self.token)

    # ------------------------------------------------------------------ steps

    def _download(
        self,
        spec: ModelSpec,
        path: Path,
        on_progress: ProgressCallback | None,
        cancel: threading.Event,
        force: bool,
    ) -> DownloadResult:
        emit = self._emitter(spec, on_progress)
        if not force and (done := self._recorded(spec, path)) is not None:
            return done
        self._prepare_library(spec)
        self._prepare_dir(spec)
        self.catalog.set_state(spec.name, ModelStatus.DOWNLOADING, "asking the Hub", 0.0)
        files = self._retrying(spec, cancel, lambda: self.hub_files(spec))
        assert spec.file is not None
        single = len(files) == 1
        if single and files[spec.file].size and spec.size and files[spec.file].size != spec.size:
            log.warning("%s: config size %s, Hub size %s", spec.name, spec.size,
                        files[spec.file].size)
        expected = {name: f.sha256 for name, f in files.items()}
        if spec.sha256:
            expected[spec.file] = spec.sha256
        sizes = {name: f.size or (spec.size if single else None) for name, f in files.items()}
        shas: dict[str, str] = {}
        for name in files:
            if (sha := self._in_place(spec, name, expected[name], emit, cancel, force)):
                shas[name] = sha
        todo = [name for name in files if name not in shas]
        need = sum((sizes[n] or 0) - Partial(self.models_dir / n).held() for n in todo)
        self._check_space(spec, need, len(files))
        tracker = self._tracker(spec, emit, cancel, "download",
                                sum(sizes[n] or 0 for n in todo) or None)
        before = 0
        for name in todo:
            partial = Partial(self.models_dir / name)
            counter = _PartCounter(tracker, before)
            self._retrying(spec, cancel, partial_call(
                self._fetch, spec, name, partial, sizes[name], expected[name], counter, cancel))
            before += sizes[name] or partial.held()
            shas[name] = self._hash(spec, partial.path, emit, cancel)
            if expected[name] is not None and shas[name] != expected[name]:
                partial.discard()
                self._mismatch(spec, name, shas[name], expected[name] or "")
            dest = partial.finish()
            if expected[name] is not None:
                self.catalog.records.put(dest, shas[name])
        verified = all(sha is not None for sha in expected.values())
        if not verified:
            log.warning("%s: no sha256 known for some of its files; left unverified", spec.name)
        size = sum((self.models_dir / n).stat().st_size for n in files)
        log.info("%s: %s ready (%d file(s), fetched %d)", spec.name, path, len(files), len(todo))
        return DownloadResult(spec.name, path, size, shas[spec.file], verified, bool(todo))

    def _in_place(self, spec: ModelSpec, name: str, expected: str | None,
                  emit: Callable[[Progress], None], cancel: threading.Event,
                  force: bool) -> str | None:
        """The sha256 of ``name`` when the right file is already there, else None.

        A wrong (or, with ``force``, any) file in the way is deleted first.
        """
        dest = self.models_dir / name
        if not dest.is_file():
            return None
        if not force and expected is not None:
            if self.catalog.records.get(dest) == expected:
                return expected
            if self._hash(spec, dest, emit, cancel) == expected:
                self.catalog.records.put(dest, expected)
                return expected
        log.info("%s: replacing %s", spec.name, dest)
        self._remove(spec, dest)
        return None

    def _mismatch(self, spec: ModelSpec, name: str, actual: str, expected: str) -> None:
        """Raise the checksum error for ``name`` (its bytes are already deleted)."""
        log.error("%s: %s has sha256 %s, expected %s; deleted", spec.name, name, actual, expected)
        source = "the config" if spec.sha256 and name == spec.file else "the Hub's metadata"
        raise DownloadError(
            f"{spec.name}: checksum mismatch for {name} (sha256 {actual[:12]}…, "
            f"{source} says {expected[:12]}…), so the file was deleted; download it again, "
            "and if this repeats check sha256 in the config.",
            model=spec.name,
            reason="checksum",
        )

    def _recorded(self, spec: ModelSpec, path: Path) -> DownloadResult | None:
        """A result for files all verified earlier (no hashing, no network)."""
        parts = self.catalog.parts(spec) if spec.path is None else [path]
        shas = [self.catalog.records.get(p) if p.is_file() else None for p in parts]
        if any(sha is None for sha in shas) or (spec.sha256 and shas[0] != spec.sha256):
            return None
        size = sum(p.stat().st_size for p in parts)
        return DownloadResult(spec.name, path, size, shas[0] or "", True, False)

    def _prepare_library(self, spec: ModelSpec) -> None:
        """Tune huggingface_hub for this app and refuse early when it is set offline."""
        from huggingface_hub import constants

        quiet_console_logging()
        if constants.is_offline_mode():
            raise DownloadError(
                f"{spec.name}: HF_HUB_OFFLINE is set, so nothing can be downloaded; "
                "unset it and try again.",
                model=spec.name,
                reason="offline",
            )

    def _prepare_dir(self, spec: ModelSpec) -> None:
        try:
            self.models_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DownloadError(
                f"{spec.name}: cannot create {self.models_dir} ({exc.strerror or exc}); "
                "fix its permissions or point models_dir elsewhere in the config.",
                model=spec.name,
                reason="write",
            ) from exc

    def _check_space(self, spec: ModelSpec, need: int, parts: int) -> None:
        """Refuse early when ``need`` more bytes (the whole set's) do not fit."""
        if need <= 0:
            return
        measure = self._disk_free or disk_free
        free = measure(self.models_dir)
        if free < need:
            whole = f" for all {parts} parts" if parts > 1 else ""
            raise DownloadError(
                f"{spec.name}: not enough disk space in {self.models_dir}: "
                f"needs {format_bytes(need)}{whole}, only {format_bytes(free)} free; "
                "free up space or point models_dir elsewhere in the config.",
                model=spec.name,
                reason="disk",
            )

    def _fetch(self, spec: ModelSpec, name: str, partial: Partial, size: int | None,
               sha256: str | None, counter: _PartCounter, cancel: threading.Event) -> Path:
        """One attempt at ``name``'s bytes, continuing from the partial file."""
        return fetch(file_url(spec, name, self.endpoint), partial,
                     headers=request_headers(self.token), size=size, sha256=sha256,
                     counter=counter, cancel=cancel)

    def _hash(
        self, spec: ModelSpec, path: Path, emit: Callable[[Progress], None], cancel: threading.Event
    ) -> str:
        tracker = self._tracker(spec, emit, cancel, "verify", path.stat().st_size)
        tracker.begin(None)
        return sha256_file(path, tracker.advance)

    def _remove(self, spec: ModelSpec, path: Path) -> None:
        self.catalog.records.drop(path.name)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise DownloadError(
                f"{spec.name}: cannot delete {path} ({exc.strerror or exc}); "
                "delete it by hand and download again.",
                model=spec.name,
                reason="write",
            ) from exc

    # ------------------------------------------------------------------ plumbing

    def _emitter(
        self, spec: ModelSpec, on_progress: ProgressCallback | None
    ) -> Callable[[Progress], None]:
        def emit(progress: Progress) -> None:
            self.catalog.set_state(
                spec.name, ModelStatus.DOWNLOADING, progress.describe(), progress.fraction
            )
            if on_progress is not None:
                on_progress(progress)

        return emit

    def _tracker(
        self,
        spec: ModelSpec,
        emit: Callable[[Progress], None],
        cancel: threading.Event,
        phase: str,
        total: int | None,
    ) -> _Tracker:
        return _Tracker(
            emit,
            cancel,
            model=spec.name,
            phase=phase,
            total=total,
            min_interval=self.min_interval,
            clock=self._clock,
        )

    def _retrying(self, spec: ModelSpec, cancel: threading.Event, action: Callable[[], T]) -> T:
        """Run ``action``, retrying transient failures with exponential backoff."""
        failures = 0
        while True:
            if cancel.is_set():
                raise DownloadCancelled(spec.name)
            try:
                return action()
            except DownloadError:
                raise
            except Exception as exc:  # noqa: BLE001 - classified, logged and re-raised below
                failures += 1
                if not is_transient(exc) or failures >= self.retry.attempts:
                    log.warning("%s: giving up after %d attempt(s)", spec.name, failures,
                                exc_info=True)
                    raise explain(exc, spec, self.endpoint, failures) from exc
                wait = self.retry.delay(failures)
                log.warning("%s: attempt %d failed (%s: %s); retrying in %.1fs",
                            spec.name, failures, type(exc).__name__, exc, wait)
                self.catalog.set_state(spec.name, ModelStatus.DOWNLOADING,
                                       f"retrying in {format_duration(wait)}", None)
                if cancel.wait(wait):
                    raise DownloadCancelled(spec.name) from exc


