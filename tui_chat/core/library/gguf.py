"""GGUF files on disk: the cheap header check every layer uses before llama.cpp sees one,
and what a model is, read from its header with the ``gguf`` package.

``header_problem`` reads four bytes (listing models stays cheap); :func:`read_info`
parses the whole header (key-value metadata and the tensor table), so it runs in a
worker and its answers are cached per file state.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tui_chat.core.errors import ModelUnavailable
from tui_chat.core.events import FallbackTrigger

log = logging.getLogger(__name__)

GGUF_MAGIC = b"GGUF"
"""The first four bytes of every GGUF file."""
THINK_TAGS = ("<think>", "</think>", "<|begin_of_thought|>", "<thinking>")
"""Markers of a template that writes reasoning apart from the answer."""
SPLIT_RE = re.compile(r"^(?P<stem>.+)-(?P<part>\d{5})-of-(?P<count>\d{5})\.gguf$", re.IGNORECASE)
"""``name-00001-of-00003.gguf``: one part of a model split by llama.cpp's gguf-split."""
QUANT_RE = re.compile(
    r"(?<![A-Za-z0-9])(I?Q\d(?:_[A-Z0-9]+)*|BF16|F16|F32|FP16|FP32|TQ\d_\d)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
"""A quantisation named in a file name, e.g. ``Q4_K_M``, ``IQ3_XXS``, ``F16``."""


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


def split_part(name: str) -> tuple[str, int, int] | None:
    """``(stem, part, count)`` for a split file name such as ``m-00002-of-00003.gguf``."""
    match = SPLIT_RE.match(name)
    if match is None:
        return None
    return match["stem"], int(match["part"]), int(match["count"])


def split_names(first: str) -> list[str]:
    """Every part's file name of the split set whose first part is ``first`` (or just it)."""
    found = split_part(first)
    if found is None:
        return [first]
    stem, _, count = found
    folder = first.rsplit("/", 1)[0] + "/" if "/" in first else ""
    stem = stem.rsplit("/", 1)[-1]
    return [f"{folder}{stem}-{i:05d}-of-{count:05d}.gguf" for i in range(1, count + 1)]


def quant_from_name(name: str) -> str | None:
    """The quantisation a file name states (``Q4_K_M``), upper-cased, or None."""
    found = QUANT_RE.findall(Path(name).name)
    return found[-1].upper() if found else None


# --------------------------------------------------------------------------- header info


@dataclass(frozen=True, slots=True)
class GgufInfo:
    """What a model is, from its GGUF header."""

    architecture: str
    """``general.architecture``: llama, qwen2, gemma3..."""
    parameters: int
    """Weights in the file (the sum of every tensor's elements)."""
    quantization: str
    """The file type (``Q4_K_M``, ``F16``...), else the most common tensor type."""
    context_length: int | None
    """``<arch>.context_length``: the context it was trained for."""
    has_template: bool
    """True when ``tokenizer.chat_template`` is set."""
    thinks: bool
    """True when that template names think tags (reasoning kept apart)."""
    name: str | None = None
    """``general.name``, when set."""

    def summary(self) -> str:
        """One short line: ``llama 135M Q4_1 ctx 8,192 template``."""
        parts = [self.architecture, format_parameters(self.parameters), self.quantization]
        if self.context_length:
            parts.append(f"ctx {self.context_length:,}")
        parts.append(("template+think" if self.thinks else "template") if self.has_template
                     else "no template")
        return " ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The fields as plain JSON values."""
        return asdict(self)


def format_parameters(count: int) -> str:
    """``135M``, ``7.2B``: a parameter count the way model cards write it."""
    for unit, size in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if count >= size:
            value = count / size
            return f"{value:.0f}{unit}" if value >= 100 or value == int(value) else \
                f"{value:.1f}{unit}"
    return str(count)


class HeaderUnreadable(Exception):
    """The GGUF header could not be parsed; the message says why, in a few words."""


def read_info(path: Path) -> GgufInfo:
    """Parse ``path``'s header (metadata and tensor table) with the gguf package's types.

    ``gguf.GGUFReader`` builds a numpy array per vocabulary entry (3.5 s for SmolLM2's
    49k tokens, holding the GIL the UI thread needs), so this walks the same layout
    with ``struct``, skipping the arrays it does not need; a test checks that both
    agree.

    Raises:
        HeaderUnreadable: empty, not a GGUF, truncated or otherwise unparsable.
    """
    problem = header_problem(path)
    if problem is not None:
        raise HeaderUnreadable(problem)
    try:
        with path.open("rb") as handle:
            fields, tensors = _HeaderWalk(handle).read()
        return _info_of(fields, tensors)
    except HeaderUnreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - any parse failure is "unreadable"
        log.info("cannot read the GGUF header of %s", path, exc_info=True)
        raise HeaderUnreadable(f"has a header that cannot be read ({type(exc).__name__})") \
            from exc


class _HeaderWalk:
    """Reads a GGUF (v2/v3, little-endian) header: scalar and string values, tensor shapes."""

    SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q",
               11: "q", 12: "d"}
    MAX_STRING = 64 * 1024 * 1024

    def __init__(self, handle: Any) -> None:
        import io

        self._raw = io.BufferedReader(handle, buffer_size=1 << 20) \
            if not isinstance(handle, io.BufferedReader) else handle

    def _take(self, size: int) -> bytes:
        data = self._raw.read(size)
        if len(data) != size:
            raise HeaderUnreadable("is truncated inside its header")
        return data

    def _unpack(self, code: str) -> Any:
        import struct

        fmt = "<" + code
        return struct.unpack(fmt, self._take(struct.calcsize(fmt)))[0]

    def _string(self, keep: bool = True) -> str | None:
        size = self._unpack("Q")
        if size > self.MAX_STRING:
            raise HeaderUnreadable("has a header string too long to be real")
        data = self._take(size)
        return data.decode("utf-8", "replace") if keep else None

    def _value(self, kind: int, keep: bool = True) -> Any:
        from gguf import GGUFValueType

        if kind == GGUFValueType.STRING:
            return self._string(keep)
        if kind == GGUFValueType.ARRAY:
            inner, count = self._unpack("I"), self._unpack("Q")
            if inner in self.SCALARS:
                import struct

                self._take(struct.calcsize("<" + self.SCALARS[inner]) * count)
            else:
                for _ in range(count):
                    self._value(inner, keep=False)
            return None
        if kind not in self.SCALARS:
            raise HeaderUnreadable(f"has an unknown value type {kind} in its header")
        return self._unpack(self.SCALARS[kind])

    def read(self) -> tuple[dict[str, Any], list[tuple[int, int]]]:
        """``({key: value}, [(elements, ggml type)])``; arrays are skipped (value None)."""
        if self._take(4) != GGUF_MAGIC:
            raise HeaderUnreadable("is not a GGUF file")
        version = self._unpack("I")
        if version not in (2, 3):
            raise HeaderUnreadable(f"is GGUF version {version}, which is not supported")
        n_tensors, n_kv = self._unpack("Q"), self._unpack("Q")
        fields: dict[str, Any] = {}
        for _ in range(n_kv):
            key = self._string() or ""
            fields[key] = self._value(self._unpack("I"))
        tensors: list[tuple[int, int]] = []
        for _ in range(n_tensors):
            self._string(keep=False)
            dims = self._unpack("I")
            elements = 1
            for _ in range(dims):
                elements *= self._unpack("Q")
            kind = self._unpack("I")
            self._unpack("Q")  # offset
            tensors.append((elements, kind))
        return fields, tensors


