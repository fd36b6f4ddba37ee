"""A 1 MB paste keeps the UI responsive, then is sent and refused with a clear reason."""

from __future__ import annotations

import statistics
import time

from textual import events

from tests.ui.helpers import wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.message import SHOW_LIMIT
from tui_chat.ui.widgets.prompt import PromptInput

MEGABYTE = ("word " * 12 + "\n") * 16_400  # about 1 MB of pasted log


async def key_latency(pilot, keys: list[str]) -> float:  # noqa: ANN001
    """Median seconds for a key press to be handled (Pilot's own overhead included)."""
    times = []
    for key in keys:
        start = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def test_megabyte_paste_stays_responsive_and_is_refused_clearly(make_runtime) -> None:
    app = TuiChatApp(make_runtime())
    async with app.run_test(size=(120, 40)) as pilot:
        prompt = app.query_one(PromptInput)
        baseline = await key_latency(pilot, ["x", "backspace"] * 3)
        start = time.perf_counter()
        prompt.post_message(events.Paste(MEGABYTE))
        await pilot.pause()
        paste_s = time.perf_counter() - start
        # The editor holds a short token, not a megabyte to lay out.
        assert prompt.text == f"[paste #1: {len(MEGABYTE):,} characters]"
        latency = await key_latency(pilot, ["a", "backspace", "left", "end", "a", "backspace"])
        print(f"\nkey latency: {baseline * 1000:.0f} ms before, {latency * 1000:.0f} ms after "
              f"the paste; paste handled in {paste_s * 1000:.0f} ms")
        assert latency < max(0.5, baseline * 3)  # generous: speed is measured, not timed here
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query_one(ChatLog).messages and not app.chat.streaming,
                         what="the refusal")
        user, reply = app.query_one(ChatLog).messages[-2:]
        assert user.text == MEGABYTE  # sent in full, kept in full
        assert len(user.body.source) < SHOW_LIMIT + 200  # but not rendered in full
        assert reply.state == "error"
        assert "fits" in reply.text and "shorten it" in reply.text
        stored = app.runtime.service.messages(app.chat.session_id)
        assert stored[0].content == MEGABYTE
        latency_after = await key_latency(pilot, ["a", "backspace"] * 2)
        assert latency_after < max(0.5, baseline * 3)
        assert app.is_running
