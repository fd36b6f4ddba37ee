"""Diagnostics (F2): why was that reply slow, empty or from the wrong model?

A live strip (tokens/s sparkline of the stream in progress) sits above five tabs:
recent requests, models, fallback triggers, the app's log and system facts. Every
``REFRESH_SECONDS`` one thread worker gathers a :class:`Snapshot` (one SQLite query,
the pool and catalog, the live stream clocks, new log bytes) and posts it back; the
screen then updates its tables in place (changed cells only, rows added or removed by
key), so the UI thread never waits on SQLite or the disk and the stream never stalls.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Log, Sparkline, Static, TabbedContent, TabPane

from tui_chat.core.doctor import human_size
from tui_chat.core.metrics import StreamClock, parse_fallback
from tui_chat.core.runtime import Runtime
from tui_chat.core.sanitize import sanitize

log = logging.getLogger(__name__)

REFRESH_SECONDS = 0.5
"""How often the screen gathers fresh figures."""
REQUEST_ROWS = 50
"""Requests shown (newest first)."""
SPARK_SAMPLES = 120
"""Tokens/s samples kept for the sparkline (one minute at 0.5 s)."""
LOG_LINES = 500
"""Lines the log pane keeps."""
LOG_BACKLOG_BYTES = 16 * 1024
"""How much of the log from before the screen opened is shown."""
LOG_READ_BYTES = 64 * 1024
"""At most this much new log is read per refresh (the rest follows next time)."""
IDLE = "No reply is streaming."
"""The live line when nothing streams and nothing has yet."""
TEXT_CELL = 40
"""Route reasons and messages are cut to this many characters in table cells."""

Row = tuple[str, tuple[str, ...]]
"""(row key, cell texts) as gathered off the UI thread."""

REQUEST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "#"), ("time", "time"), ("session", "session"), ("model", "model"),
    ("prompt", "prompt"), ("completion", "tokens"), ("ttft", "TTFT ms"), ("rate", "tok/s"),
    ("empty", "empty"), ("total", "total ms"), ("finish", "finish"),
    ("fallback", "fallback"), ("route", "route reason"),
)
MODEL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("model", "model"), ("status", "status"), ("load", "load s"), ("memory", "memory"),
    ("gpu", "n_gpu_layers"), ("ctx", "n_ctx"), ("threads", "threads"), ("backend", "backend"),
    ("detail", "detail"),
)
FALLBACK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("time", "time"), ("request", "request"), ("model", "model"), ("trigger", "trigger"),
    ("message", "reason"),
)
TAB_FOCUS = {"requests": "requests", "models": "models-table", "fallbacks": "fallbacks",
             "log": "log-tail", "system": "system-scroll"}
"""Tab name to the id of the widget that takes focus on it."""
NUMERIC = {"id", "session", "prompt", "completion", "ttft", "rate", "empty", "total",
           "load", "gpu", "ctx", "threads"}
"""Column keys shown right-aligned."""


# --------------------------------------------------------------------------- gathering


def _clip(text: object, limit: int = TEXT_CELL) -> str:
    """One safe line of at most ``limit`` characters."""
    flat = " ".join(sanitize(str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _num(value: Any, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _clock_time(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%H:%M:%S") if stamp else "-"


@dataclass(frozen=True, slots=True)
class StreamFigures:
    """One stream in progress, as of one refresh."""

    key: int
    """The chat service's internal request number."""
    tokens: int
    """Text chunks so far."""
    empty: int
    """Empty chunks so far."""
    ttft_ms: float | None
    """Time to first token (None: none yet)."""
    tokens_per_s: float | None
    """Decode speed so far, as it will be stored."""
    elapsed_s: float
    """Seconds since its clock started."""


@dataclass(frozen=True, slots=True)
class LiveFigures:
    """The stream(s) in progress, as of one refresh."""

    streams: int
    """How many replies are generating."""
    models: tuple[str, ...]
    """Models busy generating (or loading) right now."""
    tokens: int
    """Text chunks so far (summed over streams)."""
    empty: int
    """Empty chunks so far."""
    ttft_ms: float | None
    """Time to first token of the newest stream (None: none yet)."""
    rate: float
    """Tokens/s over the last refresh interval."""
    elapsed_s: float
    """Seconds since the newest stream's clock started."""
    each: tuple[StreamFigures, ...] = ()
    """Every stream, oldest first."""


