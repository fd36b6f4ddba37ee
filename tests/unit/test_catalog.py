"""Disk status: missing, downloaded, verified, and error for files that cannot be GGUF."""

from __future__ import annotations

import pytest

from tui_chat.core.errors import ModelUnavailable
from tui_chat.core.runtime import Runtime

ENTRY = """
[[models]]
name = "m"
role = "chat"
repo = "org/m"
file = "m.gguf"
"""


@pytest.mark.parametrize(("content", "status", "words"), [
    (None, "missing", "m is not downloaded; run `tui-chat download m`."),
    (b"", "error", "is empty (0 bytes)"),
    (b"<html>502 Bad Gateway</html>", "error", "is not a GGUF file"),
    (b"GGUF\x03\x00\x00\x00", "downloaded", ""),
])
def test_disk_status(make_runtime, content: bytes | None, status: str, words: str) -> None:
    runtime: Runtime = make_runtime(body=ENTRY)
    if content is not None:
        (runtime.config.models_dir / "m.gguf").write_bytes(content)
    state = runtime.catalog.state("m")
    assert state.status == status
    assert words in state.detail
    if status == "error":
        assert "tui-chat download m" in state.detail and "\n" not in state.detail
        with pytest.raises(ModelUnavailable, match="download it again"):
            runtime.pool.load("m")  # an error state means the model cannot be asked
