"""A remote model is checked before the first prompt, so its request leaves at Enter.

Against the scripted loopback server (tests/servers.py): httpx, the OpenAI backend, the
pool and the chat service are real.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import BadServer, REMOTE_ENTRY, free_port, wait_until
from tests.ui import helpers
from tui_chat.core.events import AUTO, Finished, ModelStatus
from tui_chat.ui.app import TuiChatApp



@pytest.fixture
def server() -> Iterator[BadServer]:
    with BadServer() as running:
        yield running


def test_warm_up_checks_the_remote_model_so_the_prompt_is_the_only_request(
    make_runtime, server: BadServer,
) -> None:
    server.configure("ok", contents=["Hello", "!"], models=["scripted"])
    runtime = make_runtime(body=REMOTE_ENTRY.format(name="team", url=server.base_url))
    runtime.service.warm_up("team")
    assert wait_until(lambda: runtime.pool.backend("team") is not None, timeout=30)
    assert not runtime.router.learned_loaded  # a pinned chat never routes
    assert [r.path for r in server.requests][:1] == ["/v1/models"]
    assert runtime.catalog.state("team").status == ModelStatus.LOADED

    server.requests.clear()
    session = runtime.service.new_session("hi", "team")
    events = list(runtime.service.send(session.id, "hi", model="team"))
    assert isinstance(events[-1], Finished) and events[-1].text == "Hello!"
    assert [(r.method, r.path) for r in server.requests] == [("POST", "/v1/chat/completions")]


def test_auto_warms_the_remote_first_choices_and_leaves_local_models_lazy(
    make_runtime, server: BadServer,
) -> None:
    server.configure("ok", models=["scripted"])
    coder = REMOTE_ENTRY.format(name="team", url=server.base_url).replace('role = "chat"', 'role = "code"')
    runtime = make_runtime(body=coder)  # code prompts go to team first, chat to smollm2
    assert {"team", "smollm2"} <= set(runtime.router.first_choices())
    runtime.service.warm_up(AUTO)
    assert wait_until(lambda: runtime.pool.backend("team") is not None, timeout=30)
    assert wait_until(lambda: runtime.router.learned_loaded, timeout=60)
    assert runtime.pool.backend("smollm2") is None  # a local model loads at its first prompt
    assert runtime.pool.warm(["team", "smollm2"]) is None  # nothing left to warm


def test_a_failed_warm_up_is_not_remembered(make_runtime) -> None:
    runtime = make_runtime(body=REMOTE_ENTRY.format(name="team", url=f"http://127.0.0.1:{free_port()}/v1"))
    thread = runtime.pool.warm(["team"])
    assert thread is not None
    thread.join(timeout=60)
    assert runtime.pool.backend("team") is None
    assert runtime.catalog.state("team").status == ModelStatus.ERROR
    assert runtime.pool.load_failure("team") is None  # the next prompt tries again


async def test_the_chat_screen_warms_its_remote_model_up_after_start(
    make_runtime, server: BadServer,
) -> None:
    server.configure("ok", contents=["Hi"], models=["scripted"])
    runtime = make_runtime(body=REMOTE_ENTRY.format(name="team", url=server.base_url), head='default_model = "team"\n')
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await helpers.wait_until(pilot, lambda: runtime.pool.backend("team") is not None,
                                 what="the warm-up")
        server.requests.clear()
        await pilot.press(*"hi", "enter")
        await helpers.wait_until(pilot, helpers.no_reply_streaming(app), what="the reply")
        assert [r.path for r in server.requests] == ["/v1/chat/completions"]


async def test_opening_a_chat_pinned_to_another_remote_model_warms_that_model(
    make_runtime, server: BadServer,
) -> None:
    server.configure("ok", contents=["Hi"], models=["scripted"])
    entries = (REMOTE_ENTRY.format(name="team", url=server.base_url)
               + REMOTE_ENTRY.format(name="other", url=server.base_url))
    runtime = make_runtime(body=entries, head='default_model = "team"\n')
    pinned = runtime.service.new_session("an older chat", "other")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await helpers.wait_until(pilot, lambda: runtime.pool.backend("team") is not None,
                                 what="the start-up warm-up")
        assert runtime.pool.backend("other") is None  # only the chat shown is warmed
        await app.chat.open_session(pinned.id)
        await helpers.wait_until(pilot, lambda: runtime.pool.backend("other") is not None,
                                 what="the pinned model's warm-up")
        server.requests.clear()
        await pilot.press(*"hi", "enter")
        await helpers.wait_until(pilot, helpers.no_reply_streaming(app), what="the reply")
        assert [r.path for r in server.requests] == ["/v1/chat/completions"]
        assert "Hi" in helpers.shown_reply(app)