class LiveSampler:
    """Turns the chat service's live stream clocks into one tokens/s sample per refresh.

    Each sample is the tokens produced since the previous refresh over the time since
    then, summed over every stream. Samples restart when a stream starts after a quiet
    spell, so the sparkline shows the current (or last) burst. Not thread-safe: one
    collector at a time.
    """

    def __init__(self, maxlen: int = SPARK_SAMPLES) -> None:
        self.samples: deque[float] = deque(maxlen=maxlen)
        """Tokens/s, oldest first."""
        self._seen: dict[int, tuple[int, float, int]] = {}
        self._active = False

    def sample(self, clocks: Mapping[int, StreamClock], busy: Iterable[str],
               now: float | None = None) -> LiveFigures | None:
        """Take one sample from ``clocks``; None (and no sample) when nothing streams."""
        now = time.perf_counter() if now is None else now
        if not clocks:
            self._seen.clear()
            self._active = False
            return None
        if not self._active:
            self.samples.clear()
            self._active = True
        rate = 0.0
        seen: dict[int, tuple[int, float, int]] = {}
        for key, clock in clocks.items():
            ident, then, before = self._seen.get(key, (id(clock), clock.started, 0))
            if ident != id(clock):  # a fallback started a new attempt
                then, before = clock.started, 0
            tokens = clock.tokens
            span = now - then
            if span > 0 and tokens >= before:
                rate += (tokens - before) / span
            seen[key] = (id(clock), now, tokens)
        self._seen = seen
        self.samples.append(rate)
        newest = clocks[max(clocks)]
        each = tuple(
            StreamFigures(key, c.tokens, c.empty, c.ttft_ms, c.tokens_per_s(),
                          max(0.0, now - c.started))
            for key, c in sorted(clocks.items())
        )
        return LiveFigures(
            streams=len(clocks),
            models=tuple(busy),
            tokens=sum(c.tokens for c in clocks.values()),
            empty=sum(c.empty for c in clocks.values()),
            ttft_ms=newest.ttft_ms,
            rate=rate,
            elapsed_s=max(0.0, now - newest.started),
            each=each,
        )


class LogTail:
    """Reads only the bytes appended to a log file since the last call.

    Starts near the end (``backlog`` bytes), follows rotation (a new inode or a shorter
    file starts over) and never returns a half line.
    """

    def __init__(self, path: Path, backlog: int = LOG_BACKLOG_BYTES) -> None:
        self.path = path
        """The file followed."""
        self.backlog = backlog
        self._offset: int | None = None
        self._inode: int | None = None
        self._partial = b""

    def read(self, limit: int = LOG_READ_BYTES) -> list[str]:
        """New complete lines, sanitised for the terminal."""
        try:
            st = os.stat(self.path)
        except OSError:
            return []
        skip_first = False
        if self._offset is None:
            self._offset = max(0, st.st_size - self.backlog)
            skip_first = self._offset > 0
            self._inode = st.st_ino
        elif st.st_ino != self._inode or st.st_size < self._offset:
            self._offset, self._inode, self._partial = 0, st.st_ino, b""
        if st.st_size <= self._offset:
            return []
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self._offset)
                data = handle.read(limit)
        except OSError:
            return []
        self._offset += len(data)
        pieces = (self._partial + data).split(b"\n")
        self._partial = pieces.pop()
        if skip_first and pieces:
            pieces = pieces[1:]
        return [sanitize(p.decode("utf-8", "replace")).rstrip() for p in pieces]


