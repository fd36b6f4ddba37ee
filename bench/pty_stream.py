"""What a streaming reply costs a terminal: the real app in a pty, a loopback server.

    python bench/pty_stream.py [RUNS [RATES]]   # prints one JSON line

The app runs in a pseudo-terminal at 120x40 (tests/e2e/ptyapp.py) and talks to a remote
model: a loopback OpenAI-compatible server (tests/servers.py) that streams a fixed
Markdown document of :data:`TOKENS` pieces at a set rate, 50, 200 and 1,000 tokens a
second, and as fast as it can (a flood). Every byte the app writes to the terminal is
counted. For each rate, the median of :data:`RUNS` runs of:

- bytes per token written to the terminal while the reply streams;
- lag: the last token leaving the server to the end marker being on screen;
- CPU seconds of the app's process per 1,000 tokens;
- frames per second: bursts of output (reads of the pty less than 4 ms apart are one
  frame; Textual writes a frame at once);
- Enter to the request arriving at the server.

Two more runs at 200 tokens a second: with ``[ui] max_fps = 10`` (``200_fps10``) and
with ``--low-bandwidth`` (``200_low``); each says whether its final screen (pyte, the
status row's figures masked) is the same as the plain 200 run's. For 200, 200_fps10
and 200_low the first run's bytes are broken down by screen region and by frame
(``pty_regions``). ``TUI_CHAT_FRAME_FILTER=0`` in the environment measures the app
without its frame filter. Nothing here is asserted; it is a measurement.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import ROOT, isolate_env, markdown_tokens  # noqa: E402
from pty_regions import breakdown, final_screen  # noqa: E402
from startup import TimedPty, child_env  # noqa: E402
from tests.servers import BadServer  # noqa: E402

TOKENS = 2_000
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
RATES: dict[str, tuple[float | None, str, list[str]]] = {
    # name: tokens a second (None: a flood), extra config, extra arguments
    "50": (50.0, "", []),
    "200": (200.0, "", []),
    "1000": (1000.0, "", []),
    "flood": (None, "", []),
    "200_fps10": (200.0, "[ui]\nmax_fps = 10\n", []),
    "200_low": (200.0, "", ["--low-bandwidth"]),
}
ONLY = sys.argv[2].split(",") if len(sys.argv) > 2 else None
"""``python bench/pty_stream.py RUNS 50,200``: only these rates (an older build has no
``[ui]`` table nor ``--low-bandwidth``)."""
BROKEN_DOWN = ("200", "200_fps10", "200_low")
SETTLE_S = 0.4
"""After the end marker, output quiet this long means the final frame is written (the
prompt's cursor blinks every 0.5 s)."""
QUIET_WINDOW_S, QUIET_CPU_S, QUIET_MAX_S = 0.3, 0.02, 20.0
"""Before typing: the app idle (under 20 ms of CPU in 0.3 s), 20 s at most."""
END = "Qzendmarkerq"
BURST_GAP_S = 0.004
"""Reads of the pty closer together than this are one frame (a frame is one write)."""
CONFIG = """default_model = "bench"
[[models]]
name = "bench"
role = "chat"
backend = "openai"
base_url = "{url}"
model = "scripted"
"""


def one_run(server: BadServer, config: Path, data: Path, rate: float | None,
            tokens: list[str], extra: list[str], detail: bool) -> dict[str, Any]:
    server.configure("ok", contents=tokens, models=["scripted"],
                     interval=(1.0 / rate) if rate else 0.0, stall_seconds=120.0)
    args = ["--config", str(config), "--data-dir", str(data), *extra]
    with TimedPty(args, size=(120, 40), env=child_env(data), cwd=ROOT) as app:
        app.wait_ready(60)
        time.sleep(1.5)  # the delayed start-up work (router, library scan) starts
        _quiet(app)  # ... and finishes: the figures are the reply's, not start-up's
        start = len(app.text())
        cpu = app.cpu_seconds()
        app.type("go")
        time.sleep(0.2)
        entered = time.perf_counter()  # the Enter key itself (typing waits 20 ms a key)
        app.type("\r")
        seen = app.wait_marker(END.encode(), start, timeout=180)
        end = len(app.text())
        spent = app.cpu_seconds() - cpu
        output = app.text()[start:end]
        bursts = _bursts([t for t, size in app.arrivals if start < size <= end])
        _settle(app)
        everything, arrivals = app.text(), list(app.arrivals)
    first, last = server.first_request_at, server.last_content_at
    assert first is not None and last is not None
    stream_s = max(seen - first, 1e-6)
    return {
        "bytes_per_token": len(output) / len(tokens),
        "lag_ms": (seen - last) * 1000.0,
        "cpu_s_per_1k": spent / len(tokens) * 1000.0,
        "fps": bursts / stream_s,
        "enter_to_request_ms": (first - entered) * 1000.0,
        "bytes": len(output),
        "screen": final_screen(everything),
        "detail": breakdown(everything, arrivals, start, end, BURST_GAP_S) if detail else None,
    }


def _quiet(app: TimedPty) -> None:
    """Wait (at most QUIET_MAX_S) until the app's process is idle: less than
    QUIET_CPU_S of CPU in QUIET_WINDOW_S (the router's warm-up featurises its examples
    in a thread, 1-2 s of CPU on a busy machine)."""
    deadline = time.perf_counter() + QUIET_MAX_S
    cpu = app.cpu_seconds()
    while time.perf_counter() < deadline:
        time.sleep(QUIET_WINDOW_S)
        now = app.cpu_seconds()
        if now - cpu < QUIET_CPU_S:
            return
        cpu = now


def _settle(app: TimedPty) -> None:
    """Wait (at most 5 s) until the app has written nothing for SETTLE_S."""
    deadline = time.perf_counter() + 5.0
    while time.perf_counter() < deadline:
        last = app.arrivals[-1][0] if app.arrivals else 0.0
        if time.perf_counter() - last >= SETTLE_S:
            return
        time.sleep(0.05)


def _bursts(times: list[float]) -> int:
    """How many frames the reads make up (reads less than BURST_GAP_S apart are one)."""
    count, last = 0, None
    for moment in times:
        if last is None or moment - last >= BURST_GAP_S:
            count += 1
        last = moment
    return count


def main() -> int:
    isolate_env()
    tokens = markdown_tokens(TOKENS, seed=20)[: TOKENS - 1] + [f"\n\n{END}\n"]
    out: dict[str, Any] = {"tokens": len(tokens), "runs": RUNS, "size": "120x40"}
    screens: dict[str, list[list[str]]] = {}
    with BadServer() as server, tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, (rate, ui, extra) in RATES.items():
            if ONLY and name not in ONLY:
                continue
            config = root / f"config-{name}.toml"
            config.write_text(CONFIG.format(url=server.base_url) + ui, encoding="utf-8")
            runs = []
            for index in range(RUNS):
                data = root / f"data-{name}-{index}"
                data.mkdir()
                detail = index == 0 and name in BROKEN_DOWN
                runs.append(one_run(server, config, data, rate, tokens, extra, detail))
            screens[name] = [r.pop("screen") for r in runs]
            details = [r.pop("detail") for r in runs]
            out[name] = {key: round(statistics.median(r[key] for r in runs), 2)
                         for key in runs[0]}
            if details[0] is not None:
                out[name]["where"] = details[0]
    plain = screens.get("200")
    for name, shown in screens.items():
        if plain:
            out[name]["same_screen_as_200"] = sum(s == plain[0] for s in shown)
    if plain:
        out["200"]["screens_agree"] = all(s == plain[0] for s in plain)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
