"""Finding GGUF models on the Hugging Face Hub: repos by search, a repo's GGUF files.

``HfApi.list_models(filter="gguf", search=..., sort="downloads")`` for repos and
``HfApi.list_repo_tree(recursive=True)`` for files; split sets (``-00001-of-0000N``)
come back as one model with the size of all its parts, and each model says whether it
fits the memory budget. Every call blocks (the search screen runs them in workers) and
raises :class:`HubUnavailable` with one sentence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from tui_chat.core.errors import TuiChatError
from tui_chat.core.library.gguf import quant_from_name, split_names, split_part
from tui_chat.core.library.hub import hub_endpoint, quiet_console_logging
from tui_chat.core.sysinfo import footprint
from tui_chat.core.units import format_bytes

log = logging.getLogger(__name__)

SEARCH_LIMIT = 40
"""Repos shown per search."""


class HubUnavailable(TuiChatError):
    """A search or file listing failed; the message says what to do next."""


class Fit(StrEnum):
    """Whether a model fits the memory budget once loaded."""

    FITS = "fits"
    TIGHT = "tight"
    """Fits, but leaves less than a tenth of the budget."""
    TOO_BIG = "too big"


FIT_MARKS = {Fit.FITS: "✔", Fit.TIGHT: "~", Fit.TOO_BIG: "✗"}
"""The mark shown before each file."""


@dataclass(frozen=True, slots=True)
class RepoHit:
    """One repo in the search results."""

    repo: str
    """Repo id, ``owner/name``."""
    downloads: int
    """Downloads in the last month, as the Hub counts them."""
    likes: int
    """Likes."""
    updated: datetime | None
    """Last change."""
    gated: bool
    """True when the repo asks users to accept its terms first."""


@dataclass(frozen=True, slots=True)
class RepoModel:
    """One GGUF model in a repo: a file, or a split set shown as one."""

    file: str
    """The file to load (the first part of a split set), path inside the repo."""
    parts: tuple[str, ...]
    """Every file of the model."""
    size: int
    """Bytes of all parts together."""
    quant: str | None
    """Quantisation named in the file name (``Q4_K_M``)."""
    missing: tuple[str, ...] = ()
    """Parts of a split set the repo does not have."""

    def fit(self, budget: int) -> Fit:
        """How the loaded model compares with ``budget`` bytes."""
        need = footprint(self.size)
        if need > budget:
            return Fit.TOO_BIG
        return Fit.TIGHT if need > budget * 0.9 else Fit.FITS

    def label(self, budget: int) -> str:
        """``✔ Q4_K_M  98.4 MB  file.gguf`` (with ``3 parts`` for a split set)."""
        fit = self.fit(budget)
        parts = f" ({len(self.parts)} parts)" if len(self.parts) > 1 else ""
        return f"{FIT_MARKS[fit]} {fit:<7} {self.quant or '?':<8} {format_bytes(self.size):>9}  " \
               f"{self.file}{parts}"


def _api(token: str | bool | None = None):  # type: ignore[no-untyped-def]
    from huggingface_hub import HfApi

    quiet_console_logging()
    return HfApi(endpoint=hub_endpoint(), token=token, library_name="tui-chat")


def search_repos(query: str, *, limit: int = SEARCH_LIMIT,
                 token: str | bool | None = None) -> list[RepoHit]:
    """GGUF repos whose id contains ``query``, most downloaded first."""
    try:
        found = _api(token).list_models(filter="gguf", search=query.strip() or None,
                                        sort="downloads", limit=limit)
        return [RepoHit(m.id, m.downloads or 0, m.likes or 0, m.last_modified, bool(m.gated))
                for m in found]
    except Exception as exc:  # noqa: BLE001 - one sentence for the screen
        raise _explain(exc, f"searching the Hub for {query!r}") from exc


def repo_models(repo: str, *, revision: str = "main",
                token: str | bool | None = None) -> list[RepoModel]:
    """The repo's GGUF models (split sets as one), largest quantisation names sorted."""
    try:
        entries = list(_api(token).list_repo_tree(repo, recursive=True, revision=revision))
    except Exception as exc:  # noqa: BLE001
        raise _explain(exc, f"listing the files of {repo}") from exc
    sizes = {e.path: e.size for e in entries
             if hasattr(e, "size") and e.path.lower().endswith(".gguf")}
    models: list[RepoModel] = []
    for path, size in sizes.items():
        split = split_part(path.rsplit("/", 1)[-1])
        if split is not None and split[1] != 1:
            continue  # counted with its first part
        parts = tuple(split_names(path))
        missing = tuple(p for p in parts if p not in sizes)
        total = sum(sizes.get(p, 0) for p in parts) if split else size
        models.append(RepoModel(path, parts, total, quant_from_name(path), missing))
    return sorted(models, key=lambda m: m.size)


def _explain(exc: BaseException, doing: str) -> HubUnavailable:
    status = getattr(getattr(exc, "response", None), "status_code", None)
    log.warning("%s failed", doing, exc_info=exc)
    if status in (401, 403):
        return HubUnavailable(f"The Hub refused {doing} (HTTP {status}): the repo is gated or "
                              "private; accept its terms on its Hub page, then set HF_TOKEN or "
                              "run `hf auth login` and try again.")
    if status == 404:
        return HubUnavailable(f"The Hub has nothing for {doing} (HTTP 404); check the name.")
    where = hub_endpoint() or "the Hugging Face Hub"
    if status is not None:
        return HubUnavailable(f"{where} answered HTTP {status} while {doing}; try again later.")
    return HubUnavailable(f"Could not reach {where} while {doing} ({type(exc).__name__}); "
                          "check the network connection (or HF_ENDPOINT) and try again.")
