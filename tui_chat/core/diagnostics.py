"""Request metrics, models, live streams and fallbacks, shaped for people.

:class:`Diagnostics` is what the diagnostics screen (F2) and ``tui-chat stats`` read:
it holds the service, pool, store and catalog, so neither touches them. Its
:meth:`Diagnostics.snapshot` gathers one refresh (one SQLite query, the pool and
catalog, the live stream clocks, new log bytes) as rows of plain strings, off the UI
thread; the screen only puts them in tables.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tui_chat.core.chat import ChatService, LiveStream, SeenFallback
from tui_chat.core.config import Config
from tui_chat.core.events import FallbackRecord
from tui_chat.core.library.catalog import Catalog
from tui_chat.core.metrics import RequestMetrics
from tui_chat.core.pool import ModelPool
from tui_chat.core.sanitize import sanitize
from tui_chat.core.store import Store
from tui_chat.core.units import format_bytes

log = logging.getLogger(__name__)

REQUEST_ROWS = 50
"""Requests shown (newest first)."""
SPARK_SAMPLES = 120
"""Tokens/s samples kept for the sparkline (one minute at 0.5 s)."""
LOG_BACKLOG_BYTES = 16 * 1024
"""How much of the log from before the screen opened is shown."""
LOG_READ_BYTES = 64 * 1024
"""At most this much new log is read per refresh (the rest follows next time)."""
IDLE = "No reply is streaming."
"""The live line when nothing streams and nothing has yet."""
TEXT_CELL = 40
"""Route reasons and messages are cut to this many characters in table cells."""
SESSION_CELL = 24
"""A live row's session cell (id and title) is cut to this many characters."""

Row = tuple[str, tuple[str, ...]]
"""(row key, cell texts) as gathered off the UI thread."""

REQUEST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "#"), ("time", "time"), ("session", "session"), ("model", "model"),
    ("prompt", "prompt"), ("completion", "tokens"), ("thinking", "think"),
    ("ttft", "TTFT ms"), ("answer", "answer ms"), ("rate", "tok/s"),
    ("empty", "empty"), ("total", "total ms"), ("finish", "finish"),
    ("fallback", "fallback"), ("route", "route reason"),
)
"""(key, label) of the requests table; :func:`request_rows` fills them in this order."""
MODEL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("model", "model"), ("status", "status"), ("load", "load s"), ("memory", "memory"),
    ("gpu", "n_gpu_layers"), ("ctx", "n_ctx"), ("threads", "threads"), ("backend", "backend"),
    ("detail", "detail"),
)
"""(key, label) of the models table (:meth:`Diagnostics.model_rows`)."""
FALLBACK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("time", "time"), ("request", "request"), ("model", "model"), ("trigger", "trigger"),
    ("message", "reason"),
)
"""(key, label) of the fallbacks table (:func:`fallback_rows`)."""


