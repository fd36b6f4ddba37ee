"""The chat: prompt → worker → core events → views. It owns the replies in progress.

Enter in the prompt reaches :meth:`ChatScreen.send_prompt`; the core's ``send``
returns the reply's events, which a thread worker (:meth:`ChatScreen.drain`) drains:
text goes straight to the reply view's buffer, every other event becomes one message
(``ui/messages.py``) handled below by a method named for its effect. Which chat and
which branch is shown, and moving between them, is the base class's
(``screens/navigation.py``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Static

from tui_chat.core import events as core
from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import MessageState
from tui_chat.core.models import ModelControl
from tui_chat.core.store import StoredMessage
from tui_chat.ui import messages as msg
from tui_chat.ui.pacing import ASK_WAIT_S, Deferred, FrameHold
from tui_chat.ui.screens.navigation import ChatNavigation
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.meter import ContextGauge
from tui_chat.ui.widgets.message import LiveReply, MessageView
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

log = logging.getLogger(__name__)

ROUTER_WARM_UP_S = 1.0  # after the first frame, warm_up runs (its loads are in threads)


class ChatScreen(ChatNavigation):
    """Sidebar (models, sessions), the chat log, a status line and the prompt."""

    BINDINGS = [
        # The app's Ctrl+Q, F1 and F2 stand here too, in the order the footer shows
        # them: it lists this screen's bindings before the app's, and at 80 columns
        # only the first few fit.
        Binding("ctrl+q", "app.quit", "Quit", id="quit", priority=True),
        Binding("ctrl+n", "new_chat", "New chat", id="new_chat"),
        Binding("escape", "stop", "Stop", id="stop"),
        Binding("f1", "app.help", "Help", id="help"),
        Binding("f2", "app.diagnostics", "Diagnostics", id="diagnostics"),
        Binding("ctrl+y", "copy_reply", "Copy reply", id="copy_reply", priority=True),
        Binding("ctrl+o", "focus_models", "Models", id="focus_models"),
        Binding("ctrl+s", "focus_sessions", "Sessions", id="focus_sessions", show=False),
        Binding("ctrl+pagedown,alt+down", "next_session", "Next chat", id="next_session",
                show=False),
        Binding("ctrl+pageup,alt+up", "next_session(-1)", "Previous chat", id="prev_session",
                show=False),
        Binding("ctrl+r", "regenerate", "Regenerate", id="regenerate", show=False),
        Binding("ctrl+g", "edit_last", "Edit last prompt", id="edit_last", show=False),
        Binding("ctrl+f", "search", "Search messages", id="search", show=False, priority=True),
        Binding("f3", "chat_settings", "Chat settings", id="chat_settings", show=False),
        Binding("f4", "compact", "Compact chat", id="compact", show=False),
        Binding("ctrl+l", "focus_log", "Chat log", id="focus_log", show=False),
        Binding("ctrl+e", "focus_prompt", "Prompt", id="focus_prompt", show=False),
    ]

    def __init__(self, service: ChatService, models: ModelControl, default_model: str,
                 keymap: dict[str, str] | None = None) -> None:
        super().__init__(service, default_model)
        self.keymap = keymap or {}
        """Binding id -> keys (``[keys]`` in config.toml), for the prompt's own keys."""
        self.models = models
        """The core's model actions, for the model list."""
        self._frames: FrameHold | None = None
        self._compacting: int | None = None
        self._auto_compacted: dict[int, int] = {}

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield ModelList(self.models, id="models")
                yield SessionList(self.service, self.stop_reply, id="sessions")
            with Vertical(id="chat"):
                yield ChatLog(self.service, lambda sid: sid in self._live, id="log")
                with Horizontal(id="status-row"):
                    yield Static("", id="status", markup=False)
                    yield ContextGauge(self.service, id="context")
                yield PromptInput(self.keymap, id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self._frames = FrameHold(self.app)
        self._later = Deferred(self.app)
        self.query_one(ModelList).set_active(self.model_choice)
        self.query_one(PromptInput).focus()
        self._show_title()
        self.refresh_sessions()
        self._refresh_status()
        self.set_timer(ROUTER_WARM_UP_S, self.warm_up)
        if recovered := self.service.recovered:
            self.notify(f"{recovered} reply(s) were cut off last time; they are kept, "
                        "marked interrupted.", severity="warning", timeout=8)

    def on_unmount(self) -> None:
        for live in self._live.values():
            live.cancel.set()
        if self._later is not None:
            self._later.cancel()
        if self._frames is not None:
            self._frames.release()

    @property
    def streaming(self) -> frozenset[int]:
        """The chats with a reply in progress."""
        return frozenset(self._live)

    @property
    def waiting(self) -> frozenset[int]:
        """The chats whose reply waits for a model another chat is using."""
        return frozenset(sid for sid, live in self._live.items() if live.waiting)

    @property
    def frames_held(self) -> bool:
        """True while the screen holds its updates for a reply's first text."""
        return self._frames is not None and self._frames.held

    def stop_all(self) -> None:
        """Stop every reply in progress (each partial reply is saved as stopped)."""
        for live in self._live.values():
            live.cancel.set()

    # ----------------------------------------------------------------- header/status

    # ----------------------------------------------------------------- choosing a model

    def choose_model(self, name: str) -> None:
        """Use ``name`` (or auto) for the chat shown, and for its later prompts."""
        try:
            self.service.set_model(self.session_id, name)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.model_choice = name
        self.warm_up()
        self.query_one(ModelList).set_active(name)
        self.notify(f"Model for this chat: {name}")
        self._refresh_status()
        self.measure_context()

    @on(ModelList.Chosen)
    def use_chosen_model(self, event: ModelList.Chosen) -> None:
        """Enter in the model list picks the model."""
        self.choose_model(event.name)
        self.query_one(PromptInput).focus()

    # ----------------------------------------------------------------- sending

    @on(PromptInput.HelpRequested)
    def open_help_from_prompt(self) -> None:
        """'?' in an empty prompt."""
        self.app.action_help()

    @on(PromptInput.Changed)
    def measure_draft(self) -> None:
        """Typing: the meter counts the prompt once typing pauses."""
        self.query_one(ContextGauge).measure_soon(self.session_id, self.query_one(
            PromptInput).text, self.model_choice)

    @on(PromptInput.Submitted)
    async def send_prompt(self, event: PromptInput.Submitted) -> None:
        """Show the prompt at once, then stream the reply in a worker."""
        try:
            await self._send(event.text, event.typed)
        except NoMatches:  # Enter, then the app closed before it got to the prompt
            log.info("a prompt arrived while the app was closing; not sent")
        finally:
            for prompt in self.query(PromptInput):
                prompt.submit_handled()

    async def _send(self, text: str, typed: str) -> None:
        if self._compacting is not None and self._compacting == self.session_id:
            self.notify("This chat is being compacted; send once it is done.",
                        severity="warning")
            return
        if self._current_live() is not None:
            self.notify("A reply is still streaming in this chat; Esc stops it.",
                        severity="warning")
            return
        live: LiveReply | None = None
        try:
            self.service.check_prompt(text)
            if self.session_id is None:
                session = self.service.new_session(text, self.model_choice)
                self.session_id = session.id
                # The header follows with the sidebar: a new title repaints the screen.
                self._defer(lambda sid=session.id, title=session.title:
                            self._show_session_title(sid, title))
            live = LiveReply(self.session_id)
            if self._editing is not None:
                events, shown = self._edit(self.session_id, self._editing, text, live)
            else:
                events, shown = self.service.send(self.session_id, text, live.cancel,
                                                  model=self.model_choice), None
        except TuiChatError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if shown is not None:  # an edit: the log shows the path the new branch follows
            self._editing = None
            await self.query_one(ChatLog).show(shown)
        self._hold_for_first_text()
        self.query_one(PromptInput).take_sent(typed)
        await self.start_reply(live, events, prompt_view=MessageView("user", text))

    def _hold_for_first_text(self) -> None:
        """Until the reply's first text: no frames (briefly), no sidebar updates (pacing)."""
        if self._frames is not None:
            self._frames.start()
        if self._later is not None:
            self._later.hold()

    def _stop_holding(self) -> None:
        """The first text is in, or none is coming soon: frames and sidebar updates go on."""
        if self._frames is not None:
            self._frames.release()
        if self._later is not None:
            self._later.text_in()

    def _edit(self, session_id: int, message_id: int, text: str, live: LiveReply,
              ) -> tuple[Iterator[core.ReplyEvent], list[StoredMessage]]:
        """The events answering ``text`` in place of prompt ``message_id``, and the path
        above it (what the log shows before the new prompt)."""
        tree = self.service.conversation(session_id)
        parent = tree.parent(message_id) if message_id in tree else None
        events = self.service.edit(session_id, text, live.cancel, message_id=message_id,
                                   model=self.model_choice)
        return events, tree.path(parent) if parent is not None else []

    def _show_session_title(self, session_id: int, title: str) -> None:
        if self.session_id == session_id:
            self.session_title = title

    async def start_reply(self, live: LiveReply, events: Iterator[core.ReplyEvent],
                          prompt_view: MessageView | None = None) -> None:
        """Start the worker on ``events``, then show the prompt and a streaming reply.

        The worker starts first: routing, storing the prompt and the model's prompt
        evaluation overlap with mounting the two messages, instead of following them.
        Text that arrives before the reply's view is mounted waits in the LiveReply.
        """
        self._live[live.session_id] = live
        live.prompt_view = prompt_view
        live.worker = self.drain(live, events)
        # Let the worker run alone until the model has the prompt (a millisecond or
        # two; at most ASK_WAIT_S): mounting the messages meanwhile would share the
        # GIL with it and delay the prompt. The mounting then overlaps the model's
        # prompt evaluation instead.
        deadline = time.monotonic() + ASK_WAIT_S
        while not live.asked.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.0005)
        if live.asked.is_set():
            await asyncio.sleep(0.001)  # the worker writes the request just after Answering
        log_widget = self.query_one(ChatLog)
        reply = MessageView("assistant", "", state=MessageState.STREAMING,
                            meta=live.meta or self.model_choice)
        await log_widget.add(*([prompt_view] if prompt_view is not None else []), reply)
        log_widget.anchor()
        reply.start_stream()
        reply.on_first_text = self._stop_holding
        if self._live.get(live.session_id) is live and self.session_id == live.session_id:
            live.attach(reply)
        else:  # it already finished (or the chat was left) while the views were mounting
            state = live.state if live.state != MessageState.STREAMING \
                else MessageState.INTERRUPTED
            await reply.finish(live.text, state, meta=live.meta)
        self.refresh_sessions_soon()
        self._refresh_status()

    @work(thread=True, exit_on_error=False, group="reply")
    def drain(self, live: LiveReply, events: Iterator[core.ReplyEvent]) -> None:
        """Drain the core's reply events on a worker thread (see ``LiveReply.drain``)."""
        live.drain(events, self.post_message)

    def _reply(self, message: msg.ReplyMessage) -> LiveReply | None:
        """The reply a message belongs to, while it is in progress."""
        return next((live for live in self._live.values()
                     if live.reply_id == message.reply_id), None)

    @staticmethod
    def _view(live: LiveReply) -> MessageView | None:
        return live.view if live.view is not None and live.view.is_attached else None

    # ----------------------------------------------------------------- reply events

    @on(msg.ReplyWaiting)
    def show_model_busy(self, message: msg.ReplyWaiting) -> None:
        """The model serves another chat: say this reply queues."""
        if (live := self._reply(message)) is None:
            return
        live.model, live.waiting = message.event.model, True
        if self._later is not None:  # no text soon: the sidebar shows the wait now
            self._later.text_in()
        live.meta = f"waiting for {live.model} (another chat is using it)"
        if (view := self._view(live)) is not None:
            view.meta = live.meta
        self.refresh_sessions_soon()
        self._refresh_status()

    @on(msg.ReplyLoading)
    def show_model_loading(self, message: msg.ReplyLoading) -> None:
        """The status line says the model is loading."""
        live = self._reply(message)
        if self._later is not None:  # a load takes seconds: the sidebar shows it now
            self._later.text_in()
        if live is not None and live.session_id == self.session_id:
            self.status_text = f"Loading {message.event.model}…"

    @on(msg.ReplyAnswering)
    def show_model_answering(self, message: msg.ReplyAnswering) -> None:
        """The meta line names the model and why it was chosen."""
        if (live := self._reply(message)) is None:
            return
        live.model, live.waiting = message.event.model, False
        live.meta = msg.reply_meta(live.model, message.reason)
        live.message_id = message.event.message_id
        if live.prompt_view is not None:
            live.prompt_view.message_id = live.prompt_id
        if (view := self._view(live)) is not None:
            view.meta = live.meta
            view.message_id = live.message_id
        self.refresh_sessions_soon()
        self._refresh_status()

    @on(msg.ReplyTrimmed)
    async def show_trimmed_context(self, message: msg.ReplyTrimmed) -> None:
        """A notice above the reply says how many older turns were left out."""
        if (live := self._reply(message)) is None:
            return
        text = (f"{message.event.dropped} older messages were left out to fit the "
                f"{message.event.context:,}-token context.")
        self.notify(text, severity="warning")
        if (view := self._view(live)) is not None:
            await self.query_one(ChatLog).mount(MessageView("notice", text), before=view)

    @on(msg.HistoryNotSaved)
    def warn_history_not_saved(self, message: msg.HistoryNotSaved) -> None:
        """History could not be written: say so; the reply stays on screen."""
        self.notify(f"{message.event.message.rstrip('.')}. The reply goes on and stays on "
                    "screen.", severity="error", timeout=15)

    @on(msg.ReplyFellBack)
    async def show_fallback(self, message: msg.ReplyFellBack) -> None:
        """Say which model failed and which is next; a restarted reply gets a new view."""
        event = message.event
        if event.trigger != core.FallbackTrigger.MISSING:  # the meta line says "missing"
            nxt = f"; trying {event.next_model}" if event.next_model else ""
            self.notify(f"{event.message.rstrip('.')}{nxt}.", severity="warning", timeout=8)
        live, old = self._reply(message), message.old_view
        if old is None or not old.is_attached:
            return
        await old.finish(message.partial, MessageState.ERROR, meta=f"{event.model} · failed")
        if live is not None and live.view is None and self.session_id == live.session_id:
            fresh = await self.query_one(ChatLog).add(
                MessageView("assistant", "", state=MessageState.STREAMING))
            fresh.start_stream()
            live.attach(fresh)

    @on(msg.ReplyFinished)
    async def settle_finished_reply(self, message: msg.ReplyFinished) -> None:
        """Settle the view with the full text, free the chat, show the reply's figures."""
        if (live := self._reply(message)) is None:
            return
        event = message.event
        live.state = event.state
        live.meta = msg.reply_meta(event.model, message.reason, event.fallbacks)
        if event.note:
            live.meta = f"{live.meta} · {event.note}" if live.meta else event.note
        if (view := self._view(live)) is not None:
            await view.finish(event.text, event.state, meta=live.meta,
                              reasoning=event.reasoning)
            self._mark_branches(live.session_id)
        elif live.session_id != self.session_id and event.state == MessageState.COMPLETE:
            self._tell_reply_ready(live.session_id)
        self._live.pop(live.session_id, None)
        self._stop_holding()  # none came (an empty or stopped reply): stop waiting for it
        self.refresh_sessions()
        self._refresh_status()
        if live.session_id == self.session_id:
            self.measure_context()
        if live.session_id == self.session_id and event.metrics.tokens_per_s and event.model:
            self.status_text = (f"{event.model} · {event.metrics.completion_tokens} tokens · "
                                f"{event.metrics.tokens_per_s:.0f} tok/s · ready")

    def _mark_branches(self, session_id: int) -> None:
        """A reply ended in the chat shown: its ``‹ n/m ›`` marks follow the tree."""
        try:
            self.query_one(ChatLog).mark_branches(self.service.conversation(session_id))
        except TuiChatError:  # deleted meanwhile: the next open shows what is left
            log.info("no branch marks for session %s", session_id, exc_info=True)

    def _tell_reply_ready(self, session_id: int) -> None:
        try:
            title = self.service.session(session_id).title
        except TuiChatError:  # the chat was deleted as its reply ended
            return
        self.notify(f"Reply ready in “{title}”.")

    @on(msg.ReplyFailed)
    async def show_reply_failure(self, message: msg.ReplyFailed) -> None:
        """The worker failed: one sentence, the partial text kept and marked error."""
        self.notify(message.message, severity="error", timeout=10)
        if (live := self._reply(message)) is None:
            return
        live.state, live.meta = MessageState.ERROR, message.message
        if (view := self._view(live)) is not None:
            await view.finish(live.text, MessageState.ERROR, meta=message.message)
        self._live.pop(live.session_id, None)
        self._stop_holding()
        self.refresh_sessions()
        self._refresh_status()

    # ----------------------------------------------------------------- sessions

    # ----------------------------------------------------------------- actions

    def action_stop(self) -> None:
        """Esc: stop the reply streaming in this chat (or leave a list for the prompt)."""
        live = self._current_live()
        if live is None and self._editing is not None:
            self._editing = None
            self.query_one(PromptInput).clear()
            self._refresh_status()
            return
        if live is None:
            if isinstance(self.focused, ChatLog | ModelList | SessionList):
                self.query_one(PromptInput).focus()
            return
        live.cancel.set()
        self.status_text = "Stopping…"

    def action_chat_settings(self) -> None:
        """F3: system prompt and generation params of this chat."""
        if self.session_id is None:
            self.notify("Send a first message, then set this chat's system prompt.",
                        severity="warning")
            return
        self.query_one(SessionList).edit_settings(self.session_id)

    def _busy(self, verb: str) -> bool:
        if self.session_id is None or self._current_live() is not None:
            self.notify(f"Nothing to {verb} (or a reply is still streaming).",
                        severity="warning")
            return True
        return False

    async def action_regenerate(self) -> None:
        """Ctrl+R: drop the last reply and ask again."""
        if self._busy("regenerate") or self.session_id is None:
            return
        session_id = self.session_id
        live = LiveReply(session_id)
        try:
            prompt = self.service.conversation(session_id).last_user_message()
            events = self.service.regenerate(session_id, live.cancel)
        except TuiChatError as exc:
            self.notify(str(exc), severity="warning")
            return
        tree = self.service.conversation(session_id)
        await self.open_session(session_id, tree.path(prompt.id) if prompt else None)
        await self.start_reply(live, events)

    def action_edit_last(self) -> None:
        """Ctrl+G: edit the last prompt; its answer is a new branch beside the old one."""
        if self._busy("edit") or self.session_id is None:
            return
        prompt = self.service.conversation(self.session_id).last_user_message()
        if prompt is not None:
            self.start_editing(prompt.id, prompt.content)

    @on(ChatLog.EditRequested)
    def edit_from_log(self, event: ChatLog.EditRequested) -> None:
        """``e`` on a prompt in the log."""
        self.start_editing(event.message_id, event.text)

    def start_editing(self, message_id: int, text: str) -> None:
        """Put prompt ``message_id``'s text in the prompt box; Enter answers the edit."""
        self._editing = message_id
        prompt = self.query_one(PromptInput)
        prompt.load_text(text)
        prompt.move_cursor(prompt.document.end)
        prompt.focus()
        self._refresh_status()

    def action_compact(self, auto: bool = False) -> None:
        """F4: the chat's model summarises its older messages into one sent in their place."""
        if self._busy("compact") or self.session_id is None:
            return
        if self._compacting is not None:
            self.notify("A chat is being compacted already; one at a time.", severity="warning")
            return
        self._compacting = self.session_id
        self.status_text = "Compacting: the model summarises the older messages…"
        self.compact_chat(self.session_id, self.model_choice, auto)

    @work(thread=True, exclusive=True, group="compact", exit_on_error=False)
    def compact_chat(self, session_id: int, model: str, auto: bool) -> None:
        """Run the summary off the UI thread; the status line counts its pieces."""
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._show_compacting, session_id, done, total)

        try:
            self.service.compact(session_id, model, progress=progress)
            error = None
        except TuiChatError as exc:
            error = str(exc)
        self.app.call_from_thread(self.finish_compacting, session_id, error, auto)

    def _show_compacting(self, session_id: int, done: int, total: int) -> None:
        if session_id == self.session_id:
            self.status_text = (f"Compacting: summarising part {min(done + 1, total)} of "
                                f"{total} of the older messages…")

    async def finish_compacting(self, session_id: int, error: str | None, auto: bool) -> None:
        """Show the summary (or say why there is none)."""
        self._compacting = None
        if error is not None:
            if not auto or "Nothing to compact" not in error:
                self.notify(error, severity="warning" if auto else "error", timeout=10)
        elif session_id == self.session_id:
            await self.open_session(session_id)
            self.notify("Compacted: a summary now stands in for the older messages; r on it "
                        "restores them.")
        self._refresh_status()

    @on(ContextGauge.Measured)
    def compact_when_full(self, event: ContextGauge.Measured) -> None:
        """``compact_at``: a chat whose next request passes that share compacts itself."""
        limit = self.service.config.compact_at
        sid = event.session_id
        if limit is None or sid is None or event.usage.share < limit:
            return
        leaf = self.service.conversation(sid).active_leaf or 0
        if self._auto_compacted.get(sid) == leaf or sid in self._live:
            return  # once per path end: a chat still full after compacting is left alone
        self._auto_compacted[sid] = leaf
        self.notify(f"This chat's next request takes {event.usage.share:.0%} of the window "
                    f"(compact_at = {limit:g}); compacting it.")
        self.action_compact(auto=True)

    def action_copy_reply(self) -> None:
        """Copy the last reply to the clipboard with OSC 52 (works over SSH)."""
        for view in reversed(self.query_one(ChatLog).messages):
            if view.role == core.Role.ASSISTANT and view.text:
                self.app.copy_to_clipboard(view.text)
                self.notify(f"Copied the last reply ({len(view.text):,} characters).")
                return
        self.notify("There is no reply to copy yet.", severity="warning")

