"""The multi-line prompt: Enter sends, Ctrl+J adds a newline (works over any SSH terminal)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class PromptInput(TextArea):
    """Where the user types. Up on an empty prompt recalls the last one."""

    # Not priority bindings: a priority binding runs ahead of keys still queued for
    # this widget, so "abc⏎" arriving in one burst would send an empty prompt. _on_key
    # handles them in order instead; the bindings give the footer, help and keymap ids.
    BINDINGS = [
        Binding("enter", "submit", "Send", id="send"),
        Binding("ctrl+j,shift+enter,alt+enter", "newline", "Newline", id="newline",
                key_display="^j"),
    ]
    DEFAULT_KEYS = {"send": "enter", "newline": "ctrl+j,shift+enter,alt+enter"}

    @dataclass
    class Submitted(Message):
        """The user sent a prompt."""

        text: str

    @dataclass
    class HelpRequested(Message):
        """'?' was typed into an empty prompt."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.sent: list[str] = []
        """Prompts sent in this app run, oldest first."""
        self._recall_index: int | None = None

    def action_submit(self) -> None:
        """Send the prompt unless it is blank."""
        text = self.text
        if not text.strip():
            return
        self.sent.append(text)
        self._recall_index = None
        self.post_message(self.Submitted(text))
        self.clear()

    def action_newline(self) -> None:
        """Insert a line break."""
        self.insert("\n")

    def _keys(self, binding_id: str) -> set[str]:
        keymap = getattr(self.app, "_keymap", None) or {}
        return {k.strip() for k in keymap.get(binding_id, self.DEFAULT_KEYS[binding_id]).split(",")}

    async def _on_key(self, event: events.Key) -> None:
        for binding_id, action in (("send", self.action_submit), ("newline", self.action_newline)):
            if event.key in self._keys(binding_id):
                event.stop()
                event.prevent_default()
                action()
                return
        if not self.text:
            if event.key == "up" and self.sent:
                event.stop()
                event.prevent_default()
                self._recall(-1)
                return
            if event.character == "?":
                event.stop()
                event.prevent_default()
                self.post_message(self.HelpRequested())
                return
        await super()._on_key(event)

    def _recall(self, step: int) -> None:
        index = len(self.sent) if self._recall_index is None else self._recall_index
        index = max(0, min(len(self.sent) - 1, index + step))
        self._recall_index = index
        self.load_text(self.sent[index])
        self.move_cursor(self.document.end)
