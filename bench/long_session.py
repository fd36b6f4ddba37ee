"""The long-session scenario: a 500-message session opens and scrolls.

The session is written straight into the store (250 prompts, 250 markdown replies
of about 150 tokens each). In the headless app: ``app.chat.open_session(id)`` is timed to
the first frame painted after it. Then, with the chat log focused, Home, End and 20
PageUp keys are delivered as key events (as the terminal driver does); each is timed
until the scroll animation is over and a frame is painted. Every layout and paint
pass of the screen is timed while scrolling (p95 and worst): scroll passes (only the
visible widgets are placed), full layout passes (after older messages are mounted
near the top) and paints.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import TempWorld, isolate_env, markdown_tokens, median  # noqa: E402

MESSAGES = 500


def fill_store(store: Any, count: int) -> int:
    """A session of ``count`` alternating prompts and markdown replies; returns its id."""
    session = store.create_session(title="A very long chat", model="smollm2")
    for index in range(count // 2):
        store.add_message(session.id, "user", f"Question {index}: how do I tune the cache "
                                                "for a long session with many messages?")
        reply = "".join(markdown_tokens(150, seed=1000 + index))
        store.add_message(session.id, "assistant", reply, model="smollm2",
                          meta={"route": "pinned: smollm2"})
    return session.id


async def next_frame(app: Any) -> float:
    """Wait for the next screen refresh; returns when it happened."""
    done = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
    return await asyncio.wait_for(done, 30)


async def settle(app: Any, log: Any, timeout: float = 10) -> None:
    """Until the log's scroll position stops moving (animation over) and a frame is painted."""
    deadline = time.perf_counter() + timeout
    still = 0
    last = None
    while time.perf_counter() < deadline and still < 2:
        await asyncio.sleep(0.005)
        now = (log.scroll_y, log.scroll_target_y)
        moving = app.animator.is_being_animated(log, "scroll_y") or now[0] != now[1]
        still = still + 1 if (now == last and not moving) else 0
        last = now
    await next_frame(app)


class FrameTimes:
    """Durations of the screen's layout and paint passes while ``on``."""

    def __init__(self) -> None:
        from textual.screen import Screen

        self.on = False
        self.scrolls: list[float] = []
        self.layouts: list[float] = []
        self.paints: list[float] = []
        self._screen = Screen
        self._saved = (Screen._refresh_layout, Screen._compositor_refresh)
        layout, paint = self._saved
        times = self

        def timed_layout(screen: Any, size: Any = None, scroll: bool = False) -> None:
            started = time.perf_counter()
            layout(screen, size, scroll)
            if times.on:
                (times.scrolls if scroll else times.layouts).append(time.perf_counter() - started)

        def timed_paint(screen: Any) -> None:
            started = time.perf_counter()
            paint(screen)
            if times.on:
                times.paints.append(time.perf_counter() - started)

        Screen._refresh_layout = timed_layout  # type: ignore[method-assign]
        Screen._compositor_refresh = timed_paint  # type: ignore[method-assign]

    def restore(self) -> None:
        """Put the original methods back."""
        self._screen._refresh_layout, self._screen._compositor_refresh = self._saved

    def summary(self) -> dict[str, Any]:
        """p95 and max of each kind, in ms."""
        out: dict[str, Any] = {}
        for name, values in (("scroll", self.scrolls), ("layout", self.layouts),
                             ("paint", self.paints)):
            ms = sorted(v * 1000 for v in values)
            out[f"{name}_passes"] = len(ms)
            out[f"{name}_ms_p95"] = ms[int(0.95 * (len(ms) - 1))] if ms else None
            out[f"{name}_ms_max"] = ms[-1] if ms else None
        return out


async def bench(count: int) -> dict[str, Any]:
    """Open the long session, then scroll it."""
    from textual import events

    from tui_chat.ui.app import TuiChatApp
    from tui_chat.ui.widgets.chat_log import ChatLog

    world = TempWorld()
    runtime = world.runtime()
    frames = FrameTimes()
    try:
        started = time.perf_counter()
        session_id = fill_store(runtime.store, count)
        fill_s = time.perf_counter() - started
        app = TuiChatApp(runtime)
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            await app.chat.open_session(session_id)
            opened = time.perf_counter()
            painted = await next_frame(app)
            await pilot.pause()
            settled = time.perf_counter()
            log = app.query_one(ChatLog)
            mounted = len(log.messages)
            older = getattr(log, "older_count", 0)
            widgets = sum(1 for _ in app.screen.walk_children())
            log.focus()
            await pilot.pause()
            frames.on = True
            timings: dict[str, float] = {}
            for name, key in (("scroll_home_ms", "home"), ("scroll_end_ms", "end")):
                begin = time.perf_counter()
                app.post_message(events.Key(key, None))
                await settle(app, log)
                timings[name] = (time.perf_counter() - begin) * 1000
            presses = []
            for _ in range(20):
                begin = time.perf_counter()
                app.post_message(events.Key("pageup", None))
                await settle(app, log)
                presses.append((time.perf_counter() - begin) * 1000)
            frames.on = False
            at = log.scroll_y
            mounted_after = len(log.messages)
    finally:
        frames.restore()
        runtime.close()
        world.close()
    return {
        "messages": count,
        "fill_store_s": fill_s,
        "open_s": painted - started,
        "open_call_s": opened - started,
        "open_settled_s": settled - started,
        "mounted_messages": mounted,
        "collapsed_messages": older,
        "widgets": widgets,
        **timings,
        "pageup_ms_median": median(presses),
        "pageup_ms_max": max(presses),
        "pageups": presses,
        **frames.summary(),
        "scroll_y_after_pageups": at,
        "mounted_after_pageups": mounted_after,
    }


def main() -> None:
    """Print the result as one JSON line."""
    isolate_env()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else MESSAGES
    print(json.dumps(asyncio.run(bench(count))))


if __name__ == "__main__":
    main()
