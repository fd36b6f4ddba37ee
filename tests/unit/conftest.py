"""Fixtures for the unit tests."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_chat.core.store import Store


@pytest.fixture(autouse=True)
def _close_log_handlers() -> Iterator[None]:
    """CLI runs in-process add a file handler for their temp data dir; drop it afterwards."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where a test's history file goes (not created)."""
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """A store on a fresh history file, closed after the test."""
    s = Store(db)
    yield s
    s.close()


def raw(db: Path) -> sqlite3.Connection:
    """A second, plain connection for looking under the hood."""
    return sqlite3.connect(db, isolation_level=None)
