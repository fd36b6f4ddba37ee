"""Disk full while a reply streams: the app says so, the text stays on screen, no partial rows.

The data dir lives on a tiny tmpfs that the test fills up mid-stream, so SQLite gets a
real ENOSPC (SQLITE_FULL) from the kernel.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import NO_EOG
from tests.ui.helpers import no_reply_streaming, record_notifications, shown_reply, wait_until
from tui_chat.core.runtime import Runtime
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog

LONG = f"max_tokens = 400\ntemperature = 0.8\nseed = 3\n{NO_EOG}"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs; needs root (CI and this machine run as root)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Write until the file system says no space is left."""
    with open(folder / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            pass


async def test_disk_full_mid_stream_keeps_text_on_screen(write_config, tiny_disk: Path) -> None:
    runtime = Runtime.open(config_path=write_config(generate=LONG), data_dir=tiny_disk / "data")
    app = TuiChatApp(runtime)
    told = record_notifications(app)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*"Tell me about the sea.", "enter")
            await wait_until(pilot, lambda: shown_reply(app), what="streaming")
            fill(tiny_disk)
            await wait_until(pilot, lambda: any("disk is full" in n.lower() for n in told),
                             what="the history-not-saved notice")
            await wait_until(pilot, no_reply_streaming(app), what="the reply to end")
            reply = app.query_one(ChatLog).messages[-1]
            assert reply.state == "complete"
            stored = runtime.service.messages(app.chat.session_id)
            # The whole reply is on screen, longer than what reached the history.
            assert len(reply.text) > len(stored[-1].content)
            assert app.is_running
            (tiny_disk / "filler").unlink()
            assert stored[0].role == "user"
            # Whatever was saved is a clean prefix of the reply: no half-written rows.
            assert reply.text.startswith(stored[-1].content)
    finally:
        runtime.close()
    conn = sqlite3.connect(tiny_disk / "data" / "history.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
