"""Local models run in a child process: real llama.cpp on the real SmolLM2 GGUF.

The child's crashes are made real with SIGKILL (what the OOM killer or a llama.cpp
abort does to it); nothing is mocked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import NO_EOG, NO_EOG_BIAS
from tests.e2e.streams import cancel_after
from tui_chat.core import chat
from tui_chat.core.backends.process import ProcessLlamaBackend
from tui_chat.core.backends.llama import LlamaBackend
from tui_chat.core.errors import BackendError, ModelUnavailable
from tui_chat.core.events import Fallback, Finished, TextDelta

PROMPT = [{"role": "user", "content": "Write three short sentences about the sea."}]
PARAMS = {"max_tokens": 40, "seed": 4321, "temperature": 0.9, "logit_bias": NO_EOG_BIAS}
"""No end of generation: the reply has text and the length the test needs on any CPU."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) counts as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def child(smollm2_path: Path):
    backend = ProcessLlamaBackend("smollm2", smollm2_path, {"n_ctx": 2048})
    backend.load()
    yield backend
    backend.close()


def test_the_model_lives_in_another_process_and_replies_as_in_process(
    child: ProcessLlamaBackend, smollm2_path: Path
) -> None:
    pid = child.pid
    assert pid is not None and pid != os.getpid()
    maps = Path(f"/proc/{pid}/maps").read_text()
    assert "libllama" in maps  # llama.cpp is loaded in the child
    assert child.context_size() == 2048
    assert child.info()["process"] == pid

    chunks = list(child.stream(PROMPT, PARAMS))
    assert chunks[-1].finish_reason in ("stop", "length")
    assert chunks[-1].prompt_tokens and chunks[-1].prompt_tokens > 10
    assert [c.index for c in chunks[:-1]] == list(range(len(chunks) - 1))
    child_text = "".join(c.text for c in chunks)

    local = LlamaBackend("smollm2", smollm2_path, {"n_ctx": 2048})
    local.load()
    try:
        local_text = "".join(c.text for c in local.stream(PROMPT, PARAMS))
        assert child.count_tokens("hello world") == local.count_tokens("hello world")
        assert child.count_prompt(PROMPT) == local.count_prompt(PROMPT)
    finally:
        local.close()
    assert child_text.strip() and child_text == local_text  # same seed, same tokens


def test_cancel_stops_within_one_chunk(child: ProcessLlamaBackend) -> None:
    seen, after_cancel, final = cancel_after(child, PROMPT, {"max_tokens": 200, "seed": 1,
                                                            "logit_bias": NO_EOG_BIAS}, 3)
    assert final is not None and final.finish_reason == "cancelled"
    # Chunks already in the pipe when the cancel went out are dropped, not shown.
    assert after_cancel == 0 and seen == 3
    # The channel is clean afterwards: the next exchange gets its own reply.
    assert child.count_tokens("hello world") in (2, 3)


def test_a_stream_left_half_read_does_not_confuse_the_next_one(child: ProcessLlamaBackend) -> None:
    stream = child.stream(PROMPT, {"max_tokens": 200, "seed": 2, "logit_bias": NO_EOG_BIAS})
    next(stream)
    next(stream)
    stream.close()  # the caller walked away mid-reply
    again = list(child.stream(PROMPT, PARAMS))
    assert again[-1].finish_reason in ("stop", "length")
    assert "".join(c.text for c in again).strip()


def test_a_killed_process_is_one_sentence_and_the_next_reply_starts_a_new_one(
    child: ProcessLlamaBackend,
) -> None:
    first_pid = child.pid
    assert first_pid is not None
    stream = child.stream(PROMPT, {"max_tokens": 200, "seed": 3, "logit_bias": NO_EOG_BIAS})
    next(stream)
    os.kill(first_pid, signal.SIGKILL)
    with pytest.raises(BackendError) as caught:
        for _ in stream:
            pass
    message = str(caught.value)
    assert "process stopped" in message and "killed by signal 9" in message
    assert "\n" not in message and "Traceback" not in message
    assert not child.loaded

    chunks = list(child.stream(PROMPT, PARAMS))  # loads again in a new process
    assert child.pid not in (None, first_pid)
    assert "".join(c.text for c in chunks).strip()


