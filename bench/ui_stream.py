"""ui_max_tps, end lag and ui_flatness: 20,000 tokens of markdown with no delay.

A scripted backend (synthetic-rate benchmarks are the one place it is allowed) is put
in the pool's factory, so the reply goes the real way: worker, ChatService, sanitizer,
SQLite checkpoints, Generation, MessageView's StreamBuffer, MarkdownStream, Markdown.

- ui_max_tps: tokens / (first token handed to the worker -> the worker coming back
  after the last one), i.e. the rate the app absorbed them at, worker side.
- end lag: the last token absorbed -> MessageView.finish done (body settled) and the
  next frame painted; the body's source must equal the full text.
- ui_flatness: the UI thread's CPU time per chunk (one MarkdownStream append: the
  UI-thread CPU from the start of that append to the start of the next, so parsing,
  mounting, layout and painting it caused are all in) — median over the chunks in
  the last 10% of the reply divided by the median over the first 10%, chunks of all
  runs pooled. CPU time of the UI thread only (``time.thread_time``), so other
  processes on the machine do not inflate it. Each app first streams a short
  unmeasured reply (lexers loaded, CSS caches warm): the figure is steady state.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import (  # noqa: E402
    ScriptedBackend,
    TempWorld,
    isolate_env,
    markdown_tokens,
    median,
    send_prompt,
)

TOKENS = 20_000


def chunk_costs(appends: list[Any], finish_cpu: float) -> list[tuple[int, int, float]]:
    """(offset, chars, UI-thread CPU seconds) of every chunk, up to the next one (or finish)."""
    costs = []
    for index, record in enumerate(appends):
        end = appends[index + 1].cpu_start if index + 1 < len(appends) else finish_cpu
        costs.append((record.offset, record.chars, end - record.cpu_start))
    return costs


def flatness(costs: list[tuple[int, int, float]], total: int) -> dict[str, Any]:
    """Per-chunk UI cost in the first and last 10% of the reply, and their ratio."""
    first = [c for c in costs if c[0] < 0.1 * total]
    last = [c for c in costs if c[0] >= 0.9 * total]
    first_ms = median([c[2] * 1000 for c in first])
    last_ms = median([c[2] * 1000 for c in last])
    per_char = lambda rows: median([1e6 * c[2] / max(1, c[1]) for c in rows])  # noqa: E731
    return {
        "ui_flatness": last_ms / first_ms if first and last else None,
        "chunk_cpu_ms_first10": first_ms,
        "chunk_cpu_ms_last10": last_ms,
        "chunks_first10": len(first),
        "chunks_last10": len(last),
        "chunk_chars_median": median([c[1] for c in costs]),
        "flatness_per_char": per_char(last) / per_char(first) if first and last else None,
        "ui_cpu_us_per_char": median([1e6 * c[2] / max(1, c[1]) for c in costs]),
    }


async def one_run(tokens: list[str], warmup: list[str]) -> dict[str, Any]:
    """Stream ``warmup`` (not measured: lexers, CSS caches), then ``tokens``, in one app."""
    from probes import install
    from tui_chat.ui.app import TuiChatApp

    probes = install()
    probes.reset()
    world = TempWorld(f"max_tokens = {len(tokens)}")
    backend = ScriptedBackend("smollm2", warmup)
    runtime = world.runtime(lambda spec, path: backend)
    full = "".join(tokens)
    try:
        app = TuiChatApp(runtime)
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            for script in (warmup, tokens):
                await app.chat.action_new_chat()
                await pilot.pause()
                probes.reset()
                backend.tokens = script
                view, _ = await send_prompt(app, "Write a long markdown document.")
                deadline = time.perf_counter() + 300
                while True:
                    done = probes.finishes.get(id(view))
                    if done is not None and done.painted is not None and not app.chat.streaming:
                        break
                    if time.perf_counter() > deadline:
                        raise RuntimeError("the reply did not finish in 300 s")
                    await asyncio.sleep(0.01)
            appends = probes.appends_of(view)
            stored = runtime.service.messages(app.chat.session_id)[-1].content
            costs = chunk_costs(appends, done.cpu_start)
            result = {
                "ui_max_tps": len(tokens) / (backend.last_absorbed - backend.first),
                "absorb_s": backend.last_absorbed - backend.first,
                "end_lag_ms": (done.painted - backend.last_absorbed) * 1000,
                "finish_done_lag_ms": (done.done - backend.last_absorbed) * 1000,
                "finish_call_ms": (done.done - done.started) * 1000,
                "chunks": len(appends),
                "max_chunk_wall_ms": max((a.done - a.started) * 1000 for a in appends),
                "body_is_full_text": view.body.source == full,
                "stored_is_full_text": stored == full,
                "state": view.state,
                "widgets_after": sum(1 for _ in app.screen.walk_children()),
                **flatness(costs, len(full)),
                "costs": costs,
            }
    finally:
        runtime.close()
        world.close()
    return result


async def bench(count: int, runs: int) -> dict[str, Any]:
    """``runs`` runs of the app as shipped.

    ui_max_tps and the end lag are medians over the runs; ui_flatness pools the
    chunks of all shipped runs (a 10% slice holds only a few chunks per run).
    """
    tokens = markdown_tokens(count)
    warmup = markdown_tokens(600, seed=3)
    total = len("".join(tokens))
    rows = []
    for _ in range(runs):
        gc.collect()  # each run starts from a clean heap, as a fresh app would
        rows.append(await one_run(tokens, warmup))
    pooled = flatness([c for r in rows for c in r["costs"]], total)
    for row in rows:
        row.pop("costs")

    def summary(group: list[dict[str, Any]]) -> dict[str, Any]:
        keys = ("ui_max_tps", "end_lag_ms")
        return {key: median([r[key] for r in group]) for key in keys} if group else {}

    return {
        **summary(rows),
        **pooled,
        "tokens": count,
        "chars": total,
        "runs": rows,
    }


def main() -> None:
    """Print the result as one JSON line."""
    isolate_env()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else TOKENS
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print(json.dumps(asyncio.run(bench(count, runs))))


if __name__ == "__main__":
    main()
