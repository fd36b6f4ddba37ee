"""The context meter in the status row: ``ctx 1,234 / 2,048``, exact, coloured when full.

It asks the core (``ChatService.context_usage``) in a thread worker, after a chat
opens, after each reply and a moment after typing stops; the core counts each message
once, so a long chat costs no more per keystroke than a short one. Past 75% of the
window the figure turns to the warning colour, past 90% to the error colour; when
the next request will not fit whole it says how many older messages will be left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from tui_chat.core.chat import ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.meter import ContextUsage

TYPING_PAUSE_S = 0.3
"""The meter counts the prompt this long after the last keystroke."""


class ContextGauge(Static):
    """How full the open chat's next request makes its model's context window."""

    @dataclass
    class Measured(Message):
        """A new figure for a chat (the screen may compact it, ``compact_at``)."""

        session_id: int | None
        usage: ContextUsage

    DEFAULT_CSS = """
    ContextGauge {
        width: auto;
        padding: 0 0 0 1;
        color: $text-muted;
    }
    ContextGauge.-warn {
        color: $warning;
    }
    ContextGauge.-error {
        color: $error;
        text-style: bold;
    }
    """

    def __init__(self, service: ChatService, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.service = service
        self.usage: ContextUsage | None = None
        """The figure shown (None: nothing measured for this chat yet)."""
        self._session: int | None = None
        self._timer: Timer | None = None

    def measure(self, session_id: int | None, draft: str, model: str) -> None:
        """Measure the chat's next request now (in a worker)."""
        if session_id != self._session:
            self._session = session_id
            self.show_usage(session_id, None)
        self._measure(session_id, draft, model)

    def measure_soon(self, session_id: int | None, draft: str, model: str) -> None:
        """Measure once typing pauses (each call restarts the wait)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE_S,
                                     lambda: self.measure(session_id, draft, model))

    @work(thread=True, exclusive=True, group="context-meter", exit_on_error=False)
    def _measure(self, session_id: int | None, draft: str, model: str) -> None:
        try:
            usage = self.service.context_usage(session_id, draft, model)
        except TuiChatError:  # the chat went away meanwhile: nothing to show
            usage = None
        if usage is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_usage, session_id, usage)

    def show_usage(self, session_id: int | None, usage: ContextUsage | None) -> None:
        """Show ``usage`` for ``session_id`` (None clears it); UI thread."""
        if session_id != self._session:
            return
        self.usage = usage
        self.set_class(usage is not None and usage.level == "warn", "-warn")
        self.set_class(usage is not None and usage.level == "error", "-error")
        if usage is None:
            self.update("")
            return
        self.post_message(self.Measured(session_id, usage))
        text = f"ctx {usage.used:,} / {usage.window:,}"
        if usage.left_out:
            text += (f" · the {usage.left_out} oldest message"
                     f"{'s' if usage.left_out != 1 else ''} will be left out")
        self.update(text)
