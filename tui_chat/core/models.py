"""What the model list asks of the core: status, load, unload, download, remote checks.

The TUI's model list calls these from its own thread workers; every call blocks and
raises :class:`TuiChatError` with one sentence. Status changes reach listeners
through the catalog (any thread), never as return values, so the sidebar shows the
same states for a load started here, by a reply or by another chat.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import AUTO, ModelStatus
from tui_chat.core.library.catalog import Catalog, ModelState
from tui_chat.core.pool import ModelPool

REMOTE_CHECK_TIMEOUT_S = 3.0
"""How long the start-up check of a remote endpoint may take."""


class ModelControl:
    """The catalog's models, as the user acts on them."""

    def __init__(self, catalog: Catalog, pool: ModelPool) -> None:
        self.catalog = catalog
        self.pool = pool

    @property
    def models(self) -> tuple[ModelSpec, ...]:
        """Every catalog model, in config order."""
        return self.catalog.models

    def states(self) -> list[ModelState]:
        """The status of every model, in catalog order."""
        return [self.catalog.state(spec.name) for spec in self.catalog.models]

    def discover(self) -> list[str]:
        """Look for GGUF files on disk the config does not list; returns the found names.

        Walks models_dir, the model_dirs folders and the Hugging Face cache (no header
        is read here); blocks, so the sidebar calls it from a worker.
        """
        from tui_chat.core.library.discovery import find_files, found_models

        configured = [p for s in self.catalog.config.models if (p := self.catalog.path(s))]
        added = [p for s in self.catalog.models if not self.catalog.is_found(s.name)
                 and (p := self.catalog.path(s))]
        pairs = found_models(self.catalog.config, find_files(self.catalog.config),
                             [*configured, *added])
        self.catalog.set_found([spec for spec, _ in pairs])
        return [spec.name for spec, _ in pairs]

    def header_lines(self) -> dict[str, str]:
        """One line per local model from its GGUF header (or why it cannot be read).

        Reads every header not read yet: call from a worker.
        """
        lines: dict[str, str] = {}
        for spec in self.catalog.models:
            info = self.catalog.info(spec)
            path = self.catalog.path(spec)
            if isinstance(info, str) and path is not None:
                lines[spec.name] = f"{path.name} {info}"
            elif info is not None and not isinstance(info, str):
                lines[spec.name] = info.summary()
        return lines

    def add_from_hub(self, repo: str, file: str, name: str, role: str,
                     size: int | None = None) -> Path | None:
        """Add a Hub model to the catalog and save it in the config file, atomically.

        Usable at once (download it next). Returns the config file written, or None when
        tui-chat runs on its built-in config (the model then lasts for this run only).

        Raises:
            ConfigError: the name is taken or invalid, the role unknown, or the save failed.
        """
        from tui_chat.core.config import NAME_RE, ConfigError, builtin_config_text, parse_config
        from tui_chat.core.config_save import append_model_entry

        if name == AUTO or name in {s.name for s in self.catalog.models}:
            raise ConfigError(f"There is already a model called {name!r}; pick another name.")
        if not NAME_RE.match(name):
            raise ConfigError(f"{name!r} is not a usable name; use letters, digits, '.', '_' "
                              "and '-' (at most 64).")
        entry: dict[str, object] = {"name": name, "role": role, "backend": "llama",
                                    "repo": repo, "file": file}
        if size:
            entry["size"] = size
        path = self.catalog.config.path
        if path is None:
            import tomli_w

            text = builtin_config_text() + "\n" + tomli_w.dumps({"models": [entry]})
            config = parse_config(text, None, base_dir=self.catalog.config.models_dir.parent)
        else:
            config = append_model_entry(path, entry)  # validated before it is written
        self.catalog.add(config.model(name))
        return path

    def keep(self, name: str, new_name: str, role: str) -> Path:
        """Write a found model into the config file (``path = ...``), atomically.

        Returns the config file. Raises ConfigError when tui-chat runs on its built-in
        config, the new name is taken, or the role is unknown.
        """
        from tui_chat.core.config import ConfigError
        from tui_chat.core.config_save import append_model_entry

        spec = self.catalog.spec(name)
        path = self.catalog.config.path
        if not self.catalog.is_found(name) or spec.path is None:
            raise ConfigError(f"{name} is already in the config.")
        if path is None:
            raise ConfigError("tui-chat is running on its built-in config; create config.toml "
                              "(copy the shipped one) to keep models.")
        taken = {s.name for s in self.catalog.models} - {name}
        if new_name in taken or new_name == AUTO:
            raise ConfigError(f"There is already a model called {new_name!r}; pick another name.")
        entry = {"name": new_name, "role": role, "backend": "llama", "path": str(spec.path)}
        config = append_model_entry(path, entry)
        self.catalog.set_found([s for s in self.catalog.models
                                if self.catalog.is_found(s.name) and s.name != name])
        self.catalog.add(config.model(new_name))
        return path

    def deletable(self, name: str) -> tuple[list[Path], int]:
        """The files deleting ``name`` would remove and the bytes that frees.

        Raises:
            TuiChatError: nothing to delete (remote, embedded in a package, in the
                Hugging Face cache, or not downloaded), in one sentence.
        """
        from tui_chat.core.library.discovery import hub_cache_dir
        from tui_chat.core.library.transfer import Partial

        spec = self.catalog.spec(name)
        if spec.is_remote or spec.package:
            where = "served over HTTP" if spec.is_remote else f"part of the package {spec.package}"
            raise TuiChatError(f"{name} is {where}; there is no file of its own to delete.")
        path = self.catalog.path(spec)
        if path is not None and hub_cache_dir() in path.parents:
            raise TuiChatError(f"{name} lives in the Hugging Face cache; remove it with "
                               "`hf cache delete` so the cache stays consistent.")
        files = [p for p in self.catalog.parts(spec) if p.is_file()]
        files += [Partial(p).path for p in self.catalog.parts(spec) if Partial(p).held()]
        if not files:
            raise TuiChatError(f"{name} is not downloaded; there is nothing to delete.")
        return files, sum(p.stat().st_size for p in files)

    def delete(self, name: str) -> int:
        """Unload ``name`` if it is loaded, then delete its file(s); returns the bytes freed.

        Raises:
            TuiChatError: nothing to delete, the model is answering right now, or a file
                could not be removed (one sentence each).
        """
        files, size = self.deletable(name)
        if name in self.pool.loaded_names() and not self.pool.unload(name):
            raise TuiChatError(f"{name} is answering right now; stop the reply (Esc), then "
                               "delete it.")
        for path in files:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise TuiChatError(f"Could not delete {path} ({exc.strerror or exc}); delete "
                                   "it by hand.") from exc
            self.catalog.records.drop(path.name)
        if self.catalog.is_found(name):  # nothing left on disk: the row goes
            self.catalog.set_found([s for s in self.catalog.models
                                    if self.catalog.is_found(s.name) and s.name != name])
        else:
            self.catalog.clear_state(name)  # the row shows missing
        return size

    def memory_budget(self) -> int:
        """Bytes resident models may use (configured, or estimated from RAM or VRAM)."""
        return self.pool.budget_bytes

    def subscribe(self, listener: Callable[[ModelState], None]) -> Callable[[], None]:
        """Call ``listener`` (on any thread) whenever a model's status changes."""
        return self.catalog.subscribe(listener)

    def validate_choice(self, name: str) -> None:
        """Raise TuiChatError unless ``name`` is ``auto`` or a catalog model."""
        if name != AUTO:
            self.catalog.spec(name)

    def load(self, name: str) -> None:
        """Load ``name`` now (status: loading, then loaded or error)."""
        self.pool.load(name)

    def unload(self, name: str) -> bool:
        """Free ``name``'s memory; False when it is not loaded or is generating."""
        return self.pool.unload(name)

    def download_problem(self, name: str) -> str | None:
        """Why ``name`` has nothing to download (embedded, remote), or None."""
        from tui_chat.core.library.download import skip_reason

        return skip_reason(self.catalog.spec(name))

    def download(self, name: str, cancel: threading.Event) -> bool:
        """Fetch and verify ``name``; True when a checksum was verified.

        Raises:
            DownloadCancelled: ``cancel`` was set (the partial file is kept for resume
                or removed, as the downloader decides).
            TuiChatError: the download failed; the message says what to do.
        """
        from tui_chat.core.library.download import Downloader

        return Downloader(self.catalog).download(name, cancel=cancel).verified

    def check_remote(self) -> None:
        """Ask every remote endpoint for its models; the status says if it answered."""
        from tui_chat.core.remote import check_endpoint

        for spec in self.catalog.models:
            if spec.is_remote:
                ok, detail = check_endpoint(spec, timeout=REMOTE_CHECK_TIMEOUT_S)
                self.catalog.set_state(spec.name, ModelStatus.REMOTE if ok else ModelStatus.ERROR,
                                       "reachable" if ok else detail)

    @property
    def has_remote(self) -> bool:
        """True when any model is served over HTTP."""
        return any(spec.is_remote for spec in self.catalog.models)


__all__ = ["ModelControl", "TuiChatError"]
