"""The Textual app: a thin layer over the core's ChatService.

Blocking work (inference, downloads, model loads) runs in thread workers that never
touch widgets directly: text goes through a MessageView's StreamBuffer, everything
else back through ``post_message`` (the app handles its messages one at a time, in
order, so a reply's events never overtake each other and the worker never waits).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import signal

from textual import on, work
from textual.app import App, ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tui_chat.core import chat
from tui_chat.core.catalog import ModelState
from tui_chat.core.errors import TuiChatError
from tui_chat.core.runtime import Runtime
from tui_chat.ui.commands import ChatCommands
from tui_chat.ui.screens.dialogs import ConfirmScreen, InputScreen, SessionSettingsScreen
from tui_chat.ui.screens.help import HelpScreen, binding_rows
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.message import MessageView
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import AUTO, ModelList

log = logging.getLogger(__name__)

SIDEBAR_DELAY_S = 0.05
"""How long session-list updates wait at the start of a reply (see refresh_sessions_soon)."""

ASK_WAIT_S = 0.01
"""Longest a new reply's messages wait for the worker to hand the prompt to the model."""

FIRST_TEXT_WAIT_S = 0.05
"""Longest the screen waits for a reply's first text before showing the prompt alone."""


def styles_path() -> Path:
    """The .tcss folder: inside the wheel, or the repository's ``styles/``."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "styles", here.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate / "app.tcss"
    raise FileNotFoundError("styles/app.tcss is missing; reinstall tui-chat")


@dataclass
class Generation:
    """A reply being generated for one session (it survives switching sessions)."""

    session_id: int
    view: MessageView | None = None
    """Where streamed text goes; None while its session is not shown."""
    model: str | None = None
    """The model answering, once known."""
    meta: str = ""
    """The reply's meta line so far."""
    waiting: bool = False
    """True while queued behind another generation on the same model."""
    asked: threading.Event = field(default_factory=threading.Event)
    """Set by the worker once the model has the prompt (or the reply ended)."""
    worker: Worker[None] | None = None
    """The thread worker draining the core's events."""
    parts: list[str] = field(default_factory=list)
    """Text so far, so a view re-opened later can catch up."""
    message_id: int | None = None
    """The store's id of the reply, once known."""
    state: str = "streaming"
    """The reply's final state once the UI has handled its end."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Orders text appends against re-attaching a view."""

    def cancel(self) -> None:
        """Stop the reply within one token (the worker passes this event to the core)."""
        if self.worker is not None:
            self.worker.cancel()

    def append(self, text: str) -> None:
        """Record text and forward it to the view, if shown (worker thread)."""
        with self.lock:
            self.parts.append(text)
            view = self.view
        if view is not None:
            view.push(text)

    def attach(self, view: MessageView) -> None:
        """Show this generation in ``view`` (UI thread, view mounted and streaming)."""
        if self.meta:
            view.meta = self.meta
        view.message_id = self.message_id
        with self.lock:
            self.view = view
            text = "".join(self.parts)
            if text:
                view.push(text)

    def restart(self) -> tuple[MessageView | None, str]:
        """A fallback starts the reply over: (the old view, its text); worker thread.

        Text from the next model collects in ``parts`` until the UI attaches a fresh view.
        """
        with self.lock:
            view, self.view = self.view, None
            partial = "".join(self.parts)
            self.parts.clear()
        return view, partial


@dataclass(frozen=True)
class ReplyFailed:
    """The worker ended with an error instead of a Finished event."""

    message: str
    """One sentence for the user."""


@dataclass
class ReplyUpdate(Message):
    """A non-text event of a streaming reply, for the UI."""

    gen: Generation
    event: chat.ReplyEvent | ReplyFailed
    reason: str
    """The router's reason for the model, once chosen."""
    old_view: MessageView | None = None
    """For a fallback restart: the view the failed model's text went to."""
    partial: str = ""
    """For a fallback restart: the failed model's text."""


