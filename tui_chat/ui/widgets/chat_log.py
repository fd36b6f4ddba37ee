"""The scrolling conversation: messages, following the bottom while streaming."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets.markdown import MarkdownFence

from tui_chat.ui.widgets.message import MessageView

MAX_MOUNTED_MESSAGES = 200
"""Older messages are collapsed into one placeholder so the widget count stays bounded."""


class ChatLog(VerticalScroll, can_focus=True):
    """Holds MessageViews; ``End`` jumps back to the bottom and follows it again."""

    BINDINGS = [
        Binding("end", "follow", "Bottom", id="log_bottom", show=False),
        Binding("home", "scroll_home", "Top", id="log_top", show=False),
        Binding("up", "cursor(-1)", "Previous message", id="log_up", show=False),
        Binding("down", "cursor(1)", "Next message", id="log_down", show=False),
        Binding("c", "copy_code", "Copy code", id="copy_code"),
        Binding("y", "copy_message", "Copy message", id="copy_message"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cursor: int | None = None
        """Index of the selected message while the log has focus."""

    @property
    def messages(self) -> list[MessageView]:
        """Mounted messages, oldest first."""
        return list(self.query(MessageView))

    async def add(self, view: MessageView) -> MessageView:
        """Append a message and keep following the bottom if we were."""
        await self.mount(view)
        views = self.messages
        if len(views) > MAX_MOUNTED_MESSAGES:
            for old in views[: len(views) - MAX_MOUNTED_MESSAGES]:
                await old.remove()
        return view

    async def clear(self) -> None:
        """Remove every message."""
        await self.remove_children()
        self.cursor = None

    def action_follow(self) -> None:
        """Jump to the end and follow new text again."""
        self.anchor()

    def action_cursor(self, step: int) -> None:
        """Move the message cursor up or down and scroll it into view."""
        views = self.messages
        if not views:
            return
        if self.cursor is None:
            self.cursor = len(views) - 1
        else:
            self.cursor = max(0, min(len(views) - 1, self.cursor + step))
        for index, view in enumerate(views):
            view.set_class(index == self.cursor, "-cursor")
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
