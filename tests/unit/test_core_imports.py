"""The core never imports textual or rich (STYLE.md rule 1)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import tui_chat.core

SCRIPT = """
import importlib, pkgutil, sys, tui_chat.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "tui_chat.core.")]
for name in names:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(len(names), ",".join(bad))
"""


def test_core_modules_do_not_load_textual_or_rich() -> None:
    expected = [m.name for m in pkgutil.walk_packages(tui_chat.core.__path__, "tui_chat.core.")]
    assert "tui_chat.core.chat" in expected and "tui_chat.core.backends.llama" in expected
    assert "tui_chat.core.store.schema" in expected and "tui_chat.core.diagnostics" in expected
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    count, bad = result.stdout.strip().split(" ", 1) if " " in result.stdout.strip() else (result.stdout.strip(), "")
    assert int(count) == len(expected)
    assert bad == "", f"core loaded: {bad}"
