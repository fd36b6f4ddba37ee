"""The session list: every chat, newest first, with a live marker while generating."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_chat.core.store import SessionInfo


class SessionList(OptionList):
    """Enter opens a session; r renames, Delete deletes, / searches."""

    BINDINGS = [
        Binding("r", "rename", "Rename", id="rename_session"),
        Binding("delete,backspace", "delete", "Delete", id="delete_session"),
        Binding("slash", "search", "Search", id="search_sessions", key_display="/"),
        Binding("s", "settings", "Settings", id="session_settings", show=False),
    ]

    @dataclass
    class Opened(Message):
        """The user picked a session."""

        session_id: int

    @dataclass
    class Requested(Message):
        """rename / delete / search / settings on a session (None for search)."""

        action: str
        session_id: int | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sessions: list[SessionInfo] = []
        """Sessions shown, in display order."""
        self.current: int | None = None
        """The session open in the chat log."""
        self.live: set[int] = set()
        """Sessions with a reply generating."""
        self.waiting: set[int] = set()
        """Sessions queued for a busy model."""
        self.filter_text = ""
        """The active search, shown in the border title."""
        self._labels: list[Text] = []

    def on_mount(self) -> None:
        self._title()

    def _title(self) -> None:
        count = len(self.sessions)
        self.border_title = f"Sessions ({count})" + (f" /{self.filter_text}" if self.filter_text else "")

    def show(self, sessions: list[SessionInfo]) -> None:
        """Replace the rows, keeping the highlighted session (no-op when nothing changed).

        The app calls this whenever a reply starts or ends; rebuilding an unchanged
        list would redraw the whole sidebar in the frame that shows the reply.
        """
        labels = [self._label(s) for s in sessions]
        if [s.id for s in sessions] == [s.id for s in self.sessions] and labels == self._labels:
            self.sessions = sessions
            self._title()  # a search may have changed even when its rows did not
            return
        keep = self._highlighted_id()
        self.sessions = sessions
        self._labels = labels
        self.clear_options()
        self.add_options([Option(label, id=str(s.id)) for s, label in zip(sessions, labels)])
        self._title()
        target = keep if keep is not None else self.current
        try:
            self.highlighted = self.get_option_index(str(target)) if target is not None else 0
        except Exception:  # noqa: BLE001 - not in the list any more: the first row
            self.highlighted = 0 if self.option_count else None

    def _label(self, info: SessionInfo) -> Text:
        if info.id in self.waiting:
            marker = ("⧗ ", "yellow")
        elif info.id in self.live:
            marker = ("⟳ ", "bold green")
        else:
            marker = ("› " if info.id == self.current else "  ", "bold")
        title = info.title if len(info.title) <= 40 else info.title[:39] + "…"
        return Text.assemble(marker, (title, "bold" if info.id == self.current else ""),
                             (f" {info.message_count}", "dim"))

    def _highlighted_id(self) -> int | None:
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id else None

    def neighbour(self, step: int) -> int | None:
        """The session ``step`` rows away from the current one (wrapping)."""
        if not self.sessions:
            return None
        ids = [s.id for s in self.sessions]
        if self.current not in ids:
            return ids[0]
        return ids[(ids.index(self.current) + step) % len(ids)]

    @on(OptionList.OptionSelected)
    def open_session(self, event: OptionList.OptionSelected) -> None:
        """Enter opens the highlighted session."""
        event.stop()
        if event.option.id:
            self.post_message(self.Opened(int(event.option.id)))

    def _request(self, action: str) -> None:
        session_id = self._highlighted_id()
        if session_id is None and action != "search":
            self.notify("Highlight a session first.", severity="warning")
            return
        self.post_message(self.Requested(action, session_id))

    def action_rename(self) -> None:
        """Rename the highlighted session."""
        self._request("rename")

    def action_delete(self) -> None:
        """Delete the highlighted session (asks first)."""
        self._request("delete")

    def action_search(self) -> None:
        """Filter sessions by title and message text."""
        self._request("search")

    def action_settings(self) -> None:
        """System prompt and generation params of the highlighted session."""
        self._request("settings")
