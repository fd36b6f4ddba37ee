"""The conversation API of ChatService: sessions, send, regenerate, take_back, edit.

Replies come from the real SmolLM2 through llama.cpp, a few tokens each; no test
depends on the words it writes, only on what is stored and which events arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tui_chat.core.chat import ChatRequest, ChatService
from tui_chat.core.errors import TuiChatError
from tui_chat.core.events import AUTO, Finished, MessageState, Role, RouteChosen, TextDelta

GEN = {"max_tokens": 4, "seed": 1}


@pytest.fixture
def runtime(make_runtime: Callable[..., Any]) -> Any:
    return make_runtime(head="max_prompt_chars = 200\n")


def finished(events: list[object]) -> Finished:
    done = events[-1]
    assert isinstance(done, Finished)
    return done


def test_session_operations(runtime: Any) -> None:
    service: ChatService = runtime.service
    first = service.new_session("  How do I\nrename a file?", AUTO)
    assert (first.title, first.model, first.message_count) == ("How do I", AUTO, 0)
    second = service.new_session("", "smollm2")
    assert second.title == "New chat" and second.model == "smollm2"
    assert [s.id for s in service.sessions()] == [second.id, first.id]

    assert service.rename(first.id, "  Files  ") == "Files"
    assert service.rename(first.id, "x" * 300) == "x" * 120
    assert service.session(first.id).title == "x" * 120
    with pytest.raises(TuiChatError, match="cannot be empty"):
        service.rename(first.id, "   ")
    assert service.session(first.id).title == "x" * 120

    service.update_settings(second.id, "Be terse.", {"temperature": 0.1})
    info = service.session(second.id)
    assert (info.system_prompt, info.params) == ("Be terse.", {"temperature": 0.1})
    service.set_model(second.id, AUTO)
    assert service.session(second.id).model == AUTO
    with pytest.raises(TuiChatError) as unknown:
        service.set_model(second.id, "nope")
    assert "nope" in str(unknown.value) and str(unknown.value).count(".") == 1
    service.set_model(None, "smollm2")  # only checks
    with pytest.raises(TuiChatError):
        service.set_model(None, "nope")
    with pytest.raises(TuiChatError):
        service.new_session("hi", "nope")

    assert [s.id for s in service.search("XXXX")] == [first.id]
    service.delete(first.id)
    assert [s.id for s in service.sessions()] == [second.id]
    with pytest.raises(TuiChatError, match="No session"):
        service.session(first.id)
    assert service.recovered == 0


def test_send_checks_at_once_and_stores_the_turn(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("hello", "smollm2")
    with pytest.raises(TuiChatError) as long:
        service.send(session.id, "x" * 201)  # raises before any iteration
    assert str(long.value) == ("The prompt is 201 characters, over the 200 limit "
                               "(max_prompt_chars); shorten it.")
    with pytest.raises(TuiChatError, match="No session 999"):
        service.send(999, "hello")
    with pytest.raises(TuiChatError):
        service.send(session.id, "hello", model="nope")
    assert service.messages(session.id) == []

    events = service.send(session.id, "hello")
    assert service.messages(session.id) == []  # stored when iteration starts
    done = finished(list(events))
    assert done.model == "smollm2" and done.state == MessageState.COMPLETE
    stored = service.messages(session.id)
    assert [(m.role, m.state) for m in stored] == [(Role.USER, MessageState.COMPLETE),
                                                   (Role.ASSISTANT, MessageState.COMPLETE)]
    assert stored[0].content == "hello" and stored[1].content == done.text
    assert done.metrics.session_id == session.id


def test_send_uses_the_sessions_model_params_and_system_prompt(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("hi", "smollm2")
    service.update_settings(session.id, "Answer in one word.", {"max_tokens": 3, "seed": 2})
    events = list(service.send(session.id, "hi"))
    route = next(e for e in events if isinstance(e, RouteChosen))
    assert route.reason == "pinned: smollm2"
    assert finished(events).metrics.completion_tokens <= 3
    events = list(service.send(session.id, "hi again", model=AUTO, params={"max_tokens": 2}))
    assert not next(e for e in events if isinstance(e, RouteChosen)).reason.startswith("pinned")
    assert finished(events).metrics.completion_tokens <= 2


def test_regenerate_replaces_the_last_reply(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("one", "smollm2")
    with pytest.raises(TuiChatError, match="Nothing to regenerate yet"):
        service.regenerate(session.id)
    list(service.send(session.id, "one", params=GEN))
    list(service.send(session.id, "two", params=GEN))
    before = service.messages(session.id)
    assert [m.role for m in before] == [Role.USER, Role.ASSISTANT] * 2

    events = service.regenerate(session.id)
    kept = service.messages(session.id)  # the old reply is gone before iteration
    assert [m.id for m in kept] == [m.id for m in before[:3]]
    done = finished(list(events))
    after = service.messages(session.id)
    assert [m.role for m in after] == [Role.USER, Role.ASSISTANT] * 2  # "two" not stored twice
    assert [m.content for m in after[:3]] == [m.content for m in before[:3]]
    assert after[3].id == done.message_id != before[3].id
    assert after[3].content == done.text


def test_take_back_and_edit(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("one", "smollm2")
    assert service.take_back(session.id) is None
    list(service.send(session.id, "one", params=GEN))
    list(service.send(session.id, "two", params=GEN))
    assert service.take_back(session.id) == "two"
    assert [m.content for m in service.messages(session.id) if m.role == Role.USER] == ["one"]
    assert len(service.messages(session.id)) == 2

    with pytest.raises(TuiChatError, match="max_prompt_chars"):
        service.edit(session.id, "y" * 201)
    assert len(service.messages(session.id)) == 2  # a refused edit takes nothing back
    events = service.edit(session.id, "uno")
    assert [m.role for m in service.messages(session.id)] == []  # taken back at once
    done = finished(list(events))
    stored = service.messages(session.id)
    assert [(m.role, m.content) for m in stored] == [(Role.USER, "uno"),
                                                     (Role.ASSISTANT, done.text)]


def test_a_service_without_a_store_answers_and_keeps_nothing(runtime: Any) -> None:
    service = ChatService(runtime.config, runtime.catalog, runtime.router, runtime.pool, None)
    events = list(service.reply(ChatRequest("hello", model="smollm2", params=GEN)))
    done = finished(events)
    assert done.message_id is None and done.model == "smollm2"
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == done.text
    assert service.recovered == 0
    with pytest.raises(TuiChatError, match="no history"):
        service.sessions()
    with pytest.raises(TuiChatError, match="max_prompt_chars"):
        service.reply(ChatRequest("z" * 201))
