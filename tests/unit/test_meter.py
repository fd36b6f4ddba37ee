"""The context meter against llama.cpp's own count of the request (real SmolLM2)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import smollm2_entry
from tui_chat.core.events import Finished

GEN = {"max_tokens": 8}


@pytest.fixture
def runtime(make_runtime: Any) -> Any:
    return make_runtime()


def test_the_meter_equals_llama_cpps_prompt_count_for_the_next_request(runtime: Any) -> None:
    service = runtime.service
    session = service.new_session("one", "smollm2")
    assert service.context_usage(session.id, "hi", "smollm2") is None  # not loaded: no guess
    for prompt in ("Name a colour.", "And a fruit, in one word?", "Why?"):
        usage = service.context_usage(session.id, prompt, "smollm2")
        done = list(service.send(session.id, prompt, params=GEN))[-1]
        assert isinstance(done, Finished)
        if usage is not None:  # the first prompt loads the model
            assert usage.window == 2048 and usage.left_out == 0
            assert usage.used == done.metrics.prompt_tokens, (usage, done.metrics)
    usage = service.context_usage(session.id, "", "smollm2")
    assert usage is not None and usage.model == "smollm2" and usage.level == "ok"
    service.update_settings(session.id, "You are terse and precise.", {})
    with_system = service.context_usage(session.id, "Last one.", "smollm2")
    done = list(service.send(session.id, "Last one.", params=GEN))[-1]
    assert with_system is not None
    assert with_system.used == done.metrics.prompt_tokens


def test_the_meter_says_what_will_be_left_out_of_a_small_window(make_runtime: Any) -> None:
    runtime = make_runtime(body=smollm2_entry("tiny", 512))
    service = runtime.service
    runtime.pool.load("tiny")
    session = service.new_session("long", "tiny")
    store = runtime.store
    for n in range(6):
        store.add_message(session.id, "user", f"question {n} " + "word " * 40)
        store.add_message(session.id, "assistant", f"answer {n} " + "word " * 40)
    usage = service.context_usage(session.id, "next", "tiny")
    assert usage is not None and usage.window == 512
    assert usage.used > 512 - usage.reply and usage.level == "error"
    assert usage.left_out >= 2 and usage.left_out % 2 == 0  # whole turns, from the oldest
