"""The prompt's cursor shows steady while a reply streams, and blinks again after.

Each blink is a frame: UI time the model does not get, and bytes over SSH. The reply
comes from the real SmolLM2 through llama.cpp, kept writing (end-of-generation tokens
banned) so that it streams for well over a blink period; nothing depends on its words.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import NO_EOG
from tests.ui.helpers import no_reply_streaming, shown_reply, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.prompt import PromptInput

GENERATE = f"max_tokens = 600\n{NO_EOG}"

BLINK_PERIODS = 3
"""How many of TextArea's 0.5 s blink periods the cursor is watched for."""


@pytest.mark.timeout(240)
async def test_the_cursor_is_steady_while_a_reply_streams_and_blinks_after(make_runtime: Any) -> None:
    app = TuiChatApp(make_runtime(generate=GENERATE))
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = app.chat.query_one(PromptInput)
        assert prompt.cursor_blink and prompt.has_focus  # blinking while idle
        await pilot.press(*"tell me a long story", "enter")
        await wait_until(pilot, lambda: bool(shown_reply(app)), what="the reply's first text")
        seen: list[bool] = []
        for _ in range(BLINK_PERIODS * 10):
            if not app.chat.streaming:
                break
            seen.append(prompt._cursor_visible)
            await asyncio.sleep(0.05)
        assert len(seen) >= 20, "the reply ended before the cursor could be watched"
        assert all(seen)  # shown the whole time: a blink would hide it every 0.5 s
        assert not prompt.cursor_blink
        await pilot.press("escape")  # stop the reply
        await wait_until(pilot, no_reply_streaming(app), what="the reply to stop")
        await pilot.pause()
        assert prompt.cursor_blink


async def test_low_bandwidth_keeps_the_cursor_steady_after_a_reply(make_runtime: Any) -> None:
    runtime = make_runtime(generate="max_tokens = 4\n", head="[ui]\nlow_bandwidth = true\n")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = app.chat.query_one(PromptInput)
        assert not prompt.cursor_blink
        await pilot.press(*"hi", "enter")
        await wait_until(pilot, lambda: bool(shown_reply(app)) and not app.chat.streaming,
                         what="the reply")
        await pilot.pause()
        assert not prompt.cursor_blink
