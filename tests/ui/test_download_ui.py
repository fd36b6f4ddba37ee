"""Downloading from the sidebar: progress in the row, then verified, then usable at once.

The Hub is the loopback FakeHub (tests/fakehub.py) serving the real SmolLM2 GGUF bytes,
with the real huggingface_hub client pointed at it; the reply afterwards is real
llama.cpp inference on the downloaded file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tests.ui.helpers import wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.sidebar import ModelList

REPO, FILE = "test/smol-copy", "smol-copy.gguf"
ENTRY = f"""
[[models]]
name = "smol-copy"
role = "chat"
repo = "{REPO}"
file = "{FILE}"
[models.load]
n_ctx = 1024
"""


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, smollm2_path: Path) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=None)
        fake.add_file(REPO, FILE, smollm2_path.read_bytes())
        yield fake


def row_text(models: ModelList, name: str) -> str:
    return str(models.get_option(name).prompt)


async def test_download_from_sidebar_shows_progress_then_chats(make_runtime, hub: FakeHub) -> None:
    app = TuiChatApp(make_runtime(body=ENTRY))
    gate = hub.pause_after(REPO, FILE, 20_000_000)
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await pilot.pause()
        assert models.status_of("smol-copy") == "missing"
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("smol-copy")
        await pilot.press("d")
        await wait_until(pilot, lambda: "█" in row_text(models, "smol-copy"), timeout=30,
                         what="a progress bar in the row")
        assert models.status_of("smol-copy") == "downloading"
        assert "%" in row_text(models, "smol-copy")
        gate.set()
        await wait_until(pilot, lambda: models.status_of("smol-copy") == "verified", timeout=60,
                         what="verified")
        assert "verified" in row_text(models, "smol-copy")
        path = app.runtime.config.models_dir / FILE
        assert path.read_bytes() == smollm2_bytes(app)
        await pilot.press("enter")  # choose it, no restart
        assert app.chat.model_choice == "smol-copy"
        await pilot.press(*"hi", "enter")
        await wait_until(pilot, lambda: not app.chat.streaming, what="a reply from the download")
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.state == "complete" and reply.meta.startswith("smol-copy")
        assert reply.text.strip()


async def test_cancel_a_download_from_sidebar(make_runtime, hub: FakeHub) -> None:
    app = TuiChatApp(make_runtime(body=ENTRY))
    gate = hub.pause_after(REPO, FILE, 8_000_000)
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("smol-copy")
        await pilot.press("d")
        await wait_until(pilot, lambda: models.status_of("smol-copy") == "downloading",
                         what="downloading")
        await pilot.press("x")
        gate.set()
        await wait_until(pilot, lambda: not models.downloading, timeout=30, what="the cancel")
        await wait_until(pilot, lambda: models.status_of("smol-copy") == "missing", what="missing")
        assert not (app.runtime.config.models_dir / FILE).exists()


def smollm2_bytes(app: TuiChatApp) -> bytes:
    path = app.runtime.catalog.path(app.runtime.catalog.spec("smollm2"))
    assert path is not None
    return path.read_bytes()
