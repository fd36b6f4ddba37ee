"""Deleting a model's file from the sidebar: a confirmation naming the size, unload first."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui.helpers import record_notifications, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.dialogs import ConfirmScreen
from tui_chat.ui.widgets.sidebar import ModelList

ENTRY = """
[[models]]
name = "smol-copy"
role = "chat"
repo = "test/smol-copy"
file = "smol-copy.gguf"
[models.load]
n_ctx = 512
"""


async def test_delete_a_loaded_model_unloads_it_and_names_the_size(
    make_runtime, smollm2_path: Path
) -> None:
    runtime = make_runtime(body=ENTRY)
    path = runtime.config.models_dir / "smol-copy.gguf"
    shutil.copyfile(smollm2_path, path)
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        models = app.query_one(ModelList)
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("smol-copy")
        await pilot.press("l")
        await wait_until(pilot, lambda: models.status_of("smol-copy") == "loaded", timeout=60,
                         what="loaded")
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        question = app.screen.question
        assert "smol-copy" in question and "frees 98.4 MB" in question
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert path.is_file() and models.status_of("smol-copy") == "loaded"
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: models.status_of("smol-copy") == "missing",
                         what="missing")
        assert not path.exists()
        assert "smol-copy" not in runtime.pool.loaded_names()
        assert any("Deleted smol-copy: freed 98.4 MB." in line for line in told)
        models.highlighted = models.get_option_index("smollm2")
        await pilot.press("delete")  # the embedded model has no file of its own
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert "no file of its own" in told[-1]
