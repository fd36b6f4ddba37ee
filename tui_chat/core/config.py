"""Load, validate and save ``config.toml``.

The file is parsed once, at the edge, into typed frozen dataclasses. Every problem
becomes a single :class:`ConfigError` sentence naming the file, the line when it can
be found, the key and what is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from tui_chat.core.config_ui import UiConfig, parse_ui
from tui_chat.core.errors import ConfigError
from tui_chat.core.events import AUTO
from tui_chat.core.paths import builtin_config_file

ROLES = ("chat", "code", "docs", "creative")
BACKENDS = ("llama", "openai")
CONFIG_ENV = "TUI_CHAT_CONFIG"
DATA_DIR_ENV = "TUI_CHAT_DATA_DIR"
APP_NAME = "tui-chat"
DB_NAME = "history.sqlite3"
"""The history database's file name in the data dir."""

# Allowed keys and their types in [models.load] (passed to llama_cpp.Llama).
LOAD_KEYS: dict[str, tuple[type, ...]] = {
    "n_ctx": (int,),
    "n_gpu_layers": (int,),
    "n_threads": (int,),
    "n_threads_batch": (int,),
    "n_batch": (int,),
    "n_ubatch": (int,),
    "flash_attn": (bool,),
    "use_mmap": (bool,),
    "use_mlock": (bool,),
    "main_gpu": (int,),
    "seed": (int,),
    "rope_freq_base": (int, float),
    "rope_freq_scale": (int, float),
    "chat_format": (str,),
    "extra_buffers": (bool,),
}
# Allowed keys and their types in [models.generate] (passed to create_chat_completion).
GENERATE_KEYS: dict[str, tuple[type, ...]] = {
    "temperature": (int, float),
    "top_p": (int, float),
    "top_k": (int,),
    "min_p": (int, float),
    "max_tokens": (int,),
    "stop": (list, str),
    "repeat_penalty": (int, float),
    "presence_penalty": (int, float),
    "frequency_penalty": (int, float),
    "seed": (int,),
    "logit_bias": (dict,),
}
MODEL_KEYS = {
    "name": "short id used on the command line",
    "display_name": "name shown in the sidebar",
    "role": "one of " + ", ".join(ROLES),
    "backend": "one of " + ", ".join(BACKENDS),
    "repo": "Hugging Face repo id",
    "revision": "Hub revision (branch, tag or commit)",
    "file": "GGUF file name inside models_dir",
    "path": "a GGUF file anywhere on disk (a model kept from the library; no repo needed)",
    "package": "installed Python distribution that carries the GGUF",
    "size": "file size in bytes",
    "sha256": "expected sha256 of the file",
    "base_url": "OpenAI-compatible endpoint, e.g. http://host:8000/v1",
    "model": "model id served by the remote endpoint",
    "api_key_env": "environment variable holding the API key",
    "connect_timeout": "seconds to wait for a connection to base_url (openai models)",
    "read_timeout": "seconds to wait for the next piece of a reply (openai models)",
    "load": "table of llama.cpp load parameters",
    "generate": "table of generation parameters",
}
TOP_KEYS = {
    "models_dir",
    "model_dirs",
    "default_model",
    "memory_budget_gb",
    "max_prompt_chars",
    "compact_at",
    "load",
    "generate",
    "models",
    "keys",
    "router",
    "ui",
}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
CONNECT_TIMEOUT_S = 5.0
"""An openai model's ``connect_timeout`` when the config sets none."""
READ_TIMEOUT_S = 60.0
"""An openai model's ``read_timeout`` when the config sets none."""
TIMEOUT_KEYS = ("connect_timeout", "read_timeout")
"""[[models]] keys that take seconds (openai models only)."""


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """One catalog entry."""

    name: str
    """Short id used on the command line and in config references."""
    display_name: str
    """Human name shown in the sidebar."""
    role: str
    """What the model is for: chat, code, docs or creative."""
    backend: str = "llama"
    """``llama`` (local GGUF through llama-cpp-python) or ``openai`` (remote server)."""
    repo: str | None = None
    """Hugging Face repo id the GGUF is downloaded from."""
    revision: str = "main"
    """Hub revision to download."""
    file: str | None = None
    """GGUF file name, relative to ``models_dir`` (or inside ``package``)."""
    package: str | None = None
    """Installed distribution that carries the GGUF (the embedded default)."""
    size: int | None = None
    """Published size in bytes, used for disk checks and progress."""
    sha256: str | None = None
    """Expected sha256; when absent the Hub's LFS metadata is used."""
    base_url: str | None = None
    """Remote endpoint for the ``openai`` backend."""
    model: str | None = None
    """Model id served by the remote endpoint."""
    api_key_env: str | None = None
    """Name of the environment variable holding the remote API key."""
    connect_timeout: float = CONNECT_TIMEOUT_S
    """Seconds an ``openai`` model waits for the server to accept a connection, and for
    its ``/models`` answer (checked before the first reply; the sidebar and doctor
    checks wait at most 3 s)."""
    read_timeout: float = READ_TIMEOUT_S
    """Seconds an ``openai`` model waits for the next piece of a streamed reply."""
    load: dict[str, Any] = field(default_factory=dict)
    """llama.cpp load parameters (merged over the top-level ``[load]``)."""
    generate: dict[str, Any] = field(default_factory=dict)
    """Generation parameters (merged over the top-level ``[generate]``)."""
    path: Path | None = None
    """Where the GGUF is when it lives outside models_dir: found on disk, or kept in the
    config with a ``path`` key; None when the file is ``models_dir/file``."""

    @property
    def is_remote(self) -> bool:
        """True for models served over HTTP."""
        return self.backend == "openai"