def _children(parent: int) -> set[int]:
    """Every child process of ``parent`` (listed per thread in /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{parent}/task").iterdir():
        try:
            found.update(int(pid) for pid in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _kill_while_loading(load: Callable[[], object], sig: int) -> BaseException | None:
    """Run ``load`` in a thread and send ``sig`` to the model process it starts."""
    errors: list[BaseException] = []
    before = _children(os.getpid())

    def run() -> None:
        try:
            load()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    new: set[int] = set()
    while not new and time.monotonic() < deadline:
        new = _children(os.getpid()) - before
        time.sleep(0.001)
    assert len(new) == 1, "the model process did not start"
    os.kill(new.pop(), sig)  # while it imports llama.cpp, before the model is loaded
    thread.join(30)
    return errors[0] if errors else None


@pytest.mark.parametrize(("sig", "words", "reason"), [
    (signal.SIGKILL, "was killed while loading (out of memory?)", "process_failed"),
    (signal.SIGSEGV, "crashed while loading SmolLM2", "load_error"),
])
def test_a_model_process_dying_while_loading_says_why(
    make_runtime, sig: int, words: str, reason: str
) -> None:
    runtime = make_runtime()
    error = _kill_while_loading(lambda: runtime.pool.load("smollm2"), sig)
    assert isinstance(error, ModelUnavailable), error
    message = str(error)
    assert words in message and "\n" not in message and error.reason == reason
    if reason == "load_error":  # the file is blamed: remembered until it changes
        assert "tui-chat download smollm2" in message
        assert runtime.pool.load_failure("smollm2") is not None
        assert runtime.catalog.state("smollm2").status == "error"
    else:  # memory or start-up: nothing wrong with the file, the next pick tries again
        assert runtime.pool.load_failure("smollm2") is None
        backend = runtime.pool.load("smollm2")
        assert backend.loaded and "".join(c.text for c in backend.stream(PROMPT, PARAMS))


def test_close_ends_the_process(smollm2_path: Path) -> None:
    backend = ProcessLlamaBackend("smollm2", smollm2_path, {"n_ctx": 512})
    backend.load()
    pid = backend.pid
    assert pid is not None and _alive(pid)
    backend.close()
    assert _wait_gone(pid, 5)
    assert backend.pid is None and not backend.loaded


def test_the_process_exits_when_the_app_dies_without_closing(smollm2_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from tui_chat.core.backends.process import ProcessLlamaBackend\n"
        f"b = ProcessLlamaBackend('smollm2', Path({str(smollm2_path)!r}), {{'n_ctx': 512}})\n"
        "b.load()\n"
        "print(b.pid, flush=True)\n"
        "os._exit(0)  # no close(): as if the app were killed\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    pid = int(result.stdout.strip())
    assert _wait_gone(pid, 10), "the model process outlived the app"


def test_a_killed_model_process_mid_reply_falls_back_with_one_sentence(make_runtime) -> None:
    runtime = make_runtime(generate=f"temperature = 0.7\nmax_tokens = 200\nseed = 5\n{NO_EOG}")
    runtime.pool.load("smollm2")
    backend = runtime.pool.backend("smollm2")
    assert isinstance(backend, ProcessLlamaBackend) and backend.pid is not None
    events = []
    killed = False
    for event in runtime.service.reply(chat.ChatRequest(text="Tell me about the sea.",
                                                       model="smollm2")):
        events.append(event)
        if isinstance(event, TextDelta) and not killed:
            os.kill(backend.pid, signal.SIGKILL)
            killed = True
    fallbacks = [e for e in events if isinstance(e, Fallback)]
    assert fallbacks and fallbacks[0].trigger == "backend_error"
    assert "process stopped" in fallbacks[0].message and "\n" not in fallbacks[0].message
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert any("process stopped" in record.message for record in finished.fallbacks)


def test_the_app_process_never_imports_llama_cpp(write_config, data_dir: Path) -> None:
    """Load smollm2 and get a reply through the runtime: llama.cpp stays in the child."""
    config = write_config(generate=f"max_tokens = 48\n{NO_EOG}")  # a reply on any CPU
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui_chat.core import chat, events\n"
        "from tui_chat.core.runtime import Runtime\n"
        f"rt = Runtime.open(config_path=Path({str(config)!r}), "
        f"data_dir=Path({str(data_dir)!r}))\n"
        "text = ''.join(e.text for e in rt.service.reply(chat.ChatRequest("
        "text='Say hello.', model='smollm2')) if isinstance(e, events.TextDelta))\n"
        "loaded = rt.pool.loaded_names()\n"
        "rt.close()\n"
        "print(repr(text.strip()[:20]), loaded, 'llama_cpp' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    words = result.stdout.strip()
    assert words.endswith("['smollm2'] False"), words
    assert not words.startswith("''")  # a real reply came back


def test_gpu_support_is_read_from_the_package_files(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in llama_cpp package (files only): the check must not import it."""
    from tui_chat.core import sysinfo

    package = tmp_path / "llama_cpp"
    (package / "lib").mkdir(parents=True)
    (package / "__init__.py").write_text("raise RuntimeError('imported')\n")
    (package / "lib" / "libggml-cpu.so").write_bytes(b"")
    monkeypatch.delitem(sys.modules, "llama_cpp", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert sysinfo.gpu_offload_supported() is False
    (package / "lib" / "libggml-cuda.so").write_bytes(b"")
    assert sysinfo.gpu_offload_supported() is True
