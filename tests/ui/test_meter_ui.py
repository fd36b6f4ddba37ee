"""The context meter in the status row, on real SmolLM2 (n_ctx 512)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import NO_EOG, smollm2_entry
from tests.ui.helpers import replies_started, request_count, no_reply_streaming, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.meter import ContextGauge

TINY = smollm2_entry("tiny", 512)


@pytest.mark.timeout(180)
async def test_the_meter_is_the_next_requests_exact_size_and_warns_when_full(
    make_runtime: Any,
) -> None:
    runtime = make_runtime(body=TINY, head='default_model = "tiny"\n',
                           generate=f"max_tokens = 8\n{NO_EOG}")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        gauge = app.chat.query_one(ContextGauge)
        await pilot.press(*"Name a colour.", "enter")
        await wait_until(pilot, lambda: app.chat.streaming, what="reply starts")
        await wait_until(pilot, no_reply_streaming(app), what="first reply")
        await wait_until(pilot, lambda: gauge.usage is not None, what="the meter")
        shown = gauge.usage
        assert str(gauge.content) == f"ctx {shown.used:,} / 512"
        await pilot.press(*"And a fruit?")
        await wait_until(pilot, lambda: gauge.usage is not None and gauge.usage.used
                         > shown.used, what="the meter counting the draft")
        predicted = gauge.usage.used
        before = request_count(app)
        await pilot.press("enter")
        await wait_until(pilot, replies_started(app, before), what="second reply starts")
        await wait_until(pilot, no_reply_streaming(app), what="second reply")
        sent = runtime.store.requests(last=1)[0]["prompt_tokens"]  # llama.cpp's count
        assert predicted == sent
        assert not gauge.has_class("-warn") and not gauge.has_class("-error")

        sid = app.chat.session_id
        for n in range(20):  # fill the window past 75% of 512
            runtime.store.add_message(sid, "user", f"note {n}: " + "blue sky " * 10)
            runtime.store.add_message(sid, "assistant", "ok")
            usage = runtime.service.context_usage(sid, "", "tiny")
            if usage is not None and usage.share >= 0.75:
                break
        await app.chat.open_session(sid)
        await wait_until(pilot, lambda: gauge.usage is not None
                         and gauge.usage.share >= 0.75, what="a fuller meter")
        assert gauge.has_class("-warn") or gauge.has_class("-error")
        assert gauge.has_class("-error") == (gauge.usage.share >= 0.90)
