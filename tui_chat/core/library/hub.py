"""The Hugging Face Hub side of downloads: file facts, URLs, headers, error wording.

Everything that knows huggingface_hub's classes lives here, imported inside the
functions (the library is large and only needed once a download starts).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Protocol

from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import DownloadError

log = logging.getLogger(__name__)

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


def hub_files(spec: ModelSpec, names: list[str], endpoint: str | None,
              token: str | bool | None) -> dict[str, HubFile]:
    """Size and LFS sha256 of each of ``names`` in ``spec``'s repo (paths-info route).

    Raises DownloadError (not_found) naming the first file the Hub does not have.
    """
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint, token=token, library_name="tui-chat")
    assert spec.repo is not None
    found: dict[str, HubFile] = {}
    for entry in api.get_paths_info(spec.repo, names, revision=spec.revision):
        if getattr(entry, "path", None) in names and hasattr(entry, "size"):
            lfs = getattr(entry, "lfs", None)
            found[entry.path] = HubFile(entry.size, lfs.sha256 if lfs else None)
    for name in names:
        if name not in found:
            raise _file_not_found(spec, name)
    return found


def file_url(spec: ModelSpec, name: str, endpoint: str | None) -> str:
    """The resolve URL of ``name`` in ``spec``'s repo at its revision."""
    from huggingface_hub import hf_hub_url

    assert spec.repo is not None
    return hf_hub_url(spec.repo, name, revision=spec.revision, endpoint=endpoint)


def request_headers(token: str | bool | None) -> dict[str, str]:
    """The Hub's headers: user agent and, when a token is known, Authorization."""
    from huggingface_hub.utils import build_hf_headers

    return dict(build_hf_headers(token=token, library_name="tui-chat"))


def _file_not_found(spec: ModelSpec, name: str | None = None) -> DownloadError:
    return DownloadError(
        f"{spec.name}: file {name or spec.file} is not in {spec.repo} at revision "
        f"{spec.revision} (HTTP 404); check file and revision for this model in the config.",
        model=spec.name, reason="not_found",
    )


# --------------------------------------------------------------------------- the library


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

    from tui_chat.core.library.transfer import ShortBody

    cause = _underlying(exc)
    if isinstance(cause, OfflineModeIsEnabled):
        return False
    if isinstance(cause, ShortBody):
        return True
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
