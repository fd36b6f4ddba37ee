"""Saving config.toml: one key without losing comments, or a whole table; atomically.

The new text is checked by the same validator that loads the file, so tui-chat never
writes a config it would refuse to start with; a failed write leaves the old file.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from tui_chat.core.config import Config, parse_config
from tui_chat.core.errors import ConfigError


def set_top_level_value(path: Path, key: str, value: str) -> None:
    """Set ``key = "value"`` at the top of ``path``, keeping comments and layout.

    The new text is validated before it is written, then written atomically; on any
    failure the old file is untouched and ConfigError says why.
    """
    import tomli_w

    text = path.read_text(encoding="utf-8")
    line = tomli_w.dumps({key: value}).strip()
    first_table = re.search(r"^\s*\[", text, flags=re.MULTILINE)
    head_end = first_table.start() if first_table else len(text)
    head, rest = text[:head_end], text[head_end:]
    pattern = re.compile(rf"^{re.escape(key)}\s*=.*$", flags=re.MULTILINE)
    if pattern.search(head):
        head = pattern.sub(lambda _m: line, head, count=1)
    else:  # after the opening comment block
        lines = head.splitlines(keepends=True)
        at = next((i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")),
                  len(lines))
        head = "".join(lines[:at]) + line + "\n" + "".join(lines[at:])
    _write_atomically(path, head + rest)


def with_model_entry(path: Path, entry: dict[str, Any]) -> tuple[str, Config]:
    """The config text with one more ``[[models]]`` table at its end, and what it parses to.

    Everything already in the file (comments, layout) is kept as it is. Raises
    ConfigError naming the key when the entry is not valid (a taken name, a bad role).
    """
    import tomli_w

    text = path.read_text(encoding="utf-8")
    block = tomli_w.dumps({"models": [entry]})
    new = text.rstrip("\n") + "\n\n" + block
    return new, parse_config(new, path)


def append_model_entry(path: Path, entry: dict[str, Any]) -> Config:
    """Add a ``[[models]]`` table to ``path`` (comments kept), atomically; returns the new config."""
    text, config = with_model_entry(path, entry)
    _write_atomically(path, text)
    return config


def _write_atomically(path: Path, text: str) -> None:
    """Validate ``text`` as a config, then replace ``path`` with it (temp file + rename)."""
    parse_config(text, path)  # never write something we would refuse to load
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise ConfigError(
            f"Could not save {path} ({exc.strerror or exc}); the old file is unchanged."
        ) from exc
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)


def save_config_data(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` as TOML to ``path`` atomically (temp file, fsync, rename).

    Comments are not kept; prefer :func:`set_top_level_value` for one key. On failure
    the old file is untouched and ConfigError says why.
    """
    import tomli_w

    _write_atomically(path, tomli_w.dumps(data))
