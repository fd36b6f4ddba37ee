"""Fixtures for the unit tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


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
