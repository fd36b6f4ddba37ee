"""Where the app's time to first token goes: one timeline per reply, Enter to first paint.

``python bench/ttft_timeline.py [RUNS]`` runs the headless app on SmolLM2 (the prompts,
sampling and banned end tokens as ``bench/llm.py``, 64 tokens) and prints, per reply and as
medians, milliseconds after Enter at which:

- ``send``: the screen's prompt handler runs;
- ``worker``: the reply's worker thread starts draining the core's events;
- ``request``: the stream request is written to the model's process;
- ``add`` / ``add_done``: the prompt and reply views start / finish mounting;
- ``first_delta``: the first text reaches the worker;
- ``flush``: the reply's first paced append starts (UI thread);
- ``append_done``: the first text is in the Markdown widget;
- ``paint``: the next frame with an update reached the (headless) screen.

``core_ttft`` is the core's own TTFT (generation start to first chunk) and
``ui_cpu_to_paint`` the UI thread's CPU milliseconds from the prompt handler to the paint.
The probes wrap methods at class level in this process only; the app is not changed.
Run it beside ``python3 -c 'while True: pass' &`` to see a busy machine.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import llm  # noqa: E402
from common import TempWorld, isolate_env, median, send_prompt  # noqa: E402

MARKS: dict[str, float] = {}


def mark(name: str) -> None:
    """Record the first time ``name`` happens in this reply."""
    MARKS.setdefault(name, time.perf_counter())


def install_marks() -> None:
    """Wrap the methods on the path from Enter to the first text (class level)."""
    from tui_chat.core.backends import process
    from tui_chat.ui.screens import chat
    from tui_chat.ui.widgets import message
    from tui_chat.ui.widgets.chat_log import ChatLog

    send = chat.ChatScreen._send

    async def timed_send(self: Any, text: str, typed: str) -> None:
        mark("send")
        MARKS["ui_cpu0"] = time.thread_time()
        await send(self, text, typed)

    add = ChatLog.add

    async def timed_add(self: Any, *views: Any, **kwargs: Any) -> Any:
        mark("add")
        result = await add(self, *views, **kwargs)
        mark("add_done")
        return result

    append = message.LiveReply.append

    def timed_append(self: Any, text: str) -> None:
        mark("first_delta")
        append(self, text)

    drain = message.LiveReply.drain

    def timed_drain(self: Any, events: Any, post: Any) -> None:
        mark("worker")
        drain(self, events, post)

    pace = message.MessageView._update_pace

    def timed_pace(self: Any) -> None:
        if self.role == "assistant":
            mark("flush")
        pace(self)

    backend = process.ProcessLlamaBackend
    write = backend._send

    def timed_write(self: Any, proc: Any, request: dict[str, Any]) -> None:
        if request.get("op") == "stream":
            mark("request")
        write(self, proc, request)

    chat.ChatScreen._send = timed_send  # type: ignore[method-assign]
    ChatLog.add = timed_add  # type: ignore[method-assign]
    message.LiveReply.append = timed_append  # type: ignore[method-assign]
    message.LiveReply.drain = timed_drain  # type: ignore[method-assign]
    message.MessageView._update_pace = timed_pace  # type: ignore[method-assign]
    backend._send = timed_write  # type: ignore[method-assign]


async def timelines(runs: int) -> list[dict[str, float]]:
    """One warm-up reply (loads the model), then ``runs`` timed ones, each in a new chat."""
    from probes import install

    from tui_chat.ui.app import TuiChatApp

    probes = install()
    install_marks()
    world = TempWorld(llm.generate_toml(64))
    runtime = world.runtime()
    rows: list[dict[str, float]] = []
    try:
        app = TuiChatApp(runtime)
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            await llm.app_run(app, pilot, probes, llm.prompt(0))
            for run in range(1, runs + 1):
                await app.chat.action_new_chat()
                await pilot.pause()
                probes.reset()
                MARKS.clear()
                view, entered = await send_prompt(app, llm.prompt(run))
                while True:
                    appends = probes.appends_of(view) if view.is_mounted else []
                    if appends and appends[0].painted:
                        break
                    await asyncio.sleep(0.002)
                ui_cpu = (time.thread_time() - MARKS.pop("ui_cpu0")) * 1000.0
                MARKS["append_done"], MARKS["paint"] = appends[0].done, appends[0].painted
                while app.chat.streaming:
                    await asyncio.sleep(0.02)
                record = runtime.diagnostics.request_records(last=1)[0]
                row = {name: round((at - entered) * 1000.0, 1)
                       for name, at in sorted(MARKS.items(), key=lambda item: item[1])}
                row["core_ttft"] = round(record["ttft_ms"], 1)
                row["ui_cpu_to_paint"] = round(ui_cpu, 1)
                rows.append(row)
                print(row, flush=True)
    finally:
        runtime.close()
        world.close()
    return rows


def main() -> None:
    """Print each timeline and the medians."""
    isolate_env()
    rows = asyncio.run(timelines(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
    names = list(rows[0])
    print("median", {name: median([row.get(name, 0.0) for row in rows]) for name in names})


if __name__ == "__main__":
    main()
