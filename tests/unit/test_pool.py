"""Model lifecycle: GPU/load defaults, the memory budget, LRU unloading, per-model locks.

Everything that loads or generates uses the real SmolLM2 GGUF through llama.cpp; several
catalog names point at it through symlinks in a temp models_dir, so "two models" are two
real llama.cpp instances of the same small file.
"""

from __future__ import annotations

import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import NO_EOG_BIAS, llama_entry
from tui_chat.core import sysinfo
from tui_chat.core.backends import llama as llama_mod
from tui_chat.core.backends.llama import LlamaBackend, default_threads, effective_load_params
from tui_chat.core.backends.process import ProcessLlamaBackend
from tui_chat.core.chat import ChatRequest
from tui_chat.core.events import Answering, Finished, MessageState, TextDelta, Waiting
from tui_chat.core.errors import ModelUnavailable
from tui_chat.core.pool import GIB, default_backend_factory, estimate_budget
from tui_chat.core.sysinfo import footprint, process_rss_bytes

PROMPT = "Count from one to forty, one number per line."
GEN = {"max_tokens": 24, "seed": 3, "temperature": 0.7, "logit_bias": NO_EOG_BIAS}
"""No end of generation: every reply is ``max_tokens`` long, with text, on any CPU."""
ONE_FITS, TWO_FIT = 1, 2
"""How many SmolLM2 processes the ``trio`` budget holds (see :func:`budget_for`)."""


# --------------------------------------------------------------------------- helpers


def aliases(*names: str) -> str:
    """Catalog entries ``names`` that each point at ``<name>.gguf`` in models_dir."""
    return "".join(llama_entry(name, f"{name}.gguf") for name in names)


def link(runtime, smollm2_path: Path, *names: str) -> None:  # noqa: ANN001
    """Make ``<name>.gguf`` in the runtime's models_dir a symlink to the real GGUF."""
    for name in names:
        (runtime.config.models_dir / f"{name}.gguf").symlink_to(smollm2_path)


@pytest.fixture(scope="module")
def smollm2_rss(smollm2_path: Path) -> int:
    """What one loaded SmolLM2 model process holds (VmRSS), measured on this machine."""
    backend = ProcessLlamaBackend("smollm2", smollm2_path, {"n_ctx": 2048})
    backend.load()
    try:
        rss = backend.resident_bytes()
    finally:
        backend.close()
    assert rss is not None
    return rss


def budget_for(models: int, rss: int, file_bytes: int) -> str:
    """A ``memory_budget_gb`` line that holds ``models`` loaded processes and no more.

    A resident model counts as its measured RSS and a loading one as its estimate, so
    ``models`` resident (models x rss) fit, and loading one more (+ the estimate) does
    not; half an estimate of slack either way covers RSS moving a few MB.
    """
    return f"memory_budget_gb = {(models * rss + footprint(file_bytes) // 2) / GIB:.6f}\n"


@pytest.fixture
def trio(make_runtime: Callable[..., object], smollm2_path: Path,
         smollm2_rss: int) -> Callable[[int | None], object]:
    """A runtime with models a, b, c (all the real SmolLM2); the budget holds ``fits``."""

    def make(fits: int | None):  # noqa: ANN202
        head = "" if fits is None else budget_for(fits, smollm2_rss, smollm2_path.stat().st_size)
        runtime = make_runtime(aliases("a", "b", "c"), head=head)
        link(runtime, smollm2_path, "a", "b", "c")
        return runtime

    return make


def first_delta(events: Iterator[object]) -> None:
    """Advance a reply until its first text, leaving the generator (and its lock) suspended."""
    for event in events:
        if isinstance(event, TextDelta):
            return
    raise AssertionError("the reply produced no text")


# --------------------------------------------------------------------------- GPU defaults


@pytest.mark.parametrize("offload, expected", [(True, -1), (False, 0)])
def test_n_gpu_layers_default_follows_offload_support(
    monkeypatch: pytest.MonkeyPatch, offload: bool, expected: int
) -> None:
    """Mocked: this machine has no GPU, so llama.cpp's offload answer is forced both ways."""
    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: offload)
    assert effective_load_params({})["n_gpu_layers"] == expected


