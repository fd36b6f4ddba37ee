"""The session list: every chat, newest first, with a live marker while generating.

It owns its actions: rename, delete (after asking) and chat settings run as its own
workers against the core, and it tells the screen what changed. ``/`` opens the
screen's search over every message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.store import SessionInfo
from tui_chat.ui.screens.dialogs import ConfirmScreen, InputScreen, SessionSettingsScreen


class SessionList(OptionList):
    """Enter opens a session; r renames, Delete deletes, / searches, s edits settings."""

    BINDINGS = [
        Binding("r", "rename", "Rename", id="rename_session"),
        Binding("delete,backspace", "delete", "Delete", id="delete_session"),
        Binding("slash", "screen.search", "Search", id="search_sessions", key_display="/"),
        Binding("s", "settings", "Settings", id="session_settings", show=False),
    ]

    @dataclass
    class Opened(Message):
        """The user picked a session."""

        session_id: int

    @dataclass
    class Renamed(Message):
        """A session got a new title."""

        session_id: int
        title: str

    @dataclass
    class Deleted(Message):
        """A session and its messages were deleted."""

        session_id: int

    @dataclass
    class SettingsSaved(Message):
        """A session's system prompt and params were saved."""

        session_id: int
        params: dict[str, Any]

    def __init__(self, service: ChatService, stop_reply: Callable[[int], Awaitable[None]],
                 *, id: str | None = None) -> None:
        """``stop_reply(session_id)`` stops a chat's reply in progress before it is deleted."""
        super().__init__(id=id)
        self.service = service
        self.stop_reply = stop_reply
        self.sessions: list[SessionInfo] = []
        """Sessions shown, in display order."""
        self._marks: tuple[int | None, frozenset[int], frozenset[int]] = (None, frozenset(),
                                                                         frozenset())
        self._labels: list[Text] = []

    def on_mount(self) -> None:
        self._title()

    def _title(self) -> None:
        count = len(self.sessions)
        self.border_title = f"Sessions ({count})"

    def reload(self, current: int | None, live: frozenset[int] = frozenset(),
               waiting: frozenset[int] = frozenset()) -> None:
        """Show every session, marking ``current``, ``live`` and ``waiting``."""
        self._marks = (current, live, waiting)
        try:
            sessions = self.service.sessions()
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.show(sessions)
        self.display = bool(sessions)

    def show(self, sessions: list[SessionInfo]) -> None:
        """Replace the rows, keeping the highlighted session (no-op when nothing changed).

        The screen reloads the list whenever a reply starts or ends; rebuilding an
        unchanged list would redraw the whole sidebar in the frame that shows the reply.
        """
        labels = [self._label(s) for s in sessions]
        if [s.id for s in sessions] == [s.id for s in self.sessions] and labels == self._labels:
            self.sessions = sessions
            return
        keep = self._highlighted_id()
        self.sessions = sessions
        self._labels = labels
        self.clear_options()
        self.add_options([Option(label, id=str(s.id)) for s, label in zip(sessions, labels)])
        self._title()
        target = keep if keep is not None else self._marks[0]
        try:
            self.highlighted = self.get_option_index(str(target)) if target is not None else 0
        except Exception:  # noqa: BLE001 - not in the list any more: the first row
            self.highlighted = 0 if self.option_count else None

    def _label(self, info: SessionInfo) -> Text:
        current, live, waiting = self._marks
        if info.id in waiting:
            marker = ("⧗ ", "yellow")
        elif info.id in live:
            marker = ("⟳ ", "bold green")
        else:
            marker = ("› " if info.id == current else "  ", "bold")
        title = info.title if len(info.title) <= 40 else info.title[:39] + "…"
        return Text.assemble(marker, (title, "bold" if info.id == current else ""),
                             (f" {info.message_count}", "dim"))

    def _highlighted_id(self) -> int | None:
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id else None

    def neighbour(self, current: int | None, step: int) -> int | None:
        """The session ``step`` rows away from ``current`` (wrapping)."""
        if not self.sessions:
            return None
        ids = [s.id for s in self.sessions]
        if current not in ids:
            return ids[0]
        return ids[(ids.index(current) + step) % len(ids)]

    @on(OptionList.OptionSelected)
    def open_session(self, event: OptionList.OptionSelected) -> None:
        """Enter opens the highlighted session."""
        event.stop()
        if event.option.id:
            self.post_message(self.Opened(int(event.option.id)))

    def _target(self) -> int | None:
        session_id = self._highlighted_id()
        if session_id is None:
            self.notify("Highlight a session first.", severity="warning")
        return session_id

    def action_rename(self) -> None:
        """Rename the highlighted session."""
        if (session_id := self._target()) is not None:
            self.rename(session_id)

    def action_delete(self) -> None:
        """Delete the highlighted session (asks first)."""
        if (session_id := self._target()) is not None:
            self.delete(session_id)

    def action_settings(self) -> None:
        """System prompt and generation params of the highlighted session."""
        if (session_id := self._target()) is not None:
            self.edit_settings(session_id)

    # ----------------------------------------------------------------- the dialogs

    @work(exclusive=True, group="session-dialog")
    async def rename(self, session_id: int) -> None:
        """Ask for a new title and store it."""
        try:
            info = self.service.session(session_id)
            title = await self.app.push_screen_wait(InputScreen("New title:", info.title))
            if title is None or not title.strip():
                return
            stored = self.service.rename(session_id, title)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.post_message(self.Renamed(session_id, stored))

    @work(exclusive=True, group="session-dialog")
    async def delete(self, session_id: int) -> None:
        """Delete after confirmation; a reply in progress is stopped first."""
        try:
            info = self.service.session(session_id)
            if not await self.app.push_screen_wait(ConfirmScreen(
                    f"Delete “{info.title}” and its {info.message_count} messages?")):
                return
            await self.stop_reply(session_id)
            self.service.delete(session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.post_message(self.Deleted(session_id))
        self.notify(f"Deleted “{info.title}”.")

    @work(exclusive=True, group="session-dialog")
    async def edit_settings(self, session_id: int) -> None:
        """Edit and store a session's system prompt and params."""
        try:
            info = self.service.session(session_id)
            result = await self.app.push_screen_wait(
                SessionSettingsScreen(info.title, info.system_prompt, info.params))
            if result is None:
                return
            self.service.update_settings(session_id, result["system_prompt"], result["params"])
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.post_message(self.SettingsSaved(session_id, dict(result["params"])))
        self.notify("Chat settings saved.")
