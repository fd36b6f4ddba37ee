"""app_vs_raw_tps and ttft_overhead_ms: a real SmolLM2 reply through the headless app vs raw llama-cpp-python.

Both sides get the same messages, sampling parameters, seed and max_tokens, with
every SmolLM2 end-of-generation token banned (``logit_bias = {0: -100, 2: -100, 4: -100}``,
``common.SMOLLM2_EOG_IDS``) so both generate exactly max_tokens tokens. Both use the load parameters the app applies
(``effective_load_params``: same n_threads). Both models stay loaded; one warm-up
run each is not counted, then raw and app runs alternate.

Raw side: ``Llama.create_chat_completion(stream=True)`` called on the event-loop
thread (the idle app is blocked meanwhile, so nothing competes with it).
App side: a new chat (Ctrl+N's action), the prompt put into the real PromptInput and
Enter delivered as a key event (see ``common.send_prompt``); the reply goes through
the worker, ChatService (router, pool, sanitizer, SQLite checkpoints), the
MessageView's StreamBuffer and MarkdownStream.

Decode speed is (chunks - 1) / (last chunk - first chunk) on both sides: for the app
it is the stored request metric, timed by the core in the worker thread as the
chunks arrive. Each run's user message is new (:func:`prompt`), so both sides evaluate
it as a person's next prompt is evaluated. TTFT: raw = call to first text chunk; app = Enter pressed to the
first frame painted after the first text reached the Markdown widget. The UI
thread's CPU share during an app reply (``time.thread_time`` of the event-loop
thread over wall time, Enter to the last frame) is reported too.
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

from common import (  # noqa: E402
    SMOLLM2_EOG_IDS,
    SMOLLM2_FILE,
    TempWorld,
    send_prompt,
    isolate_env,
    median,
)

PROMPT = ("Write a detailed guide to brewing coffee at home, with headings, "
          "a list of steps and a short Python example.")


def prompt(run: int) -> str:
    """The user message of run ``run``: new from its first token on.

    Each reply starts from a message the model has not seen, as a person's next
    prompt does. With the same message every time, llama.cpp's prefix cache skips the
    whole prompt and raw TTFT is one decode step, which says nothing about the
    prompt evaluation a user waits for. Run ``run`` of both sides gets the same text,
    and each side's cache holds its own previous run, so both evaluate the same tokens.
    """
    return f"Request {run}. {PROMPT}"
MAX_TOKENS = 256
SEED = 42
SAMPLING = {"temperature": 0.7, "top_p": 0.95}


def generate_toml(max_tokens: int) -> str:
    """The [generate] table the app runs with."""
    return (f"temperature = {SAMPLING['temperature']}\ntop_p = {SAMPLING['top_p']}\n"
            f"max_tokens = {max_tokens}\nseed = {SEED}\n"
            "logit_bias = { " + ", ".join(f'"{i}" = -100' for i in SMOLLM2_EOG_IDS) + " }\n")


def raw_params(max_tokens: int) -> dict[str, Any]:
    """The same parameters as LlamaBackend.stream passes (token ids as ints)."""
    return {**SAMPLING, "max_tokens": max_tokens, "seed": SEED,
            "logit_bias": {i: -100.0 for i in SMOLLM2_EOG_IDS}}


def raw_run(llm: Any, params: dict[str, Any], text: str) -> dict[str, Any]:
    """One raw streamed reply to ``text``; times every text chunk."""
    messages = [{"role": "user", "content": text}]
    started = time.perf_counter()
    first = last = None
    chunks = 0
    parts: list[str] = []
    finish = None
    for event in llm.create_chat_completion(messages=messages, stream=True, **params):
        choice = event["choices"][0]
        delta = choice.get("delta") or {}
        text = delta.get("content")
        if text:
            now = time.perf_counter()
            first = first or now
            last = now
            chunks += 1
            parts.append(text)
        finish = choice.get("finish_reason") or finish
    assert first is not None and last is not None
    return {
        "ttft_ms": (first - started) * 1000.0,
        "tps": (chunks - 1) / (last - first),
        "chunks": chunks,
        "total_s": last - started,
        "finish": finish,
        "text": "".join(parts),
    }


async def app_run(app: Any, pilot: Any, probes: Any, text: str) -> dict[str, Any]:
    """One reply to ``text`` through the headless app, from Enter to the settled final frame."""
    await app.chat.action_new_chat()
    await pilot.pause()
    probes.reset()
    view, started = await send_prompt(app, text)
    cpu = time.thread_time()
    deadline = started + 120
    while time.perf_counter() < deadline:
        done = probes.finishes.get(id(view))
        if done and done.painted is not None and not app.chat.streaming:
            break
        await asyncio.sleep(0.01)
    else:
        raise RuntimeError("the app reply did not finish in 120 s")
    ui_share = (time.thread_time() - cpu) / (time.perf_counter() - started)
    appends = probes.appends_of(view)
    finish = probes.finishes[id(view)]
    first_paint = appends[0].painted if appends and appends[0].painted else appends[0].done
    request = app.runtime.diagnostics.request_records(last=1)[0]
    stored = app.runtime.service.messages(app.chat.session_id)[-1]
    return {
        "ttft_ms": (first_paint - started) * 1000.0,
        "ttft_first_append_ms": (appends[0].done - started) * 1000.0,
        "core_ttft_ms": request["ttft_ms"],
        "tps": request["tokens_per_s"],
        "chunks": request["completion_tokens"],
        "finish": request["finish_reason"],
        "total_s": finish.painted - started,
        "appends": len(appends),
        "ui_cpu_share": ui_share,
        "text": stored.content,
        "body_matches": view.body.source == stored.content,
    }


async def bench(runs: int, max_tokens: int) -> dict[str, Any]:
    """Warm both sides up, then alternate raw and app runs."""

    from probes import install
    from tui_chat.core.backends.llama import effective_load_params, open_llama
    from tui_chat.ui.app import TuiChatApp

    probes = install()
    world = TempWorld(generate_toml(max_tokens))
    runtime = world.runtime()
    try:
        spec = runtime.catalog.spec("smollm2")
        path = runtime.catalog.path(spec)
        assert path is not None and path.name == SMOLLM2_FILE
        load = effective_load_params(spec.load)
        started = time.perf_counter()
        llm = open_llama(path, load)
        raw_load_s = time.perf_counter() - started
        params = raw_params(max_tokens)
        app = TuiChatApp(runtime)
        raw: list[dict[str, Any]] = []
        app_side: list[dict[str, Any]] = []
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            warm_raw = raw_run(llm, params, prompt(0))
            warm_app = await app_run(app, pilot, probes, prompt(0))  # loads the model lazily
            backend = runtime.pool.backend("smollm2")
            applied = dict(backend.applied) if backend is not None else {}
            for run in range(1, runs + 1):
                raw.append(raw_run(llm, params, prompt(run)))
                app_side.append(await app_run(app, pilot, probes, prompt(run)))
        llm.close()
    finally:
        runtime.close()
        world.close()
    pairs_same_text = [r["text"] == a["text"] for r, a in zip(raw, app_side, strict=True)]
    raw_tps = median([r["tps"] for r in raw])
    app_tps = median([a["tps"] for a in app_side])
    raw_ttft = median([r["ttft_ms"] for r in raw])
    app_ttft = median([a["ttft_ms"] for a in app_side])
    for row in raw + app_side:
        row.pop("text")
    return {
        "app_vs_raw_tps": app_tps / raw_tps,
        "ttft_overhead_ms": app_ttft - raw_ttft,
        "raw_tps": raw_tps,
        "app_tps": app_tps,
        "raw_ttft_ms": raw_ttft,
        "app_ttft_ms": app_ttft,
        "app_core_ttft_ms": median([a["core_ttft_ms"] for a in app_side]),
        "app_first_append_ms": median([a["ttft_first_append_ms"] for a in app_side]),
        "app_ui_cpu_share": median([a["ui_cpu_share"] for a in app_side]),
        "app_appends_per_reply": median([a["appends"] for a in app_side]),
        "pair_ratios": [a["tps"] / r["tps"] for r, a in zip(raw, app_side, strict=True)],
        "max_tokens": max_tokens,
        "chunks_raw": [r["chunks"] for r in raw],
        "chunks_app": [a["chunks"] for a in app_side],
        "finish_raw": sorted({r["finish"] for r in raw}),
        "finish_app": sorted({a["finish"] for a in app_side}),
        "same_token_count": all(r["chunks"] == a["chunks"] for r, a in zip(raw, app_side,
                                                                           strict=True)),
        "same_text": pairs_same_text,
        "body_matches_store": all(a["body_matches"] for a in app_side),
        "n_threads": {"raw": load.get("n_threads"), "app": applied.get("n_threads")},
        "load_params_raw": load,
        "applied_app": applied,
        "raw_load_s": raw_load_s,
        "app_load_s": backend.load_seconds if backend is not None else None,
        "warmup": {"raw_ttft_ms": warm_raw["ttft_ms"], "app_ttft_ms": warm_app["ttft_ms"],
                   "app_total_s_with_load": warm_app["total_s"]},
        "runs": {"raw": raw, "app": app_side},
    }


def main() -> None:
    """Print the result as one JSON line."""
    isolate_env()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    max_tokens = int(sys.argv[2]) if len(sys.argv) > 2 else MAX_TOKENS
    print(json.dumps(asyncio.run(bench(runs, max_tokens))))


if __name__ == "__main__":
    main()
