"""A reasoning model behind an OpenAI-compatible server: the thinking block, end to end.

No real reasoning model fits on this machine, so a scripted loopback server
(tests/servers.py) streams what llama-server and vLLM send for one: ``reasoning_content``
deltas, then ``content``. Everything on our side is real: httpx, the OpenAI backend, the
core's flow, the store and the TUI.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.servers import BadServer
from tests.ui.helpers import no_reply_streaming, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog

REMOTE = """
[[models]]
name = "thinker"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "scripted"
"""
THOUGHTS = ["The user", " greets me.", " \x1b]52;c;aGk=\x07I should", " greet back."]
ANSWER = ["Hello", " there", "!"]


@pytest.fixture
def server() -> Iterator[BadServer]:
    with BadServer() as running:
        yield running


async def test_thinking_shows_live_folds_when_the_answer_starts_and_is_never_sent_back(
    make_runtime, server: BadServer,
) -> None:
    gate = threading.Event()
    server.configure("ok", reasoning=THOUGHTS, contents=ANSWER, answer_gate=gate,
                     stall_seconds=30.0, models=["scripted"])
    runtime = make_runtime(body=REMOTE.format(url=server.base_url), head='default_model = "thinker"\n')
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"hi", "enter")
        log = app.chat.query_one(ChatLog)

        def block():  # noqa: ANN202
            views = log.messages
            return views[-1].thinking if views and views[-1].role == "assistant" else None

        await wait_until(pilot, lambda: block() is not None
                         and block().text == "The user greets me. I should greet back.",
                         what="the reasoning, live")
        thinking = block()
        assert thinking.live and not thinking.folded and thinking.display
        head = str(thinking.query_one(".thinking-head").content)
        assert head.startswith("thinking · ") and " tokens · " in head
        assert log.messages[-1].text == ""  # no answer yet

        gate.set()
        await wait_until(pilot, no_reply_streaming(app), what="the answer")
        reply = log.messages[-1]
        assert reply.text == "Hello there!" and reply.body.source == "Hello there!"
        assert reply.thinking.folded and not reply.thinking.live
        head = str(reply.thinking.query_one(".thinking-head").content)
        assert head.startswith("▸ thought · ") and head.endswith("t opens")
        await pilot.press("ctrl+l", "t")
        assert not reply.thinking.folded
        await pilot.press("t")
        assert reply.thinking.folded

        stored = runtime.service.messages(app.chat.session_id)[-1]
        assert stored.content == "Hello there!"
        assert stored.meta["reasoning"] == "The user greets me. I should greet back."
        assert "\x1b" not in stored.meta["reasoning"]

        server.configure("ok", contents=["Fine."], models=["scripted"])
        await pilot.press("ctrl+e", *"how are you", "enter")
        await wait_until(pilot, lambda: server.requests and any(
            r.method == "POST" for r in server.requests), what="the next request")
        await wait_until(pilot, no_reply_streaming(app), what="the second answer")
        [posted] = [r for r in server.requests if r.method == "POST"]
        sent = posted.body["messages"]
        assert [(m["role"], m["content"]) for m in sent if m["role"] != "system"] == [
            ("user", "hi"), ("assistant", "Hello there!"), ("user", "how are you")]
        assert "greet" not in str(sent)


async def test_a_chat_can_hide_reasoning_entirely(make_runtime, server: BadServer) -> None:
    server.configure("ok", reasoning=["secret plan"], contents=["Done."], models=["scripted"])
    runtime = make_runtime(body=REMOTE.format(url=server.base_url), head='default_model = "thinker"\n')
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"go", "enter")
        log = app.chat.query_one(ChatLog)
        await wait_until(pilot, lambda: len(log.messages) == 2 and log.messages[-1].state
                         == "complete", what="the reply")
        reply = log.messages[-1]
        assert reply.thinking.text == "secret plan" and reply.thinking.display
        sid = app.chat.session_id
        runtime.service.update_settings(sid, "", {"show_reasoning": False})
        await app.chat.open_session(sid)
        await pilot.pause()
        reply = log.messages[-1]
        assert reply.thinking.text == "secret plan"  # kept, only not shown
        assert not log.show_reasoning and reply.thinking.region.height == 0


def test_ask_prints_the_answer_only_and_reasoning_to_stderr_on_request(
    write_config, data_dir, server: BadServer, capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.exports import parse_json, parse_markdown
    from tui_chat.__main__ import main

    config = write_config(REMOTE.format(url=server.base_url))
    where = ["--config", str(config), "--data-dir", str(data_dir)]
    server.configure("ok", reasoning=THOUGHTS, contents=ANSWER, models=["scripted"])
    assert main(["ask", *where, "--model", "thinker", "hi"]) == 0
    out, err = capsys.readouterr()
    assert out == "Hello there!\n" and "greet" not in err
    server.configure("ok", reasoning=THOUGHTS, contents=ANSWER, models=["scripted"])
    assert main(["ask", *where, "--model", "thinker", "--show-reasoning", "hi"]) == 0
    out, err = capsys.readouterr()
    assert out == "Hello there!\n"
    assert "The user greets me. I should greet back.\n" in err and "\x1b" not in err

    assert main(["sessions", *where, "export", "1"]) == 0
    [_, reply] = parse_markdown(capsys.readouterr().out).messages
    assert (reply.content, reply.reasoning) == ("Hello there!",
                                                "The user greets me. I should greet back.")
    assert main(["sessions", *where, "export", "1", "--format", "json"]) == 0
    [_, reply] = parse_json(capsys.readouterr().out).messages
    assert (reply.content, reply.reasoning) == ("Hello there!",
                                                "The user greets me. I should greet back.")


@pytest.mark.parametrize(("served", "window"), [
    ({"model_fields": {"max_model_len": 32768}}, 32768),  # vLLM
    ({"model_fields": {"meta": {"n_ctx_train": 16384}}}, 16384),  # llama-server's /models
    ({"props": {"default_generation_settings": {"n_ctx": 8192}}}, 8192),  # llama-server
    ({}, 3000),  # neither: the config's n_ctx
])
def test_a_remote_models_window_comes_from_the_server(
    make_runtime, server: BadServer, served: dict, window: int,
) -> None:
    server.configure("ok", models=["scripted"], **served)
    runtime = make_runtime(body=REMOTE.format(url=server.base_url) + "[models.load]\n"
                           "n_ctx = 3000\n")
    backend = runtime.pool.load("thinker")
    assert backend.context_size() == window


def test_the_meter_counts_with_the_servers_own_tokenizer_or_not_at_all(
    make_runtime, server: BadServer,
) -> None:
    """The scripted server plays llama-server's /apply-template and /tokenize (a token a
    word): what is checked is that the meter asks the server and adds up as it does."""
    server.configure("ok", contents=["Hello", " there"], models=["scripted"], tokenizer=True,
                     model_fields={"max_model_len": 4096})
    runtime = make_runtime(body=REMOTE.format(url=server.base_url))
    service = runtime.service
    session = service.new_session("x", "thinker")
    list(service.send(session.id, "one two three"))
    usage = service.context_usage(session.id, "four five", "thinker")
    backend = runtime.pool.backend("thinker")
    whole = backend.count_prompt([{"role": "user", "content": "one two three"},
                                  {"role": "assistant", "content": "Hello there"},
                                  {"role": "user", "content": "four five"}])
    assert usage is not None and whole is not None
    assert (usage.used, usage.window) == (whole, 4096)

    server.configure("ok", contents=["Hi"], models=["scripted"])  # Ollama, llama_cpp.server
    runtime = make_runtime(body=REMOTE.format(url=server.base_url))
    session = runtime.service.new_session("y", "thinker")
    list(runtime.service.send(session.id, "hello"))
    assert runtime.service.context_usage(session.id, "more", "thinker") is None  # no guess