def _info_of(fields: dict[str, Any], tensors: list[tuple[int, int]]) -> GgufInfo:
    from collections import Counter

    from gguf import GGMLQuantizationType, LlamaFileType

    arch = fields.get("general.architecture")
    if not isinstance(arch, str):
        raise HeaderUnreadable("has no general.architecture in its header")
    quant = None
    file_type = fields.get("general.file_type")
    if isinstance(file_type, int):
        try:
            quant = LlamaFileType(file_type).name.removeprefix("MOSTLY_")
        except ValueError:
            quant = None
    if quant is None:
        kinds = Counter(kind for _, kind in tensors)
        try:
            quant = GGMLQuantizationType(kinds.most_common(1)[0][0]).name if kinds else "unknown"
        except ValueError:
            quant = "unknown"
    context = fields.get(f"{arch}.context_length")
    template = fields.get("tokenizer.chat_template")
    has_template = isinstance(template, str) and bool(template.strip())
    thinks = has_template and any(tag in template for tag in THINK_TAGS)
    name = fields.get("general.name")
    return GgufInfo(arch, sum(n for n, _ in tensors), quant,
                    int(context) if isinstance(context, int) else None, has_template, thinks,
                    name if isinstance(name, str) else None)


class InfoCache:
    """Header info per file, read once per (size, mtime); thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[Path, tuple[tuple[int, int], GgufInfo | str]] = {}

    def get(self, path: Path) -> GgufInfo | str:
        """The file's info, or the reason it cannot be read (a few words)."""
        try:
            st = path.stat()
            stamp = (st.st_size, st.st_mtime_ns)
        except OSError as exc:
            return f"cannot be read ({exc.strerror})"
        with self._lock:
            cached = self._entries.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            result: GgufInfo | str = read_info(path)
        except HeaderUnreadable as exc:
            result = str(exc)
        with self._lock:
            self._entries[path] = (stamp, result)
        return result

    def peek(self, path: Path) -> GgufInfo | str | None:
        """The cached answer for ``path`` without reading anything (None: not read yet)."""
        with self._lock:
            cached = self._entries.get(path)
        return cached[1] if cached is not None else None