@dataclass(slots=True)
class Snapshot:
    """Everything one refresh shows, gathered off the UI thread."""

    requests: list[Row] | None = None
    """Requests table rows, newest first (None: the store could not be read)."""
    models: list[Row] = field(default_factory=list)
    """Models table rows in catalog order."""
    fallbacks: list[Row] = field(default_factory=list)
    """Fallback triggers, newest first."""
    live: LiveFigures | None = None
    """The stream in progress, if any."""
    samples: list[float] = field(default_factory=list)
    """Tokens/s samples for the sparkline."""
    log_lines: list[str] = field(default_factory=list)
    """New log lines."""
    newest: dict[str, Any] | None = None
    """The newest stored request, for the line shown when nothing streams."""
    system: list[tuple[str, str]] | None = None
    """System facts (gathered once)."""
    error: str = ""
    """What went wrong while gathering ('' when nothing)."""


def request_rows(rows: list[dict[str, Any]]) -> list[Row]:
    """Requests table rows from ``Store.requests`` dicts (already newest first)."""
    out: list[Row] = []
    for row in rows:
        triggers = parse_fallback(row.get("fallback"))
        fallback = ", ".join(f"{m} {t}" for m, t, _ in triggers) or "-"
        finish = row.get("finish_reason") or "-"
        if row.get("error"):
            finish = f"{finish}: {row['error']}"
        out.append((f"r{row['id']}", (
            str(row["id"]), _clock_time(row.get("time")), _num(row.get("session_id")),
            _clip(row.get("model") or "none"), _num(row.get("prompt_tokens")),
            _num(row.get("completion_tokens")), _num(row.get("ttft_ms")),
            _num(row.get("tokens_per_s"), 1), _num(row.get("empty_chunks")),
            _num(row.get("total_ms")), _clip(finish), _clip(fallback),
            _clip(row.get("route_reason") or "-"),
        )))
    return out


def live_rows(live: LiveFigures | None, wall: float | None = None) -> list[Row]:
    """Rows for the streams in progress, shown above the stored requests.

    The model is named only when it is unambiguous (one stream, one busy model): the
    chat service's live clocks do not say which model they time.
    """
    if live is None:
        return []
    wall = time.time() if wall is None else wall
    model = live.models[0] if live.streams == 1 and len(live.models) == 1 else "?"
    return [(f"live{s.key}", (
        "▶", _clock_time(wall - s.elapsed_s), "-", _clip(model), "-", str(s.tokens),
        _num(s.ttft_ms), _num(s.tokens_per_s, 1), str(s.empty), _num(s.elapsed_s * 1000.0),
        "streaming", "-", "-",
    )) for s in reversed(live.each)]


def model_rows(runtime: Runtime) -> list[Row]:
    """Models table rows: catalog status joined with what the pool has resident."""
    info = runtime.pool.info()
    out: list[Row] = []
    for spec in runtime.catalog.models:
        state = runtime.catalog.state(spec.name)
        facts = info.get(spec.name)
        if spec.is_remote:
            memory, gpu = "remote", "-"
            backend = f"openai {_clip(spec.base_url or '', 28)}"
            ctx = facts.get("n_ctx") if facts else None
        else:
            size = facts.get("file_bytes") if facts else None
            memory = f"≈{human_size(size)} (mmap)" if size else "-"
            gpu = facts.get("n_gpu_layers") if facts else spec.load.get("n_gpu_layers", "auto")
            ctx = facts.get("n_ctx") if facts else spec.load.get("n_ctx")
            backend = "llama"
        load = facts.get("load_seconds") if facts else None
        applied = (facts or {}).get("applied") or {}
        threads = None if spec.is_remote else applied.get("n_threads", spec.load.get("n_threads"))
        out.append((spec.name, (
            spec.name, state.status, _num(load, 2), memory, _num(gpu), _num(ctx), _num(threads),
            backend, _clip(state.detail or "-", 60),
        )))
    return out


