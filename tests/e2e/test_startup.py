"""Start-up failures of the real TUI on a real pty: one sentence, never a traceback.

Where the app cannot run (a bad config, a locked or unopenable history, an unusable
data dir, a broken install) it prints one line and exits non-zero before drawing.
Where it can (a damaged history file, a models folder that is not there yet) it
starts and says so. And when the terminal's input ends without a hang-up signal, it
saves the reply in progress and exits instead of spinning.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import NO_EOG
from tests.e2e.ptyapp import PtyApp

PROMPT = "Count from 1 to 400, one number per line.\r"


def run_to_exit(args: list[str], timeout: float = 60, **kwargs: object) -> tuple[int, str]:
    """Start the app on a pty and wait for it to exit by itself: (exit code, screen text)."""
    with PtyApp(args, **kwargs) as app:  # type: ignore[arg-type]
        code = app.close(timeout=timeout)
        return code, app.text().decode("utf-8", "replace")


def one_clean_line(code: int, text: str, *words: str) -> None:
    """Non-zero, no traceback, and the sentence names what it is about."""
    assert code != 0, text
    assert "Traceback" not in text, text
    lines = [line for line in text.replace("\r", "").splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("tui-chat: ")
    for word in words:
        assert word in lines[0], lines[0]


def test_a_bad_config_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('default_model = "auto"\n[generate]\ntemperature = "hot"\n')
    code, text = run_to_exit(["--config", str(config), "--data-dir", str(data_dir)])
    one_clean_line(code, text, "config.toml", "temperature")


def test_an_unusable_data_dir_is_one_line(write_config: Callable[..., Path],
                                          tmp_path: Path) -> None:
    # The tests run as root, for whom permissions do not stop a write: a data dir
    # below a plain file is one no user can create.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    code, text = run_to_exit(["--config", str(write_config()), "--data-dir",
                              str(blocker / "data")])
    one_clean_line(code, text, "data dir", "--data-dir")


def test_a_history_that_cannot_be_opened_is_one_line(write_config: Callable[..., Path],
                                                     data_dir: Path) -> None:
    # Unreadable, as root can't be made by permissions: a folder where the file goes.
    (data_dir / "history.sqlite3").mkdir(parents=True)
    code, text = run_to_exit(["--config", str(write_config()), "--data-dir", str(data_dir)])
    one_clean_line(code, text, "history")


@pytest.mark.timeout(120)
def test_a_locked_history_is_one_line(write_config: Callable[..., Path], data_dir: Path) -> None:
    config = write_config()
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir)]) as first:
        first.wait_ready()  # the history exists, in WAL mode
        first.type("\x11")  # ctrl+q
        assert first.close() == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "conn.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
         "conn.execute('BEGIN EXCLUSIVE')\n"
         "conn.execute('CREATE TABLE IF NOT EXISTS held (x)')\n"
         "print('held', flush=True)\n"
         "time.sleep(120)\n", str(data_dir / "history.sqlite3")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, text = run_to_exit(["--config", str(config), "--data-dir", str(data_dir)])
    finally:
        holder.kill()
        holder.wait()
    one_clean_line(code, text, "locked")


def test_a_broken_install_without_styles_is_one_line(write_config: Callable[..., Path],
                                                     data_dir: Path, tmp_path: Path) -> None:
    # A copy of the package with no styles next to it, imported first (PYTHONPATH).
    import tui_chat

    copy = tmp_path / "site"
    shutil.copytree(Path(tui_chat.__file__).parent, copy / "tui_chat",
                    ignore=shutil.ignore_patterns("__pycache__", "styles"))
    env = {**__import__("os").environ, "PYTHONPATH": str(copy)}
    code, text = run_to_exit(["--config", str(write_config()), "--data-dir", str(data_dir)],
                             env=env, cwd=tmp_path)
    one_clean_line(code, text, "app.tcss", "reinstall")


@pytest.mark.timeout(120)
def test_a_damaged_history_starts_and_offers_a_fresh_one(write_config: Callable[..., Path],
                                                        data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    history = data_dir / "history.sqlite3"
    history.write_bytes(b"garbage\n")
    with PtyApp(["--config", str(write_config()), "--data-dir", str(data_dir)]) as app:
        app.wait_for(lambda: b"damaged" in app.text(), 60, "the damaged-history sentence")
        assert b"move it aside" in app.text()
        app.type("y")
        app.wait_for(lambda: b"Quit" in app.text() and b"fresh one" in app.text(), 60,
                     "the chat on a fresh history")
        app.type("hello\r")
        app.wait_for(lambda: history.exists() and _messages(history) >= 1, 60,
                     "the prompt saved in the fresh history")
        app.type("\x11")  # ctrl+q
        code = app.close()
        text = app.text()
    assert code == 0
    assert b"Traceback" not in text
    kept = list(data_dir.glob("history.sqlite3.damaged-*"))
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [
        b"garbage\n"]  # the old file is kept, untouched


def test_a_damaged_history_left_as_it_is_exits_non_zero(write_config: Callable[..., Path],
                                                        data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "history.sqlite3").write_bytes(b"garbage\n")
    with PtyApp(["--config", str(write_config()), "--data-dir", str(data_dir)]) as app:
        app.wait_for(lambda: b"damaged" in app.text(), 60, "the damaged-history sentence")
        app.type("n")
        code = app.close()
        text = app.text()
    assert code == 1
    assert b"Traceback" not in text and b"left " in text
    assert (data_dir / "history.sqlite3").read_bytes() == b"garbage\n"


def test_a_missing_models_folder_still_starts(write_config: Callable[..., Path],
                                             data_dir: Path) -> None:
    config = write_config()
    shutil.rmtree(config.parent / "models")
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir)]) as app:
        app.wait_ready()
        app.type("\x0f")  # ctrl+o: the model list, where the embedded model is usable
        app.wait_for(lambda: b"smollm2" in app.text(), 30, "the model list")
        app.type("\x11")
        code = app.close()
        text = app.text()
    assert code == 0 and b"Traceback" not in text


EXIT_BUDGET_S = 2.0
"""How long the app may take to exit once its input has ended."""


def exit_after(app: PtyApp, end: Callable[[], None]) -> tuple[float, float, int]:
    """Call ``end``; (seconds until the app exited, CPU seconds it used meanwhile, code).

    The CPU is the app's own (not its model process's), sampled from /proc every 20 ms
    until the process is gone: the last sample is at most 20 ms before the exit.
    """
    before, started = app.cpu_seconds(), time.monotonic()
    end()
    used = 0.0
    while app.proc.poll() is None and time.monotonic() - started < 10:
        try:
            used = app.cpu_seconds() - before
        except (OSError, IndexError, ValueError):  # gone between poll() and the read
            break
        time.sleep(0.02)
    code = app.close(timeout=10)
    return time.monotonic() - started, used, code


@pytest.mark.timeout(180)
def test_input_at_eof_mid_reply_saves_it_and_exits(write_config: Callable[..., Path],
                                                   data_dir: Path) -> None:
    config = write_config(generate=f"max_tokens = 1500\ntemperature = 0.8\n{NO_EOG}")
    db = data_dir / "history.sqlite3"
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir)],
                stdin_pipe=True) as app:
        app.wait_ready()
        app.type(PROMPT)
        app.wait_for(lambda: (r := _reply(db)) is not None and len(r[1]) > 20, 60,
                     "a checkpointed partial reply")
        # The input ends; the pty (the screen) stays open, so no SIGHUP comes.
        took, used, code = exit_after(app, app.close_stdin)
        text = app.text()
    print(f"\nEOF mid-reply: exit in {took:.2f} s, {used:.3f} CPU s meanwhile")
    assert code == 128 + signal.SIGHUP
    assert took < EXIT_BUDGET_S, f"took {took:.2f} s to exit"
    reply = _reply(db)
    assert reply is not None and reply[0] == "interrupted" and len(reply[1]) > 20
    assert b"Traceback" not in text


@pytest.mark.timeout(120)
def test_input_at_eof_does_not_spin(write_config: Callable[..., Path],
                                    data_dir: Path) -> None:
    """From EOF to exit the app uses what a SIGHUP exit uses, plus under 10% of a core.

    Shutting down has a cost of its own (Textual's teardown, closing the model and the
    history): a SIGHUP exit of the same app on the same machine, measured here,
    is the reference.
    """
    args = ["--config", str(write_config()), "--data-dir", str(data_dir)]
    with PtyApp(args) as reference:
        reference.wait_ready()
        _, hup_cpu, hup_code = exit_after(reference, lambda: reference.signal(signal.SIGHUP))
    with PtyApp(args, stdin_pipe=True) as app:
        app.wait_ready()
        took, used, code = exit_after(app, app.close_stdin)
        text = app.text()
    print(f"\nEOF while idle: exit in {took:.2f} s, {used:.3f} CPU s; a SIGHUP exit used "
          f"{hup_cpu:.3f} CPU s")
    assert hup_code == code == 128 + signal.SIGHUP
    assert took < EXIT_BUDGET_S
    assert used <= hup_cpu * 1.5 + 0.10 * took, "it spun on the closed input"
    assert b"Traceback" not in text


def _reply(db: Path) -> tuple[str, str] | None:
    """(state, content) of the newest assistant message, once it holds text."""
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT state, content FROM messages WHERE role='assistant' "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row if row and row[1] else None


def _messages(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()