@dataclass(frozen=True, slots=True)
class RouterConfig:
    """The ``[router]`` table: extra rules for the auto router."""

    keywords: dict[str, list[str]] = field(default_factory=dict)
    """Extra keywords per role."""
    patterns: dict[str, list[str]] = field(default_factory=dict)
    """Extra regular expressions per role."""
    prefer: dict[str, list[str]] = field(default_factory=dict)
    """Model preference list per role (names from the catalog)."""
    long_prompt_chars: int = 4000
    """Prompts longer than this lean towards the docs role."""
    examples: dict[str, list[str]] = field(default_factory=dict)
    """Extra example prompts per role for the similarity router (read at start-up)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The whole validated configuration."""

    path: Path | None
    """The file it came from; None for built-in defaults."""
    models_dir: Path
    """Absolute folder where downloaded GGUF files live."""
    default_model: str
    """A model name, or ``auto``."""
    models: tuple[ModelSpec, ...]
    """The catalog, in file order."""
    memory_budget_gb: float | None = None
    """How much memory resident models may use; None means estimate."""
    max_prompt_chars: int = 2_000_000
    """Prompts longer than this are refused before reaching a model."""
    compact_at: float | None = None
    """Compact a chat on its own once its next request takes this share of the window
    (0.1 to 0.99); None (the default) compacts only when asked (F4)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id to key(s) remaps, applied with ``App.set_keymap``."""
    router: RouterConfig = field(default_factory=RouterConfig)
    """Auto-routing rules."""
    raw: dict[str, Any] = field(default_factory=dict)
    """The parsed TOML, kept so saves round-trip keys this code does not model."""
    model_dirs: tuple[Path, ...] = ()
    """More folders searched for GGUF files (``model_dirs = [...]``), absolute."""
    ui: UiConfig = field(default_factory=UiConfig)
    """The ``[ui]`` table (frames and bytes, see ``config_ui``)."""

    def model(self, name: str) -> ModelSpec:
        """Return the model called ``name`` or raise ConfigError."""
        for spec in self.models:
            if spec.name == name:
                return spec
        names = ", ".join(m.name for m in self.models)
        raise ConfigError(f"Unknown model '{name}'; choose one of: {names}, or auto.")

    def names(self) -> list[str]:
        """The catalog's model names in order."""
        return [m.name for m in self.models]


# --------------------------------------------------------------------------- paths


def user_config_path() -> Path:
    """The per-user config file location (may not exist)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_data_dir() -> Path:
    """The per-user data folder for history and logs."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def builtin_config_text() -> str:
    """The shipped default config: inside the wheel, or the repository's root file."""
    path = builtin_config_file()
    if path is None:
        raise ConfigError("The built-in default config is missing; reinstall tui-chat.")
    return path.read_text(encoding="utf-8")


def find_config_path(cli_path: str | os.PathLike[str] | None = None) -> Path | None:
    """Pick the config file: --config, $TUI_CHAT_CONFIG, ./config.toml, user config dir.

    Returns None when none exists, meaning built-in defaults.
    """
    explicit = cli_path or os.environ.get(CONFIG_ENV)
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(
                f"Config file {path} does not exist; fix --config or ${CONFIG_ENV}."
            )
        return path.resolve()
    for candidate in (Path.cwd() / "config.toml", user_config_path()):
        if candidate.is_file():
            return candidate.resolve()
    return None