def test_configured_gpu_layers_kept_with_offload_dropped_without(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Mocked offload support (no GPU here); an explicit value wins only when it can work."""
    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: True)
    assert effective_load_params({"n_gpu_layers": 20})["n_gpu_layers"] == 20
    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: False)
    with caplog.at_level(logging.INFO, logger="tui_chat.core.backends.llama"):
        assert effective_load_params({"n_gpu_layers": 20})["n_gpu_layers"] == 0
    assert "n_gpu_layers=20 ignored" in caplog.text


def test_config_load_keys_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: False)
    given = {"flash_attn": True, "n_ctx": 1024, "n_batch": 64, "n_threads": 3, "use_mmap": False}
    params = effective_load_params(given)
    assert {k: params[k] for k in given} == given
    assert params["n_threads_batch"] == 3  # follows an explicit n_threads


def test_thread_default_leaves_one_cpu_free(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llama_mod, "gpu_offload_supported", lambda: False)
    params = effective_load_params({})
    assert params["n_threads"] == params["n_threads_batch"] == default_threads()
    monkeypatch.setattr(llama_mod, "usable_cpus", lambda: 2)
    assert default_threads() == 1
    monkeypatch.setattr(llama_mod, "usable_cpus", lambda: 1)
    assert default_threads() == 1
    monkeypatch.setattr(llama_mod, "usable_cpus", lambda: 16)
    assert default_threads() == 15


def test_one_info_line_says_what_llama_cpp_applied(
    smollm2_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    backend = LlamaBackend("smollm2", smollm2_path,
                           {"n_ctx": 512, "n_batch": 64, "n_threads": 1, "use_mmap": False,
                            "flash_attn": True})
    with caplog.at_level(logging.INFO, logger="tui_chat.core.backends.llama"):
        backend.load()
    try:
        lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("loaded ")]
        assert len(lines) == 1
        for part in ("n_ctx=512", "n_batch=64", "n_threads=1", "n_threads_batch=1",
                     "n_gpu_layers=0", "flash_attn=True", "use_mmap=False"):
            assert part in lines[0]
        assert backend.info()["applied"]["n_ctx"] == 512
    finally:
        backend.close()


# --------------------------------------------------------------------------- the budget


def test_default_budget_from_free_vram_when_offloading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mocked memory figures: no GPU here, and the real numbers vary."""
    monkeypatch.setattr(sysinfo, "available_memory_bytes", lambda: 10 * GIB)
    monkeypatch.setattr(sysinfo, "free_vram_bytes", lambda: 20 * GIB)
    assert estimate_budget(offload=True) == (18 * GIB, "90% of 20.0 GiB free VRAM")
    assert estimate_budget(offload=False) == (8 * GIB, "80% of 10.0 GiB free RAM")
    monkeypatch.setattr(sysinfo, "free_vram_bytes", lambda: None)
    assert estimate_budget(offload=True)[0] == 8 * GIB
    monkeypatch.setattr(sysinfo, "available_memory_bytes", lambda: None)
    assert estimate_budget(offload=False) == (sysinfo.FALLBACK_BUDGET, "free memory unknown")


def test_free_vram_read_from_nvidia_smi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in nvidia-smi on PATH (no GPU here) answering the real query format."""
    fake = tmp_path / "nvidia-smi"
    fake.write_text('#!/bin/sh\ncase "$*" in *memory.free*) printf "1024\\n2048\\n";; esac\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert sysinfo.free_vram_bytes() == 3 * GIB
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert sysinfo.free_vram_bytes() is None


def test_budget_from_config_or_estimated_and_logged(
    make_runtime: Callable[..., object], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="tui_chat.core.pool"):
        assert make_runtime(head="memory_budget_gb = 0.15\n").pool.budget_bytes == int(0.15 * GIB)
        estimated = make_runtime().pool.budget_bytes
    free = sysinfo.available_memory_bytes()
    assert free is not None and 0 < estimated <= free
    assert "memory budget 0.15 GiB (memory_budget_gb)" in caplog.text
    assert "free RAM" in caplog.text  # no GPU offload in this build


# --------------------------------------------------------------------------- LRU unloading


def test_tiny_budget_unloads_the_least_recently_used(trio) -> None:  # noqa: ANN001
    """Must show 4: two names for one small GGUF and a budget that fits only one."""
    runtime = trio(ONE_FITS)
    pool, catalog = runtime.pool, runtime.catalog
    pool.load("a")
    assert pool.loaded_names() == ["a"] and catalog.state("a").status == "loaded"
    pool.load("b")
    assert pool.loaded_names() == ["b"]
    assert catalog.state("a").status == "downloaded"  # back to its disk state
    assert catalog.state("a") == catalog.disk_status(catalog.spec("a"))
    assert catalog.state("b").status == "loaded"
    assert pool.used_bytes() <= pool.budget_bytes


def test_a_loaded_model_counts_its_measured_rss_not_its_file_size(
    make_runtime: Callable[..., object], smollm2_path: Path
) -> None:
    """While it loads the pool reserves file x 1.15; once loaded, the process's VmRSS."""
    file_bytes = smollm2_path.stat().st_size
    estimate = footprint(file_bytes)
    while_loading: list[int] = []
    pools: list[object] = []

    def factory(spec, path):  # noqa: ANN001, ANN202 - called after the room is reserved
        while_loading.append(pools[0].used_bytes())
        return default_backend_factory(spec, path)

    runtime = make_runtime(backend=factory)
    pool = runtime.pool
    pools.append(pool)
    pool.load("smollm2")
    backend = pool.backend("smollm2")
    assert isinstance(backend, ProcessLlamaBackend) and backend.pid is not None
    rss = process_rss_bytes(backend.pid)
    assert rss is not None
    used = pool.used_bytes()
    assert while_loading == [estimate]
    assert abs(used - rss) < 4_000_000, (used, rss)  # the same reading, a moment apart
    # SmolLM2 holds about 100 MB more than its file (heap, KV cache, libraries).
    assert used > file_bytes + 50_000_000 and abs(used - estimate) > 50_000_000, (used, estimate)
    assert pool.info()["smollm2"]["footprint_bytes"] == pytest.approx(rss, abs=4_000_000)
    (memory,) = [cells[3] for key, cells in runtime.diagnostics.model_rows() if key == "smollm2"]
    assert memory.endswith(" MB RSS") and abs(float(memory.split()[0]) * 1e6 - rss) < 4e6, memory


def test_lru_not_fifo(trio) -> None:  # noqa: ANN001
    """Using a model again makes it recent: the other one goes when a third arrives."""
    runtime = trio(TWO_FIT)
    pool = runtime.pool
    pool.load("a")
    pool.load("b")
    pool.load("a")  # a is now the most recently used
    pool.load("c")
    assert pool.loaded_names() == ["a", "c"]


def test_sidebar_sees_loading_then_loaded_with_time(trio) -> None:  # noqa: ANN001
    runtime = trio(ONE_FITS)
    seen: list[tuple[str, str, str]] = []
    runtime.catalog.subscribe(lambda s: seen.append((s.name, s.status, s.detail)))
    runtime.pool.load("a")
    runtime.pool.load("b")
    statuses = [(name, status) for name, status, _ in seen]
    assert statuses == [("a", "loading"), ("a", "loaded"), ("a", "downloaded"),
                        ("b", "loading"), ("b", "loaded")]
    assert seen[1][2].startswith("loaded in ") and seen[1][2].endswith("s")


def test_busy_model_is_not_unloaded(trio, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    runtime = trio(ONE_FITS)
    pool, service = runtime.pool, runtime.service
    reply = service.reply(ChatRequest(PROMPT, model="a", params=GEN))
    first_delta(reply)  # a is generating and holds its lock
    assert pool.is_busy("a")
    with caplog.at_level(logging.WARNING, logger="tui_chat.core.pool"):
        pool.load("b")
    assert pool.loaded_names() == ["a", "b"]  # over budget rather than pull a from under a reply
    assert "every other resident model is busy" in caplog.text
    assert pool.unload("a") is False
    finished = [e for e in reply if isinstance(e, Finished)]
    assert finished and finished[0].model == "a" and finished[0].state == "complete"
    pool.load("c")  # now a and b are idle: both go to make room
    assert pool.loaded_names() == ["c"]


def test_one_generation_at_a_time_per_model(trio) -> None:  # noqa: ANN001
    """A second reply on a busy model yields Waiting and only answers after the first ends."""
    runtime = trio(None)
    service = runtime.service
    first = service.reply(ChatRequest(PROMPT, model="a", params=GEN))
    first_delta(first)
    stamped: queue.Queue[tuple[float, object]] = queue.Queue()

    def second() -> None:
        for event in service.reply(ChatRequest(PROMPT, model="a", params=GEN)):
            stamped.put((time.perf_counter(), event))

    thread = threading.Thread(target=second, daemon=True)
    thread.start()
    seen: list[tuple[float, object]] = []
    while not seen or not isinstance(seen[-1][1], Waiting):
        seen.append(stamped.get(timeout=60))
    assert seen[-1][1] == Waiting("a")
    first_last_text = 0.0
    for event in first:  # drain the first reply; its lock is released at the end
        if isinstance(event, TextDelta):
            first_last_text = time.perf_counter()
    thread.join(timeout=60)
    assert not thread.is_alive()
    while not stamped.empty():
        seen.append(stamped.get())
    answering = [t for t, e in seen if isinstance(e, Answering)]
    assert len(answering) == 1 and answering[0] > first_last_text
    assert isinstance(seen[-1][1], Finished) and seen[-1][1].text.strip()


def test_cancel_while_waiting_for_a_busy_model_stops_at_once(trio) -> None:  # noqa: ANN001
    """Esc on a reply queued behind another: it ends ``stopped`` within the lease's poll."""
    runtime = trio(None)
    service = runtime.service
    first = service.reply(ChatRequest(PROMPT, model="a", params=GEN))
    first_delta(first)  # a is busy
    session = service.new_session(PROMPT, "a")
    cancel = threading.Event()
    events = service.send(session.id, PROMPT, cancel, params=GEN)
    seen: list[object] = []
    for event in events:
        seen.append(event)
        if isinstance(event, Waiting):
            break
    assert seen[-1] == Waiting("a") and runtime.pool.is_busy("a")
    pressed: list[float] = []

    def press_escape() -> None:
        pressed.append(time.perf_counter())
        cancel.set()

    threading.Timer(0.2, press_escape).start()
    rest = list(events)  # blocks in the lease's wait until the cancel
    assert time.perf_counter() - pressed[0] < 0.25  # the lease polls every 50 ms
    done = rest[-1]
    assert isinstance(done, Finished) and done.state == MessageState.STOPPED
    assert done.model == "a" and done.text == "" and not done.fallbacks
    assert not [e for e in rest if isinstance(e, Answering)]
    assert [m.role for m in service.messages(session.id)] == ["user", "assistant"]
    assert service.messages(session.id)[-1].state == MessageState.STOPPED
    list(first)  # the first reply is untouched: it finishes normally
    assert not runtime.pool.is_busy("a")


def test_two_models_generate_at_the_same_time(trio) -> None:  # noqa: ANN001
    """Different models have different locks: their chunks interleave in time."""
    runtime = trio(None)
    service = runtime.service
    runtime.pool.load("a")
    runtime.pool.load("b")
    start = threading.Barrier(2)
    stamps: dict[str, list[float]] = {}
    params = {**GEN, "max_tokens": 32}

    def run(name: str) -> None:
        events = service.reply(ChatRequest(PROMPT, model=name, params=params))
        start.wait(timeout=30)
        stamps[name] = [time.perf_counter() for e in events if isinstance(e, TextDelta)]

    threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    a, b = stamps["a"], stamps["b"]
    assert len(a) >= 5 and len(b) >= 5
    overlap = sum(a[0] < t < a[-1] for t in b) + sum(b[0] < t < b[-1] for t in a)
    assert overlap >= 2, (a, b)


# --------------------------------------------------------------------------- failure memory


@pytest.fixture
def counting(make_runtime: Callable[..., object]):  # noqa: ANN201
    """A runtime with model ``bad``, its pool counting real backend builds per model."""
    built: list[str] = []

    def factory(spec, path):  # noqa: ANN001, ANN202 - counts, then builds the real backend
        built.append(spec.name)
        return default_backend_factory(spec, path)

    runtime = make_runtime(aliases("bad"), backend=factory)
    return runtime, built


def test_corrupt_file_stays_out_until_it_changes(
    counting, smollm2_path: Path  # noqa: ANN001
) -> None:
    runtime, built = counting
    pool, catalog = runtime.pool, runtime.catalog
    bad = runtime.config.models_dir / "bad.gguf"
    bad.write_bytes(b"GGUF" + os.urandom(4096))
    with pytest.raises(ModelUnavailable) as first:
        pool.load("bad")
    assert first.value.reason == "load_error"
    state = catalog.state("bad")
    assert state.status == "error" and "could not be loaded" in state.detail
    assert catalog.state("bad").status == "error"  # still kept out of picks

    started = time.perf_counter()
    with pytest.raises(ModelUnavailable) as again:
        pool.load("bad")
    assert again.value is first.value and built == ["bad"]  # no second attempt
    assert time.perf_counter() - started < 0.5  # no llama.cpp call: a stat and a lookup

    later = bad.stat().st_mtime_ns + 1_000_000_000
    os.utime(bad, ns=(later, later))  # touched: tried again (and fails again)
    with pytest.raises(ModelUnavailable):
        pool.load("bad")
    assert built == ["bad", "bad"]

    bad.unlink()
    bad.symlink_to(smollm2_path)  # replaced by a good file: it loads
    pool.load("bad")
    assert built == ["bad", "bad", "bad"] and catalog.state("bad").status == "loaded"


def test_concurrent_loads_of_one_model_build_it_once(
    counting, smollm2_path: Path  # noqa: ANN001
) -> None:
    """The sidebar's load key and a reply may ask for the same model at the same moment."""
    runtime, built = counting
    (runtime.config.models_dir / "bad.gguf").symlink_to(smollm2_path)
    start = threading.Barrier(3)
    got: list[object] = []

    def load() -> None:
        start.wait(timeout=30)
        got.append(runtime.pool.load("bad"))

    threads = [threading.Thread(target=load, daemon=True) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert built == ["bad"] and len(got) == 3 and got[0] is got[1] is got[2]


def test_missing_file_is_missing_not_error(counting) -> None:  # noqa: ANN001
    runtime, built = counting
    with pytest.raises(ModelUnavailable) as info:
        runtime.pool.load("bad")
    assert info.value.reason == "missing"
    assert "`tui-chat download bad`" in str(info.value)
    assert runtime.catalog.state("bad").status == "missing" and built == []
