"""Adding a model from the Hub, the whole flow, by keyboard.

The loopback FakeHub serves a copy of the real SmolLM2 GGUF as ``acme/Tiny-GGUF``; the
real huggingface_hub client searches it, lists its files and downloads the file; the
reply afterwards is real llama.cpp inference on the downloaded copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, route_client_to
from tests.ui.helpers import record_notifications, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.hub import HubScreen, NameModelScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.sidebar import ModelList

REPO, FILE = "acme/Tiny-GGUF", "Tiny-Q4_1.gguf"


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, smollm2_path: Path) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        route_client_to(fake, monkeypatch, hf_home=tmp_path / "hf-home", token=None)
        fake.describe_repo(REPO, downloads=4321, likes=12)
        fake.describe_repo("acme/TinyStories-GGUF", downloads=50)
        fake.describe_repo("other/Huge-GGUF", downloads=99_999)
        fake.add_file(REPO, FILE, smollm2_path.read_bytes())
        fake.add_file(REPO, "README.md", b"# Tiny")
        yield fake


def hub_rows(app: TuiChatApp) -> list[str]:
    from textual.widgets import OptionList

    options = app.screen.query_one("#hub-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_search_pick_name_download_and_chat_with_a_hub_model(make_runtime,
                                                                  hub: FakeHub) -> None:
    runtime = make_runtime(head="memory_budget_gb = 2\n")
    config_path = runtime.config.path
    app = TuiChatApp(runtime)
    gate = hub.pause_after(REPO, FILE, 20_000_000)
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        models = app.query_one(ModelList)
        await pilot.press("ctrl+o", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, HubScreen), what="the Hub screen")
        await pilot.press(*"tiny", "enter")
        await wait_until(pilot, lambda: len(hub_rows(app)) == 2, what="search results")
        rows = hub_rows(app)
        assert rows[0].startswith(REPO) and "↓ 4.3k" in rows[0] and "♥ 12" in rows[0]
        assert rows[1].startswith("acme/TinyStories-GGUF")
        await pilot.press("enter")  # list the repo's files
        await wait_until(pilot, lambda: app.screen.repo == REPO, what="the file list")
        (row,) = hub_rows(app)
        assert row.startswith("✔ fits") and "Q4_1" in row and "98.4 MB" in row and FILE in row
        await pilot.press("enter")  # pick it
        await wait_until(pilot, lambda: isinstance(app.screen, NameModelScreen),
                         what="the name dialog")
        await pilot.press(*["backspace"] * 40, *"tiny-copy", "enter")
        await wait_until(pilot, lambda: "tiny-copy" in [o.id for o in models.options],
                         what="the new row")
        await wait_until(pilot, lambda: "█" in str(models.get_option("tiny-copy").prompt),
                         timeout=30, what="a progress bar in the row")
        assert models.status_of("tiny-copy") == "downloading"
        gate.set()
        await wait_until(pilot, lambda: models.status_of("tiny-copy") == "verified", timeout=60,
                         what="verified")
        text = config_path.read_text(encoding="utf-8")
        assert 'name = "tiny-copy"' in text and f'repo = "{REPO}"' in text
        assert f'file = "{FILE}"' in text
        assert text.startswith('models_dir = "models"')  # the rest of the file is kept
        assert any("saved to" in line for line in told)
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("tiny-copy")
        await wait_until(pilot, lambda: "ctx 8,192" in str(models.get_option("tiny-copy").prompt),
                         what="the header line of the new model")
        await pilot.press("enter")  # choose it: no restart
        assert app.chat.model_choice == "tiny-copy"
        await pilot.press(*"hi", "enter")
        await wait_until(pilot, lambda: not app.chat.streaming, what="a reply from the copy")
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.state == "complete" and reply.meta.startswith("tiny-copy")
        assert reply.text.strip()
    path = runtime.config.models_dir / FILE
    assert path.stat().st_size == hub.bytes_served(FILE)


async def test_gated_repo_tells_how_to_log_in(make_runtime, hub: FakeHub) -> None:
    hub.describe_repo("acme/Tiny-Gated-GGUF", downloads=10)
    hub.fail("acme/Tiny-Gated-GGUF", 401, error_code="GatedRepo", route="tree")
    app = TuiChatApp(make_runtime())
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        await pilot.press("ctrl+o", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, HubScreen), what="the Hub screen")
        await pilot.press(*"gated", "enter")
        await wait_until(pilot, lambda: len(hub_rows(app)) == 1, what="search results")
        await pilot.press("enter")
        await wait_until(pilot, lambda: told, what="the failure")
        assert "HF_TOKEN" in told[-1] and "hf auth login" in told[-1] and "401" in told[-1]


async def test_palette_opens_the_hub_screen(make_runtime, hub: FakeHub) -> None:
    app = TuiChatApp(make_runtime())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Add a model")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HubScreen), what="the Hub screen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, HubScreen), what="closed")
