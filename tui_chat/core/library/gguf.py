"""GGUF files on disk: the cheap header check every layer uses before llama.cpp sees one."""

from __future__ import annotations

from pathlib import Path

from tui_chat.core.errors import ModelUnavailable
from tui_chat.core.events import FallbackTrigger

GGUF_MAGIC = b"GGUF"
"""The first four bytes of every GGUF file."""


def header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a GGUF file (unreadable, empty, wrong magic), or None.

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
    if magic != GGUF_MAGIC:
        return "is not a GGUF file"
    return None


def check_header(path: Path, model: str = "") -> None:
    """Raise ModelUnavailable (``load_error``) with one sentence when ``path`` is no GGUF."""
    problem = header_problem(path)
    if problem is None:
        return
    fix = ("check the file's permissions" if problem.startswith("cannot")
           else "delete it and download it again")
    raise ModelUnavailable(f"{path.name} {problem}; {fix}.", model=model,
                           reason=FallbackTrigger.LOAD_ERROR)
