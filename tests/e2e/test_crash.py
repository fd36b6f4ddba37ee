"""A bug inside the app: one sentence on the terminal, the traceback in the log, nothing lost.

The real app on a real pty, the real SmolLM2 replying. The bug is injected (there is
none to trigger on purpose): a ``sitecustomize`` module on the child's ``PYTHONPATH``
makes the help screen's ``compose`` raise, so pressing F1 mid-reply hits an exception
that no handler expects, the way a real bug would.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import NO_EOG
from tests.e2e.ptyapp import PtyApp

LONG = f"max_tokens = 1500\ntemperature = 0.8\n{NO_EOG}"
PROMPT = "Count from 1 to 400, one number per line.\r"
F1 = "\x1bOP"

FAULT = '''
import tui_chat.ui.screens.help as help_screen


def broken_compose(self):
    raise RuntimeError("injected fault for the crash test")
    yield


help_screen.HelpScreen.compose = broken_compose
'''


def newest_reply(db: Path) -> tuple[str, str] | None:
    """(state, content) of the newest assistant message, if it holds text."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT state, content FROM messages WHERE role='assistant' "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row if row and row[1] else None


@pytest.mark.timeout(180)
def test_a_bug_mid_reply_stops_the_app_with_one_sentence(
    write_config, data_dir: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    fault = tmp_path / "fault"
    fault.mkdir()
    (fault / "sitecustomize.py").write_text(FAULT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(fault), *filter(None, [os.environ.get("PYTHONPATH")])]))
    db = data_dir / "history.sqlite3"
    config = write_config(generate=LONG)
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir)], env=env) as app:
        app.wait_ready()
        app.type(PROMPT)
        app.wait_for(lambda: (r := newest_reply(db)) and len(r[1]) > 20, 60,
                     "a checkpointed partial reply")
        app.type(F1)
        code = app.close(timeout=30)
    screen = app.text().decode("utf-8", "replace")
    assert code == 1
    assert "Traceback" not in screen and "injected fault" not in screen
    tail = " ".join(screen.split())  # the sentence as printed, wrapped at 120 columns
    assert "tui-chat stopped on an unexpected error (RuntimeError); your chats are saved" in tail
    assert "tui-chat.log" in tail
    logged = (data_dir / "tui-chat.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "injected fault for the crash test" in logged
    state, content = newest_reply(db)  # the reply so far is in the history
    assert len(content) > 20 and state in ("stopped", "interrupted")  # closed, not lost
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT content FROM messages WHERE role='user'").fetchone()[0] \
        == PROMPT.strip()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
