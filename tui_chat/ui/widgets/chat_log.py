"""The scrolling conversation: messages, following the bottom while streaming.

A session can hold thousands of messages. Only the most recent ones are mounted as
widgets (:data:`OPEN_WINDOW` when a session opens, at most :data:`MAX_MOUNTED_MESSAGES`
as it grows); older ones wait as plain data behind a one-line placeholder and are
mounted :data:`OLDER_BATCH` at a time as the user scrolls up to them, the view kept
where it was. Mounted messages whose bodies are long hide their blocks while they are
far out of view (see ``MessageView.hide_offscreen_blocks``).

The log shows one path through a session's tree of messages. It owns the actions on
the message under its cursor: stepping to its other branches (``‹ 2/3 ›``), forking
the path into a new chat, and asking the screen to edit a prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.widget import AwaitMount, Widget
from textual.widgets import Static
from textual.widgets.markdown import MarkdownFence

from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import Role
from tui_chat.core.store import MessageTree, StoredMessage
from tui_chat.ui.widgets.follow import StepFollow
from tui_chat.ui.widgets.message import MessageView

MAX_MOUNTED_MESSAGES = 200
"""Most messages mounted at once; older ones are collapsed behind the placeholder."""
OPEN_WINDOW = 30
"""Messages mounted when a whole session is shown at once (the most recent ones)."""
OLDER_BATCH = 8
"""Messages mounted each time the user scrolls up near the placeholder."""
PREFETCH_SCREENS = 2
"""Older messages are mounted when the view is this many screens from the top."""


@dataclass(frozen=True, slots=True)
class _Collapsed:
    """A message that is not mounted: what it takes to build its view again."""

    role: str
    text: str
    meta: str
    state: str
    message_id: int | None
    branch: tuple[int, int] | None
    reasoning: str

    @classmethod
    def of(cls, view: MessageView) -> _Collapsed:
        return cls(view.role, view.text, view.meta, view.state, view.message_id, view.branch,
                   view.thinking.text)

    def view(self) -> MessageView:
        view = MessageView(self.role, self.text, meta=self.meta, state=self.state,
                           message_id=self.message_id, reasoning=self.reasoning)
        view.branch = self.branch
        return view


def stored_view(message: StoredMessage, tree: MessageTree | None = None) -> MessageView:
    """The view of a stored message, marked ``‹ n/m ›`` when it has alternatives."""
    reasoning = message.meta.get("reasoning") if message.role == Role.ASSISTANT else None
    view = MessageView(message.role, message.content, meta=stored_meta(message),
                       state=message.state, message_id=message.id,
                       reasoning=reasoning if isinstance(reasoning, str) else "")
    if tree is not None and message.id in tree:
        view.branch = tree.position(message.id)
    return view


def stored_meta(message: StoredMessage) -> str:
    """The meta line of a stored message: its model, and for a reply the route reason."""
    if message.role == Role.SUMMARY:
        count = message.meta.get("count") or len(message.meta.get("summarises") or [])
        return (f"by {message.model or 'the model'} · sent in place of the {count} messages "
                "above · r restores them")
    model = message.model or ""
    route = message.meta.get("route") if message.role == Role.ASSISTANT else None
    line = (f"{model} · {route}" if model else str(route)) if route else model
    note = message.meta.get("note") if message.role == Role.ASSISTANT else None
    return f"{line} · {note}" if note else line


class OlderMessages(Static):
    """The placeholder above the mounted messages: how many older ones there are."""

    DEFAULT_CSS = """
    OlderMessages {
        color: $text-muted;
        text-align: center;
        height: 1;
        margin: 0 0 1 0;
    }
    """


class ChatLog(VerticalScroll, can_focus=True):
    """Holds MessageViews; ``End`` jumps back to the bottom and follows it again."""

    BINDINGS = [
        Binding("end", "follow", "Bottom", id="log_bottom", show=False),
        Binding("home", "scroll_home", "Top", id="log_top", show=False),
        Binding("up", "cursor(-1)", "Previous message", id="log_up", show=False),
        Binding("down", "cursor(1)", "Next message", id="log_down", show=False),
        Binding("left", "branch(-1)", "‹ Branch", id="branch_prev"),
        Binding("right", "branch(1)", "Branch ›", id="branch_next"),
        Binding("e", "edit_message", "Edit", id="edit_message"),
        Binding("f", "fork", "Fork", id="fork_chat"),
        Binding("slash", "screen.search", "Search", id="search_log", key_display="/"),
        Binding("t", "toggle_thinking", "Thinking", id="toggle_thinking"),
        Binding("r", "restore", "Restore", id="restore_summary", show=False),
        Binding("c", "copy_code", "Copy code", id="copy_code"),
        Binding("y", "copy_message", "Copy message", id="copy_message"),
    ]

    @dataclass
    class EditRequested(Message):
        """The user asked to edit a prompt of theirs (it goes into the prompt box)."""

        message_id: int
        text: str

    @dataclass
    class Forked(Message):
        """A new chat was made from this one's path up to the selected message."""

        session_id: int
        title: str

    def __init__(self, service: ChatService, busy: Callable[[int], bool], *,
                 id: str | None = None) -> None:
        """``busy(session_id)``: True while a reply streams there (branches wait for it)."""
        super().__init__(id=id)
        self.service = service
        self.busy = busy
        self.session_id: int | None = None
        """The chat shown (None: a new chat, nothing sent yet); the screen keeps it."""

        self.cursor: int | None = None
        """Index of the selected message while the log has focus."""
        self._older: list[MessageView | _Collapsed] = []
        """Messages above the mounted ones, oldest first (never-mounted views or data)."""
        self._placeholder: OlderMessages | None = None
        self._loading_older = False
        self._scroll_check = False
        self.follow = StepFollow(self)
        """Follows a streaming reply in steps (ui.widgets.follow)."""

    @property
    def messages(self) -> list[MessageView]:
        """Mounted messages, oldest first."""
        return [child for child in self.children if isinstance(child, MessageView)]

    @property
    def show_reasoning(self) -> bool:
        """False hides every thinking block (the chat's ``show_reasoning`` setting, F3)."""
        return not self.has_class("-no-reasoning")

    @show_reasoning.setter
    def show_reasoning(self, show: bool) -> None:
        self.set_class(not show, "-no-reasoning")

    @property
    def older_count(self) -> int:
        """Messages above the mounted ones, not mounted (yet)."""
        return len(self._older)

    async def add(self, view: MessageView, *more: MessageView) -> MessageView:
        """Append one or more messages (one mount); returns the last one."""
        await self.mount(view, *more, before=self.follow.room if self.follow.active else None)
        view = more[-1] if more else view
        views = self.messages
        if len(views) > MAX_MOUNTED_MESSAGES:
            gone = views[: len(views) - MAX_MOUNTED_MESSAGES]
            self._older.extend(_Collapsed.of(old) for old in gone)
            await self.remove_children(gone)
            await self._show_placeholder()
        return view

    def mount_all(self, widgets: Iterable[Widget], *, before: int | str | Widget | None = None,
                  after: int | str | Widget | None = None) -> AwaitMount:
        """Mount ``widgets``; a whole session shown at once mounts only its last messages.

        When the log is empty and more than :data:`OPEN_WINDOW` messages come at the
        end, the older ones are kept unmounted behind the placeholder.
        """
        widgets = list(widgets)
        views = [w for w in widgets if isinstance(w, MessageView)]
        if (before is not None or after is not None or self.children
                or len(views) <= OPEN_WINDOW or len(views) != len(widgets)):
            return super().mount_all(widgets, before=before, after=after)
        self._older = list(widgets[:-OPEN_WINDOW])
        recent = widgets[-OPEN_WINDOW:]
        self._placeholder = OlderMessages(self._placeholder_text())
        return super().mount_all([self._placeholder, *recent])

    def _placeholder_text(self) -> str:
        count = len(self._older)
        return f"▲ {count:,} earlier message{'s' if count != 1 else ''} · scroll up to show"

    async def _show_placeholder(self) -> None:
        if not self._older:
            if self._placeholder is not None:
                placeholder, self._placeholder = self._placeholder, None
                await placeholder.remove()
            return
        if self._placeholder is None:
            self._placeholder = OlderMessages(self._placeholder_text())
            await self.mount(self._placeholder, before=0)
        else:
            self._placeholder.update(self._placeholder_text())

    async def show_older(self, count: int = OLDER_BATCH) -> int:
        """Mount up to ``count`` more older messages above the others; returns how many.

        The view stays on the message that was at the top.
        """
        if not self._older or self._loading_older:
            return 0
        self._loading_older = True
        try:
            batch = self._older[-count:]
            del self._older[-count:]
            views = [item.view() if isinstance(item, _Collapsed) else item for item in batch]
            mounted = self.messages
            anchor = mounted[0] if mounted else None
            was_y = anchor.virtual_region.y if anchor is not None else 0
            if anchor is not None:
                await super().mount_all(views, before=anchor)
            else:
                await super().mount_all(views)
            await self._show_placeholder()
            if anchor is not None:
                scroll_y = self.scroll_y

                def keep_place() -> None:
                    self.scroll_to(y=scroll_y + anchor.virtual_region.y - was_y, animate=False)

                self.call_after_refresh(keep_place)
            if self.cursor is not None:
                self.cursor += len(views)
            return len(views)
        finally:
            self._loading_older = False

    async def clear(self) -> None:
        """Remove every message."""
        self._older = []
        self._placeholder = None
        await self.remove_children()
        self.follow.forget()
        self.cursor = None

    async def show(self, path: Iterable[StoredMessage], tree: MessageTree | None = None, *,
                   skip: int | None = None) -> None:
        """Show ``path`` (messages of the chat shown) instead of what is shown now.

        ``skip`` leaves out one message (a reply in progress that gets a live view).
        """
        await self.clear()
        path = list(path)
        summary = tree.summary_on(path) if tree is not None else None
        views = []
        for message in path:
            if message.id == skip or message.role == Role.SYSTEM:
                continue
            view = stored_view(message, tree)
            views.append(view)
            if summary is not None and summary.parent_id is not None:
                view.set_class(message.id <= summary.parent_id, "-summarised")
            if summary is not None and message.id == summary.parent_id:
                views.append(stored_view(summary))
        if views:
            await self.mount_all(views)

    def mark_branches(self, tree: MessageTree) -> None:
        """Update every shown message's ``‹ n/m ›`` from ``tree``."""
        for view in self.messages:
            if view.message_id is not None and view.message_id in tree:
                view.set_branch(tree.position(view.message_id))

    async def reveal(self, message_id: int) -> MessageView | None:
        """Put the cursor on message ``message_id`` (mounting older ones as needed),
        highlight it and scroll to it; None when it is not in the log."""
        older = [i for i, item in enumerate(self._older) if item.message_id == message_id]
        if older:
            await self.show_older(len(self._older) - older[0])
        views = self.messages
        found = next((v for v in views if v.message_id == message_id), None)
        if found is None:
            return None
        for view in views:
            view.set_class(view is found, "-found")
        self._put_cursor(views.index(found))
        self.call_after_refresh(self.scroll_to_widget, found, animate=False, top=True)
        return found

    # ----------------------------------------------------------------- branches

    def _target(self, verb: str) -> MessageView | None:
        """The message under the cursor, when it can be acted on (else a notice)."""
        view = self.selected()
        if view is None or view.message_id is None or self.session_id is None:
            self.notify(f"Move the log cursor (↑/↓) to a saved message to {verb} it.",
                        severity="warning")
            return None
        if self.busy(self.session_id):
            self.notify(f"A reply is streaming in this chat; Esc stops it, then {verb}.",
                        severity="warning")
            return None
        return view

    async def action_branch(self, step: int) -> None:
        """Show the previous (-1) or next (1) alternative of the message under the cursor;
        the messages below follow that branch."""
        view = self._target("switch branches of")
        if view is None or view.message_id is None or self.session_id is None:
            return
        try:
            sibling = self.service.step_branch(self.session_id, view.message_id, step)
            tree = self.service.conversation(self.session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        if sibling is None:
            n, count = view.branch or (1, 1)
            where = "earlier" if step < 0 else "later"
            self.notify(f"No {where} branch here (this is {n} of {count}).", severity="warning")
            return
        path = tree.path()
        views = self.messages
        position = views.index(view)
        if tree.summary_on(path) is not None or any(v.role == Role.SUMMARY for v in views):
            await self.show(path, tree)  # the summary and its marks follow the path
            found = [i for i, v in enumerate(self.messages) if v.message_id == sibling]
            self._put_cursor(found[0] if found else position)
            return
        depth = next(i for i, m in enumerate(path) if m.id == sibling)
        await self.remove_children(views[position:])
        await self.mount_all([stored_view(m, tree) for m in path[depth:] if m.role != Role.SYSTEM])
        self._put_cursor(position)

    def action_edit_message(self) -> None:
        """Edit the prompt under the cursor: the answer to the edit is a new branch."""
        view = self._target("edit")
        if view is None or view.message_id is None:
            return
        if view.role != Role.USER:
            self.notify("Only your own messages can be edited; Ctrl+R answers again instead.",
                        severity="warning")
            return
        self.post_message(self.EditRequested(view.message_id, view.text))

    def action_fork(self) -> None:
        """Copy this chat's path up to the message under the cursor into a new chat."""
        view = self._target("fork at")
        if view is None or view.message_id is None or self.session_id is None:
            return
        try:
            info = self.service.fork(self.session_id, view.message_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        self.post_message(self.Forked(info.id, info.title))

    # ----------------------------------------------------------------- scrolling

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._scroll_check:
            self._scroll_check = True
            self.call_after_refresh(self._scrolled)

    async def _scrolled(self) -> None:
        """After a scroll: hide/show long bodies' blocks, mount older messages near the top."""
        self._scroll_check = False
        for child in self.children:
            if isinstance(child, MessageView) and child.is_long:
                child.hide_offscreen_blocks()
        screen = self.scrollable_content_region.height
        if self._older and self.scroll_y < PREFETCH_SCREENS * screen:
            await self.show_older()

    def on_mount(self) -> None:
        ui = getattr(self.app, "ui_config", None)
        if ui is not None:
            self.follow.share = ui.step_share

    @on(MessageView.StreamStarted)
    async def _make_room(self, event: MessageView.StreamStarted) -> None:
        event.stop()
        view = event.view
        await self.follow.start(lambda: view.streaming)

    @on(MessageView.StreamEnded)
    async def _settle(self, event: MessageView.StreamEnded) -> None:
        event.stop()
        await self.follow.stop()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """The content grew or shrank: a reply followed in steps may need a jump.

        (Not a ``virtual_size`` watcher: a reflow sets it without calling one, ui.layout.)"""
        grew = virtual_size != self.virtual_size
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if grew:
            self.follow.grew()
        return changed

    def action_follow(self) -> None:
        """Jump to the end and follow new text again."""
        self.anchor()

    def action_cursor(self, step: int) -> None:
        """Move the message cursor up or down and scroll it into view."""
        views = self.messages
        if not views:
            return
        if self.cursor is None:
            self._put_cursor(len(views) - 1)
        else:
            self._put_cursor(self.cursor + step)

    def _put_cursor(self, index: int) -> None:
        views = self.messages
        if not views:
            return
        self.cursor = max(0, min(len(views) - 1, index))
        for position, view in enumerate(views):
            view.set_class(position == self.cursor, "-cursor")
        self.release_anchor()
        self.scroll_to_widget(views[self.cursor], animate=False)

    def selected(self) -> MessageView | None:
        """The message under the cursor, else the last assistant message."""
        views = self.messages
        if self.cursor is not None and self.cursor < len(views):
            return views[self.cursor]
        for view in reversed(views):
            if view.role == "assistant":
                return view
        return None

    async def action_restore(self) -> None:
        """On a summary: send the messages it stands in for again (the summary goes)."""
        view = self._target("restore")
        if view is None or self.session_id is None:
            return
        if view.role != Role.SUMMARY:
            self.notify("Move the cursor to the summary (F4 makes one) to restore what it "
                        "stands in for.", severity="warning")
            return
        try:
            count = self.service.restore(self.session_id)
            tree = self.service.conversation(self.session_id)
        except TuiChatError as exc:
            self.notify(str(exc), severity="error")
            return
        await self.show(tree.path(), tree)
        self.anchor()
        self.notify(f"Restored: the {count} summarised messages are sent again.")

    def action_toggle_thinking(self) -> None:
        """Open or fold the selected reply's thinking block."""
        view = self.selected()
        if view is None or not view.thinking.text:
            self.notify("The selected message has no reasoning to show.", severity="warning")
            return
        view.thinking.toggle()

    def action_copy_message(self) -> None:
        """Copy the selected message's text to the clipboard (OSC 52)."""
        view = self.selected()
        if view is None or not view.text:
            self.notify("Nothing to copy yet.", severity="warning")
            return
        self.app.copy_to_clipboard(view.text)
        self.notify(f"Copied {len(view.text):,} characters.")

    def action_copy_code(self) -> None:
        """Copy the code block(s) of the selected message to the clipboard (OSC 52)."""
        view = self.selected()
        fences = list(view.query(MarkdownFence)) if view is not None else []
        if not fences:
            self.notify("The selected message has no code block.", severity="warning")
            return
        code = "\n\n".join(f.code for f in fences)
        self.app.copy_to_clipboard(code)
        self.notify(f"Copied {len(fences)} code block(s).")

    def on_focus(self) -> None:
        if self.cursor is None:
            self.action_cursor(0)

    def on_blur(self) -> None:
        for view in self.messages:
            view.remove_class("-cursor")
        self.cursor = None
