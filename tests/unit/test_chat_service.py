"""The conversation API of ChatService: sessions, send, regenerate, edit, branches.

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

    assert service.search("xxxx") == []  # messages are searched, not titles
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


def test_regenerate_adds_a_sibling_reply_and_keeps_the_old_ones(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("one", "smollm2")
    with pytest.raises(TuiChatError, match="Nothing to regenerate yet"):
        service.regenerate(session.id)
    list(service.send(session.id, "one", params=GEN))
    list(service.send(session.id, "two", params=GEN))
    before = service.messages(session.id)
    assert [m.role for m in before] == [Role.USER, Role.ASSISTANT] * 2

    events = service.regenerate(session.id)
    assert service.messages(session.id) == before  # nothing changes before iteration
    done = finished(list(events))
    after = service.messages(session.id)
    assert [m.role for m in after] == [Role.USER, Role.ASSISTANT] * 2  # "two" not stored twice
    assert [m.id for m in after[:3]] == [m.id for m in before[:3]]
    assert after[3].id == done.message_id != before[3].id and after[3].content == done.text
    tree = service.conversation(session.id)
    assert tree.siblings(done.message_id) == [before[3].id, done.message_id]
    assert tree.position(done.message_id) == (2, 2)
    assert len(tree) == 5

    assert service.step_branch(session.id, done.message_id, -1) == before[3].id
    assert service.messages(session.id) == before  # the first reply's path again
    assert service.step_branch(session.id, before[3].id, -1) is None  # no earlier one
    assert service.messages(session.id) == before


def test_edit_any_earlier_prompt_answers_it_on_a_new_branch(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("one", "smollm2")
    list(service.send(session.id, "one", params=GEN))
    list(service.send(session.id, "two", params=GEN))
    first_path = service.messages(session.id)
    one = first_path[0]

    with pytest.raises(TuiChatError, match="max_prompt_chars"):
        service.edit(session.id, "y" * 201, message_id=one.id)
    with pytest.raises(TuiChatError, match="Only a message of yours"):
        service.edit(session.id, "x", message_id=first_path[1].id)
    assert service.messages(session.id) == first_path  # refused edits change nothing

    done = finished(list(service.edit(session.id, "uno", message_id=one.id, params=GEN)))
    stored = service.messages(session.id)
    assert [(m.role, m.content) for m in stored] == [(Role.USER, "uno"),
                                                     (Role.ASSISTANT, done.text)]
    tree = service.conversation(session.id)
    assert tree.siblings(stored[0].id) == [one.id, stored[0].id]  # both first prompts
    assert service.step_branch(session.id, stored[0].id, -1) == one.id
    assert service.messages(session.id) == first_path  # the old branch, whole

    # Editing the last prompt (the default) branches beside it, under the same reply.
    finished(list(service.edit(session.id, "dos", params=GEN)))
    path = service.messages(session.id)
    assert [m.id for m in path[:2]] == [m.id for m in first_path[:2]]
    assert path[2].content == "dos" and path[2].parent_id == first_path[1].id


def test_show_message_and_fork(runtime: Any) -> None:
    service: ChatService = runtime.service
    session = service.new_session("one", "smollm2")
    list(service.send(session.id, "alpha", params=GEN))
    old_reply = service.messages(session.id)[1]
    finished(list(service.regenerate(session.id, params=GEN)))
    service.show_message(session.id, old_reply.id)
    assert service.messages(session.id)[-1].id == old_reply.id
    fork = service.fork(session.id, old_reply.id)
    assert fork.title.startswith("Fork of") and fork.id != session.id
    assert [(m.role, m.content) for m in service.messages(fork.id)] == [
        (Role.USER, "alpha"), (Role.ASSISTANT, old_reply.content)]
    hits = service.search("alpha")  # the fork's copy is a message of its own
    assert sorted(h.session_id for h in hits) == [session.id, fork.id]
    with pytest.raises(TuiChatError):
        service.show_message(session.id, 10_000)


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