def _clip(text: object, limit: int = TEXT_CELL) -> str:
    """One safe line of at most ``limit`` characters."""
    flat = " ".join(sanitize(str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _memory_cell(facts: Mapping[str, Any] | None) -> str:
    """A local model's memory: its process's measured RSS, else its file size (mmap'd)."""
    if not facts:
        return "-"
    rss, size = facts.get("rss_bytes"), facts.get("file_bytes")
    if rss:
        return f"{format_bytes(rss)} RSS"
    return f"≈{format_bytes(size)} (mmap)" if size else "-"


def _num(value: Any, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _clock_time(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%H:%M:%S") if stamp else "-"


def _records(row: Mapping[str, Any]) -> list[FallbackRecord]:
    return [FallbackRecord.from_dict(item) for item in row.get("fallbacks") or []]


# --------------------------------------------------------------------------- live figures


@dataclass(frozen=True, slots=True)
class StreamFigures:
    """One stream in progress, as of one refresh."""

    key: int
    """The chat service's internal request number."""
    model: str
    """The model answering it."""
    session_id: int | None
    """The session the reply belongs to (None: not stored)."""
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
    """Models answering right now, oldest stream first, each once."""
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
    """Turns the chat service's live streams into one tokens/s sample per refresh.

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

    def sample(self, streams: Mapping[int, LiveStream],
               now: float | None = None) -> LiveFigures | None:
        """Take one sample from ``streams``; None (and no sample) when nothing streams."""
        now = time.perf_counter() if now is None else now
        if not streams:
            self._seen.clear()
            self._active = False
            return None
        if not self._active:
            self.samples.clear()
            self._active = True
        rate = 0.0
        seen: dict[int, tuple[int, float, int]] = {}
        for key, stream in streams.items():
            clock = stream.clock
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
        ordered = sorted(streams.items())
        newest = ordered[-1][1].clock
        each = tuple(
            StreamFigures(key, s.model, s.session_id, s.clock.tokens, s.clock.empty,
                          s.clock.ttft_ms, s.clock.tokens_per_s(),
                          max(0.0, now - s.clock.started))
            for key, s in ordered
        )
        return LiveFigures(
            streams=len(streams),
            models=tuple(dict.fromkeys(s.model for _, s in ordered)),
            tokens=sum(s.clock.tokens for s in streams.values()),
            empty=sum(s.clock.empty for s in streams.values()),
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


# --------------------------------------------------------------------------- rows


def request_rows(rows: list[dict[str, Any]]) -> list[Row]:
    """Requests table rows from ``Store.requests`` dicts (already newest first)."""
    out: list[Row] = []
    for row in rows:
        fallback = ", ".join(f"{r.model} {r.trigger}" for r in _records(row)) or "-"
        finish = row.get("finish_reason") or "-"
        if row.get("error"):
            finish = f"{finish}: {row['error']}"
        out.append((f"r{row['id']}", (
            str(row["id"]), _clock_time(row.get("time")), _num(row.get("session_id")),
            _clip(row.get("model") or "none"), _num(row.get("prompt_tokens")),
            _num(row.get("completion_tokens")), _num(row.get("reasoning_tokens")),
            _num(row.get("ttft_ms")), _num(row.get("answer_ms")),
            _num(row.get("tokens_per_s"), 1), _num(row.get("empty_chunks")),
            _num(row.get("total_ms")), _clip(finish), _clip(fallback),
            _clip(row.get("route_reason") or "-"),
        )))
    return out


def live_rows(live: LiveFigures | None, wall: float | None = None,
              titles: Mapping[int, str] | None = None) -> list[Row]:
    """Rows for the streams in progress, above the stored requests.

    Each names its model and its session (the id, as the stored rows show it, then the
    session's title from ``titles`` when known), so two streams at once are told apart.
    """
    if live is None:
        return []
    wall = time.time() if wall is None else wall
    titles = titles or {}

    def session(sid: int | None) -> str:
        if sid is None:
            return "-"
        title = titles.get(sid)
        return _clip(f"{sid} {title}" if title else str(sid), SESSION_CELL)

    return [(f"live{s.key}", (
        "▶", _clock_time(wall - s.elapsed_s), session(s.session_id), _clip(s.model), "-",
        str(s.tokens), "-",
        _num(s.ttft_ms), "-", _num(s.tokens_per_s, 1), str(s.empty), _num(s.elapsed_s * 1000.0),
        "streaming", "-", "-",
    )) for s in reversed(live.each)]


def fallback_rows(requests: list[dict[str, Any]], logged: list[SeenFallback],
                  streaming: bool) -> list[Row]:
    """Fallback triggers from stored requests plus this run's log not stored yet.

    A logged trigger whose request is already stored (same session, model, trigger and
    message) is shown once, as part of that request.
    """
    rows: list[tuple[float, Row]] = []
    stored: dict[tuple[Any, ...], int] = {}
    for row in requests:
        for index, record in enumerate(_records(row)):
            key = (row.get("session_id"), record)
            stored[key] = stored.get(key, 0) + 1
            rows.append((float(row.get("time") or 0.0), (f"r{row['id']}.{index}", (
                _clock_time(row.get("time")), f"#{row['id']}", _clip(record.model),
                _clip(record.trigger), _clip(record.message, 200),
            ))))
    for index, seen in enumerate(reversed(logged)):
        key = (seen.session_id, seen.record)
        if stored.get(key):
            stored[key] -= 1
            continue
        where = "in progress" if streaming else "not stored"
        rows.append((seen.time, (f"log{len(logged) - index}", (
            _clock_time(seen.time), where, _clip(seen.record.model),
            _clip(seen.record.trigger), _clip(seen.record.message, 200),
        ))))
    rows.sort(key=lambda item: item[0], reverse=True)
    return [row for _, row in rows]


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
    """System facts (asked for once)."""
    error: str = ""
    """What went wrong while gathering ('' when nothing)."""


# --------------------------------------------------------------------------- the facade


class Diagnostics:
    """What the diagnostics screen and ``tui-chat stats`` show, read from the core's parts."""

    def __init__(self, *, service: ChatService, pool: ModelPool, store: Store | None,
                 catalog: Catalog, config: Config, data_dir: Path, log_path: Path) -> None:
        self.service = service
        self.pool = pool
        self.store = store
        self.catalog = catalog
        self.config = config
        self.data_dir = data_dir
        """The data dir (history, logs)."""
        self.log_path = log_path
        """The log file the screen follows."""

    def request_records(self, last: int, session_id: int | None = None) -> list[dict[str, Any]]:
        """The ``last`` requests, newest first, keyed by the public field names only.

        The ``tui-chat stats --json`` items: ``fallbacks`` is a list of
        ``{"model", "trigger", "message"}``.
        """
        if self.store is None:
            return []
        rows = self.store.requests(last=last, session_id=session_id)
        return [RequestMetrics.from_row(row).as_dict() for row in rows]

    def _titles(self, live: LiveFigures | None) -> dict[int, str]:
        """The titles of the sessions streaming now (those the history can read)."""
        titles: dict[int, str] = {}
        for sid in {s.session_id for s in (live.each if live else ()) if s.session_id is not None}:
            try:
                titles[sid] = self.service.session(sid).title
            except Exception:  # noqa: BLE001 - the id alone still tells the rows apart
                log.debug("diagnostics: no title for session %s", sid, exc_info=True)
        return titles

    def model_rows(self) -> list[Row]:
        """Models table rows: catalog status joined with what the pool has resident."""
        info = self.pool.info()
        out: list[Row] = []
        for spec in self.catalog.models:
            state = self.catalog.state(spec.name)
            facts = info.get(spec.name)
            if spec.is_remote:
                memory, gpu = "remote", "-"
                backend = f"openai {_clip(spec.base_url or '', 28)}"
                ctx = facts.get("n_ctx") if facts else None
            else:
                memory = _memory_cell(facts)
                gpu = (facts.get("n_gpu_layers") if facts
                       else spec.load.get("n_gpu_layers", "auto"))
                ctx = facts.get("n_ctx") if facts else spec.load.get("n_ctx")
                backend = "llama"
            load = facts.get("load_seconds") if facts else None
            applied = (facts or {}).get("applied") or {}
            threads = (None if spec.is_remote
                       else applied.get("n_threads", spec.load.get("n_threads")))
            out.append((spec.name, (
                spec.name, str(state.status), _num(load, 2), memory, _num(gpu), _num(ctx),
                _num(threads), backend, _clip(state.detail or "-", 60),
            )))
        return out

    def system_rows(self) -> list[tuple[str, str]]:
        """Versions, llama.cpp facts and paths (imports llama_cpp: call off the UI thread)."""
        from tui_chat.core import sysinfo

        facts = sysinfo.collect({
            "config": self.config.path,
            "data dir": self.data_dir,
            "history": self.store.path if self.store is not None else "-",
            "log": self.log_path,
            "models dir": self.config.models_dir,
        })
        return [(label, sanitize(value)) for label, value in facts.rows()]

    def snapshot(self, sampler: LiveSampler, tail: LogTail | None = None,
                 system: bool = False) -> Snapshot:
        """One refresh: live figures (sampled into ``sampler``), tables, new log lines.

        ``system`` also gathers the system facts (slow: do it once). Never raises:
        what failed is in ``error``.
        """
        snap = Snapshot()
        problems: list[str] = []
        try:
            snap.live = sampler.sample(self.service.live_streams())
            snap.samples = list(sampler.samples)
            stored: list[dict[str, Any]] = []
            try:
                stored = self.store.requests(last=REQUEST_ROWS) if self.store else []
                snap.requests = (live_rows(snap.live, titles=self._titles(snap.live))
                                 + request_rows(stored))
                snap.newest = stored[0] if stored else None
            except Exception as exc:  # noqa: BLE001 - show it, keep refreshing
                log.warning("diagnostics: reading requests failed", exc_info=True)
                problems.append(f"history: {exc}")
            snap.models = self.model_rows()
            snap.fallbacks = fallback_rows(stored, self.service.seen_fallbacks(),
                                           snap.live is not None)
            snap.log_lines = tail.read() if tail is not None else []
            if system:
                snap.system = self.system_rows()
        except Exception as exc:  # noqa: BLE001 - never let a refresh kill the screen
            log.exception("diagnostics refresh failed")
            problems.append(f"{exc.__class__.__name__}: {exc}")
        snap.error = "; ".join(problems)
        return snap


__all__ = [
    "FALLBACK_COLUMNS", "IDLE", "MODEL_COLUMNS", "REQUEST_COLUMNS",
    "Diagnostics", "LiveFigures", "LiveSampler", "LogTail", "Row", "Snapshot",
    "StreamFigures", "fallback_rows", "live_line", "live_rows", "request_rows",
]
