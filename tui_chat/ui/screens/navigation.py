"""Which chat, and which branch of it, the chat screen shows; and moving between them.

:class:`ChatNavigation` is the half of :class:`~tui_chat.ui.screens.chat.ChatScreen`
that opens sessions (from the list, Alt+Up/Down, a search result or a fork), starts a
new chat, keeps the header and status line, and re-attaches a chat's reply in progress
when it is shown again. ChatScreen adds the prompt and the replies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from textual import on
from textual.css.query import NoMatches
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import AUTO, MessageState
from tui_chat.core.store import SearchHit, StoredMessage
from tui_chat.ui.pacing import Deferred
from tui_chat.ui.screens.dialogs import SHOW_REASONING
from tui_chat.ui.screens.search import SearchScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.meter import ContextGauge
from tui_chat.ui.widgets.message import LiveReply, MessageView
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

log = logging.getLogger(__name__)

NEW_CHAT = "New chat"


class ChatNavigation(Screen[None]):
    """The chat shown: its id, title and model, the log's path, the status line."""

    # ``var``: a change runs the watcher only, no repaint of the whole screen (the
    # status line changes as each reply starts).
    session_id: var[int | None] = var(None)
    """The chat shown in the log; None until its first prompt is sent."""
    model_choice: var[str] = var(AUTO)
    """``auto`` or the model pinned for the chat shown."""
    session_title: var[str] = var(NEW_CHAT)
    """The title of the chat shown, in the header."""
    status_text: var[str] = var("Ready")
    """The status line under the chat log."""

    def __init__(self, service: ChatService, default_model: str) -> None:
        super().__init__()
        self.service = service
        """The core: sessions, messages and replies."""
        self.default_model = default_model
        """The model a new chat starts with (``default_model`` in config.toml)."""
        self._live: dict[int, LiveReply] = {}
        self._editing: int | None = None
        """The earlier prompt being edited in the prompt box (its answer is a branch)."""
        self._later: Deferred | None = None
        self.set_reactive(ChatNavigation.model_choice, default_model)

    def warm_up(self) -> None:
        """Ready what the next prompt needs in the background: the router's model, and a
        remote model's check and HTTP client, so its request leaves at Enter."""
        self.service.warm_up(self.model_choice)

    def _defer(self, update: Callable[[], object]) -> None:
        if self._later is not None:
            self._later.add(update)

    # ----------------------------------------------------------------- header/status

    def _show_title(self) -> None:
        self.title = self.session_title
        self.sub_title = f"model: {self.model_choice}"

    def watch_model_choice(self) -> None:
        self._show_title()

    def watch_session_id(self, session_id: int | None) -> None:
        for log_widget in self.query(ChatLog):
            log_widget.session_id = session_id

    def watch_session_title(self) -> None:
        self._show_title()

    def watch_status_text(self, text: str) -> None:
        try:
            self.query_one("#status", Static).update(text)
        except NoMatches:  # not composed yet
            pass

    def _refresh_status(self) -> None:
        live = self._current_live()
        for prompt in self.query(PromptInput):
            prompt.set_replying(live is not None)
        if live is not None and live.waiting:
            self.status_text = f"Waiting for {live.model}: another chat is using it… · Esc stops"
        elif live is not None and live.model:
            self.status_text = f"{live.model} is answering… · Esc stops"
        elif live is not None:
            self.status_text = "Preparing… · Esc stops"
        elif self._editing is not None:
            self.status_text = ("Editing an earlier message: Enter answers it on a new branch "
                                "(the old one stays) · Esc cancels")
        else:
            self.status_text = f"Ready · model: {self.model_choice} · Enter sends, ^j newline"

    def measure_context(self) -> None:
        """The context meter follows the chat shown (its path, prompt and model)."""
        for gauge in self.query(ContextGauge):
            gauge.measure(self.session_id, self.query_one(PromptInput).text, self.model_choice)

    def _current_live(self) -> LiveReply | None:
        return self._live.get(self.session_id) if self.session_id is not None else None

    def refresh_sessions(self) -> None:
        """Reload the session list, marking the chat shown and those streaming."""
        self.query_one(SessionList).reload(self.session_id, self.streaming, self.waiting)

    def refresh_sessions_soon(self) -> None:
        """:meth:`refresh_sessions` a moment from now (see pacing.Deferred)."""
        if self._later is not None:
            self._later.add(self.refresh_sessions)

    # ----------------------------------------------------------------- which chat is shown

    async def open_session(self, session_id: int,
                           path: list[StoredMessage] | None = None) -> None:
        """Show ``session_id`` in the log, re-attaching its reply in progress, if any.

        ``path`` shows those messages instead of the session's active path (the part
        a regenerated or edited reply follows).
        """
        try:
            info = self.service.session(session_id)
            tree = self.service.conversation(session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self._leave_current()
        self._editing = None
        self.session_id = session_id
        self.session_title = info.title
        self.model_choice = info.model
        self.warm_up()  # a chat pinned to another remote model: its check leaves now
        self.query_one(ModelList).set_active(info.model)
        log_widget = self.query_one(ChatLog)
        log_widget.show_reasoning = info.params.get(SHOW_REASONING, True) is not False
        stored = tree.path() if path is None else path
        live = self._live.get(session_id)
        live_id = None
        if live is not None and live.view is None:
            streaming = [m for m in stored if m.state == MessageState.STREAMING]
            live_id = streaming[-1].id if streaming else None
        await log_widget.show(stored, tree, skip=live_id)
        if live is not None:
            view = await log_widget.add(MessageView("assistant", "",
                                                    state=MessageState.STREAMING,
                                                    meta=live.meta or "…"))
            view.start_stream()
            live.attach(view)
        log_widget.anchor()
        self.refresh_sessions()
        self._refresh_status()
        self.measure_context()

    def _leave_current(self) -> None:
        """Leave the chat shown; its reply (if any) goes on unseen."""
        if (live := self._current_live()) is not None:
            live.detach()

    async def stop_reply(self, session_id: int) -> None:
        """Stop ``session_id``'s reply, if any, and wait until its worker has ended."""
        live = self._live.get(session_id)
        if live is None:
            return
        live.cancel.set()
        if live.worker is not None:
            await live.worker.wait()

    @on(SessionList.Opened)
    async def show_opened_session(self, event: SessionList.Opened) -> None:
        """Enter in the session list."""
        await self.open_session(event.session_id)
        self.query_one(PromptInput).focus()

    @on(SessionList.Renamed)
    def show_new_title(self, event: SessionList.Renamed) -> None:
        """A chat was renamed: the header follows when it is the one shown."""
        if event.session_id == self.session_id:
            self.session_title = event.title
        self.refresh_sessions()

    @on(SessionList.SettingsSaved)
    def follow_settings(self, event: SessionList.SettingsSaved) -> None:
        """F3 saved: thinking blocks follow the chat's setting at once."""
        if event.session_id == self.session_id:
            shown = event.params.get(SHOW_REASONING, True) is not False
            self.query_one(ChatLog).show_reasoning = shown

    @on(SessionList.Deleted)
    async def leave_deleted_session(self, event: SessionList.Deleted) -> None:
        """A chat was deleted: a fresh one replaces it when it was the one shown."""
        if event.session_id == self.session_id:
            await self.action_new_chat()
        self.refresh_sessions()

    async def action_new_chat(self) -> None:
        """Ctrl+N: a fresh conversation (the current one stays in history)."""
        self._leave_current()
        self._editing = None
        self.session_id = None
        self.session_title = NEW_CHAT
        self.model_choice = self.default_model
        self.query_one(ModelList).set_active(self.model_choice)
        await self.query_one(ChatLog).clear()
        self.query_one(ChatLog).show_reasoning = True
        self.measure_context()
        self.query_one(PromptInput).focus()
        self.refresh_sessions()
        self._refresh_status()

    async def action_next_session(self, step: int = 1) -> None:
        """Go to the next (or previous) chat in the list."""
        target = self.query_one(SessionList).neighbour(self.session_id, step)
        if target is not None and target != self.session_id:
            await self.open_session(target)

    # ----------------------------------------------------------------- search and forks

    @on(PromptInput.SearchRequested)
    def action_search(self) -> None:
        """Ctrl+F (or / in the log, the session list or an empty prompt): search messages."""
        self.app.push_screen(SearchScreen(self.service), self.open_found)

    async def open_found(self, hit: SearchHit | None) -> None:
        """Open a search result's chat on the branch that holds it, cursor on it."""
        if hit is None:
            return
        try:
            if hit.session_id not in self._live:
                self.service.show_message(hit.session_id, hit.message_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        await self.open_session(hit.session_id)
        log_widget = self.query_one(ChatLog)
        if await log_widget.reveal(hit.message_id) is None:
            self.notify("That message is on another branch while a reply streams here.",
                        severity="warning")
            return
        log_widget.focus()

    @on(ChatLog.Forked)
    async def open_fork(self, event: ChatLog.Forked) -> None:
        """The log forked this chat: show the new one."""
        await self.open_session(event.session_id)
        self.notify(f"Forked into a new chat, “{event.title}”; the original is unchanged.")
        self.query_one(PromptInput).focus()

    # ----------------------------------------------------------------- focus

    # Focus moves at once (Screen.set_focus), not on a later turn as Widget.focus does,
    # so keys typed right after a focus key (one read over SSH) go where it moved focus.

    def action_focus_models(self) -> None:
        """Move focus to the model list."""
        self.set_focus(self.query_one(ModelList))

    def action_focus_sessions(self) -> None:
        """Move focus to the session list."""
        widget = self.query_one(SessionList)
        if widget.display:
            self.set_focus(widget)

    def action_focus_log(self) -> None:
        """Move focus to the chat log."""
        self.set_focus(self.query_one(ChatLog))

    def action_focus_prompt(self) -> None:
        """Move focus to the prompt."""
        self.set_focus(self.query_one(PromptInput))
