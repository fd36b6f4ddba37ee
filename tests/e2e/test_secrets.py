"""API keys: from the environment only, sent to the server, written nowhere; private files.

A remote model reads its key from ``$TEAM_LLM_KEY`` (``api_key_env``). The loopback
BadServer (tests/servers.py) records every request's headers, so the test first proves
the key really went out as ``Authorization: Bearer ...``; its 401 answer echoes the
Authorization header back, as careless servers do. Then every command that could write
the key somewhere runs for real (``ask``, ``sessions show/export``, ``stats``,
``doctor``, ``models --remote``, the 401 case) and every byte they printed, and every
file under the data dir (log, SQLite database and its -wal kept alive by an open reader,
exports), is searched for the key.

Config never stores a key: ``api_key = "..."`` is an unknown key. The data dir is 0700
and its files 0600 after a real run under the usual umask 022.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import NO_EOG, env_without_tui_chat
from tests.servers import BadServer
from tui_chat.core.config import parse_config
from tui_chat.core.errors import ConfigError
from tui_chat.core.logs import LOG_NAME, setup_logging

KEY_ENV = "TEAM_LLM_KEY"
KEY = "tcsk-7f3d9a1c5e2b48d6-SECRET-team-key"
LONG_KEY = "eyJhbGciOiJSUzI1NiJ9." + "tcsk7f3d9a1c5e2bSECRET" * 9  # JWT-sized: 219 chars
REMOTE = """
[[models]]
name = "team"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "scripted"
api_key_env = "TEAM_LLM_KEY"
"""
UMASK = 0o022


@pytest.fixture
def server() -> Iterator[BadServer]:
    with BadServer() as bad:
        bad.configure("ok", models=["scripted"])
        yield bad


class Cli:
    """Runs ``python -m tui_chat`` on one config and data dir; keeps everything printed."""

    def __init__(self, config: Path, data_dir: Path, key: str | None) -> None:
        self.base = [sys.executable, "-m", "tui_chat", "--config", str(config),
                     "--data-dir", str(data_dir)]
        self.env = env_without_tui_chat()
        self.env.pop(KEY_ENV, None)
        if key is not None:
            self.env[KEY_ENV] = key
        self.printed: list[tuple[str, bytes]] = []
        """(what ran and which stream, the bytes) for every command run."""

    def __call__(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[bytes]:
        result = subprocess.run([*self.base, *args], capture_output=True, timeout=120,
                                env=self.env, umask=UMASK)
        what = " ".join(args)
        self.printed += [(f"{what}: stdout", result.stdout), (f"{what}: stderr", result.stderr)]
        assert b"Traceback" not in result.stderr, result.stderr
        if ok:
            assert result.returncode == 0, result.stderr
        return result


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def leaks(secret: str, cli: Cli, folder: Path) -> list[str]:
    """Where ``secret`` (or its first 16 characters) was printed or written."""
    needles = {secret.encode(), secret[:16].encode()}
    found = [where for where, out in cli.printed if any(n in out for n in needles)]
    found += [str(p) for p in files_under(folder) if any(n in p.read_bytes() for n in needles)]
    return found


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- the key


def test_api_key_is_sent_but_never_logged_exported_or_shown(
    write_config: Callable[..., Path], data_dir: Path, server: BadServer, tmp_path: Path
) -> None:
    config = write_config(REMOTE.format(url=server.base_url),
                          generate=f"temperature = 0.7\nmax_tokens = 16\n{NO_EOG}")
    cli = Cli(config, data_dir, KEY)
    db = data_dir / "history.sqlite3"

    result = cli("ask", "--model", "team", "hello")
    assert result.stdout.strip() == b"Hello, world"
    sent = [r.headers.get("Authorization") for r in server.requests]
    assert sent and set(sent) == {f"Bearer {KEY}"}  # GET /models and POST both carried it
    assert {r.method for r in server.requests} == {"GET", "POST"}

    reader = sqlite3.connect(db)  # an open reader keeps the -wal file for the grep
    try:
        reader.execute("SELECT COUNT(*) FROM messages").fetchone()
        exports = data_dir / "exports"
        exports.mkdir()
        cli("sessions", "list")
        cli("sessions", "show", "1")
        for fmt in ("md", "json"):
            cli("sessions", "export", "1", "--format", fmt)
            cli("sessions", "export", "1", "--format", fmt, "-o", str(exports / f"s1.{fmt}"))
        cli("stats", "--json")
        cli("stats")
        cli("models", "--remote")
        cli("models", "--json")
        assert cli("doctor", ok=False).returncode in (0, 1)
        cli("doctor", "--json", ok=False)

        # The server now refuses the key and echoes it back in its error body.
        server.configure("status", status=401, models=["scripted"])
        refused = cli("ask", "--model", "team", "hello again")  # smollm2 answers instead
        assert b"HTTP 401 (Invalid API key Bearer ***); check the API key in $TEAM_LLM_KEY" \
            in refused.stderr, refused.stderr
        assert refused.stdout.strip()
        remote = cli("models", "--remote")
        assert b"HTTP 401" in remote.stdout
        cli("doctor", ok=False)
        cli("doctor", "--json", ok=False)
        cli("stats", "--json")
        for fmt in ("md", "json"):
            cli("sessions", "export", "2", "--format", fmt, "-o", str(exports / f"s2.{fmt}"))
        assert all(r.headers.get("Authorization") == f"Bearer {KEY}" for r in server.requests)

        # The key was missing: one line, no request sent.
        server.configure("ok", models=["scripted"])
        cli.env.pop(KEY_ENV)
        missing = cli("models", "--remote")
        assert b"$TEAM_LLM_KEY for team is empty or not set" in missing.stdout
        assert not server.requests

        written = {p.name for p in files_under(data_dir)}
        assert {LOG_NAME, "history.sqlite3", "history.sqlite3-wal"} <= written, written
        assert {"s1.md", "s1.json", "s2.md", "s2.json"} <= written
        # The 401 text (with the echo redacted) really reached the log and the database.
        assert b"Bearer ***" in (data_dir / LOG_NAME).read_bytes()
        assert b"Bearer ***" in db.read_bytes() + (data_dir / "history.sqlite3-wal").read_bytes()
        assert leaks(KEY, cli, data_dir) == []
    finally:
        reader.close()


def test_a_long_echoed_key_is_not_shown_either(
    write_config: Callable[..., Path], data_dir: Path, server: BadServer
) -> None:
    config = write_config(REMOTE.format(url=server.base_url))
    cli = Cli(config, data_dir, LONG_KEY)
    server.configure("status", status=401)
    cli("models", "--remote")
    cli("doctor", ok=False)
    assert server.requests[0].headers.get("Authorization") == f"Bearer {LONG_KEY}"
    assert leaks(LONG_KEY, cli, data_dir) == []


# --------------------------------------------------------------------------- config


@pytest.mark.parametrize("where", ["model", "top level"])
def test_config_has_no_place_for_a_key(where: str, write_config: Callable[..., Path],
                                       data_dir: Path) -> None:
    line = f'api_key = "{KEY}"\n'
    config = (write_config(line) if where == "model" else write_config(head=line))
    with pytest.raises(ConfigError, match=r"api_key is not a known key"):
        parse_config(config.read_text(encoding="utf-8"), config)
    cli = Cli(config, data_dir, None)
    result = cli("models", ok=False)
    assert result.returncode == 1
    assert result.stderr.count(b"\n") == 1 and b"api_key is not a known key" in result.stderr
    assert KEY.encode() not in result.stderr + result.stdout  # the value is not echoed


def test_a_remote_table_has_no_place_for_a_key_either(write_config: Callable[..., Path]) -> None:
    config = write_config(f'\n[remote]\napi_key = "{KEY}"\n')
    with pytest.raises(ConfigError, match="remote is not a known key"):
        parse_config(config.read_text(encoding="utf-8"), config)


# --------------------------------------------------------------------------- file modes


def test_data_dir_is_0700_and_its_files_0600_under_umask_022(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "fresh" / "data"  # does not exist yet
    config = write_config(generate=f"temperature = 0.7\nmax_tokens = 8\n{NO_EOG}")
    cli = Cli(config, data_dir, None)
    cli("ask", "--model", "smollm2", "hi")
    out = tmp_path / "export.md"
    cli("sessions", "export", "1", "-o", str(out))

    assert mode(data_dir) == 0o700
    files = files_under(data_dir)
    assert {LOG_NAME, "history.sqlite3"} <= {p.name for p in files}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert mode(out) == 0o600


def test_an_existing_open_data_dir_is_made_private(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    cli = Cli(write_config(), data_dir, None)
    cli("sessions", "list")
    assert mode(data_dir) == 0o700
    assert mode(data_dir / LOG_NAME) == 0o600 and mode(data_dir / "history.sqlite3") == 0o600


def test_a_rotated_log_file_stays_private(tmp_path: Path) -> None:
    old = os.umask(UMASK)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        path = setup_logging(tmp_path / "data")
        handler = next(h for h in root.handlers if h not in before)
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        logging.getLogger("tui_chat.test").warning("before the rollover")
        handler.doRollover()
        logging.getLogger("tui_chat.test").warning("after the rollover")
        assert mode(path) == 0o600
        assert mode(path.with_name(LOG_NAME + ".1")) == 0o600
    finally:
        os.umask(old)
        root.setLevel(level)
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
