"""llama.cpp's extra buffer types (weights repacked for a CPU's own kernels), and the CPUs
where they crash.

On a CPU with AMX (Intel Xeon Sapphire Rapids and later), llama.cpp repacks the weights
for its AMX kernels, and with llama-cpp-python 0.3.36 the first prompt evaluation of a
Q4_1 model (the embedded SmolLM2) dies in ``llama_decode`` with a segmentation fault;
with the extra buffer types off the same model answers. So they are off by default on
such CPUs and on elsewhere (the repacked kernels are faster there). ``[load]
extra_buffers = true|false`` decides either way.

``Llama()`` takes no argument for it: the model parameters it starts from are made with
``use_extra_bufts`` off while that model loads (:func:`model_params`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CPUINFO = Path("/proc/cpuinfo")
_lock = threading.Lock()


def cpu_has_amx(cpuinfo: Path = CPUINFO) -> bool:
    """True when the CPU has AMX (Linux ``/proc/cpuinfo`` flags; False where unreadable)."""
    try:
        with cpuinfo.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("flags"):
                    return "amx_int8" in line.split() or "amx_tile" in line.split()
    except OSError:
        pass
    return False


def extra_buffers_default() -> bool:
    """Whether llama.cpp may repack weights here when the config does not say."""
    return not cpu_has_amx()


@contextlib.contextmanager
def model_params(extra_buffers: bool) -> Iterator[None]:
    """Within the block, models load with ``use_extra_bufts`` as asked."""
    if extra_buffers:
        yield
        return
    import llama_cpp.llama_cpp as low

    with _lock:
        original = low.llama_model_default_params
        low.llama_model_default_params = _without_extra_buffers(original)
        try:
            yield
        finally:
            low.llama_model_default_params = original


def apply_default() -> bool:
    """For a whole process that loads models itself (``llama_cpp.server``, the benchmarks):
    turn the extra buffer types off for good where they crash; returns whether they stay on.
    """
    if extra_buffers_default():
        return True
    import llama_cpp.llama_cpp as low

    low.llama_model_default_params = _without_extra_buffers(low.llama_model_default_params)
    log.info("llama.cpp extra buffer types off: this CPU has AMX (see %s)", __name__)
    return False


def _without_extra_buffers(original: Callable[[], Any]) -> Callable[[], Any]:
    def make() -> Any:
        params = original()
        params.use_extra_bufts = False
        return params

    return make
