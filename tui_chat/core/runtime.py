"""The assembled core: config, data dir, logging, catalog, pool, store and chat service.

Wiring only: one Runtime builds each part once, on first use, and hands every part
the others it needs (``ChatService(config, catalog, router, pool, store)``); nothing
in the core reaches back into it. One Runtime serves a CLI command or the whole TUI.
Heavy parts (llama.cpp, SQLite) open lazily on first use.
"""

from __future__ import annotations

import logging
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui_chat.core.library.catalog import Catalog
from tui_chat.core.config import DB_NAME, Config, load_config, resolve_data_dir
from tui_chat.core.errors import TuiChatError
from tui_chat.core.logs import ensure_private_dir, setup_logging

if TYPE_CHECKING:
    from tui_chat.core.chat import ChatService
    from tui_chat.core.diagnostics import Diagnostics
    from tui_chat.core.models import ModelControl
    from tui_chat.core.pool import BackendFactory, ModelPool
    from tui_chat.core.router import Router
    from tui_chat.core.store import Store

log = logging.getLogger(__name__)


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
    def router(self) -> Router:
        """Picks the model (and the fallback order) for each prompt."""
        from tui_chat.core.router import Router

        return Router(self.config, spec_of=self.catalog.spec, cache_dir=self.data_dir)

    @cached_property
    def service(self) -> ChatService:
        """The conversation: sessions, turns and the reply flow."""
        from tui_chat.core.chat import ChatService

        return ChatService(self.config, self.catalog, self.router, self.pool, self.store,
                           log_path=self.log_path)

    @cached_property
    def models(self) -> ModelControl:
        """The models as the user acts on them: load, unload, download, remote checks."""
        from tui_chat.core.models import ModelControl

        return ModelControl(self.catalog, self.pool)

    @cached_property
    def diagnostics(self) -> Diagnostics:
        """Request metrics, model and live rows for the diagnostics screen and ``stats``."""
        from tui_chat.core.diagnostics import Diagnostics

        return Diagnostics(service=self.service, pool=self.pool, store=self.store,
                           catalog=self.catalog, config=self.config, data_dir=self.data_dir,
                           log_path=self.log_path)

    @property
    def history_path(self) -> Path:
        """The SQLite history file."""
        return self.data_dir / DB_NAME

    def move_history_aside(self) -> Path:
        """Rename a damaged history file (and its WAL files) out of the way; returns its new path.

        Nothing is deleted: the old file keeps its contents under a dated name next to
        where it was, and the next use of :attr:`store` starts a fresh history.

        Raises:
            TuiChatError: the file could not be renamed (one sentence, what to do).
        """
        import time

        if "store" in self.__dict__:
            raise TuiChatError("The history is open; close tui-chat before moving it aside.")
        path = self.history_path
        target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    side.rename(target.with_name(target.name + suffix))
            path.rename(target)
        except OSError as exc:
            raise TuiChatError(
                f"Could not move {path} aside ({exc.strerror or exc}); move or delete it "
                "yourself, then start tui-chat again."
            ) from exc
        log.warning("moved the damaged history %s to %s", path, target)
        return target

    def close(self) -> None:
        """Unload models and close the database."""
        if "pool" in self.__dict__:
            self.pool.close()
        if "store" in self.__dict__:
            self.store.close()
