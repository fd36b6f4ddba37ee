"""The TUI driven with Pilot, against the real SmolLM2 model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import NO_EOG
from tests.scripted import ScriptedBackend, scripted_factory
from tests.ui.helpers import no_reply_streaming, shown_reply, wait_until
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.help import HelpScreen
from tui_chat.ui.widgets.chat_log import ChatLog
from tui_chat.ui.widgets.prompt import PromptInput
from tui_chat.ui.widgets.sessions import SessionList
from tui_chat.ui.widgets.sidebar import ModelList

LONG = f"max_tokens = 400\ntemperature = 0.8\n{NO_EOG}"


def make_app(make_runtime: Callable[..., object], body: str = "", head: str = "",
             **kwargs: str) -> TuiChatApp:
    return TuiChatApp(make_runtime(body=body, head=head, **kwargs))


async def send(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*text)
    await pilot.press("enter")


async def test_sidebar_lists_models_with_status(make_runtime) -> None:
    app = make_app(make_runtime, body="""
        [[models]]
        name = "big"
        role = "code"
        repo = "org/big"
        file = "big.gguf"
        """)
    async with app.run_test(size=(120, 40)) as pilot:
        models = app.query_one(ModelList)
        await pilot.pause()
        assert models.status_of("smollm2") == "downloaded"
        assert models.status_of("big") == "missing"
        labels = [str(models.get_option_at_index(i).prompt) for i in range(models.option_count)]
        assert any("smollm2" in label and "downloaded" in label for label in labels)
        assert any("big" in label and "missing" in label for label in labels)
        assert "auto" in labels[0]


async def test_send_streams_a_real_reply(make_runtime) -> None:
    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await send(pilot, "hello")
        await pilot.pause()
        log = app.query_one(ChatLog)
        views = log.messages
        assert [v.role for v in views] == ["user", "assistant"]  # user message at once
        assert views[0].text == "hello"
        assert app.query_one(PromptInput).text == ""
        await wait_until(pilot, no_reply_streaming(app), what="the reply to finish")
        reply = log.messages[-1]
        assert reply.state == "complete"
        assert reply.text.strip()  # a real reply; its words and length vary by CPU
        assert reply.body.source == reply.text  # settled once with the full text
        assert reply.meta.startswith("smollm2")
        assert app.chat.title == "hello"
        # The session exists in the store with both messages.
        stored = app.runtime.service.messages(app.chat.session_id)
        assert [m.role for m in stored] == ["user", "assistant"]
        assert stored[1].content == reply.text and stored[1].model == "smollm2"


async def test_escape_stops_mid_stream_and_keeps_partial(make_runtime) -> None:
    app = make_app(make_runtime, generate=LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await send(pilot, "Tell me a long story about a dragon and a knight.")
        await wait_until(pilot, lambda: len(shown_reply(app)) > 20, what="some streamed text")
        await pilot.press("escape")
        await wait_until(pilot, no_reply_streaming(app), timeout=10, what="the stop")
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.state == "stopped"
        assert "stopped" in reply.query_one(".meta").render().plain
        assert len(reply.text) > 20
        stored = app.runtime.service.messages(app.chat.session_id)[-1]
        assert stored.state == "stopped" and stored.content == reply.text
        metrics = app.runtime.diagnostics.request_records(last=1)[0]
        assert metrics["finish_reason"] == "cancelled"
        assert metrics["completion_tokens"] < 400


async def test_switch_model_from_sidebar_changes_header(make_runtime) -> None:
    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.chat.sub_title == "model: auto"
        await pilot.press("ctrl+o")
        models = app.query_one(ModelList)
        assert app.focused is models
        models.highlighted = models.get_option_index("smollm2")
        await pilot.press("enter")
        await pilot.pause()
        assert app.chat.sub_title == "model: smollm2"
        assert app.chat.model_choice == "smollm2"
        assert isinstance(app.focused, PromptInput)
        await send(pilot, "hi")
        await wait_until(pilot, no_reply_streaming(app), what="reply")
        assert app.query_one(ChatLog).messages[-1].meta.startswith("smollm2 · pinned")


async def test_help_lists_every_binding(make_runtime) -> None:
    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")  # '?' in the empty prompt
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        descriptions = {desc for _, _, desc in app.screen.rows}
        for binding in [*app.BINDINGS, *app.chat.BINDINGS]:
            assert binding.description in descriptions
        for desc in ("Send", "Newline", "Download", "Copy code", "Rename"):
            assert desc in descriptions
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_keys_can_be_remapped_from_config(make_runtime) -> None:
    app = make_app(make_runtime, head='[keys]\nhelp = "f5"\nnew_chat = "ctrl+t"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f5")
        assert isinstance(app.screen, HelpScreen)


async def test_newline_key_and_prompt_recall(make_runtime) -> None:
    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        prompt = app.query_one(PromptInput)
        await pilot.press("a", "ctrl+j", "b")
        assert prompt.text == "a\nb"
        await pilot.press("enter")
        await wait_until(pilot, no_reply_streaming(app), what="reply")
        assert prompt.text == ""
        await pilot.press("up")
        assert prompt.text == "a\nb"


async def test_copy_last_reply_uses_osc52(make_runtime) -> None:
    app = make_app(make_runtime)
    copied: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # the terminal write itself is not observable here
        await send(pilot, "Write a python hello world in a code block")
        await wait_until(pilot, no_reply_streaming(app), what="reply")
        await pilot.press("ctrl+y")
        assert copied and copied[-1] == app.query_one(ChatLog).messages[-1].text


async def test_sessions_switch_and_keep_history(make_runtime) -> None:
    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await send(pilot, "first chat")
        await wait_until(pilot, no_reply_streaming(app), what="reply 1")
        first = app.chat.session_id
        await pilot.press("ctrl+n")
        assert app.query_one(ChatLog).messages == []
        await send(pilot, "second chat")
        await wait_until(pilot, no_reply_streaming(app), what="reply 2")
        second = app.chat.session_id
        assert first != second
        sessions = app.query_one(SessionList)
        assert [s.id for s in sessions.sessions] == [second, first]
        await pilot.press("alt+down")
        await pilot.pause()
        assert app.chat.session_id == first
        assert app.query_one(ChatLog).messages[0].text == "first chat"
        assert app.chat.title == "first chat"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen_snapshot(snap_compare, make_runtime, size) -> None:
    assert snap_compare(make_app(make_runtime), terminal_size=size)


def test_help_screen_snapshot(snap_compare, make_runtime) -> None:
    assert snap_compare(make_app(make_runtime), press=["f1"], terminal_size=(100, 40))


FOLLOW_S = 5.0
"""How long the log may take to bring the reply's end into view (it jumps, paced)."""


