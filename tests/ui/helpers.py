"""Pilot helpers: wait for a condition instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot


async def wait_until(pilot: Pilot, predicate: Callable[[], object], timeout: float = 60.0,
                     what: str = "condition") -> None:
    """Let the app run until ``predicate()`` is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.05)



def record_notifications(app: App[object]) -> list[str]:
    """Collect the text of every notification ``app`` shows from now on.

    Pilot runs without toasts; this keeps what a person would read in them.
    """
    told: list[str] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        told.append(str(message))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    return told


def replies_started(app: App[object], before: int) -> Callable[[], bool]:
    """A predicate: a reply is streaming, or more requests than ``before`` are recorded.

    A short reply from a warm model can start and end between two polls, so waiting to
    *see* it stream alone can miss it on a busy machine."""
    return lambda: bool(app.chat.streaming) or request_count(app) > before  # type: ignore[attr-defined]


def request_count(app: App[object]) -> int:
    """Requests the app's diagnostics have recorded so far."""
    return len(app.runtime.diagnostics.request_records(last=10_000))  # type: ignore[attr-defined]


def no_reply_streaming(app: App[object]) -> Callable[[], bool]:
    """A predicate for :func:`wait_until`: no chat has a reply in progress."""
    return lambda: not app.chat.streaming  # type: ignore[attr-defined]


def shown_reply(app: App[object]) -> str:
    """The text on screen in the chat log's last reply (empty when there is none)."""
    from tui_chat.ui.widgets.chat_log import ChatLog

    views = app.chat.query_one(ChatLog).messages  # type: ignore[attr-defined]
    if not views or views[-1].role != "assistant":
        return ""
    return views[-1].body.source
