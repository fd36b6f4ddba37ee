"""The assembled core: config, data dir, logging, catalog, pool, store and chat service.

One Runtime serves a CLI command or the whole TUI. Heavy parts (llama.cpp, SQLite)
open lazily on first use.
"""

from __future__ import annotations

import logging
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui_chat.core.catalog import Catalog
from tui_chat.core.config import Config, load_config, resolve_data_dir
from tui_chat.core.errors import TuiChatError
from tui_chat.core.logs import ensure_private_dir, setup_logging

if TYPE_CHECKING:
    from tui_chat.core.chat import ChatService
    from tui_chat.core.pool import BackendFactory, ModelPool
    from tui_chat.core.store import Store

log = logging.getLogger(__name__)
DB_NAME = "history.sqlite3"


class Runtime:
    """Everything a command or the app needs, built once."""

    def __init__(self, config: Config, data_dir: Path, log_path: Path,
                 backend_factory: BackendFactory | None = None) -> None:
        self.config = config
        """The validated configuration."""
        self.data_dir = data_dir
        """Folder for history, logs and state (0700)."""
        self.log_path = log_path
        """The log file (0600)."""
        self.catalog = Catalog(config)
        """Models, paths and live status."""
        self.backend_factory = backend_factory
        """Builds a model's backend; None: the default (llama.cpp process or HTTP)."""

    @classmethod
    def open(cls, config_path: str | os.PathLike[str] | None = None,
             data_dir: str | os.PathLike[str] | None = None,
             backend_factory: BackendFactory | None = None) -> Runtime:
        """Load config and prepare the data dir; raises TuiChatError with one sentence.

        ``backend_factory`` replaces how backends are built (tests and benchmarks that
        need a scripted stand-in); by default local models run in a llama.cpp process.
        """
        config = load_config(config_path)
        folder = resolve_data_dir(data_dir)
        try:
            ensure_private_dir(folder)
            log_path = setup_logging(folder)
        except OSError as exc:
            raise TuiChatError(
                f"Cannot use data dir {folder} ({exc.strerror or exc}); "
                "pass a writable --data-dir or set TUI_CHAT_DATA_DIR."
            ) from exc
        log.info("config=%s data_dir=%s models_dir=%s", config.path, folder, config.models_dir)
        return cls(config, folder, log_path, backend_factory)

    @cached_property
    def pool(self) -> ModelPool:
        """Loaded backends, one per model, loaded lazily."""
        from tui_chat.core.pool import ModelPool, default_backend_factory

        return ModelPool(self.config, self.catalog,
                         self.backend_factory or default_backend_factory)

    @cached_property
    def store(self) -> Store:
        """The SQLite history in the data dir."""
        from tui_chat.core.store import Store

        return Store(self.data_dir / DB_NAME)

    @cached_property
    def service(self) -> ChatService:
        """The chat flow: route, acquire, stream, fall back, record."""
        from tui_chat.core.chat import ChatService

        return ChatService(self)

    def close(self) -> None:
        """Unload models and close the database."""
        if "pool" in self.__dict__:
            self.pool.close()
        if "store" in self.__dict__:
            self.store.close()
