"""Diagnostics (F2): why was that reply slow, empty or from the wrong model?

A live strip (tokens/s sparkline of the stream in progress) sits above five tabs:
recent requests, models, fallback triggers, the app's log and system facts. Every
``REFRESH_SECONDS`` one thread worker asks :class:`~tui_chat.core.diagnostics.Diagnostics`
for a snapshot (rows already shaped as text, see ``core/diagnostics.py``) and posts it
back; the screen then updates its tables in place (changed cells only, rows added or
removed by key), so the UI thread never waits on SQLite or the disk and the stream
never stalls.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
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

from tui_chat.core.diagnostics import (
    FALLBACK_COLUMNS,
    IDLE,
    MODEL_COLUMNS,
    REQUEST_COLUMNS,
    Diagnostics,
    LiveSampler,
    LogTail,
    Row,
    Snapshot,
    live_line,
)
from tui_chat.core.paths import styles_path

log = logging.getLogger(__name__)

REFRESH_SECONDS = 0.5
"""How often the screen gathers fresh figures."""
LOG_LINES = 500
"""Lines the log pane keeps."""
TAB_FOCUS = {"requests": "requests", "models": "models-table", "fallbacks": "fallbacks",
             "log": "log-tail", "system": "system-scroll"}
"""Tab name to the id of the widget that takes focus on it."""
NUMERIC = {"id", "session", "prompt", "completion", "ttft", "rate", "empty", "total",
           "load", "gpu", "ctx", "threads"}
"""Column keys shown right-aligned."""


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


class DiagnosticsScreen(Screen[None]):
    """Requests, models, fallback triggers, the log and system facts, refreshed live."""

    CSS_PATH = str(styles_path("diagnostics.tcss"))
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

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__()
        self.diagnostics = diagnostics
        """Where the figures come from."""
        self._sampler = LiveSampler()
        self._tail = LogTail(diagnostics.log_path)
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
                yield Static("memory: the model process's measured RSS once loaded (about "
                             "the file size, mmap'd, while loading)", classes="diag-note",
                             markup=False)
            with TabPane("Fallbacks", id="fallbacks-pane"):
                yield DataTable(id="fallbacks", cursor_type="row")
            with TabPane("Log", id="log-pane"):
                yield Static(f"Tail of {self.diagnostics.log_path}", classes="diag-note",
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
        first = not self._system_done
        self._system_done = True  # once, even if it fails
        snap = self.diagnostics.snapshot(self._sampler, self._tail, system=first)
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
