"""The Hugging Face Hub side of downloads: file facts, library tuning, error wording.

Everything that knows huggingface_hub's classes lives here, imported inside the
functions (the library is large and only needed once a download starts).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any, Protocol

from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import DownloadError

log = logging.getLogger(__name__)

CHUNK_SIZE = 1024 * 1024
"""Transfer granularity: progress is reported and cancel checked once per chunk."""
TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504})
"""HTTP statuses worth retrying."""


class ByteCounter(Protocol):
    """What the progress bar handed to huggingface_hub reports to."""

    def begin(self, total: int | None, initial: int = 0) -> None:
        """A (new) transfer of ``total`` bytes starts, ``initial`` of them already there."""

    def advance(self, count: int) -> None:
        """``count`` more bytes arrived; may raise to abort the transfer."""


@dataclass(frozen=True, slots=True)
class HubFile:
    """What the Hub says about a file."""

    size: int | None
    """Size in bytes."""
    sha256: str | None
    """LFS sha256; None for files not stored with LFS."""


def hub_endpoint() -> str | None:
    """``$HF_ENDPOINT`` read now, not at import time (None means the library default)."""
    value = os.environ.get("HF_ENDPOINT", "").strip().rstrip("/")
    return value or None


def hub_file(spec: ModelSpec, endpoint: str | None, token: str | bool | None) -> HubFile:
    """Size and LFS sha256 of ``spec``'s file, from the Hub's paths-info route."""
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint, token=token, library_name="tui-chat")
    assert spec.repo is not None and spec.file is not None
    for entry in api.get_paths_info(spec.repo, [spec.file], revision=spec.revision):
        if getattr(entry, "path", None) == spec.file and hasattr(entry, "size"):
            lfs = getattr(entry, "lfs", None)
            return HubFile(entry.size, lfs.sha256 if lfs else None)
    raise _file_not_found(spec)


def _file_not_found(spec: ModelSpec) -> DownloadError:
    return DownloadError(
        f"{spec.name}: file {spec.file} is not in {spec.repo} at revision {spec.revision} "
        "(HTTP 404); check file and revision for this model in the config.",
        model=spec.name, reason="not_found",
    )


# --------------------------------------------------------------------------- the library


def reporting_tqdm(tracker: ByteCounter) -> type:
    """A silent tqdm subclass for ``hf_hub_download(tqdm_class=...)`` feeding ``tracker``.

    Raising from ``update`` (on cancel) aborts the transfer cleanly: the library closes
    the response and removes its temporary file. ``update_transfer`` exists so that Xet
    downloads use a single bar (network bytes are already counted through ``update``).
    """
    from huggingface_hub.utils import tqdm as hub_tqdm

    class ReportingBar(hub_tqdm):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True  # never draw: the caller renders progress
            super().__init__(*args, **kwargs)
            tracker.begin(kwargs.get("total"), kwargs.get("initial") or 0)

        def update(self, n: float | None = 1) -> bool | None:
            tracker.advance(int(n or 0))
            return super().update(n)

        def update_transfer(self, n: int = 1) -> None:
            """Network byte count of Xet transfers; already covered by ``update``."""

        def set_transfer_postfix_str(self, *args: Any, **kwargs: Any) -> None:
            """Xet speed label; nothing to draw."""

    return ReportingBar


def use_small_chunks() -> None:
    """Make the library hand over 1 MiB chunks instead of 10 MiB.

    Progress and cancel are only seen between chunks, so 10 MiB would mean seconds
    between updates (and before a cancel takes effect) on a slow link.
    """
    from huggingface_hub import constants

    if getattr(constants, "DOWNLOAD_CHUNK_SIZE", 0) > CHUNK_SIZE:
        constants.DOWNLOAD_CHUNK_SIZE = CHUNK_SIZE


def quiet_console_logging() -> None:
    """Stop huggingface_hub printing warnings to the terminal; they still reach our log.

    The library adds its own stderr handler, which would break the CLI's progress line
    and draw over the TUI. Its records propagate to the root logger (the log file).
    """
    import huggingface_hub.utils.logging  # noqa: F401 - adds the handler on first import

    hub_logger = logging.getLogger("huggingface_hub")
    for handler in list(hub_logger.handlers):
        if type(handler) is logging.StreamHandler:
            hub_logger.removeHandler(handler)


# --------------------------------------------------------------------------- errors


def _underlying(exc: BaseException) -> BaseException:
    """The real cause behind huggingface_hub's "not in local cache" wrapper."""
    from huggingface_hub.errors import LocalEntryNotFoundError

    while isinstance(exc, LocalEntryNotFoundError) and exc.__cause__ is not None:
        exc = exc.__cause__
    return exc


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def _is_network(exc: BaseException) -> bool:
    try:
        import httpx2
    except ImportError:  # pragma: no cover - huggingface_hub 2.x depends on it
        return isinstance(exc, ConnectionError | TimeoutError)
    return isinstance(
        exc,
        httpx2.TimeoutException | httpx2.NetworkError | httpx2.RemoteProtocolError,
    ) or isinstance(exc, ConnectionError | TimeoutError)