def resolve_data_dir(cli_dir: str | os.PathLike[str] | None = None) -> Path:
    """Pick the data dir: --data-dir, $TUI_CHAT_DATA_DIR, then the platform default."""
    chosen = cli_dir or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser().resolve() if chosen else default_data_dir()


# --------------------------------------------------------------------------- loading


def load_config(cli_path: str | os.PathLike[str] | None = None) -> Config:
    """Find, read and validate the config. Raises ConfigError with one sentence."""
    path = find_config_path(cli_path)
    if path is None:
        return parse_config(builtin_config_text(), None, base_dir=default_data_dir())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read config file {path}: {exc}; check its permissions.") from exc
    return parse_config(text, path)


def parse_config(text: str, path: Path | None, *, base_dir: Path | None = None) -> Config:
    """Validate TOML ``text``; ``path`` is used for messages and relative paths."""
    label = str(path) if path else "built-in config"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: TOML syntax error: {_toml_message(exc)}.") from exc
    v = _Validator(label, text)
    return v.config(data, path, base_dir or (path.parent if path else Path.cwd()))


def _toml_message(exc: tomllib.TOMLDecodeError) -> str:
    msg = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", msg)
    if match:
        head = msg[: match.start()].strip()
        return f"line {match.group(1)}, column {match.group(2)}: {head}"
    return msg


