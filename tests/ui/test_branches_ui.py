"""Branches in the chat log (‹ n/m ›, stepping, editing, forking) and the search screen.

Replies come from the real SmolLM2 through llama.cpp. No test depends on the words it
writes: replies are told apart by their stored ids, and what the model was sent is
read from the core's own context fitting (a spy that calls through, see ``sent``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import NO_EOG
from tests.ui.helpers import replies_started, request_count, no_reply_streaming, record_notifications, wait_until
from tui_chat.core import chat as chat_module
from tui_chat.core.backends.base import Message
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.search import SearchScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.message import MessageView
from tui_chat.ui.widgets.prompt import PromptInput

GENERATE = f"max_tokens = 12\ntemperature = 0.9\n{NO_EOG}"


def meta_line(view: MessageView) -> str:
    """The meta line as a person reads it."""
    return str(view.query_one(".meta").content)  # type: ignore[attr-defined]


def shown(app: TuiChatApp) -> list[MessageView]:
    return app.chat.query_one(ChatLog).messages


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[list[Message]]:
    """Every message list the core fitted into the context and sent to the model."""
    calls: list[list[Message]] = []
    real = chat_module.fit_messages

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        calls.append(list(result[0]))
        return result

    monkeypatch.setattr(chat_module, "fit_messages", spy)
    return calls


async def send(pilot: Any, app: TuiChatApp, text: str) -> None:
    before = request_count(app)
    await pilot.press("ctrl+e", *text, "enter")
    # replies_started, not streaming alone: 12 tokens from a warm model can start and end
    # between two polls on a busy machine (seen once in CI beside a CPU hog).
    await wait_until(pilot, replies_started(app, before), what=f"reply to {text!r} to start")
    await wait_until(pilot, no_reply_streaming(app), what=f"reply to {text!r}")


@pytest.mark.timeout(240)
async def test_regenerate_twice_step_back_and_continue_on_the_first_branch(
    make_runtime: Any, sent: list[list[Message]],
) -> None:
    app = TuiChatApp(make_runtime(generate=GENERATE))
    async with app.run_test(size=(80, 24)) as pilot:
        await send(pilot, app, "hello")
        first = shown(app)[-1]
        first_id, first_text = first.message_id, first.text
        assert first_id is not None and first_text
        for _ in range(2):
            before = request_count(app)
            await pilot.press("ctrl+r")
            await wait_until(pilot, replies_started(app, before), what="regenerating")
            await wait_until(pilot, no_reply_streaming(app), what="regenerated reply")
        views = shown(app)
        assert [v.role for v in views] == ["user", "assistant"]  # siblings, not appended
        assert meta_line(views[-1]).startswith("Assistant ‹ 3/3 › · smollm2")
        assert views[-1].message_id not in (first_id, None)
        assert "‹" not in meta_line(views[0])  # the prompt has no alternatives

        await pilot.press("ctrl+l")  # the log cursor starts on the last message
        await pilot.press("left", "left")
        await pilot.pause()
        views = shown(app)
        assert views[-1].message_id == first_id and views[-1].text == first_text
        assert views[-1].body.source == first_text  # the first reply, on screen
        assert meta_line(views[-1]).startswith("Assistant ‹ 1/3 › · smollm2")
        told = record_notifications(app)
        await pilot.press("left")
        await pilot.pause()
        assert told and "No earlier branch" in told[-1]

        sent.clear()
        await send(pilot, app, "more")
        [context] = sent
        assert [m["role"] for m in context[-3:]] == ["user", "assistant", "user"]
        assert context[-2]["content"] == first_text and context[-1]["content"] == "more"
        stored = app.runtime.service.messages(app.chat.session_id)
        assert [m.id for m in stored[:2]] == [shown(app)[0].message_id, first_id]
        assert [v.role for v in shown(app)] == ["user", "assistant", "user", "assistant"]


@pytest.mark.timeout(240)
async def test_edit_an_earlier_prompt_branches_and_the_old_one_stays(
    make_runtime: Any, sent: list[list[Message]],
) -> None:
    app = TuiChatApp(make_runtime(generate=GENERATE))
    async with app.run_test(size=(80, 24)) as pilot:
        await send(pilot, app, "first")
        await send(pilot, app, "second")
        old = [(v.role, v.message_id) for v in shown(app)]
        await pilot.press("ctrl+l", "up", "up", "up")  # cursor on "first"
        await pilot.press("e")
        prompt = app.chat.query_one(PromptInput)
        assert prompt.text == "first" and app.focused is prompt
        assert "Editing an earlier message" in app.chat.status_text
        sent.clear()
        before = request_count(app)
        await pilot.press("ctrl+u", *"first, edited", "enter")
        await wait_until(pilot, replies_started(app, before), what="edited reply to start")
        await wait_until(pilot, no_reply_streaming(app), what="edited reply")
        views = shown(app)
        assert [(v.role, v.text) for v in views][0] == ("user", "first, edited")
        assert len(views) == 2 and views[1].state == "complete" and views[1].text
        assert meta_line(views[0]).startswith("You ‹ 2/2 ›")
        assert [m["content"] for m in sent[-1] if m["role"] != "system"] == ["first, edited"]

        await pilot.press("ctrl+l", "up", "left")  # cursor on the edited prompt, step back
        await pilot.pause()
        assert [(v.role, v.message_id) for v in shown(app)] == old
        assert meta_line(shown(app)[0]).startswith("You ‹ 1/2 ›")


async def test_search_screen_opens_an_old_session_at_the_message(make_runtime: Any) -> None:
    """The history is written by the store; no model is needed to search it."""
    runtime = make_runtime()
    store = runtime.store
    old = store.create_session(title="Bread notes")
    target = None
    for n in range(40):  # longer than the log mounts at once: the hit starts unmounted
        mid = store.add_message(old.id, "user" if n % 2 == 0 else "assistant",
                                "my levain smells of acetone" if n == 2 else f"line {n}")
        target = mid if n == 2 else target
    other = store.create_session(title="Other")
    store.add_message(other.id, "user", "nothing to see")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("/")  # in the empty prompt
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), what="search")
        await pilot.press(*"leva")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: [h.message_id for h in screen.hits] == [target],
                         what="results as typed")
        status = str(screen.query_one("#search-status").content)  # type: ignore[attr-defined]
        assert status.startswith("1 message")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.chat.session_id == old.id, what="session opens")
        log = app.chat.query_one(ChatLog)
        await wait_until(pilot, lambda: log.selected() is not None
                         and log.selected().message_id == target, what="cursor on the hit")
        found = log.selected()
        assert found is not None and found.has_class("-found") and found.has_class("-cursor")
        assert "levain" in found.text and app.focused is log
        await pilot.pause()
        assert log.scrollable_content_region.height > 0
        assert found.region.overlaps(log.region)  # scrolled into view

        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), what="ctrl+f")
        await pilot.press(*'"unbalanced AND (')
        await pilot.pause(0.3)
        assert app.screen.hits == []  # type: ignore[attr-defined]
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, SearchScreen), what="closed")


async def test_fork_copies_the_path_into_a_new_chat(make_runtime: Any) -> None:
    runtime = make_runtime()
    store = runtime.store
    source = store.create_session(title="Plans")
    for text in ("q one", "a one", "q two", "a two"):
        store.add_message(source.id, "user" if text.startswith("q") else "assistant", text)
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.chat.open_session(source.id)
        await pilot.press("ctrl+l", "up")  # cursor on "q two"
        await pilot.press("f")
        await wait_until(pilot, lambda: app.chat.session_id not in (None, source.id),
                         what="the fork opens")
        assert [v.text for v in shown(app)] == ["q one", "a one", "q two"]
        assert app.chat.session_title == "Fork of Plans"
        assert len(store.messages(source.id)) == 4