def fallback_rows(requests: list[dict[str, Any]], logged: list[dict[str, Any]],
                  streaming: bool) -> list[Row]:
    """Fallback triggers from stored requests plus this run's log not stored yet.

    A logged trigger whose request is already stored (same session, model, trigger and
    message) is shown once, as part of that request.
    """
    rows: list[tuple[float, Row]] = []
    stored: dict[tuple[Any, ...], int] = {}
    for row in requests:
        for index, (model, trigger, message) in enumerate(parse_fallback(row.get("fallback"))):
            key = (row.get("session_id"), model, trigger, message)
            stored[key] = stored.get(key, 0) + 1
            rows.append((float(row.get("time") or 0.0), (f"r{row['id']}.{index}", (
                _clock_time(row.get("time")), f"#{row['id']}", _clip(model), _clip(trigger),
                _clip(message, 200),
            ))))
    for index, entry in enumerate(reversed(logged)):
        key = (entry.get("session_id"), entry.get("model"), entry.get("trigger"),
               entry.get("message"))
        if stored.get(key):
            stored[key] -= 1
            continue
        where = "in progress" if streaming else "not stored"
        rows.append((float(entry.get("time") or 0.0), (f"log{len(logged) - index}", (
            _clock_time(entry.get("time")), where, _clip(entry.get("model", "")),
            _clip(entry.get("trigger", "")), _clip(entry.get("message", ""), 200),
        ))))
    rows.sort(key=lambda item: item[0], reverse=True)
    return [row for _, row in rows]


def system_rows(runtime: Runtime) -> list[tuple[str, str]]:
    """Versions, llama.cpp facts and paths (imports llama_cpp: call off the UI thread)."""
    from tui_chat.core import sysinfo

    facts = sysinfo.collect({
        "config": runtime.config.path,
        "data dir": runtime.data_dir,
        "history": runtime.data_dir / "history.sqlite3",
        "log": runtime.log_path,
        "models dir": runtime.config.models_dir,
    })
    return [(label, sanitize(value)) for label, value in facts.rows()]


# --------------------------------------------------------------------------- showing


def styles_file() -> Path:
    """``diagnostics.tcss``: inside the wheel, or the repository's ``styles/``."""
    package = Path(__file__).resolve().parents[2]
    for folder in (package / "styles", package.parent / "styles"):
        if (folder / "diagnostics.tcss").is_file():
            return folder / "diagnostics.tcss"
    raise FileNotFoundError("styles/diagnostics.tcss is missing; reinstall tui-chat")


def as_cell(column: str, text: str) -> Text:
    """A table cell as plain Text (never markup), numbers right-aligned."""
    return Text(text, justify="right" if column in NUMERIC else "left", no_wrap=True)


