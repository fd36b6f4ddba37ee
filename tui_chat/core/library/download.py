"""Download model files from the Hugging Face Hub and verify them.

Built on ``huggingface_hub.hf_hub_download(..., local_dir=models_dir)``, so a model's
file lands as ``models_dir/<file>``. Around it this module adds a free-space check,
bounded retries with exponential backoff, progress (bytes, speed, ETA) through a
callback and the catalog, cancellation through a ``threading.Event``, and a sha256
check against the config or the Hub's LFS metadata before the file counts as verified.

Resume: huggingface_hub 2.x resumes a transfer that drops mid-file inside one call,
with an HTTP ``Range`` request for the missing bytes. It writes to a per-process
``.incomplete`` file under ``models_dir/.cache/huggingface/download`` and deletes it
when the call fails, so a cancelled download (or one whose retries all failed)
starts over next time. The Hub's side (file facts, tuning the library, turning its
errors into sentences) is :mod:`tui_chat.core.library.hub`.
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
from pathlib import Path
from typing import TypeVar

from tui_chat.core.config import Config, ModelSpec
from tui_chat.core.errors import DownloadCancelled, DownloadError
from tui_chat.core.events import ModelStatus
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.library.hub import (
    HubFile,
    explain,
    hub_endpoint,
    hub_file,
    is_transient,
    quiet_console_logging,
    reporting_tqdm,
    use_small_chunks,
)
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

    def hub_file(self, spec: ModelSpec) -> HubFile:
        """Size and LFS sha256 of ``spec``'s file, from the Hub's paths-info route."""
        return hub_file(spec, self.endpoint, self.token)

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
        hub = self._retrying(spec, cancel, lambda: self.hub_file(spec))
        expected = spec.sha256 or hub.sha256
        if hub.size and spec.size and hub.size != spec.size:
            log.warning("%s: config size %s, Hub size %s", spec.name, spec.size, hub.size)
        if path.is_file() and (force or expected):
            if not force and self._hash(spec, path, emit, cancel) == expected:
                return self._accept(spec, path, expected, expected, fetched=False)
            log.info("%s: replacing %s", spec.name, path)
            self._remove(spec, path)
        self._check_space(spec, path, hub.size or spec.size)
        tracker = self._tracker(spec, emit, cancel, "download", hub.size or spec.size)
        local = self._retrying(spec, cancel, lambda: self._fetch(spec, tracker))
        actual = self._hash(spec, local, emit, cancel)
        return self._accept(spec, local, actual, expected, fetched=True)

    def _recorded(self, spec: ModelSpec, path: Path) -> DownloadResult | None:
        """A result for a file already verified earlier (no hashing, no network)."""
        sha = self.catalog.records.get(path) if path.is_file() else None
        if sha is None or (spec.sha256 and sha != spec.sha256):
            return None
        return DownloadResult(spec.name, path, path.stat().st_size, sha, True, False)

    def _prepare_library(self, spec: ModelSpec) -> None:
        """Tune huggingface_hub for this app and refuse early when it is set offline."""
        from huggingface_hub import constants

        use_small_chunks()
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

    def _check_space(self, spec: ModelSpec, path: Path, size: int | None) -> None:
        if not size:
            return
        measure = self._disk_free or disk_free
        replaced = path.stat().st_size if path.is_file() else 0  # the library deletes it first
        free = measure(self.models_dir) + replaced
        if free < size:
            raise DownloadError(
                f"{spec.name}: not enough disk space in {self.models_dir}: "
                f"needs {format_bytes(size)}, only {format_bytes(free)} free; "
                "free up space or point models_dir elsewhere in the config.",
                model=spec.name,
                reason="disk",
            )

    def _fetch(self, spec: ModelSpec, tracker: _Tracker) -> Path:
        from huggingface_hub import hf_hub_download

        assert spec.repo is not None and spec.file is not None
        local = hf_hub_download(
            spec.repo,
            spec.file,
            revision=spec.revision,
            local_dir=self.models_dir,
            endpoint=self.endpoint,
            token=self.token,
            tqdm_class=reporting_tqdm(tracker),
            library_name="tui-chat",
        )
        return Path(local)

    def _hash(
        self, spec: ModelSpec, path: Path, emit: Callable[[Progress], None], cancel: threading.Event
    ) -> str:
        tracker = self._tracker(spec, emit, cancel, "verify", path.stat().st_size)
        tracker.begin(None)
        return sha256_file(path, tracker.advance)

    def _accept(
        self, spec: ModelSpec, path: Path, actual: str, expected: str | None, *, fetched: bool
    ) -> DownloadResult:
        """Record a good file, or delete a bad one and raise."""
        if expected is not None and actual != expected:
            self._remove(spec, path)
            log.error("%s: sha256 %s, expected %s; file deleted", spec.name, actual, expected)
            source = "the config" if spec.sha256 else "the Hub's metadata"
            raise DownloadError(
                f"{spec.name}: checksum mismatch for {spec.file} (sha256 {actual[:12]}…, "
                f"{source} says {expected[:12]}…), so the file was deleted; download it again, "
                "and if this repeats check sha256 in the config.",
                model=spec.name,
                reason="checksum",
            )
        if expected is None:
            log.warning("%s: no sha256 known for %s; left unverified", spec.name, path)
        else:
            self.catalog.records.put(path, actual)
        log.info("%s: %s ready (sha256 %s, fetched=%s)", spec.name, path, actual, fetched)
        size = path.stat().st_size
        return DownloadResult(spec.name, path, size, actual, expected is not None, fetched)

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


