"""File logging: tracebacks go to the log in the data dir, never to the screen."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "tui-chat.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, including those opened after a rollover, is 0600."""

    def _open(self):  # noqa: ANN202 - matches the stdlib signature
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only (0700)."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to ``data_dir/tui-chat.log`` (0600) and return its path.

    Calling it again with the same folder is a no-op.
    """
    ensure_private_dir(data_dir)
    log_path = data_dir / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_path:
            return log_path
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    os.chmod(log_path, 0o600)
    handler = PrivateRotatingFileHandler(
        log_path, maxBytes=5_000_000, backupCount=2, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "urllib3", "filelock", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return log_path
