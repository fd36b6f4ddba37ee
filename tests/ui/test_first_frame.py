"""What the first frames after Enter show.

The prompt leaves the box, the two messages appear and the first tokens are drawn in
one frame when the model answers at once; a model that is slow to start does not hold
the prompt back. These tests are about frame timing in the UI, so the backend is a
scripted one (a stand-in whose first token comes when the test says, which a real
model cannot be made to do); inference itself is tested elsewhere on SmolLM2.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.scripted import ScriptedBackend, scripted_factory
from tests.ui.helpers import wait_until
from tui_chat.ui import pacing
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList


@dataclass
class Frame:
    """What one frame that reached the (headless) terminal showed."""

    at: float
    prompt_box: str
    roles: list[str]
    reply_text: str


def record_frames(app: TuiChatApp) -> list[Frame]:
    """Note the state of the prompt box and the log at every frame drawn.

    Textual calls ``post_display_hook`` after each display ("used in tests"); one
    that the chat screen held back (see pacing.FrameHold) reached no terminal.
    """
    frames: list[Frame] = []

    def display() -> None:
        if app.chat.frames_held:
            return
        try:
            views = app.query_one(ChatLog).messages
            box = app.query_one(PromptInput).text
        except Exception:  # noqa: BLE001 - another screen on top
            return
        reply = views[-1].body.source if views and views[-1].role == "assistant" else ""
        frames.append(Frame(time.perf_counter(), box, [v.role for v in views], reply))

    app.post_display_hook = display  # type: ignore[method-assign]
    return frames


def make_app(make_runtime: Callable[..., Any], backend: ScriptedBackend) -> TuiChatApp:
    runtime = make_runtime(generate="max_tokens = 64", backend=scripted_factory(backend))
    return TuiChatApp(runtime)


async def test_prompt_and_first_tokens_arrive_in_one_frame(make_runtime, monkeypatch) -> None:
    # A busy machine must not turn this into a test of the 50 ms cap (tested below).
    monkeypatch.setattr(pacing, "FIRST_TEXT_WAIT_S", 10.0)
    app = make_app(make_runtime, ScriptedBackend(["Hello", " there", "."]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"hi")
        await pilot.pause(0.1)
        frames = record_frames(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=30, what="the reply")
        await pilot.pause(0.1)
    first = next(f for f in frames if "user" in f.roles)
    assert first.prompt_box == ""  # the prompt left the box in this same frame
    assert first.roles == ["user", "assistant"]
    assert first.reply_text.startswith("Hello")  # ... and the first tokens are drawn
    # No frame ever showed the box emptied before the message was in the log.
    assert not [f for f in frames if f.prompt_box == "" and "user" not in f.roles]


async def test_a_slow_model_does_not_hold_the_prompt_back(make_runtime) -> None:
    app = make_app(make_runtime, ScriptedBackend(["late"], first_delay=30))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"hi")
        await pilot.pause(0.1)
        frames = record_frames(app)
        entered = time.perf_counter()
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("user" in f.roles for f in frames), timeout=5,
                         what="a frame with the prompt in the log")
        shown = next(f for f in frames if "user" in f.roles)
        assert shown.prompt_box == "" and shown.reply_text == ""
        # FIRST_TEXT_WAIT_S is 50 ms; Pilot's own pauses add some, a busy CI more.
        assert shown.at - entered < 1.0
        assert app.chat.streaming  # still waiting for its first token
        await pilot.press("escape")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=10, what="the stop")
        assert not app.chat.frames_held


async def test_text_typed_after_enter_stays_in_the_box(make_runtime) -> None:
    app = make_app(make_runtime, ScriptedBackend(["ok"]))
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(PromptInput)
        prompt.load_text("first question and more")
        prompt.move_cursor(prompt.document.end)
        prompt.take_sent("first question")
        assert prompt.text == " and more"
        assert prompt.cursor_location == prompt.document.end  # typing goes on at the end
        prompt.take_sent("something else")  # not a prefix: nothing is removed
        assert prompt.text == " and more"
        prompt.take_sent(" and more")
        assert prompt.text == ""
        await pilot.pause()


async def test_a_second_enter_before_the_app_took_the_first_sends_once(make_runtime) -> None:
    app = make_app(make_runtime, ScriptedBackend(["ok"]))
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = app.query_one(PromptInput)
        prompt.load_text("only once")
        prompt.action_submit()
        prompt.action_submit()  # key repeat, before the app handled the first
        assert prompt.sent == ["only once"]
        await wait_until(pilot, lambda: not app.chat.streaming and app.query_one(ChatLog).messages,
                         timeout=30, what="the reply")
        assert [v.role for v in app.query_one(ChatLog).messages] == ["user", "assistant"]
        prompt.load_text("again")
        prompt.action_submit()  # handled: the next Enter sends again
        assert prompt.sent == ["only once", "again"]
        await wait_until(pilot, lambda: len(app.query_one(ChatLog).messages) == 4
                         and not app.chat.streaming, timeout=30, what="the second reply")


async def test_the_sidebar_waits_for_the_first_text(make_runtime, monkeypatch) -> None:
    """While the model reads the prompt the sidebar stays as it was (its redraw would take
    CPU from the model on a machine with no core to spare); the new chat shows up in it
    once the reply's first text is in."""
    monkeypatch.setattr(pacing, "SIDEBAR_WAIT_S", 30.0)  # only the first text lets it go
    app = make_app(make_runtime, ScriptedBackend(["late", " text"], first_delay=2.0))
    async with app.run_test(size=(100, 30)) as pilot:
        # Loaded before Enter: a model that has to load first lets the sidebar show that.
        app.runtime.pool.load("smollm2")
        sessions = app.query_one(SessionList)
        before = sessions.option_count
        await pilot.press(*"hi")
        await pilot.pause(0.1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(app.query_one(ChatLog).messages) == 2, timeout=10,
                         what="the prompt in the log")
        await pilot.pause(0.5)
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.body.source == ""  # the model has not answered yet...
        assert sessions.option_count == before  # ... and the sidebar waits for it
        await wait_until(pilot, lambda: sessions.option_count == before + 1, timeout=10,
                         what="the new chat in the sidebar")
        assert reply.body.source.startswith("late")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=10, what="the reply")


async def test_the_sidebar_does_not_wait_long_for_a_slow_model(make_runtime, monkeypatch) -> None:
    monkeypatch.setattr(pacing, "SIDEBAR_WAIT_S", 0.3)
    app = make_app(make_runtime, ScriptedBackend(["late"], first_delay=30))
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = app.query_one(SessionList)
        before = sessions.option_count
        await pilot.press(*"hi")
        await pilot.pause(0.1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: sessions.option_count == before + 1, timeout=10,
                         what="the new chat in the sidebar")
        assert app.chat.streaming and app.query_one(ChatLog).messages[-1].body.source == ""
        await pilot.press("escape")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=10, what="the stop")
