"""Facts about this machine and install: memory, GPUs, llama.cpp's build, versions.

The one place that reads free RAM and VRAM (for the pool's memory budget), runs
``nvidia-smi`` and decides whether llama.cpp can offload to a GPU (for the load
defaults, the budget, diagnostics and ``tui-chat doctor``). Versions come from package
metadata; ``llama_cpp`` is imported only by :func:`llama_facts`. Nothing here prints.
"""

from __future__ import annotations

import importlib.util
import logging
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

GIB = 1024**3
RAM_SHARE = 0.8
"""Share of free RAM the default budget may use."""
VRAM_SHARE = 0.9
"""Share of free VRAM the default budget may use when llama.cpp offloads to the GPU."""
OVERHEAD = 1.15
"""A model being loaded is counted as its file size times this (KV cache and scratch
buffers); once loaded, its process's measured RSS counts instead (:func:`process_rss_bytes`)."""
FALLBACK_BUDGET = 8 * GIB
"""The budget when free memory cannot be read."""
GPU_LIBRARIES = ("cuda", "hip", "metal", "vulkan", "sycl", "musa", "opencl", "cann", "kompute")
"""ggml builds each GPU backend as its own library (libggml-cuda.so, ...)."""

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
    offload = gpu_offload_supported()
    try:
        raw = llama_cpp.llama_print_system_info()
        info = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except Exception:  # noqa: BLE001
        info = ""
    return LlamaFacts(True, version, offload, " ".join(info.split()).rstrip(" |"))


def _nvidia_smi(*args: str, timeout: float = 5.0) -> str | None:
    """``nvidia-smi ARGS``'s output; None when the tool is absent or fails."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        result = subprocess.run([exe, *args], capture_output=True, text=True,
                                timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        log.debug("nvidia-smi %s failed", " ".join(args), exc_info=True)
        return None
    return result.stdout if result.returncode == 0 else None


def nvidia_gpus(timeout: float = 5.0) -> list[str] | None:
    """GPU lines from ``nvidia-smi -L``; None when the tool is absent or fails."""
    out = _nvidia_smi("-L", timeout=timeout)
    if out is None:
        return None
    return [line.strip() for line in out.splitlines() if line.startswith("GPU")]


def free_vram_bytes() -> int | None:
    """Free memory summed over NVIDIA GPUs (``nvidia-smi``), or None without it."""
    out = _nvidia_smi("--query-gpu=memory.free", "--format=csv,noheader,nounits")
    try:
        mib = [int(line) for line in (out or "").split() if line.strip()]
    except ValueError:
        log.debug("nvidia-smi gave no free-memory figure: %r", out)
        return None
    return sum(mib) * 1024**2 if mib else None


def available_memory_bytes() -> int | None:
    """MemAvailable from /proc/meminfo, or None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def process_rss_bytes(pid: int) -> int | None:
    """VmRSS of process ``pid`` from /proc/<pid>/status, or None where it cannot be read.

    What the process really holds in RAM: its heap (KV cache, scratch buffers, the
    interpreter) plus the pages of the mmap'd GGUF and libraries it has touched.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


# --------------------------------------------------------------------------- GPU offload


def gpu_offload_supported() -> bool | None:
    """Whether the installed llama.cpp can offload layers to a GPU; None when unknown.

    Where ``llama_cpp`` is already imported (a model process, ``doctor``) llama.cpp
    itself is asked. Elsewhere (the app's own process) the package's files are read
    for a GPU backend library without importing it: llama.cpp runs in model
    processes, and importing it here would add about 20 MB and a few hundred ms.
    """
    llama_cpp = sys.modules.get("llama_cpp")
    if llama_cpp is None:
        return _gpu_library_installed()
    try:
        return bool(llama_cpp.llama_supports_gpu_offload())
    except Exception:  # noqa: BLE001 - very old builds lack the call
        return None


def _gpu_library_installed() -> bool:
    """True when the llama_cpp package ships a GPU backend library (libggml-cuda.so...)."""
    try:
        spec = importlib.util.find_spec("llama_cpp")
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.submodule_search_locations:
        return False
    for folder in spec.submodule_search_locations:
        try:
            names = [entry.name for entry in (Path(folder) / "lib").iterdir()]
        except OSError:
            continue
        if any(name.startswith((f"libggml-{gpu}", f"ggml-{gpu}"))
               for name in names for gpu in GPU_LIBRARIES):
            return True
    return False


# --------------------------------------------------------------------------- memory budget


def estimate_budget(offload: bool | None = None) -> tuple[int, str]:
    """The default memory budget in bytes and a few words on how it was worked out.

    With GPU offload every layer goes to VRAM by default, so free VRAM is the limit
    when ``nvidia-smi`` can report it; otherwise (CPU builds, Apple unified memory)
    free RAM is.
    """
    if offload is None:
        offload = bool(gpu_offload_supported())
    if offload:
        vram = free_vram_bytes()
        if vram:
            return int(vram * VRAM_SHARE), f"{VRAM_SHARE:.0%} of {vram / GIB:.1f} GiB free VRAM"
    ram = available_memory_bytes()
    if ram:
        return int(ram * RAM_SHARE), f"{RAM_SHARE:.0%} of {ram / GIB:.1f} GiB free RAM"
    return FALLBACK_BUDGET, "free memory unknown"


def footprint(file_bytes: int) -> int:
    """Estimated resident bytes of a model whose file has ``file_bytes`` (while it loads)."""
    return int(file_bytes * OVERHEAD)


# --------------------------------------------------------------------------- all


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
