"""The multi-line prompt: Enter sends, Ctrl+J adds a newline (works over any SSH terminal)."""

from __future__ import annotations

from collections.abc import Mapping

import re
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


PASTE_INLINE_LIMIT = 8_000
"""Pastes longer than this are kept aside and shown as one ``[paste #N: …]`` token."""
_PASTE_TOKEN = re.compile(r"\[paste #(\d+): [\d,]+ characters\]")


class PromptInput(TextArea):
    """Where the user types. Up on an empty prompt recalls the last one.

    A huge paste (a log, a file) is not laid out in the editor, which would stall the UI:
    it becomes a ``[paste #1: 976,000 characters]`` token, expanded when sent.
    """

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
        """The user sent a prompt (it stays in the box until the app takes it)."""

        text: str
        """The prompt with paste tokens expanded: what is sent."""
        typed: str
        """The prompt as it stands in the box."""

    @dataclass
    class HelpRequested(Message):
        """'?' was typed into an empty prompt."""

    @dataclass
    class SearchRequested(Message):
        """'/' was typed into an empty prompt."""

    def __init__(self, keymap: Mapping[str, str] | None = None, *, id: str | None = None) -> None:
        """``keymap``: binding id -> keys (``[keys]`` in config.toml) for send and newline."""
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        keymap = keymap or {}
        self._keys = {binding_id: {k.strip() for k in keymap.get(binding_id, keys).split(",")}
                      for binding_id, keys in self.DEFAULT_KEYS.items()}
        self.sent: list[str] = []
        """Prompts sent in this app run, oldest first (with paste tokens unexpanded)."""
        self.pastes: dict[int, str] = {}
        """Large pastes by number, referenced by tokens in the text."""
        self._recall_index: int | None = None
        self._in_flight = False

    def on_mount(self) -> None:
        self.set_replying(False)

    def set_replying(self, replying: bool) -> None:
        """While a reply streams in the chat shown, the cursor shows steady: each blink is
        a frame (UI time the model does not get, and bytes over SSH). ``--low-bandwidth``
        keeps it steady always."""
        ui = getattr(self.app, "ui_config", None)
        blink = not replying and not (ui is not None and ui.low_bandwidth)
        if self.cursor_blink != blink:
            self.cursor_blink = blink

    def expanded(self, text: str | None = None) -> str:
        """``text`` (default: the prompt) with paste tokens replaced by their content."""
        source = self.text if text is None else text
        return _PASTE_TOKEN.sub(lambda m: self.pastes.get(int(m.group(1)), m.group(0)), source)

    def action_submit(self) -> None:
        """Send the prompt unless it is blank."""
        text = self.text
        if not text.strip() or self._in_flight:  # a second Enter before the app took it
            return
        self._in_flight = True
        self.sent.append(text)
        self._recall_index = None
        # Straight to the screen (the one handler), not bubbling through three
        # containers: each hop waits for its node's turn on the event loop.
        self.screen.post_message(self.Submitted(self.expanded(text), text))

    def take_sent(self, typed: str) -> None:
        """Remove a sent prompt from the box, keeping anything typed after it.

        The app calls this in the same screen update that shows the message in the
        log, so the prompt moves from the box to the log in one frame.
        """
        if self.text == typed:
            self.clear()
        elif self.text.startswith(typed):  # remove just the sent part; the cursor stays
            lines = typed.split("\n")
            self.delete((0, 0), (len(lines) - 1, len(lines[-1])))

    def submit_handled(self) -> None:
        """The app has dealt with the last Submitted (sent it or said why not)."""
        self._in_flight = False

    async def _on_paste(self, event) -> None:  # noqa: ANN001 - events.Paste
        if len(event.text) <= PASTE_INLINE_LIMIT:
            await super()._on_paste(event)
            return
        event.stop()
        event.prevent_default()
        number = len(self.pastes) + 1
        self.pastes[number] = event.text
        self.insert(f"[paste #{number}: {len(event.text):,} characters]")
        self.notify(f"Pasted {len(event.text):,} characters as [paste #{number}]; "
                    "it is sent in full.")

    def action_newline(self) -> None:
        """Insert a line break."""
        self.insert("\n")

    async def _on_key(self, event: events.Key) -> None:
        for binding_id, action in (("send", self.action_submit), ("newline", self.action_newline)):
            if event.key in self._keys[binding_id]:
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
            if event.character in ("?", "/"):
                event.stop()
                event.prevent_default()
                self.post_message(self.HelpRequested() if event.character == "?"
                                  else self.SearchRequested())
                return
        await super()._on_key(event)

    def _recall(self, step: int) -> None:
        index = len(self.sent) if self._recall_index is None else self._recall_index
        index = max(0, min(len(self.sent) - 1, index + step))
        self._recall_index = index
        self.load_text(self.sent[index])
        self.move_cursor(self.document.end)