async def test_log_follows_the_bottom_until_scrolled_up_and_end_returns(make_runtime) -> None:
    # About scrolling, not inference: a real model's reply has another height on
    # another CPU (it once wrote 300 numbers on one line and stopped at 715 characters),
    # so a scripted backend streams 3,000 paragraphs, 20 ms apart (a minute: Esc ends it).
    backend = ScriptedBackend([f"Line {n}.\n\n" for n in range(1, 3001)], delay=0.02)
    app = TuiChatApp(make_runtime(backend=scripted_factory(backend)))
    async with app.run_test(size=(100, 24)) as pilot:
        log = app.query_one(ChatLog)

        def end_in_view() -> bool:
            # While streaming, the log follows in steps (ui.widgets.follow): blank room
            # below the reply, and the reply's end anywhere in the view. On a busy machine
            # the steps may not start (the log was not yet at the bottom when the reply
            # began); then it follows line by line, on the very bottom.
            room = log.follow.room
            if room is None or not log.follow.active:
                return log.scroll_y >= log.max_scroll_y - 1
            return (log.scroll_y < room.virtual_region.y
                    <= log.scroll_y + log.scrollable_content_region.height)

        await send(pilot, "Count from 1 to 300, one number per line.")
        await wait_until(pilot, lambda: log.max_scroll_y > 30, what="a reply taller than the log")
        for _ in range(5):  # it keeps following, in jumps, as the reply grows
            height_then = log.max_scroll_y
            await wait_until(pilot, lambda: log.max_scroll_y > height_then + 3, what="more")
            # Within a pacing pause or two (up to MAX_PACE on a busy machine), not at once.
            await wait_until(pilot, end_in_view, timeout=FOLLOW_S, what="the end in view")
        log.focus()
        await pilot.press("home")  # the user scrolls up to read
        height_then = log.max_scroll_y
        await wait_until(pilot, lambda: log.max_scroll_y > height_then + 12, what="more text")
        assert log.scroll_y < 3  # it stayed where the user put it
        await pilot.press("end")
        await wait_until(pilot, end_in_view, timeout=FOLLOW_S, what="the end in view")
        await pilot.press("escape")
        await wait_until(pilot, no_reply_streaming(app), what="stop")
        assert log.messages[-1].state == "stopped"  # Esc ended it before the script did
        await wait_until(pilot, lambda: not log.follow.active, what="the room to go")
        await wait_until(pilot, lambda: log.scroll_y >= log.max_scroll_y - 1,
                         timeout=FOLLOW_S, what="the very bottom")


async def test_corrupt_code_model_shows_error_and_smollm2_answers(make_runtime) -> None:
    runtime = make_runtime(body="""
        [[models]]
        name = "coder"
        role = "code"
        repo = "org/coder"
        file = "coder.gguf"
        """, head='[router]\n[router.prefer]\ncode = ["coder"]\n')
    (runtime.config.models_dir / "coder.gguf").write_bytes(b"GGUF" + b"\x00garbage" * 4000)
    app = TuiChatApp(runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await send(pilot, "Write a Python function that parses a date")
        await wait_until(pilot, no_reply_streaming(app), what="reply")
        reply = app.query_one(ChatLog).messages[-1]
        assert reply.state == "complete" and reply.text.strip()
        assert reply.meta.startswith("smollm2") and "coder load_error" in reply.meta
        models = app.query_one(ModelList)
        assert models.status_of("coder") == "error"
        row = str(models.get_option("coder").prompt)
        assert "error" in row and "coder.gguf" in row  # the reason, in a detail line


async def test_keys_typed_ahead_of_a_focus_key_go_where_it_moved_focus(make_runtime) -> None:
    """Ctrl+O, End and Enter arriving in one read (fast typing, or SSH batching keys).

    The focus move used to wait for a later turn of the event loop, so End and Enter
    went to the prompt and the model list never moved.
    """
    from textual import events

    app = make_app(make_runtime)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        models = app.query_one(ModelList)
        last = models.option_count - 1
        assert models.highlighted != last
        for key in ("ctrl+o", "end"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        assert app.focused is models
        assert models.highlighted == last
        for key in ("ctrl+l", "end"):  # and back: the log takes End (its bottom), not the list
            app.post_message(events.Key(key, None))
        await pilot.pause()
        assert isinstance(app.focused, ChatLog)
        assert models.highlighted == last