class TuiChatApp(App[int]):
    """tui-chat: chat with local LLMs, keyboard first."""

    CSS_PATH = str(styles_path())
    TITLE = "tui-chat"
    COMMANDS = App.COMMANDS | {ChatCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("ctrl+n", "new_chat", "New chat", id="new_chat"),
        Binding("escape", "stop", "Stop", id="stop"),
        Binding("f1", "help", "Help", id="help"),
        Binding("f2", "diagnostics", "Diagnostics", id="diagnostics"),
        Binding("ctrl+y", "copy_reply", "Copy reply", id="copy_reply", priority=True),
        Binding("ctrl+o", "focus_models", "Models", id="focus_models"),
        Binding("ctrl+s", "focus_sessions", "Sessions", id="focus_sessions", show=False),
        Binding("ctrl+pagedown,alt+down", "next_session", "Next chat", id="next_session",
                show=False),
        Binding("ctrl+pageup,alt+up", "next_session(-1)", "Previous chat", id="prev_session",
                show=False),
        Binding("ctrl+r", "regenerate", "Regenerate", id="regenerate", show=False),
        Binding("ctrl+g", "edit_last", "Edit last prompt", id="edit_last", show=False),
        Binding("f3", "session_settings", "Chat settings", id="chat_settings", show=False),
        Binding("ctrl+l", "focus_log", "Chat log", id="focus_log", show=False),
        Binding("ctrl+e", "focus_prompt", "Prompt", id="focus_prompt", show=False),
    ]

    # ``var``: a change runs the watcher only. A plain reactive on the App repaints the
    # whole screen on every change (the status line changes as each reply starts).
    model_choice: var[str] = var(AUTO)
    """``auto`` or the model name pinned for the current chat."""
    session_title: var[str] = var("New chat")
    """Shown in the header."""
    status_text: var[str] = var("Ready")
    """The status line under the chat log."""

    def __init__(self, runtime: Runtime) -> None:
        super().__init__()
        self.runtime = runtime
        self.session_id: int | None = None
        """The session shown in the log (None until the first prompt)."""
        self.generations: dict[int, Generation] = {}
        """Replies in progress, by session."""
        self.recovered = 0
        """Replies found interrupted at start-up (crash, kill, dropped SSH)."""
        self.downloads: dict[str, threading.Event] = {}
        """Downloads in progress: model name -> cancel event."""
        self._unsubscribe = None
        self._tuning = InterpreterTuning()
        self._pending: list[Callable[[], object]] = []
        self._pending_timer: Timer | None = None
        self._frame_hold: AbstractContextManager[None] | None = None
        self._frame_hold_timer: Timer | None = None
        default = runtime.config.default_model
        self.set_reactive(TuiChatApp.model_choice, default)

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                models = [(m.name, m.display_name, m.is_remote) for m in self.runtime.catalog.models]
                yield ModelList(models, id="models")
                yield SessionList(id="sessions")
            with Vertical(id="chat"):
                yield ChatLog(id="log")
                yield Static("", id="status", markup=False)
                yield PromptInput(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self._tuning.apply()
        self._apply_keymap()
        models = self.query_one(ModelList)
        catalog = self.runtime.catalog
        models.set_states([catalog.state(m.name) for m in catalog.models])
        models.set_active(self.model_choice)
        self._unsubscribe = catalog.subscribe(self._post_status)
        self.query_one(PromptInput).focus()
        self._refresh_header()
        self.refresh_sessions()
        self._refresh_status()
        self._install_signal_handlers()
        self.recovered = self.runtime.store.recovered
        if any(spec.is_remote for spec in catalog.models):
            self.check_remote_models()
        if self.recovered:
            self.notify(f"{self.recovered} reply(s) were cut off last time; they are kept, "
                        "marked interrupted.", severity="warning", timeout=8)

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
        self.runtime.service.interrupt_all()
        self.exit(128 + int(sig))

    def _hold_frames(self) -> None:
        """Hold screen updates until the reply's first text is in, FIRST_TEXT_WAIT_S at most.

        The prompt leaving the box, the two new messages and the first tokens then
        reach the terminal in one frame. Drawn apart, the first tokens would wait for
        the next frame slot: Textual's screen timer puts the frame after an idle spell
        16-33 ms after the previous one, so the first tokens of a fast model showed
        up to 30 ms late (bench/README.md). A slow model changes nothing visible: the
        prompt moves to the log after 50 ms instead of after one frame.
        """
        if self._frame_hold is not None:
            return
        hold = self.batch_update()
        hold.__enter__()
        self._frame_hold = hold
        self._frame_hold_timer = self.set_timer(FIRST_TEXT_WAIT_S, self._release_frames)

    def _release_frames(self) -> None:
        """End :meth:`_hold_frames` (idempotent)."""
        hold, self._frame_hold = self._frame_hold, None
        timer, self._frame_hold_timer = self._frame_hold_timer, None
        if timer is not None:
            timer.stop()
        if hold is not None:
            hold.__exit__(None, None, None)
            # The screen drew nothing while held: have it look for changes now, not
            # when its next message happens to arrive.
            try:
                self.screen.check_idle()
            except ScreenStackError:  # the app is closing
                pass

    def _show_title(self, session_id: int, title: str) -> None:
        if self.session_id == session_id:
            self.session_title = title

    def refresh_sessions_soon(self) -> None:
        """Reload the session list a moment from now (see :meth:`_soon`)."""
        self._soon(self.refresh_sessions)

    def _soon(self, update: Callable[[], object]) -> None:
        """Run ``update`` (once) with the others queued, :data:`SIDEBAR_DELAY_S` from now.

        For the start of a reply: the frames that show the prompt and the first tokens
        then hold only the chat log; the sidebar and header follow a moment later.
        """
        if update not in self._pending:
            self._pending.append(update)
        if self._pending_timer is None:
            self._pending_timer = self.set_timer(SIDEBAR_DELAY_S, self._run_pending)

    def _run_pending(self) -> None:
        pending, self._pending, self._pending_timer = self._pending, [], None
        for update in pending:
            try:
                update()
            except NoMatches:  # the app is closing: its widgets are gone
                return

    def refresh_sessions(self) -> None:
        """Reload the session list from the store."""
        widget = self.query_one(SessionList)
        widget.current = self.session_id
        widget.live = set(self.generations)
        widget.waiting = {sid for sid, g in self.generations.items() if g.waiting}
        try:
            sessions = self.runtime.store.sessions()
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        widget.show(sessions)
        widget.display = bool(sessions)

    def _apply_keymap(self) -> None:
        keys = self.runtime.config.keys
        if keys:
            self.set_keymap(dict(keys))

    def _post_status(self, state: ModelState) -> None:
        """Catalog listener: runs on any thread, so only posts a message."""
        try:
            self.query_one(ModelList).post_message(ModelList.StatusChanged(state))
        except Exception:  # noqa: BLE001 - app shutting down
            pass

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._pending_timer is not None:
            self._pending_timer.stop()
        self._pending.clear()
        self._release_frames()
        self._tuning.restore()

    # ----------------------------------------------------------------- header/status

    def _refresh_header(self) -> None:
        self.title = self.session_title
        self.sub_title = f"model: {self.model_choice}"

    def watch_model_choice(self) -> None:
        self._refresh_header()

    def watch_session_title(self) -> None:
        self._refresh_header()

    def watch_status_text(self, text: str) -> None:
        try:
            self.query_one("#status", Static).update(text)
        except Exception:  # noqa: BLE001 - not mounted yet
            pass

    def _refresh_status(self) -> None:
        gen = self.generations.get(self.session_id) if self.session_id is not None else None
        if gen is not None and gen.waiting:
            self.status_text = f"Waiting for {gen.model}: another chat is using it… · Esc stops"
        elif gen is not None and gen.model:
            self.status_text = f"{gen.model} is answering… · Esc stops"
        elif gen is not None:
            self.status_text = "Preparing… · Esc stops"
        else:
            self.status_text = f"Ready · model: {self.model_choice} · Enter sends, ^j newline"

    # ----------------------------------------------------------------- choosing a model

    def choose_model(self, name: str) -> None:
        """Use ``name`` (or auto) for the current chat."""
        if name != AUTO:
            self.runtime.catalog.spec(name)  # validates
        self.model_choice = name
        self.query_one(ModelList).set_active(name)
        if self.session_id is not None:
            self.runtime.store.update_session(self.session_id, model=name)
        self.notify(f"Model for this chat: {name}")
        self._refresh_status()

    def save_default_model(self) -> None:
        """Write the current model choice as ``default_model`` into config.toml, atomically.

        On failure (read-only folder, full disk) the old file stays intact and the
        notification says so.
        """
        from tui_chat.core.config import set_top_level_value

        path = self.runtime.config.path
        if path is None:
            self.notify("tui-chat is running on its built-in config; create config.toml "
                        "(copy the shipped one) to save settings.", severity="warning")
            return
        try:
            set_top_level_value(path, "default_model", self.model_choice)
        except TuiChatError as exc:
            log.warning("saving %s failed: %s", path, exc)
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.notify(f"Saved default_model = \"{self.model_choice}\" to {path}.")

    @on(ModelList.Chosen)
    def use_chosen_model(self, event: ModelList.Chosen) -> None:
        """Enter in the sidebar picks the model."""
        self.choose_model(event.name)
        self.query_one(PromptInput).focus()

    @on(ModelList.Requested)
    def run_model_action(self, event: ModelList.Requested) -> None:
        """d / l / u / x on a sidebar row."""
        if event.action == "download":
            self.start_download(event.name)
        elif event.action == "load":
            self.load_model(event.name)
        elif event.action == "unload":
            if self.runtime.pool.unload(event.name):
                self.notify(f"Unloaded {event.name}.")
            else:
                self.notify(f"{event.name} is not loaded or is busy.", severity="warning")
        elif event.action == "cancel_download":
            self.cancel_download(event.name)

    @work(thread=True, exit_on_error=False, group="remote")
    def check_remote_models(self) -> None:
        """Ask every remote endpoint for /v1/models; the sidebar shows reachability."""
        from tui_chat.core.remote import check_endpoint

        catalog = self.runtime.catalog
        for spec in catalog.models:
            if spec.is_remote:
                ok, detail = check_endpoint(spec, timeout=3.0)
                catalog.set_state(spec.name, "downloaded" if ok else "error",
                                  "reachable" if ok else detail)

    @work(thread=True, exit_on_error=False, group="load")
    def load_model(self, name: str) -> None:
        """Load a model ahead of use (status shows loading, then loaded or error)."""
        try:
            self.runtime.pool.load(name)
        except TuiChatError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")

    def start_download(self, name: str) -> None:
        """Download ``name`` in a worker; its sidebar row shows progress, then verified."""
        from tui_chat.core.download import skip_reason

        spec = self.runtime.catalog.spec(name)
        reason = skip_reason(spec)
        if reason is not None:
            self.notify(reason, severity="warning")
            return
        if name in self.downloads:
            self.notify(f"{name} is already downloading; x on its row cancels.",
                        severity="warning")
            return
        cancel = threading.Event()
        self.downloads[name] = cancel
        self.notify(f"Downloading {name}… (x on its row cancels)")
        self.download_model(name, cancel)

    def cancel_download(self, name: str) -> None:
        """Cancel ``name``'s download (the partial file is removed)."""
        cancel = self.downloads.get(name)
        if cancel is None:
            self.notify(f"{name} is not downloading.", severity="warning")
            return
        cancel.set()

    @work(thread=True, exit_on_error=False, group="download")
    def download_model(self, name: str, cancel: threading.Event) -> None:
        """Fetch and verify one model; the catalog posts the progress to the sidebar."""
        from tui_chat.core.download import DownloadCancelled, Downloader

        try:
            result = Downloader(self.runtime.catalog).download(name, cancel=cancel)
        except DownloadCancelled:
            self.call_from_thread(self.notify, f"Download of {name} cancelled.")
        except TuiChatError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=12)
        else:
            state = "verified" if result.verified else "downloaded (no checksum to verify)"
            self.call_from_thread(self.notify, f"{name} is ready: {state}. Enter on it to use it.")
        finally:
            self.downloads.pop(name, None)

    # ----------------------------------------------------------------- sending

    @on(PromptInput.HelpRequested)
    def open_help_from_prompt(self) -> None:
        """'?' in an empty prompt."""
        self.action_help()

    @on(PromptInput.Submitted)
    async def send_prompt(self, event: PromptInput.Submitted) -> None:
        """Show the user message at once, then stream the reply in a worker."""
        try:
            await self._send_prompt(event)
        except NoMatches:  # Enter, then the app closed before it got to the prompt
            log.info("a prompt arrived while the app was closing; not sent")
        finally:
            for prompt in self.query(PromptInput):
                prompt.submit_handled()

    async def _send_prompt(self, event: PromptInput.Submitted) -> None:
        if self.session_id is not None and self.session_id in self.generations:
            self.notify("A reply is still streaming in this chat; Esc stops it.",
                        severity="warning")
            return
        limit = self.runtime.config.max_prompt_chars
        if len(event.text) > limit:
            self.notify(f"The prompt is {len(event.text):,} characters, over the {limit:,} "
                        "limit (max_prompt_chars in config.toml); shorten it.",
                        severity="error", timeout=10)
            return
        store = self.runtime.store
        try:
            if self.session_id is None:
                from tui_chat.core.store import auto_title

                session = store.create_session(title=auto_title(event.text),
                                               model=self.model_choice)
                self.session_id = session.id
                # The header follows with the sidebar: a new title repaints the screen.
                self._soon(partial(self._show_title, session.id, session.title))
            session = store.session(self.session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        request = chat.ChatRequest(
            text=event.text, model=self.model_choice, session_id=session.id,
            system_prompt=session.system_prompt, params=dict(session.params),
        )
        self._hold_frames()
        self.query_one(PromptInput).take_sent(event.typed)
        await self.start_reply(request, prompt_view=MessageView("user", event.text))

    async def start_reply(self, request: chat.ChatRequest,
                          prompt_view: MessageView | None = None) -> None:
        """Start the worker for ``request``, then show the prompt and a streaming reply.

        The worker starts first: routing, storing the prompt and the model's prompt
        evaluation overlap with mounting the two messages, instead of following them.
        Text that arrives before the reply's view is mounted waits in the Generation.
        """
        assert request.session_id is not None
        gen = Generation(request.session_id)
        self.generations[request.session_id] = gen
        gen.worker = self.generate(gen, request)
        # Let the worker run alone until the model has the prompt (a millisecond or
        # two; at most ASK_WAIT_S): mounting the messages meanwhile would share the
        # GIL with it and delay the prompt. The mounting then overlaps the model's
        # prompt evaluation instead.
        deadline = time.monotonic() + ASK_WAIT_S
        while not gen.asked.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.0005)
        if gen.asked.is_set():
            await asyncio.sleep(0.001)  # the worker writes the request just after Answering
        log_widget = self.query_one(ChatLog)
        reply = MessageView("assistant", "", state="streaming", meta=gen.meta or self.model_choice)
        await log_widget.add(*([prompt_view] if prompt_view is not None else []), reply)
        log_widget.anchor()
        reply.start_stream()
        reply.on_first_text = self._release_frames
        if self.generations.get(request.session_id) is gen and self.session_id == gen.session_id:
            gen.attach(reply)
        else:  # it already finished (or the chat was left) while the views were mounting
            await self._settle_unattached(gen, reply)
        self.refresh_sessions_soon()
        self._refresh_status()

    @work(thread=True, exit_on_error=False, group="generate")
    def generate(self, gen: Generation, request: chat.ChatRequest) -> None:
        """Drain the core's reply events on a worker thread.

        The worker's own cancelled event goes into the core, so Esc (worker.cancel())
        and app shutdown stop generation within one token.
        """
        cancel = get_current_worker().cancelled_event
        reason = ""
        try:
            for event in self.runtime.service.reply(request, cancel):
                if isinstance(event, chat.TextDelta):
                    gen.append(event.text)
                    continue
                if not isinstance(event, (chat.RouteChosen, chat.Trimmed)):
                    gen.asked.set()  # the model has the prompt, or is loading or waiting
                if isinstance(event, chat.RouteChosen):
                    reason = event.reason  # shown with the model once it answers
                elif isinstance(event, chat.Fallback) and event.restart:
                    old_view, partial = gen.restart()
                    self.post_message(ReplyUpdate(gen, event, reason, old_view, partial))
                else:
                    self.post_message(ReplyUpdate(gen, event, reason))
        except TuiChatError as exc:
            self.post_message(ReplyUpdate(gen, ReplyFailed(str(exc)), reason))
        except Exception as exc:  # noqa: BLE001 - never let a model error kill the app
            log.exception("generation failed")
            message = (f"The reply failed ({exc.__class__.__name__}); details are in "
                       f"{self.runtime.log_path}.")
            self.post_message(ReplyUpdate(gen, ReplyFailed(message), reason))
        finally:
            gen.asked.set()

    async def _settle_unattached(self, gen: Generation, view: MessageView) -> None:
        """A reply view mounted after its generation ended or its chat was left."""
        if view.is_attached:
            state = gen.state if gen.state != "streaming" else "interrupted"
            await view.finish("".join(gen.parts), state, meta=gen.meta)

    @on(ReplyUpdate)
    async def show_reply_update(self, update: ReplyUpdate) -> None:
        """Apply one non-text core event to the UI (in order, one at a time)."""
        gen, event, reason = update.gen, update.event, update.reason
        view = gen.view if gen.view is not None and gen.view.is_attached else None
        if isinstance(event, chat.Answering):
            gen.model = event.model
            gen.waiting = False
            gen.meta = f"{event.model} · {reason}" if reason else event.model
            gen.message_id = event.message_id
            if view is not None:
                view.meta = gen.meta
                view.message_id = event.message_id
            self.refresh_sessions_soon()
            self._refresh_status()
        elif isinstance(event, ReplyFailed):
            await self._reply_failed(gen, event.message)
        elif isinstance(event, chat.Waiting):
            gen.model = event.model
            gen.waiting = True
            gen.meta = f"waiting for {event.model} (another chat is using it)"
            if view is not None:
                view.meta = gen.meta
            self.refresh_sessions_soon()
            self._refresh_status()
        elif isinstance(event, chat.StorageFailed):
            self.notify(f"{event.message.rstrip('.')}. The reply goes on and stays on screen.",
                        severity="error", timeout=15)
        elif isinstance(event, chat.Loading):
            if gen.session_id == self.session_id:
                self.status_text = f"Loading {event.model}…"
        elif isinstance(event, chat.Trimmed):
            self.notify(f"Left out {event.dropped} old messages to fit the "
                        f"{event.context:,}-token context.", severity="warning")
            if view is not None:
                await self.query_one(ChatLog).mount(
                    MessageView("notice", f"{event.dropped} older messages were left out to "
                                          f"fit the {event.context:,}-token context."),
                    before=view,
                )
        elif isinstance(event, chat.Fallback):
            if event.trigger != "missing":  # a missing download is shown in the meta line
                nxt = f"; trying {event.next_model}" if event.next_model else ""
                self.notify(f"{event.message.rstrip('.')}{nxt}.", severity="warning", timeout=8)
            old = update.old_view
            if event.restart and old is not None and old.is_attached:
                await old.finish(update.partial, "error", meta=f"{event.model} · failed")
                if gen.view is None and self.session_id == gen.session_id:
                    fresh = await self.query_one(ChatLog).add(
                        MessageView("assistant", "", state="streaming"))
                    fresh.start_stream()
                    gen.attach(fresh)
        elif isinstance(event, chat.Finished):
            gen.state, gen.meta = event.state, self._reply_meta(event, reason)
            if view is not None:
                await view.finish(event.text, event.state, meta=gen.meta)
            elif gen.session_id != self.session_id and event.state == "complete":
                try:
                    title = self.runtime.store.session(gen.session_id).title
                except TuiChatError:  # the chat was deleted as its reply ended
                    title = None
                if title is not None:
                    self.notify(f"Reply ready in “{title}”.")
            self.generations.pop(gen.session_id, None)
            self.refresh_sessions()
            self._refresh_status()
            if gen.session_id != self.session_id:
                return
            if event.metrics.tokens_per_s and event.model:
                self.status_text = (f"{event.model} · {event.metrics.completion_tokens} tokens · "
                                    f"{event.metrics.tokens_per_s:.0f} tok/s · ready")

    @staticmethod
    def _reply_meta(event: chat.Finished, reason: str) -> str:
        if event.model is None:
            return "no model could answer"
        parts = [event.model]
        if reason:
            parts.append(reason)
        if event.fallbacks:
            parts.append("fell back: " + ", ".join(f"{m} {why}" for m, why, _ in event.fallbacks))
        return " · ".join(parts)

    async def _reply_failed(self, gen: Generation, message: str) -> None:
        self.notify(message, severity="error", timeout=10)
        gen.state, gen.meta = "error", message
        if gen.view is not None and gen.view.is_attached:
            await gen.view.finish("".join(gen.parts), "error", meta=message)
        self.generations.pop(gen.session_id, None)
        self.refresh_sessions()
        self._refresh_status()

    @on(Worker.StateChanged)
    def report_worker_failure(self, event: Worker.StateChanged) -> None:
        """Any worker that dies becomes a notification and a log line, never a crash."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("worker %s failed", event.worker.name, exc_info=error)
            self.notify(f"{event.worker.name} failed: {error}; see {self.runtime.log_path}.",
                        severity="error", timeout=10)

    # ----------------------------------------------------------------- actions

    def action_stop(self) -> None:
        """Esc: stop the reply streaming in this chat."""
        gen = self.generations.get(self.session_id) if self.session_id is not None else None
        if gen is None:
            if isinstance(self.focused, ChatLog | ModelList | SessionList):
                self.query_one(PromptInput).focus()
            return
        gen.cancel()
        self.status_text = "Stopping…"

    def _detach_current(self) -> None:
        """Leave the shown session; its generation (if any) keeps running unseen."""
        if self.session_id is not None and self.session_id in self.generations:
            gen = self.generations[self.session_id]
            with gen.lock:
                gen.view = None

    async def action_new_chat(self) -> None:
        """Ctrl+N: a fresh conversation (the current one stays in history)."""
        self._detach_current()
        self.session_id = None
        self.session_title = "New chat"
        self.model_choice = self.runtime.config.default_model
        self.query_one(ModelList).set_active(self.model_choice)
        await self.query_one(ChatLog).clear()
        self.query_one(PromptInput).focus()
        self.refresh_sessions()
        self._refresh_status()

    async def open_session(self, session_id: int) -> None:
        """Show ``session_id`` in the log, re-attaching a live generation if it has one."""
        try:
            info = self.runtime.store.session(session_id)
            messages = self.runtime.store.messages(session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self._detach_current()
        self.session_id = session_id
        self.session_title = info.title
        self.model_choice = info.model
        self.query_one(ModelList).set_active(info.model)
        log_widget = self.query_one(ChatLog)
        await log_widget.clear()
        gen = self.generations.get(session_id)
        live_id = None
        if gen is not None and gen.view is None:
            streaming = [m for m in messages if m.state == "streaming"]
            live_id = streaming[-1].id if streaming else None
        views = []
        for message in messages:
            if message.id == live_id or message.role == "system":
                continue
            meta = message.model or ""
            if message.meta.get("route") and message.role == "assistant":
                meta = f"{meta} · {message.meta['route']}" if meta else message.meta["route"]
            views.append(MessageView(message.role, message.content, meta=meta,
                                     state=message.state, message_id=message.id))
        await log_widget.mount_all(views) if views else None
        if gen is not None:
            live = await log_widget.add(MessageView("assistant", "", state="streaming",
                                                    meta=gen.meta or "…"))
            live.start_stream()
            gen.attach(live)
        log_widget.anchor()
        self.refresh_sessions()
        self._refresh_status()

    @on(SessionList.Opened)
    async def show_opened_session(self, event: SessionList.Opened) -> None:
        """Enter in the session list."""
        await self.open_session(event.session_id)
        self.query_one(PromptInput).focus()

    async def action_next_session(self, step: int = 1) -> None:
        """Go to the next (or previous) session in the list."""
        target = self.query_one(SessionList).neighbour(step)
        if target is not None and target != self.session_id:
            await self.open_session(target)

    def action_focus_sessions(self) -> None:
        """Move focus to the session list."""
        widget = self.query_one(SessionList)
        if widget.display:
            widget.focus()

    @on(SessionList.Requested)
    def run_session_action(self, event: SessionList.Requested) -> None:
        """r / Delete / / / s in the session list."""
        if event.action == "rename" and event.session_id is not None:
            self.rename_session(event.session_id)
        elif event.action == "delete" and event.session_id is not None:
            self.delete_session(event.session_id)
        elif event.action == "search":
            self.search_sessions()
        elif event.action == "settings" and event.session_id is not None:
            self.edit_session_settings(event.session_id)

    @work(exclusive=True, group="dialog")
    async def rename_session(self, session_id: int) -> None:
        """Ask for a new title."""
        info = self.runtime.store.session(session_id)
        title = await self.push_screen_wait(InputScreen("New title:", info.title))
        if title and title.strip():
            self.runtime.store.update_session(session_id, title=title.strip()[:120])
            if session_id == self.session_id:
                self.session_title = title.strip()[:120]
            self.refresh_sessions()

    @work(exclusive=True, group="dialog")
    async def delete_session(self, session_id: int) -> None:
        """Delete after confirmation; a live reply is stopped first."""
        info = self.runtime.store.session(session_id)
        if not await self.push_screen_wait(
                ConfirmScreen(f"Delete “{info.title}” and its {info.message_count} messages?")):
            return
        gen = self.generations.get(session_id)
        if gen is not None:
            gen.cancel()
            if gen.worker is not None:
                await gen.worker.wait()
        self.runtime.store.delete_session(session_id)
        if session_id == self.session_id:
            await self.action_new_chat()
        self.refresh_sessions()
        self.notify(f"Deleted “{info.title}”.")

    @work(exclusive=True, group="dialog")
    async def search_sessions(self) -> None:
        """Filter the session list by title and message text."""
        widget = self.query_one(SessionList)
        query = await self.push_screen_wait(
            InputScreen("Search titles and messages (empty shows all):", widget.filter_text))
        if query is None:
            return
        widget.filter_text = query.strip()
        results = self.runtime.store.search(widget.filter_text) if widget.filter_text \
            else self.runtime.store.sessions()
        widget.show(results)
        if widget.filter_text and not results:
            self.notify(f"No chat mentions “{widget.filter_text}”.", severity="warning")
        widget.focus()

    def action_session_settings(self) -> None:
        """F3: system prompt and generation params of this chat."""
        if self.session_id is None:
            self.notify("Send a first message, then set this chat's system prompt.",
                        severity="warning")
            return
        self.edit_session_settings(self.session_id)

    @work(exclusive=True, group="dialog")
    async def edit_session_settings(self, session_id: int) -> None:
        """Edit and persist a session's system prompt and params."""
        info = self.runtime.store.session(session_id)
        result = await self.push_screen_wait(
            SessionSettingsScreen(info.title, info.system_prompt, info.params))
        if result is None:
            return
        self.runtime.store.update_session(session_id, system_prompt=result["system_prompt"],
                                          params=result["params"])
        self.notify("Chat settings saved.")

    def _take_back_last_turn(self, verb: str, *, keep_prompt: bool) -> str | None:
        """Delete the last reply (and the last prompt unless ``keep_prompt``) from the store.

        Returns the last prompt's text, or None (with a notice) when there is none.
        """
        sid = self.session_id
        if sid is None or sid in self.generations:
            self.notify(f"Nothing to {verb} (or a reply is still streaming).",
                        severity="warning")
            return None
        store = self.runtime.store
        messages = store.messages(sid)
        users = [m for m in messages if m.role == "user"]
        if not users:
            return None
        last = users[-1]
        for message in messages:
            if message.id > last.id or (message.id == last.id and not keep_prompt):
                store.delete_message(message.id)
        return last.content

    async def action_regenerate(self) -> None:
        """Ctrl+R: drop the last reply and ask again."""
        text = self._take_back_last_turn("regenerate", keep_prompt=True)
        if text is None or self.session_id is None:
            return
        info = self.runtime.store.session(self.session_id)
        await self.open_session(info.id)
        await self.start_reply(chat.ChatRequest(
            text=text, model=self.model_choice, session_id=info.id,
            system_prompt=info.system_prompt, params=dict(info.params),
            store_user_message=False,
        ))

    async def action_edit_last(self) -> None:
        """Ctrl+G: take back the last prompt (and its reply) into the prompt to edit."""
        text = self._take_back_last_turn("edit", keep_prompt=False)
        if text is None or self.session_id is None:
            return
        await self.open_session(self.session_id)
        prompt = self.query_one(PromptInput)
        prompt.load_text(text)
        prompt.move_cursor(prompt.document.end)
        prompt.focus()

    def action_help(self) -> None:
        """F1: list every key (as remapped by [keys] in config.toml)."""
        from dataclasses import replace

        keymap = getattr(self, "_keymap", None) or {}
        pairs: list[tuple[str, Binding]] = []
        for where, cls in (("anywhere", TuiChatApp), ("prompt", PromptInput),
                           ("chat log", ChatLog), ("models", ModelList),
                           ("sessions", SessionList)):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding):
                    if binding.id in keymap:
                        binding = replace(binding, key=keymap[binding.id])
                    pairs.append((where, binding))
        self.push_screen(HelpScreen(binding_rows(pairs)))

    def action_diagnostics(self) -> None:
        """F2: requests, models, fallbacks and the log."""
        from tui_chat.ui.screens.diagnostics import DiagnosticsScreen

        if isinstance(self.screen, DiagnosticsScreen):
            return
        self.push_screen(DiagnosticsScreen(self.runtime))

    def action_copy_reply(self) -> None:
        """Copy the last reply to the clipboard with OSC 52 (works over SSH)."""
        for view in reversed(self.query_one(ChatLog).messages):
            if view.role == "assistant" and view.text:
                self.copy_to_clipboard(view.text)
                self.notify(f"Copied the last reply ({len(view.text):,} characters).")
                return
        self.notify("There is no reply to copy yet.", severity="warning")

    def action_focus_models(self) -> None:
        """Move focus to the model list."""
        self.query_one(ModelList).focus()

    def action_focus_log(self) -> None:
        """Move focus to the chat log."""
        self.query_one(ChatLog).focus()

    def action_focus_prompt(self) -> None:
        """Move focus to the prompt."""
        self.query_one(PromptInput).focus()

    async def action_quit(self) -> None:
        """Stop every stream (their partial replies are saved as stopped) and exit."""
        for gen in list(self.generations.values()):
            gen.cancel()
        for cancel in list(self.downloads.values()):
            cancel.set()
        self.exit(0)


