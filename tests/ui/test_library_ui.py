"""The model library in the sidebar: GGUF files found on disk, with their header facts."""

from __future__ import annotations

import os
from pathlib import Path

from tests.ggufs import write_gguf
from tests.ui.helpers import wait_until
from tests.unit.test_library import hf_cache_file
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.sidebar import ModelList


def row_text(models: ModelList, name: str) -> str:
    return str(models.get_option(name).prompt)


async def test_found_models_appear_with_their_header_facts(make_runtime) -> None:
    runtime = make_runtime(head='model_dirs = ["extra"]\n')
    folder = runtime.config.path.parent
    write_gguf(folder / "extra" / "Qwen-Tiny-Q8_0.gguf", arch="qwen2", context=32768)
    hf_cache_file(Path(os.environ["HF_HOME"]), "acme/Tiny-GGUF", "tiny-q4.gguf", arch="llama",
                  context=2048, template=None, file_type=3)
    (runtime.config.models_dir / "broken.gguf").write_bytes(b"")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await wait_until(pilot, lambda: models.option_count == 5 and models.header_line("tiny-q4"),
                         what="the found models and their headers")
        assert models.status_of("broken") == "error"
        assert "empty (0 bytes)" in row_text(models, "broken")
        await pilot.press("ctrl+o")  # focus the model list
        for name, facts in (("Qwen-Tiny-Q8_0", ("qwen2", "Q8_0", "ctx 32,768")),
                            ("tiny-q4", ("llama", "Q4_1", "ctx 2,048")),
                            ("smollm2", ("llama", "Q4_1", "ctx 8,192"))):
            models.highlighted = models.get_option_index(name)
            await pilot.pause()
            text = row_text(models, name)
            assert all(fact in text for fact in facts), text
        assert "ctx" not in row_text(models, "Qwen-Tiny-Q8_0")  # only the highlighted row
        await pilot.press("enter")  # choose a found model: usable at once
        assert app.chat.model_choice == "smollm2"
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("Qwen-Tiny-Q8_0")
        await pilot.press("enter")
        assert app.chat.model_choice == "Qwen-Tiny-Q8_0"


async def test_keep_a_found_model_writes_it_to_the_config_with_its_role(make_runtime) -> None:
    from tui_chat.core.runtime import Runtime
    from tui_chat.ui.screens.hub import NameModelScreen

    runtime = make_runtime(head='model_dirs = ["extra"]\n')
    folder = runtime.config.path.parent
    gguf = write_gguf(folder / "extra" / "Coder-Q8_0.gguf", arch="qwen2")
    before = runtime.config.path.read_text(encoding="utf-8")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await wait_until(pilot, lambda: models.header_line("Coder-Q8_0"), what="the found model")
        assert "Coder-Q8_0" not in before
        await pilot.press("ctrl+o")
        models.highlighted = models.get_option_index("Coder-Q8_0")
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, NameModelScreen), what="the dialog")
        await pilot.press(*["backspace"] * 20, *"coder", "tab", *["backspace"] * 8, *"code",
                          "enter")
        await wait_until(pilot, lambda: "coder" in [o.id for o in models.options], what="kept")
        assert "Coder-Q8_0" not in [o.id for o in models.options]
        assert app.runtime.catalog.spec("coder").role == "code"
    text = runtime.config.path.read_text(encoding="utf-8")
    assert text.startswith(before.rstrip("\n"))  # the old text, comments and all, is kept
    assert 'name = "coder"' in text and 'role = "code"' in text and f'path = "{gguf}"' in text
    again = Runtime.open(config_path=runtime.config.path, data_dir=runtime.data_dir)
    try:
        assert again.catalog.spec("coder").path == gguf and again.models.discover() == []
    finally:
        again.close()