def sync_table(table: DataTable[Any], columns: tuple[str, ...], rows: list[Row],
               shown: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Make ``table`` show ``rows`` (in order) touching only what changed.

    Removes rows whose key is gone, updates changed cells, appends new rows and sorts
    once when the order differs. Returns the new ``shown`` map (key to cell texts).
    """
    wanted = dict(rows)
    for key in [k for k in shown if k not in wanted]:
        table.remove_row(key)
    for key, cells in rows:
        old = shown.get(key)
        if old is None:
            table.add_row(*(as_cell(c, t) for c, t in zip(columns, cells, strict=True)), key=key)
        elif old != cells:
            for column, text, before in zip(columns, cells, old, strict=True):
                if text != before:
                    table.update_cell(key, column, as_cell(column, text), update_width=True)
    order = [key for key, _ in rows]
    current = [row.key.value for row in table.ordered_rows]
    if current != order:
        position = {cells: index for index, (_, cells) in enumerate(rows)}
        table.sort(key=lambda values: position.get(tuple(v.plain for v in values), len(position)))
    return wanted


def live_line(live: LiveFigures | None, newest: Mapping[str, Any] | None) -> str:
    """The line over the sparkline: the stream in progress, else the last stored reply."""
    if live is None:
        if not newest:
            return IDLE
        return (f"{IDLE} Last: {newest.get('model') or 'no model'}, "
                f"{_num(newest.get('completion_tokens'))} tokens, "
                f"{_num(newest.get('tokens_per_s'), 1)} tok/s, "
                f"TTFT {_num(newest.get('ttft_ms'))} ms, {newest.get('finish_reason') or '-'}.")
    models = ", ".join(live.models) or "…"
    ttft = f"{live.ttft_ms:.0f} ms" if live.ttft_ms is not None else "waiting"
    many = f"{live.streams} streams · " if live.streams > 1 else ""
    return (f"▶ {many}{models} · {live.tokens} tokens · {live.rate:.1f} tok/s · "
            f"TTFT {ttft} · {live.empty} empty · {live.elapsed_s:.1f} s")


class DiagnosticsScreen(Screen[None]):
    """Requests, models, fallback triggers, the log and system facts, refreshed live."""

    CSS_PATH = str(styles_file())
    BINDINGS = [
        Binding("escape,f2,q", "close", "Close", id="diagnostics_close"),
        Binding("r", "show_tab('requests')", "Requests", id="diagnostics_requests"),
        Binding("m", "show_tab('models')", "Models", id="diagnostics_models"),
        Binding("f", "show_tab('fallbacks')", "Fallbacks", id="diagnostics_fallbacks"),
        Binding("l", "show_tab('log')", "Log", id="diagnostics_log"),
        Binding("s", "show_tab('system')", "System", id="diagnostics_system"),
    ]

    live_text: reactive[str] = reactive(IDLE, init=False)
    """The line about the stream in progress (or the last one)."""
    refresh_error: reactive[str] = reactive("", init=False)
    """Why the last refresh could not gather everything ('' when it could)."""
    fallback_count: reactive[int] = reactive(0, init=False)
    """Fallback triggers listed, shown on the tab."""

    @dataclass
    class Collected(Message):
        """A refresh's figures are ready (posted from the collector thread).

        At most one is in flight (see :meth:`refresh_figures`), so none need merging.
        """

        snapshot: Snapshot

    def __init__(self, runtime: Runtime) -> None:
        super().__init__()
        self.runtime = runtime
        """The core whose figures are shown."""
        self._sampler = LiveSampler()
        self._tail = LogTail(runtime.log_path)
        self._system_done = False
        self._collecting = False
        self._shown: dict[str, dict[str, tuple[str, ...]]] = {
            "requests": {}, "models-table": {}, "fallbacks": {},
        }

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Static("Diagnostics", id="diag-title", markup=False)
        with Horizontal(id="diag-live"):
            yield Static(IDLE, id="live-label", markup=False)
            yield Sparkline([], id="live-rate")
        with TabbedContent(id="diag-tabs", initial="requests-pane"):
            with TabPane("Requests", id="requests-pane"):
                yield DataTable(id="requests", zebra_stripes=True, cursor_type="row")
            with TabPane("Models", id="models-pane"):
                yield DataTable(id="models-table", cursor_type="row")
                yield Static("memory: file size of the mmap'd GGUF, an approximation of what "
                             "is resident", classes="diag-note", markup=False)
            with TabPane("Fallbacks", id="fallbacks-pane"):
                yield DataTable(id="fallbacks", cursor_type="row")
            with TabPane("Log", id="log-pane"):
                yield Static(f"Tail of {self.runtime.log_path}", classes="diag-note",
                             markup=False)
                yield Log(id="log-tail", max_lines=LOG_LINES, auto_scroll=True)
            with TabPane("System", id="system-pane"):
                with VerticalScroll(id="system-scroll"):
                    yield Static("Gathering…", id="system-facts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        for table_id, columns in (("requests", REQUEST_COLUMNS), ("models-table", MODEL_COLUMNS),
                                  ("fallbacks", FALLBACK_COLUMNS)):
            table = self.query_one(f"#{table_id}", DataTable)
            for key, label in columns:
                table.add_column(label, key=key)
        self.query_one("#live-rate", Sparkline).tooltip = "tokens/s of the stream in progress"
        self._update_title()
        self.refresh_figures()
        self.set_interval(REFRESH_SECONDS, self.refresh_figures)
        self.query_one("#requests", DataTable).focus()

    # ----------------------------------------------------------------- refreshing

    def refresh_figures(self) -> None:
        """Start one collector unless the previous one is still busy."""
        if self._collecting:
            return
        self._collecting = True
        self._collect()

    @work(thread=True, exit_on_error=False, group="diagnostics")
    def _collect(self) -> None:
        """Gather a Snapshot off the UI thread and post it back."""
        snap = Snapshot()
        problems: list[str] = []
        service = self.runtime.service
        pool = self.runtime.pool
        try:
            busy = [m.name for m in self.runtime.catalog.models if pool.is_busy(m.name)]
            snap.live = self._sampler.sample(dict(service.live), busy)
            snap.samples = list(self._sampler.samples)
            stored: list[dict[str, Any]] = []
            try:
                stored = self.runtime.store.requests(last=REQUEST_ROWS)
                snap.requests = live_rows(snap.live) + request_rows(stored)
                snap.newest = stored[0] if stored else None
            except Exception as exc:  # noqa: BLE001 - show it, keep refreshing
                log.warning("diagnostics: reading requests failed", exc_info=True)
                problems.append(f"history: {exc}")
            snap.models = model_rows(self.runtime)
            snap.fallbacks = fallback_rows(stored, list(service.fallback_log),
                                           snap.live is not None)
            snap.log_lines = self._tail.read()
            if not self._system_done:
                self._system_done = True  # once, even if it fails
                snap.system = system_rows(self.runtime)
        except Exception as exc:  # noqa: BLE001 - never let a refresh kill the screen
            log.exception("diagnostics refresh failed")
            problems.append(f"{exc.__class__.__name__}: {exc}")
        snap.error = "; ".join(problems)
        if not self.post_message(self.Collected(snap)):
            self._collecting = False

    @on(Collected)
    def show_snapshot(self, message: Collected) -> None:
        """Apply a snapshot: changed cells only, new log lines appended."""
        snap = message.snapshot
        self._collecting = False
        tables = (("requests", REQUEST_COLUMNS, snap.requests),
                  ("models-table", MODEL_COLUMNS, snap.models),
                  ("fallbacks", FALLBACK_COLUMNS, snap.fallbacks))
        for table_id, columns, rows in tables:
            if rows is None:
                continue
            table = self.query_one(f"#{table_id}", DataTable)
            keys = tuple(key for key, _ in columns)
            self._shown[table_id] = sync_table(table, keys, rows, self._shown[table_id])
        spark = self.query_one("#live-rate", Sparkline)
        if snap.samples != list(spark.data or []):
            spark.data = snap.samples
        self.live_text = live_line(snap.live, snap.newest)
        if snap.log_lines:
            self.query_one("#log-tail", Log).write_lines(snap.log_lines)
        if snap.system is not None:
            width = max((len(label) for label, _ in snap.system), default=0)
            text = "\n".join(f"{label.ljust(width)}  {value}" for label, value in snap.system)
            self.query_one("#system-facts", Static).update(text)
        self.fallback_count = len(snap.fallbacks)
        self.refresh_error = snap.error

    # ----------------------------------------------------------------- watchers

    def watch_live_text(self, text: str) -> None:
        self.query_one("#live-label", Static).update(text)

    def watch_refresh_error(self) -> None:
        self._update_title()

    def watch_fallback_count(self, count: int) -> None:
        label = f"Fallbacks ({count})" if count else "Fallbacks"
        self.query_one("#diag-tabs", TabbedContent).get_tab("fallbacks-pane").label = label

    def _update_title(self) -> None:
        note = f" · ⚠ {self.refresh_error}" if self.refresh_error else ""
        self.query_one("#diag-title", Static).update(
            f"Diagnostics · refreshed every {REFRESH_SECONDS:g} s · Esc closes{note}"
        )

    # ----------------------------------------------------------------- actions

    def action_close(self) -> None:
        """Esc / F2: back to the chat."""
        self.dismiss()

    def action_show_tab(self, name: str) -> None:
        """Switch to the ``name`` tab (requests, models, fallbacks, log, system)."""
        self.query_one("#diag-tabs", TabbedContent).active = f"{name}-pane"
        self.query_one(f"#{TAB_FOCUS[name]}").focus()
