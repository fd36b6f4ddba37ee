"""Saving settings from the running app writes config.toml atomically, or says why not."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import record_notifications
from tests.unit.test_config import read_only
from tui_chat.core.config import load_config
from tui_chat.ui.app import TuiChatApp


async def run_palette_command(pilot, name: str) -> None:  # noqa: ANN001
    await pilot.press("ctrl+p")
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_save_default_model_keeps_comments(make_runtime) -> None:
    app = TuiChatApp(make_runtime())
    path: Path = app.runtime.config.path
    path.write_text("# keep me\n" + path.read_text())
    told = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.chat.choose_model("smollm2")
        await run_palette_command(pilot, "Save current model as default")
        assert load_config(path).default_model == "smollm2"
        assert path.read_text().startswith("# keep me")
        assert any("Saved default_model" in n for n in told)


async def test_save_failure_keeps_the_old_file_and_says_so(make_runtime) -> None:
    app = TuiChatApp(make_runtime())
    path: Path = app.runtime.config.path
    before = path.read_text()
    told = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.chat.choose_model("smollm2")
        with read_only(path.parent):
            await run_palette_command(pilot, "Save current model as default")
        assert any("old file is unchanged" in m for m in told), told
        assert path.read_text() == before
        assert app.is_running  # still up, still usable
