"""Compacting a long chat on real SmolLM2 (n_ctx 1024): the summary stands in for the
older messages in what is sent, and restoring brings them back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.conftest import smollm2_entry
from tests.ui.helpers import (
    no_reply_streaming,
    record_notifications,
    replies_started,
    request_count,
    wait_until,
)
from tui_chat.core import chat as chat_module
from tui_chat.core import window as window_module
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog

SMALL = smollm2_entry("small", 1024)
COLOURS = ["red", "green", "blue", "amber", "violet", "teal"]


@pytest.mark.timeout(300)
async def test_compacting_a_30_turn_chat_fits_the_next_request_and_restores(
    make_runtime: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dropped: list[int] = []
    real = chat_module.fit_messages

    def spy(*args: Any, **kwargs: Any) -> Any:  # calls through: what was left out
        result = real(*args, **kwargs)
        dropped.append(result[1])
        return result

    monkeypatch.setattr(chat_module, "fit_messages", spy)
    # Shorter summaries keep the test quick; the test config bans end-of-generation, so
    # every summary runs to this budget (200 tokens by default).
    monkeypatch.setattr(window_module, "SUMMARY_TOKENS", 64)
    runtime = make_runtime(body=SMALL, head='default_model = "small"\n')
    store, service = runtime.store, runtime.service
    session = service.new_session("long chat", "small")
    for n in range(30):
        colour = COLOURS[n % len(COLOURS)]
        store.add_message(session.id, "user", f"Turn {n}: remember that box {n} is {colour} "
                          "and sits on the shelf by the window.")
        store.add_message(session.id, "assistant", f"Noted: box {n} is {colour}, by the window.",
                          model="small")
    runtime.pool.load("small")
    before = service.context_usage(session.id, "Which box is teal?", "small")
    assert before is not None and before.left_out > 0  # as it is, the chat does not fit

    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        told = record_notifications(app)
        await app.chat.open_session(session.id)
        log = app.chat.query_one(ChatLog)
        await pilot.press("f4")
        await wait_until(pilot, lambda: any(v.role == "summary" for v in log.messages),
                         timeout=240, what="the summary on screen")
        await wait_until(pilot, lambda: any("Compacted" in t for t in told), what="told")
        [summary] = [v for v in log.messages if v.role == "summary"]
        assert summary.text.strip() and "r restores" in summary.meta
        kept = [v for v in log.messages if v.role in ("user", "assistant")]
        assert [v.has_class("-summarised") for v in kept[-4:]] == [False] * 4
        assert all(v.has_class("-summarised") for v in kept[:-4])
        after = service.context_usage(session.id, "Which box is teal?", "small")
        assert after is not None and after.left_out == 0 and after.used < before.used

        dropped.clear()
        before = request_count(app)
        await pilot.press("ctrl+e", *"Which box is teal?", "enter")
        # A warm model's short reply can start and end between two polls.
        await wait_until(pilot, replies_started(app, before), what="reply starts")
        await wait_until(pilot, no_reply_streaming(app), timeout=120, what="reply")
        assert dropped == [0]  # the next request fit without trimming

        await pilot.press("ctrl+l")
        await log.reveal(summary.message_id)
        await pilot.pause()
        await pilot.press("r")
        await wait_until(pilot, lambda: not any(v.role == "summary" for v in log.messages),
                         what="restored")
        assert not any(v.has_class("-summarised") for v in log.messages)
        restored = service.context_usage(session.id, "and box 3?", "small")
        assert restored is not None and restored.left_out > 0  # all of it is sent again
        assert len([m for m in service.messages(session.id)]) == 62

        # compact_at: a chat past that share of the window compacts itself, once.
        monkeypatch.setattr(service, "config", replace(service.config, compact_at=0.5))
        app.chat.measure_context()
        await wait_until(pilot, lambda: any(v.role == "summary" for v in log.messages),
                         timeout=240, what="the automatic summary")
        assert any("compact_at = 0.5" in t for t in told)