class InterpreterTuning:
    """Interpreter settings while the app runs; the previous ones come back after.

    The UI thread shares the GIL with the worker threads that drain replies: a 1 ms
    switch interval (default 5 ms) hands it over sooner, and a higher generation-0 GC
    threshold (default 700) avoids collections over the whole widget tree every few
    hundred allocations while a reply streams, and ``gc.freeze`` takes what exists at
    start-up (modules, classes, the widget tree) out of every later collection, so a
    full collection no longer stalls a frame (bench/README.md measures the effect).
    """

    SWITCH_INTERVAL = 0.001
    GC_THRESHOLD = (20_000, 20, 20)

    def __init__(self) -> None:
        self._saved: tuple[float, tuple[int, ...]] | None = None

    def apply(self) -> None:
        """Switch to the app's settings (remembering the current ones)."""
        import gc
        import sys

        if self._saved is None:
            self._saved = (sys.getswitchinterval(), gc.get_threshold())
        sys.setswitchinterval(self.SWITCH_INTERVAL)
        gc.set_threshold(*self.GC_THRESHOLD)
        gc.freeze()  # what exists at start-up lives on: later collections skip it

    def restore(self) -> None:
        """Put the settings from before :meth:`apply` back."""
        import gc
        import sys

        if self._saved is not None:
            interval, threshold = self._saved
            sys.setswitchinterval(interval)
            gc.set_threshold(*threshold)
            gc.unfreeze()
            self._saved = None


def run_app(runtime: Runtime) -> int:
    """Run the TUI until the user quits; returns the exit code."""
    app = TuiChatApp(runtime)
    result = app.run()
    return int(result or 0)
