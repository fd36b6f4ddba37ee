"""GGUF files already on disk: ``models_dir``, the ``model_dirs`` folders, the HF cache.

Each file (or split set, as one) that no config entry names becomes a found model: a
:class:`ModelSpec` with a name from its file, the role ``chat`` and ``path`` set, so
it can be chosen and loaded at once. Nothing is written to the config. The walk reads
directory entries only; headers are read later (and cached) by the catalog.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tui_chat.core.config import NAME_RE, Config, ModelSpec
from tui_chat.core.library.gguf import split_part

log = logging.getLogger(__name__)

MAX_DEPTH = 3
"""Folder levels searched below each models folder."""
MAX_FILES = 2000
"""Files looked at per folder tree at most (a home directory by mistake stays quick)."""


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A GGUF model on disk: its first (or only) file and every part of it."""

    path: Path
    """The file llama.cpp loads (the first part of a split set)."""
    parts: tuple[Path, ...]
    """Every file of the model, the first included."""
    source: str
    """``models_dir``, ``model_dirs`` or ``hf-cache``."""
    repo: str | None = None
    """The Hub repo, for files found in the Hugging Face cache."""
    missing: tuple[str, ...] = ()
    """Names of the parts of a split set that are not there."""


def hub_cache_dir() -> Path:
    """The Hugging Face hub cache, read from the environment now (not at import)."""
    explicit = os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "huggingface")
    return Path(home).expanduser() / "hub"


def walk_gguf(folder: Path, depth: int = MAX_DEPTH) -> Iterator[Path]:
    """``.gguf`` files under ``folder`` (hidden folders skipped), in name order."""
    seen = 0
    stack = [(folder, 0)]
    while stack:
        current, level = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            seen += 1
            if seen > MAX_FILES or entry.name.startswith("."):
                continue
            try:
                if entry.is_dir() and level < depth:
                    stack.append((Path(entry.path), level + 1))
                elif entry.name.lower().endswith(".gguf") and entry.is_file():
                    yield Path(entry.path)
            except OSError:
                continue


def group_parts(files: Iterable[Path], source: str, repo: str | None = None) -> list[FoundFile]:
    """One FoundFile per model: split parts grouped under their first part."""
    singles: list[FoundFile] = []
    sets: dict[tuple[Path, str, int], dict[int, Path]] = {}
    for path in files:
        split = split_part(path.name)
        if split is None:
            singles.append(FoundFile(path, (path,), source, repo))
            continue
        stem, part, count = split
        sets.setdefault((path.parent, stem, count), {})[part] = path
    for (folder, stem, count), parts in sets.items():
        names = [f"{stem}-{i:05d}-of-{count:05d}.gguf" for i in range(1, count + 1)]
        first = folder / names[0]
        missing = tuple(n for i, n in enumerate(names, start=1) if i not in parts)
        singles.append(FoundFile(first, tuple(folder / n for n in names), source, repo, missing))
    return sorted(singles, key=lambda f: str(f.path))


def scan_hub_cache(cache: Path) -> list[FoundFile]:
    """GGUF files in the Hugging Face cache, through ``huggingface_hub.scan_cache_dir``."""
    if not cache.is_dir():
        return []
    try:
        from huggingface_hub import scan_cache_dir

        info = scan_cache_dir(cache)
    except Exception:  # noqa: BLE001 - a damaged cache must not break the model list
        log.warning("cannot scan the Hugging Face cache %s", cache, exc_info=True)
        return []
    found: list[FoundFile] = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        newest = max(repo.revisions, key=lambda r: r.last_modified, default=None)
        if newest is None:
            continue
        files = [f.file_path for f in newest.files if f.file_name.lower().endswith(".gguf")]
        found += group_parts(files, "hf-cache", repo.repo_id)
    return found


def find_files(config: Config) -> list[FoundFile]:
    """Every GGUF model in models_dir, the model_dirs folders and the HF cache."""
    found: list[FoundFile] = []
    found += group_parts(walk_gguf(config.models_dir), "models_dir")
    for folder in config.model_dirs:
        found += group_parts(walk_gguf(folder), "model_dirs")
    found += scan_hub_cache(hub_cache_dir())
    return found


def model_name(path: Path, taken: set[str]) -> str:
    """A catalog name made from the file name, unique among ``taken``."""
    stem = path.name[: -len(".gguf")] if path.name.lower().endswith(".gguf") else path.stem
    split = split_part(path.name)
    if split is not None:
        stem = split[0]
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:60] or "model"
    if not NAME_RE.match(base):
        base = "m-" + base
    name, n = base, 2
    while name in taken or name == "auto":
        name, n = f"{base}-{n}", n + 1
    return name


def found_models(config: Config, files: list[FoundFile],
                 known: Iterable[Path]) -> list[tuple[ModelSpec, FoundFile]]:
    """Specs for the found files no config entry already points at."""
    known_paths = {_real(p) for p in known}
    taken = set(config.names())
    out: list[tuple[ModelSpec, FoundFile]] = []
    seen: set[Path] = set()
    for found in files:
        real = _real(found.path)
        if real in known_paths or real in seen:
            continue
        seen.add(real)
        name = model_name(found.path, taken)
        taken.add(name)
        spec = ModelSpec(name=name, display_name=found.path.name, role="chat",
                         file=found.path.name, path=found.path)
        out.append((spec, found))
    return out


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
