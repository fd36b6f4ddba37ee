"""A non-editable install carries the styles, the default config and the router's data, and
starts the app."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SMOKE = """
import asyncio, sys, tempfile
import tui_chat
assert tui_chat.__file__.startswith(sys.argv[1]), tui_chat.__file__
from tui_chat.core.runtime import Runtime
from tui_chat.core.paths import styles_path
from tui_chat.ui.app import TuiChatApp
for name in ("app.tcss", "diagnostics.tcss"):
    assert str(styles_path(name)).startswith(sys.argv[1]), styles_path(name)
from importlib import resources
from tui_chat.core.router_model import examples_digest, load_shipped
from tui_chat.core.similarity import shipped_examples
assert str(resources.files("tui_chat.data")).startswith(sys.argv[1])
model, digest = load_shipped()
assert digest == examples_digest(shipped_examples()) and len(shipped_examples()) >= 600
async def main():
    runtime = Runtime.open(None, tempfile.mkdtemp())  # no config file: the built-in default
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("started", app.chat.sub_title, len(app.query("ModelList")))
asyncio.run(main())
"""


@pytest.mark.timeout(300)
def test_wheel_ships_styles_config_and_router_data_and_starts(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True, timeout=240)
    wheel = next(wheels.glob("tui_chat-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui_chat/styles/app.tcss" in names and "tui_chat/styles/diagnostics.tcss" in names
    assert "tui_chat/default_config.toml" in names
    assert "tui_chat/data/router_examples.jsonl" in names  # the router's example prompts
    assert "tui_chat/data/router_weights.npz" in names  # and the classifier trained on them
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=120)
    result = subprocess.run([sys.executable, "-c", SMOKE, str(target)], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin",
                                 "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d"),
                                 "XDG_CONFIG_HOME": str(tmp_path / "c")})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "started model: auto 1" in result.stdout