class _Validator:
    """Turns parsed TOML into typed objects, raising on the first problem."""

    def __init__(self, label: str, text: str) -> None:
        self.label = label
        self.lines = text.splitlines()

    def fail(self, key: str, problem: str, *, search: str | None = None, nth: int = 0) -> None:
        line = self._find_line(search or key.rsplit(".", 1)[-1].split("[")[0], nth)
        where = f" (line {line})" if line else ""
        raise ConfigError(f"{self.label}{where}: {key} {problem}.")

    def _find_line(self, key: str, nth: int) -> int | None:
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        seen = 0
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                if seen == nth:
                    return number
                seen += 1
        return None

    def nth_in_model(self, key: str, index: int) -> int:
        """Which ``key = ...`` line of the file belongs to ``[[models]]`` entry ``index``.

        Counts the ``key`` lines above that entry's header, so a key that only some
        entries set is still found on its own line.
        """
        header = re.compile(r"^\s*\[\[\s*models\s*\]\]")
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        headers = seen = 0
        for line in self.lines:
            if header.match(line):
                if headers == index:
                    return seen
                headers += 1
            elif pattern.match(line):
                seen += 1
        return seen

    def check_type(self, key: str, value: Any, types: tuple[type, ...], nth: int = 0) -> None:
        if isinstance(value, bool) and bool not in types:
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            names = " or ".join(t.__name__.replace("str", "string") for t in types)
            self.fail(key, f"must be a {names}, not {value!r}", nth=nth)

    def unknown(self, where: str, data: dict[str, Any], allowed: set[str] | dict[str, Any]) -> None:
        for key in data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.fail(f"{where}{key}", f"is not a known key (known keys: {known})", search=key)

    def params(
        self, where: str, data: Any, allowed: dict[str, tuple[type, ...]], nth: int
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(where, "must be a table")
        self.unknown(f"{where}.", data, allowed)
        for key, value in data.items():
            self.check_type(f"{where}.{key}", value, allowed[key], nth=nth)
            if key in ("n_ctx", "n_batch", "max_tokens") and value <= 0:
                self.fail(f"{where}.{key}", "must be greater than 0", nth=nth)
            if key == "temperature" and not 0 <= value <= 5:
                self.fail(f"{where}.{key}", "must be between 0 and 5", nth=nth)
            if key == "top_p" and not 0 <= value <= 1:
                self.fail(f"{where}.{key}", "must be between 0 and 1", nth=nth)
            if key == "logit_bias":
                for token, bias in value.items():
                    if not token.isdigit() or not isinstance(bias, (int, float)) \
                            or isinstance(bias, bool):
                        self.fail(f"{where}.logit_bias", 'must map token ids to numbers, '
                                  'e.g. logit_bias = { "2" = -100 }', search="logit_bias")
        return dict(data)

    def config(self, data: dict[str, Any], path: Path | None, base_dir: Path) -> Config:
        self.base_dir = base_dir
        self.unknown("", data, TOP_KEYS)
        models_dir_raw = data.get("models_dir", "models")
        self.check_type("models_dir", models_dir_raw, (str,))
        models_dir = Path(models_dir_raw).expanduser()
        if not models_dir.is_absolute():
            models_dir = base_dir / models_dir
        dirs = data.get("model_dirs", [])
        if not isinstance(dirs, list) or not all(isinstance(d, str) for d in dirs):
            self.fail("model_dirs", 'must be a list of folder paths, e.g. ["~/gguf"]')
        model_dirs = tuple((base_dir / Path(d).expanduser()).resolve() for d in dirs)
        load_defaults = self.params("load", data.get("load", {}), LOAD_KEYS, 0)
        gen_defaults = self.params("generate", data.get("generate", {}), GENERATE_KEYS, 0)

        raw_models = data.get("models", [])
        if not isinstance(raw_models, list) or not all(isinstance(m, dict) for m in raw_models):
            self.fail("models", "must be an array of tables written as [[models]]")
        models: list[ModelSpec] = []
        seen: set[str] = set()
        for index, entry in enumerate(raw_models):
            spec = self.model(index, entry, load_defaults, gen_defaults)
            if spec.name in seen:
                self.fail(f"models[{index}].name", f"'{spec.name}' is used twice", nth=index)
            seen.add(spec.name)
            models.append(spec)
        if not models:
            self.fail("models", "is empty; add at least one [[models]] entry", search="models")

        default_model = data.get("default_model", AUTO)
        self.check_type("default_model", default_model, (str,))
        if default_model != AUTO and default_model not in seen:
            self.fail(
                "default_model",
                f"'{default_model}' is not a model name (use auto or one of: {', '.join(seen)})",
            )
        budget = data.get("memory_budget_gb")
        if budget is not None:
            self.check_type("memory_budget_gb", budget, (int, float))
            if budget <= 0:
                self.fail("memory_budget_gb", "must be greater than 0")
        max_prompt = data.get("max_prompt_chars", 2_000_000)
        self.check_type("max_prompt_chars", max_prompt, (int,))
        compact_at = data.get("compact_at")
        if compact_at is not None:
            self.check_type("compact_at", compact_at, (int, float))
            if not 0.1 <= compact_at <= 0.99:
                self.fail("compact_at", "must be a share of the window between 0.1 and 0.99")

        keys = data.get("keys", {})
        if not isinstance(keys, dict):
            self.fail("keys", "must be a table of binding id = \"key\"")
        for key, value in keys.items():
            self.check_type(f"keys.{key}", value, (str,))

        return Config(
            path=path,
            models_dir=models_dir.resolve(),
            default_model=default_model,
            models=tuple(models),
            memory_budget_gb=float(budget) if budget is not None else None,
            max_prompt_chars=max_prompt,
            compact_at=float(compact_at) if compact_at is not None else None,
            keys=dict(keys),
            router=self.router(data.get("router", {}), seen),
            raw=data,
            model_dirs=model_dirs,
            ui=parse_ui(self, data.get("ui", {})),
        )

    def model(
        self,
        index: int,
        entry: dict[str, Any],
        load_defaults: dict[str, Any],
        gen_defaults: dict[str, Any],
    ) -> ModelSpec:
        where = f"models[{index}]"
        self.unknown(f"{where}.", entry, MODEL_KEYS)
        for key, value in entry.items():
            if key in TIMEOUT_KEYS:
                nth = self.nth_in_model(key, index)
                if isinstance(value, bool) or not isinstance(value, (int, float)) \
                        or not 0 < value <= 3600:
                    self.fail(f"{where}.{key}", f"must be a number of seconds above 0 and at "
                              f"most 3600 (e.g. {key} = 30), not {value!r}", nth=nth)
            elif key not in ("load", "generate"):
                self.check_type(f"{where}.{key}", value, (int,) if key == "size" else (str,), index)
        name = entry.get("name")
        if not name:
            self.fail(f"{where}.name", "is required", search="[[models]]")
        if not NAME_RE.match(name):
            self.fail(f"{where}.name", "may use only letters, digits, '.', '_' and '-'", nth=index)
        role = entry.get("role", "chat")
        if role not in ROLES:
            self.fail(f"{where}.role", f"is '{role}', allowed values: {', '.join(ROLES)}", nth=index)
        backend = entry.get("backend", "llama")
        if backend not in BACKENDS:
            self.fail(
                f"{where}.backend",
                f"is '{backend}', allowed values: {', '.join(BACKENDS)}",
                nth=index,
            )
        file = entry.get("file")
        kept = entry.get("path")
        found_at = (self.base_dir / Path(kept).expanduser()).resolve() if kept else None
        if found_at is not None and not file:
            file = found_at.name
        if backend == "llama" and found_at is None:
            if not file:
                self.fail(f"{where}.file", "is required for a llama model", search="name", nth=index)
            if not _is_plain_relative(file):
                self.fail(
                    f"{where}.file",
                    f"'{file}' must be a plain file name inside models_dir (no '..', no absolute path)",
                    search="file",
                    nth=index,
                )
            if not entry.get("repo") and not entry.get("package"):
                self.fail(f"{where}", "needs repo (Hugging Face), package or path", search="name",
                          nth=index)
        if backend == "llama":
            for key in TIMEOUT_KEYS:
                if key in entry:
                    self.fail(f"{where}.{key}", "applies to openai models only (a local model "
                              "has no connection); remove it", nth=self.nth_in_model(key, index))
        else:
            if not entry.get("base_url"):
                self.fail(f"{where}.base_url", "is required for an openai model", search="name", nth=index)
            if not str(entry["base_url"]).startswith(("http://", "https://")):
                self.fail(f"{where}.base_url", "must start with http:// or https://", nth=index)
        sha = entry.get("sha256")
        if sha is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", sha):
            self.fail(f"{where}.sha256", "must be 64 hex digits", nth=index)
        load = {**load_defaults, **self.params(f"{where}.load", entry.get("load", {}), LOAD_KEYS, index)}
        gen = {
            **gen_defaults,
            **self.params(f"{where}.generate", entry.get("generate", {}), GENERATE_KEYS, index),
        }
        return ModelSpec(
            name=name,
            display_name=entry.get("display_name", name),
            role=role,
            backend=backend,
            repo=entry.get("repo"),
            revision=entry.get("revision", "main"),
            file=file,
            path=found_at,
            package=entry.get("package"),
            size=entry.get("size"),
            sha256=sha.lower() if sha else None,
            base_url=entry.get("base_url"),
            model=entry.get("model"),
            api_key_env=entry.get("api_key_env"),
            connect_timeout=float(entry.get("connect_timeout", CONNECT_TIMEOUT_S)),
            read_timeout=float(entry.get("read_timeout", READ_TIMEOUT_S)),
            load=load,
            generate=gen,
        )

    def router(self, data: Any, names: set[str]) -> RouterConfig:
        if not isinstance(data, dict):
            self.fail("router", "must be a table")
        allowed = {"keywords", "patterns", "prefer", "examples", "long_prompt_chars"}
        self.unknown("router.", data, allowed)
        tables: dict[str, dict[str, list[str]]] = {}
        for part in ("keywords", "patterns", "prefer", "examples"):
            table = data.get(part, {})
            if not isinstance(table, dict):
                self.fail(f"router.{part}", "must be a table of role = [strings]", search=part)
            for role, values in table.items():
                if role not in ROLES:
                    self.fail(
                        f"router.{part}.{role}",
                        f"is not a role; allowed values: {', '.join(ROLES)}",
                        search=role,
                    )
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    self.fail(f"router.{part}.{role}", "must be a list of strings", search=role)
                if part == "patterns":
                    for pattern in values:
                        try:
                            re.compile(pattern)
                        except re.error as exc:
                            self.fail(f"router.patterns.{role}", f"has a bad pattern {pattern!r}: {exc}", search=role)
                if part == "prefer":
                    for name in values:
                        if name not in names:
                            self.fail(f"router.prefer.{role}", f"names unknown model '{name}'", search=role)
            tables[part] = {k: list(v) for k, v in table.items()}
        long_chars = data.get("long_prompt_chars", 4000)
        self.check_type("router.long_prompt_chars", long_chars, (int,))
        return RouterConfig(
            keywords=tables["keywords"],
            patterns=tables["patterns"],
            prefer=tables["prefer"],
            examples=tables["examples"],
            long_prompt_chars=long_chars,
        )


def _is_plain_relative(name: str) -> bool:
    """True when ``name`` stays inside its folder: relative, no '..', no drive."""
    if not name or "\x00" in name:
        return False
    for flavour in (PurePosixPath(name), PureWindowsPath(name)):
        if flavour.is_absolute() or flavour.drive or ".." in flavour.parts:
            return False
    return not name.startswith("~")


# --------------------------------------------------------------------------- saving