def is_transient(exc: BaseException) -> bool:
    """True for failures a later attempt may not see (network, 5xx, 429, short body)."""
    from huggingface_hub.errors import OfflineModeIsEnabled

    cause = _underlying(exc)
    if isinstance(cause, OfflineModeIsEnabled):
        return False
    status = _status(cause)
    if status is not None:
        return status in TRANSIENT_STATUS
    if _is_network(cause):
        return True
    return isinstance(cause, OSError) and "Consistency check failed" in str(cause)


def explain(
    exc: BaseException, spec: ModelSpec, endpoint: str | None, attempts: int
) -> DownloadError:
    """Turn a library or network error into one sentence saying what to do next."""
    from huggingface_hub.errors import (
        GatedRepoError,
        RemoteEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    cause = _underlying(exc)
    status = _status(cause)
    name, repo = spec.name, spec.repo
    if isinstance(cause, RevisionNotFoundError):
        text = (f"{name}: revision {spec.revision} does not exist in {repo} (HTTP 404); "
                "check revision for this model in the config.")
        return DownloadError(text, model=name, reason="not_found")
    if isinstance(cause, RemoteEntryNotFoundError):
        return _file_not_found(spec)
    if isinstance(cause, GatedRepoError) or status in (401, 403):
        text = (f"{name}: the Hub refused access to {repo} (HTTP {status}); the repo may be "
                "gated or private, so accept its terms on its Hub page, then set HF_TOKEN or "
                "run `hf auth login` and try again.")
        return DownloadError(text, model=name, reason="auth")
    if isinstance(cause, RepositoryNotFoundError) or status == 404:
        text = (f"{name}: repository {repo} was not found on the Hub (HTTP 404); "
                "check repo for this model in the config.")
        return DownloadError(text, model=name, reason="not_found")
    where = endpoint or "the Hugging Face Hub"
    if status is not None:
        text = (f"{name}: {where} answered HTTP {status} for {repo} after {attempts} "
                "attempt(s); try again later.")
        return DownloadError(text, model=name, reason="http")
    if is_transient(cause):
        text = (f"{name}: could not reach {where} after {attempts} attempt(s) "
                f"({type(cause).__name__}); check the network connection (or HF_ENDPOINT) "
                "and run the download again.")
        return DownloadError(text, model=name, reason="network")
    if isinstance(cause, OSError) and cause.errno is not None:
        text = (f"{name}: saving {spec.file} failed ({cause.strerror}); "
                "free up disk space or fix the permissions of models_dir.")
        return DownloadError(text, model=name, reason="write")
    text = (f"{name}: download failed ({type(cause).__name__}: {cause}); "
            "see the log for details.")
    return DownloadError(text.replace("\n", " "), model=name, reason="error")
