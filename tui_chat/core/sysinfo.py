"""Facts about this machine and install, for diagnostics and ``tui-chat doctor``.

Versions come from package metadata (nothing is imported to read them); llama.cpp
facts need ``llama_cpp`` itself, which is imported lazily and only when asked.
Nothing here prints.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

DISTRIBUTIONS = ("tui-chat", "textual", "llama-cpp-python", "huggingface_hub", "httpx")
"""Packages whose versions are shown."""
CUDA_REBUILD = (
    'CMAKE_ARGS="-DGGML_CUDA=on" pip install --force-reinstall --no-cache-dir llama-cpp-python'
)
"""The command that rebuilds llama-cpp-python with CUDA offload."""


@dataclass(frozen=True, slots=True)
class LlamaFacts:
    """What the installed llama.cpp build can do."""

    importable: bool
    """``import llama_cpp`` worked."""
    version: str | None = None
    """``llama_cpp.__version__``."""
    gpu_offload: bool | None = None
    """``llama_supports_gpu_offload()``; None when unknown."""
    system_info: str = ""
    """``llama_print_system_info()``: CPU features and compiled-in backends."""
    error: str | None = None
    """Why the import failed, one line."""


@dataclass(frozen=True, slots=True)
class SystemFacts:
    """Everything the diagnostics screen's System tab shows."""

    versions: dict[str, str | None]
    """Distribution name to installed version (None: not installed)."""
    python: str
    """Python version and implementation."""
    platform: str
    """OS and machine."""
    llama: LlamaFacts
    """llama.cpp build facts."""
    paths: dict[str, str] = field(default_factory=dict)
    """config, data dir, log and models folder."""
    gpus: list[str] | None = None
    """GPUs listed by ``nvidia-smi -L`` (None: nvidia-smi not found or failed)."""

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs in display order."""
        out = [(name, version or "not installed") for name, version in self.versions.items()]
        out.append(("python", self.python))
        out.append(("platform", self.platform))
        if self.llama.importable:
            offload = {True: "yes", False: "no (CPU-only build)", None: "unknown"}
            out.append(("GPU offload", offload[self.llama.gpu_offload]))
        else:
            out.append(("llama_cpp", f"not importable: {self.llama.error}"))
        if self.gpus is None:
            out.append(("NVIDIA GPUs", "none visible (nvidia-smi not found)"))
        else:
            out.append(("NVIDIA GPUs", "; ".join(self.gpus) or "none listed by nvidia-smi"))
        out.extend(self.paths.items())
        if self.llama.system_info:
            out.append(("llama.cpp system info", self.llama.system_info))
        return out


def package_version(name: str) -> str | None:
    """The installed version of distribution ``name``, or None."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def llama_facts() -> LlamaFacts:
    """Import ``llama_cpp`` (lazily, here) and ask what it was built with."""
    try:
        import llama_cpp
    except Exception as exc:  # noqa: BLE001 - ImportError, OSError from a bad .so, ...
        return LlamaFacts(False, error=f"{exc.__class__.__name__}: {exc}".splitlines()[0])
    version = getattr(llama_cpp, "__version__", None) or package_version("llama-cpp-python")
    try:
        offload: bool | None = bool(llama_cpp.llama_supports_gpu_offload())
    except Exception:  # noqa: BLE001 - very old builds lack the call
        offload = None
    try:
        raw = llama_cpp.llama_print_system_info()
        info = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except Exception:  # noqa: BLE001
        info = ""
    return LlamaFacts(True, version, offload, " ".join(info.split()).rstrip(" |"))


def nvidia_gpus(timeout: float = 5.0) -> list[str] | None:
    """GPU lines from ``nvidia-smi -L``; None when the tool is absent or fails."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        result = subprocess.run(
            [exe, "-L"], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [line.strip() for line in result.stdout.splitlines() if line.startswith("GPU")]


def collect(paths: dict[str, Path | str | None] | None = None) -> SystemFacts:
    """Gather versions, llama.cpp facts, visible GPUs and the given paths.

    Imports ``llama_cpp`` and may run ``nvidia-smi``: call it off the UI thread.
    """
    shown = {label: str(value) if value else "(built-in)" for label, value in (paths or {}).items()}
    return SystemFacts(
        versions={name: package_version(name) for name in DISTRIBUTIONS},
        python=f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        platform=f"{platform.system()} {platform.release()} {platform.machine()}",
        llama=llama_facts(),
        paths=shown,
        gpus=nvidia_gpus(),
    )
