"""The stepped follow starts even when the log's scroll to its new bottom comes late.

On a busy machine a reply's start can reach the log after the reply's views are laid
out but before the anchored log has scrolled to the new bottom. The follow then used
to give up and the log followed line by line, rewriting every row per line. These
tests put a plain anchored log in that state (scrolled a few lines above its bottom)
and start the follow there; no model is involved, since the state is about layout.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tests.ui.helpers import wait_until
from tui_chat.ui.widgets.follow import StepFollow


class _LogApp(App[None]):
    def compose(self) -> ComposeResult:
        yield VerticalScroll(*[Static(f"line {i}") for i in range(60)], id="log")


async def _behind_the_bottom(app: _LogApp, pilot) -> VerticalScroll:
    log = app.query_one("#log", VerticalScroll)
    log.anchor()
    await pilot.pause()
    log.set_scroll(None, log.max_scroll_y - 5)  # anchored, its scroll not yet caught up
    assert log.is_anchored and log.scroll_y < log.max_scroll_y
    await log.mount(Static("the reply"))
    return log


async def test_a_start_before_the_anchor_catches_up_still_makes_room() -> None:
    app = _LogApp()
    async with app.run_test(size=(40, 20)) as pilot:
        log = await _behind_the_bottom(app, pilot)
        follow = StepFollow(log)
        await follow.start()
        await wait_until(pilot, lambda: follow.active, timeout=5, what="the room below the reply")
        assert follow.room is not None
        assert follow.room.styles.height is not None
        assert follow.room.styles.height.value == 10  # half the 20-row view
        assert log.scroll_y <= log.max_scroll_y - 10  # the view stayed put; the room is below


async def test_giving_up_at_once_follows_line_by_line_as_before() -> None:
    """The same state with no retries: the old behaviour, which the fix changes."""
    app = _LogApp()
    async with app.run_test(size=(40, 20)) as pilot:
        log = await _behind_the_bottom(app, pilot)
        follow = StepFollow(log)
        await follow.start(tries=0)
        for _ in range(3):
            await pilot.pause()
        assert not follow.active
        assert log.scroll_y == log.max_scroll_y  # the anchor followed to the bottom


async def test_a_reply_that_ended_meanwhile_gets_no_room() -> None:
    app = _LogApp()
    async with app.run_test(size=(40, 20)) as pilot:
        log = await _behind_the_bottom(app, pilot)
        follow = StepFollow(log)
        streaming = [True]
        await follow.start(lambda: streaming[0])
        streaming[0] = False  # the reply finishes before the next refresh
        for _ in range(5):
            await pilot.pause()
        assert not follow.active
        assert not log.query("TailRoom")


async def test_a_new_chats_reply_is_followed_in_steps_once_it_fills_the_view(make_runtime) -> None:
    """A new chat opened after a reply starts short (Textual draws it at the foot of the
    view, its scroll_y below 0), so its reply's start has nothing to step through; the
    follow starts once the reply fills the view. It used to give up for good there, and
    the whole reply was followed line by line.

    The backend is a scripted one (this is about layout, not inference: a real model
    cannot be made to write a given number of lines)."""
    from tests.scripted import ScriptedBackend, scripted_factory
    from tui_chat.ui.app import TuiChatApp
    from tui_chat.ui.widgets.chat_log import ChatLog

    backend = ScriptedBackend([f"Paragraph {i}.\n\n" for i in range(60)], delay=0.03)
    app = TuiChatApp(make_runtime(generate="max_tokens = 64", backend=scripted_factory(backend)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"hi")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.chat.streaming, timeout=10, what="the first reply")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=30, what="its end")
        await pilot.press("ctrl+n")  # a new chat after a reply: the emptied log, anchored,
        await pilot.pause(0.2)       # sits at the foot of the view (Textual: scroll_y < 0)
        await pilot.press(*"hi")
        await pilot.press("enter")
        log = app.query_one(ChatLog)
        await wait_until(pilot, lambda: app.chat.streaming, timeout=10, what="the reply")
        short_at_start = log.virtual_size.height <= log.scrollable_content_region.height
        stepped = False
        while app.chat.streaming:
            stepped = stepped or log.follow.active
            await pilot.pause(0.02)
        await pilot.pause(0.2)
        reply = log.messages[-1]
        assert short_at_start
        assert stepped  # the room went in below the reply once it filled the view
        assert reply.body.source.count("Paragraph") == 60
        assert log.follow.room is None and log.scroll_y == log.max_scroll_y > 0  # settled


async def test_the_room_waits_for_the_replys_first_text(make_runtime) -> None:
    """The room below a reply is mounted once the reply shows text, not while the model
    evaluates the prompt: its mount and its frame took the UI thread's CPU from that
    evaluation on a busy machine (issue 20's TTFT). Before, it went in ~60 ms after Enter.

    The backend is a scripted one whose first token comes 0.8 s after the request (a
    real model's prompt evaluation cannot be made to last a given time)."""
    from tests.scripted import ScriptedBackend, scripted_factory
    from tui_chat.ui.app import TuiChatApp
    from tui_chat.ui.widgets.chat_log import ChatLog

    backend = ScriptedBackend([f"Paragraph {i}.\n\n" for i in range(30)], first_delay=0.8,
                              delay=0.02)
    app = TuiChatApp(make_runtime(generate="max_tokens = 64", backend=scripted_factory(backend)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"hi")
        await pilot.press("enter")
        log = app.query_one(ChatLog)
        await wait_until(pilot, lambda: app.chat.streaming and len(log.messages) == 2,
                         timeout=10, what="the reply's view")
        reply = log.messages[-1]
        samples = 0
        while not reply.body.source:
            assert not log.query("TailRoom"), "the room went in before the first text"
            samples += 1
            await pilot.pause(0.02)
        assert samples >= 10  # it was looked at through most of the 0.8 s wait
        await wait_until(pilot, lambda: log.follow.active, timeout=5,
                         what="the room, once the text is in")
        await wait_until(pilot, lambda: not app.chat.streaming, timeout=30, what="the end")
        await pilot.pause(0.2)
        assert reply.body.source.count("Paragraph") == 30
        assert log.follow.room is None and not log.query("TailRoom")


async def test_a_reply_that_thinks_first_gets_its_room_with_the_reasoning(make_runtime) -> None:
    """A reasoning model's reply shows its thinking long before any answer: in a chat
    that fills the view, the room goes in once the reasoning shows, not only with the
    answer. (Scripted backend: a real model cannot be made to think for a given time.)"""
    from tests.scripted import ScriptedBackend, scripted_factory
    from tui_chat.ui.app import TuiChatApp
    from tui_chat.ui.widgets.chat_log import ChatLog

    tokens = ["<think>", *[f"Step {i}. " for i in range(30)], "</think>",
              *[f"Paragraph {i}.\n\n" for i in range(30)]]
    backend = ScriptedBackend(tokens, delay=0.03)
    app = TuiChatApp(make_runtime(generate="max_tokens = 64", backend=scripted_factory(backend)))
    async with app.run_test(size=(100, 30)) as pilot:
        log = app.query_one(ChatLog)
        for turn in range(2):  # the first reply fills the view; the second is watched
            await pilot.press(*"hi")
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.chat.streaming and len(log.messages) == 2 * turn + 2,
                             timeout=10, what="the reply's view")
            reply = log.messages[-1]
            if turn == 1:
                await wait_until(pilot, lambda: log.follow.active, timeout=10,
                                 what="the room while the reply thinks")
                assert not reply.body.source  # no answer yet: the reasoning brought the room
            await wait_until(pilot, lambda: not app.chat.streaming, timeout=30, what="the end")
            await pilot.pause(0.2)
            assert reply.body.source.count("Paragraph") == 30
            assert log.follow.room is None
