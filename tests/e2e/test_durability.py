"""Nothing is lost: kill -9 and SIGHUP mid-stream, with the real app on a real pty."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import NO_EOG
from tests.e2e.ptyapp import PtyApp
from tui_chat.core.store import Store

LONG = f"max_tokens = 1500\ntemperature = 0.8\n{NO_EOG}"  # no end of generation: long
PROMPT = "Count from 1 to 400, one number per line.\r"


def partial_reply(db: Path) -> tuple[str, str] | None:
    """(state, content) of the newest assistant message once it holds checkpointed text."""
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute(
            "SELECT state, content FROM messages WHERE role='assistant' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row if row and row[1] else None


def start(write_config, data_dir: Path) -> PtyApp:  # noqa: ANN001
    config = write_config(generate=LONG)
    app = PtyApp(["--config", str(config), "--data-dir", str(data_dir)])
    try:
        app.wait_ready()
    except BaseException:
        app.kill()
        raise
    return app


@pytest.mark.timeout(180)
def test_kill_9_mid_stream_keeps_user_message_and_partial_reply(write_config, data_dir: Path) -> None:
    db = data_dir / "history.sqlite3"
    with start(write_config, data_dir) as app:
        app.type(PROMPT)
        app.wait_for(lambda: (r := partial_reply(db)) and r[0] == "streaming" and len(r[1]) > 20,
                     60, "a checkpointed partial reply")
        app.kill()
    state, content = partial_reply(db)
    assert state == "streaming"  # as the crash left it
    store = Store(db)  # the next start recovers it
    try:
        assert store.recovered == 1
        session = store.sessions()[0]
        messages = store.messages(session.id)
        assert [m.role for m in messages] == ["user", "assistant"]
        assert messages[0].content == PROMPT.strip()
        assert messages[1].state == "interrupted"
        assert messages[1].content.startswith(content[:20])
    finally:
        store.close()
    asyncio.run(shows_interrupted_on_next_start(write_config, data_dir, content[:20]))


async def shows_interrupted_on_next_start(write_config, data_dir: Path, start_text: str) -> None:  # noqa: ANN001
    """The next start lists the session and shows the partial reply marked interrupted."""
    from tui_chat.core.runtime import Runtime
    from tui_chat.ui.app import TuiChatApp
    from tui_chat.ui.widgets.chat_log import ChatLog
    from tui_chat.ui.widgets.sessions import SessionList

    runtime = Runtime.open(config_path=write_config(generate=LONG), data_dir=data_dir)
    try:
        app = TuiChatApp(runtime)
        async with app.run_test(size=(120, 40)) as pilot:
            sessions = app.query_one(SessionList)
            assert len(sessions.sessions) == 1
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()
            views = app.query_one(ChatLog).messages
            assert [v.role for v in views] == ["user", "assistant"]
            assert views[1].state == "interrupted" and views[1].text.startswith(start_text)
            assert "interrupted" in views[1].query_one(".meta").render().plain
    finally:
        runtime.close()


@pytest.mark.timeout(180)
def test_sighup_mid_stream_saves_partial_as_interrupted(write_config, data_dir: Path) -> None:
    db = data_dir / "history.sqlite3"
    with start(write_config, data_dir) as app:
        app.type(PROMPT)
        app.wait_for(lambda: (r := partial_reply(db)) and r[0] == "streaming" and len(r[1]) > 20,
                     60, "a partial reply")
        app.signal(signal.SIGHUP)
        code = app.close()
    assert code == 128 + signal.SIGHUP
    state, content = partial_reply(db)
    assert state == "interrupted"
    assert len(content) > 20
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert b"Traceback" not in app.text()
