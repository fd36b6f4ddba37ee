"""The Textual app: only what is app-wide.

Bindings that work on every screen, the command palette, the ``[keys]`` keymap, the
help screen, signals, interpreter settings and worker failures. The chat itself is
the default screen, :class:`~tui_chat.ui.screens.chat.ChatScreen`, which owns the
replies in progress; each widget owns the workers of its own actions.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from dataclasses import replace

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.worker import Worker, WorkerState

from tui_chat.core.config_save import set_top_level_value
from tui_chat.core.errors import TuiChatError
from tui_chat.core.paths import styles_path
from tui_chat.core.runtime import Runtime
from tui_chat.core.store import DamagedHistory
from tui_chat.core.store.schema import needs_upgrade
from tui_chat.ui.commands import ChatCommands
from tui_chat.ui import layout
from tui_chat.ui.frames import filtered_driver
from tui_chat.ui.pacing import InterpreterTuning
from tui_chat.ui.screens.chat import ChatScreen
from tui_chat.ui.screens.help import HelpScreen, binding_rows
from tui_chat.ui.screens.history import DamagedHistoryScreen
from tui_chat.ui.terminal import TerminalWatch, crash_sentence
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

log = logging.getLogger(__name__)

LIBRARY_SCAN_DELAY_S = 1.0
"""Seconds after the first frame before the disk is searched for GGUF files: the scan's
imports (gguf, numpy, huggingface_hub) hold the GIL, and at Ready the frame may still be
on its way to the terminal (measured: +0.3 s to the first frame without the delay)."""


class TuiChatApp(App[int]):
    """tui-chat: chat with local LLMs, keyboard first."""

    CSS_PATH = str(styles_path())
    TITLE = "tui-chat"
    COMMANDS = App.COMMANDS | {ChatCommands}
    BINDINGS = [
        # ChatScreen lists these three too, for its footer's order.
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
        Binding("f2", "diagnostics", "Diagnostics", id="diagnostics"),
    ]

    def __init__(self, runtime: Runtime, damaged: DamagedHistory | None = None) -> None:
        """``damaged``: the history could not be opened because its file is damaged."""
        super().__init__()
        self.runtime = runtime
        """The core this app drives."""
        self.keymap = dict(runtime.config.keys)
        """Binding id -> keys, from ``[keys]`` in config.toml."""
        self._damaged = damaged
        self._chat: ChatScreen | None = None
        self._tuning = InterpreterTuning()
        layout.install()  # one reflow per change, not two (ui.layout)
        self._watch: TerminalWatch | None = None
        self.ui_config = runtime.config.ui
        """Frames and bytes (``[ui]``; ``--low-bandwidth`` turns its mode on)."""

    def _handle_exception(self, error: Exception) -> None:
        """A bug ends the app (its widget is dead): one sentence, the traceback to the log."""
        log.error("unexpected error; the app stops", exc_info=error)
        self._return_code = 1  # Textual's own bookkeeping (tests re-raise _exception)
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.panic(crash_sentence(error, self.runtime.log_path))

    def get_default_screen(self) -> ChatScreen | DamagedHistoryScreen:
        """The chat, or first the question of what to do with a damaged history."""
        if self._damaged is not None:
            return DamagedHistoryScreen(str(self._damaged))
        return self.chat

    @property
    def chat(self) -> ChatScreen:
        """The chat screen (made once, on first use)."""
        if self._chat is None:
            self._chat = ChatScreen(self.runtime.service, self.runtime.models,
                                    self.runtime.config.default_model, self.keymap)
        return self._chat

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, writing only what the terminal does not show yet (ui.frames).

        ``TUI_CHAT_FRAME_FILTER=0`` writes every frame whole (to compare, or to rule the
        filter out when the screen looks wrong)."""
        driver = super().get_driver_class()
        return driver if os.environ.get("TUI_CHAT_FRAME_FILTER") == "0" else filtered_driver(driver)

    def on_resize(self, event: events.Resize) -> None:
        """The terminal redraws itself on a resize: the next frame is written whole."""
        frames = getattr(self._driver, "frame_filter", None)
        if frames is not None:
            frames.forget()

    def on_mount(self) -> None:
        self._tuning.apply()
        if self.keymap:
            self.set_keymap(self.keymap)
        self._install_signal_handlers()
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            self._watch = TerminalWatch(lambda: loop.call_soon_threadsafe(self._terminal_lost))
            self._watch.start()

    def on_ready(self) -> None:
        """The first frame is drawn: the model list may search the disk a moment later."""
        if self._chat is not None and self._chat.is_attached:
            self.set_timer(LIBRARY_SCAN_DELAY_S, self._chat.query_one(ModelList).scan_library)

    def on_unmount(self) -> None:
        if self._watch is not None:
            self._watch.stop()
        self._tuning.restore()

    @on(DamagedHistoryScreen.Decided)
    def settle_damaged_history(self, event: DamagedHistoryScreen.Decided) -> None:
        """y: keep the old file under another name and chat on a fresh history; n: quit."""
        path = self.runtime.history_path
        if not event.move_aside:
            self.exit(1, message=f"tui-chat: left {path} as it is; move it aside or pass "
                                 "another --data-dir to start.")
            return
        try:
            moved = self.runtime.move_history_aside()
            self.runtime.service  # opens the fresh history now, so a failure shows here
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        self._damaged = None
        self.push_screen(self.chat)  # over the question: the default screen cannot be swapped
        self.call_after_refresh(lambda: self.chat.query_one(ModelList).scan_library())
        self.notify(f"The damaged history is kept as {moved}; this is a fresh one.",
                    timeout=10)

    # ----------------------------------------------------------------- signals

    def _install_signal_handlers(self) -> None:
        """SIGHUP (SSH dropped) and SIGTERM save every partial reply and exit cleanly."""
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.shutdown_on_signal, sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not main thread / Windows
            log.debug("signal handlers not installed", exc_info=True)

    def shutdown_on_signal(self, sig: int = signal.SIGHUP) -> None:
        """Mark running replies interrupted (the core saves them) and exit."""
        log.warning("received signal %s: saving partial replies and exiting", sig)
        if self._damaged is None:
            self.runtime.service.interrupt_all()
        self.exit(128 + int(sig))

    def _terminal_lost(self) -> None:
        """The terminal's input closed without SIGHUP: as for SIGHUP."""
        self.shutdown_on_signal(signal.SIGHUP)
        if self._watch is not None:
            self._watch.stop()  # Textual's input thread can finish now

    @on(Worker.StateChanged)
    def report_worker_failure(self, event: Worker.StateChanged) -> None:
        """Any worker that dies becomes a notification and a log line, never a crash."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("worker %s failed", event.worker.name, exc_info=error)
            self.notify(f"{event.worker.name} failed: {error}; see {self.runtime.log_path}.",
                        severity="error", timeout=10)

    # ----------------------------------------------------------------- actions

    def action_help(self) -> None:
        """F1: list every key (as remapped by [keys] in config.toml)."""
        pairs: list[tuple[str, Binding]] = []
        for where, cls in (("anywhere", ChatScreen), ("anywhere", TuiChatApp),
                           ("prompt", PromptInput), ("chat log", ChatLog),
                           ("models", ModelList), ("sessions", SessionList)):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding):
                    if binding.id in self.keymap:
                        binding = replace(binding, key=self.keymap[binding.id])
                    pairs.append((where, binding))
        self.push_screen(HelpScreen(binding_rows(pairs)))

    def action_diagnostics(self) -> None:
        """F2: requests, models, fallbacks and the log."""
        from tui_chat.ui.screens.diagnostics import DiagnosticsScreen

        if isinstance(self.screen, DiagnosticsScreen):
            return
        self.push_screen(DiagnosticsScreen(self.runtime.diagnostics))

    def save_default_model(self) -> None:
        """Write the chat's model as ``default_model`` into config.toml, atomically.

        On failure (read-only folder, full disk) the old file stays intact and the
        notification says so.
        """
        path = self.runtime.config.path
        choice = self.chat.model_choice
        if path is None:
            self.notify("tui-chat is running on its built-in config; create config.toml "
                        "(copy the shipped one) to save settings.", severity="warning")
            return
        try:
            set_top_level_value(path, "default_model", choice)
        except TuiChatError as exc:
            log.warning("saving %s failed: %s", path, exc)
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.notify(f"Saved default_model = \"{choice}\" to {path}.")

    async def action_quit(self) -> None:
        """Stop every stream and download (partial replies are saved as stopped); exit."""
        if self._chat is not None and self._chat.is_attached:
            self._chat.stop_all()
            self._chat.query_one(ModelList).cancel_all_downloads()
        self.exit(0)


def run_app(runtime: Runtime, *, low_bandwidth: bool = False) -> int:
    """Run the TUI until the user quits; returns the exit code.

    ``low_bandwidth``: ``--low-bandwidth`` (``[ui] low_bandwidth`` for this run).
    The history opens first, before the terminal changes: a locked or unreadable one
    raises its one sentence (the CLI prints it and exits non-zero); a damaged one is
    shown in the app, which offers to move it aside.
    """
    damaged = None
    if needs_upgrade(runtime.history_path):
        print("Upgrading the chat history (once; a large one takes a few seconds)…",
              file=sys.stderr, flush=True)
    try:
        runtime.service  # the service opens the history
    except DamagedHistory as exc:
        damaged = exc
    app = TuiChatApp(runtime, damaged)
    if low_bandwidth:
        app.ui_config = app.ui_config.with_low_bandwidth()
    result = app.run()
    return app.return_code or int(result or 0)
