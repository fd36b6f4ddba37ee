"""A remote OpenAI-compatible engine end to end: `ask`, `models --remote` and the TUI.

The engine is the real `python -m llama_cpp.server` on 127.0.0.1 serving SmolLM2.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import NO_EOG
from tests.servers import free_port, llama_server
from tests.ui.helpers import wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.sidebar import ModelList

REMOTE = """
[[models]]
name = "team"
display_name = "Team SmolLM2 (llama-server)"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "smollm2"
"""


@pytest.fixture(scope="module")
def server(smollm2_path: Path) -> Iterator[object]:
    with llama_server(smollm2_path, extra_args=["--interrupt_requests", "False",
                                                "--n_threads", "1"]) as running:
        yield running


def cli(config: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui_chat", "--config", str(config),
                           "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120)


def test_ask_streams_through_the_remote_engine(write_config, data_dir: Path, server) -> None:
    config = write_config(REMOTE.format(url=server.base_url))
    result = cli(config, data_dir, "ask", "--model", "team", "--max-tokens", "32", "Say hello.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "team" in result.stderr and "Traceback" not in result.stderr
    listing = cli(config, data_dir, "models", "--remote")
    assert listing.returncode == 0
    line = next(l for l in listing.stdout.splitlines() if l.startswith("team"))
    assert "reachable" in line


def test_unreachable_remote_falls_back_with_one_line(write_config, data_dir: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    config = write_config(REMOTE.format(url=url),
                          head='[router]\n[router.prefer]\nchat = ["team"]\n')
    result = cli(config, data_dir, "ask", "--model", "auto", "--max-tokens", "16", "hello there")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    fallback = [l for l in result.stderr.splitlines() if "fallback" in l]
    assert len(fallback) == 1 and "team" in fallback[0] and "smollm2" in fallback[0]
    assert "Traceback" not in result.stderr


async def test_tui_streams_from_the_remote_engine(make_runtime, server) -> None:
    app = TuiChatApp(make_runtime(body=REMOTE.format(url=server.base_url),
                                  generate=f"max_tokens = 32\n{NO_EOG}"))  # text on any CPU
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await wait_until(pilot, lambda: "reachable" in str(models.get_option("team").prompt),
                         what="the reachability check")
        assert "remote" in str(models.get_option("team").prompt)
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("team")
        await pilot.press("enter")
        assert app.chat.sub_title == "model: team"
        await pilot.press(*"hello", "enter")
        await wait_until(pilot, lambda: not app.chat.streaming, what="the remote reply")
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.state == "complete" and reply.text.strip()
        assert reply.meta.startswith("team")
        metrics = app.runtime.diagnostics.request_records(last=1)[0]
        assert metrics["model"] == "team" and metrics["completion_tokens"] > 0


async def test_tui_marks_an_unreachable_remote(make_runtime) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    app = TuiChatApp(make_runtime(body=REMOTE.format(url=url)))
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await wait_until(pilot, lambda: models.status_of("team") == "error",
                         what="the unreachable mark")
        assert "error" in str(models.get_option("team").prompt)
