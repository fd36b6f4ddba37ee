"""``make bench``: every benchmark of issue 9, one table, bench/results.json.

Each section runs in its own Python process (so one's imports, monkeypatched probes
and memory never leak into another) and prints one JSON line; this script collects
them, prints the table and writes ``bench/results.json`` (git-ignored). The machine
(nproc, CPU, RAM) and the load average at the start and the end are recorded with
the figures: the ratios are measured interleaved in one run, absolute numbers
depend on what else the machine is doing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import ROOT, loadavg, machine  # noqa: E402

RESULTS = HERE / "results.json"
SECTIONS: list[tuple[str, list[str], int]] = [
    # name, script + args, timeout (s)
    ("startup", ["startup.py", "3"], 120),
    ("long_session", ["long_session.py", "500"], 180),
    ("ui_stream", ["ui_stream.py", "20000", "3"], 240),
    ("llm", ["llm.py", "9", "256"], 400),
    ("routing", ["routing.py"], 120),
    ("search", ["search.py", "100000"], 300),
    ("pty_stream", ["pty_stream.py"], 900),
]
TARGETS: dict[str, tuple[str, float]] = {
    "app_vs_raw_tps": (">=", 0.97),
    "ttft_overhead_ms": ("<=", 15.0),
    "ui_max_tps": (">=", 5000.0),
    "ui_end_lag_ms": ("<=", 150.0),
    "ui_flatness": ("<=", 1.5),
    "startup_s": ("<=", 1.0),
    "long_session_open_s": ("<", 1.0),
    "route_ms_p95": ("<", 5.0),
    "search_ms_median": ("<", 50.0),
    "pty_bytes_per_token_200": ("<=", 100.0),
    "pty_lag_ms_200": ("<=", 150.0),
    "pty_enter_to_request_ms": ("<=", 130.0),
    "ttft_ratio": ("<=", 1.3),
    "ui_cpu_share": ("<=", 0.10),
    "pty_bytes_per_token_fps10": ("<=", 30.0),
}


def run_section(name: str, argv: list[str], timeout: int) -> dict[str, Any]:
    """Run one section script; its last stdout line is its JSON result."""
    started = time.perf_counter()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(HERE)])
    try:
        proc = subprocess.run([sys.executable, str(HERE / argv[0]), *argv[1:]], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout}s", "wall_s": time.perf_counter() - started}
    wall = time.perf_counter() - started
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-12:]
        return {"error": f"exit {proc.returncode}: " + " / ".join(tail), "wall_s": wall}
    result = json.loads(lines[-1])
    result["wall_s"] = wall
    return result


def verdict(name: str, value: float | None) -> str:
    """PASS / MISS against the issue's target (or '' when the figure has none)."""
    if name not in TARGETS:
        return ""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    op, target = TARGETS[name]
    ok = {">=": value >= target, "<=": value <= target, "<": value < target}[op]
    return "PASS" if ok else "MISS"


def figures(sections: dict[str, dict[str, Any]]) -> list[tuple[str, Any, str, str]]:
    """(name, value, target, reference) rows of the table."""
    llm = sections.get("llm", {})
    ui = sections.get("ui_stream", {})
    st = sections.get("startup", {})
    ls = sections.get("long_session", {})
    rt = sections.get("routing", {})
    se = sections.get("search", {})
    pt = sections.get("pty_stream", {})
    pt200 = pt.get("200", {})
    imports = st.get("imports", {})
    rows: list[tuple[str, Any, str, str]] = [
        ("app_vs_raw_tps", llm.get("app_vs_raw_tps"), ">= 0.97",
         f"app {fmt(llm.get('app_tps'))} tok/s vs raw {fmt(llm.get('raw_tps'))} tok/s; "
         f"median of {len(llm.get('same_text', []))} interleaved; {llm.get('max_tokens')} "
         f"tokens each side, same count {llm.get('same_token_count')}, same text "
         f"{sum(llm.get('same_text', []))}/{len(llm.get('same_text', []))}, "
         f"n_threads {llm.get('n_threads')}"),
        ("ttft_overhead_ms", llm.get("ttft_overhead_ms"), "<= 15",
         f"app {fmt(llm.get('app_ttft_ms'))} ms (Enter -> first painted text) vs raw "
         f"{fmt(llm.get('raw_ttft_ms'))} ms (call -> first text chunk); core TTFT in app "
         f"{fmt(llm.get('app_core_ttft_ms'))} ms; UI thread CPU share while replying "
         f"{fmt(llm.get('app_ui_cpu_share'))}, {fmt(llm.get('app_appends_per_reply'))} appends "
         "per reply"),
        ("ttft_ratio", ratio(llm.get("app_ttft_ms"), llm.get("raw_ttft_ms")), "<= 1.3",
         "app TTFT / raw TTFT, same run (a ratio holds on a slower or busier machine)"),
        ("ui_cpu_share", llm.get("app_ui_cpu_share"), "<= 0.10",
         "the UI thread's CPU time / wall time, Enter -> last frame of an app reply"),
        ("ui_max_tps", ui.get("ui_max_tps"), ">= 5000",
         f"{ui.get('tokens')} tokens ({ui.get('chars')} chars) of markdown, scripted backend, "
         f"no delay; worker side; median of {len(ui.get('runs', []))}"),
        ("ui_end_lag_ms", ui.get("end_lag_ms"), "<= 150",
         "last token absorbed -> finish() done and next frame painted, body == full text "
         f"{all(r.get('body_is_full_text') for r in ui.get('runs', [{}]))}"),
        ("ui_flatness", ui.get("ui_flatness"), "<= 1.5",
         f"UI-thread CPU per chunk (~{fmt(ui.get('chunk_chars_median'))} chars), last 10% / "
         f"first 10%: {fmt(ui.get('chunk_cpu_ms_last10'))} / "
         f"{fmt(ui.get('chunk_cpu_ms_first10'))} ms over {ui.get('chunks_last10')} / "
         f"{ui.get('chunks_first10')} chunks; {fmt(ui.get('ui_cpu_us_per_char'))} us/char"),
        ("startup_s", st.get("startup_first_frame_s"), "<= 1.0",
         f"process start -> first frame in a pty; prompt echoes a key at "
         f"{fmt(st.get('startup_prompt_ready_s'))} s; libllama mapped at first frame: "
         f"{st.get('llama_mapped_at_first_frame')}"),
        ("prompt_ready_s", st.get("startup_prompt_ready_s"), "",
         f"a key typed at the first frame echoed after {fmt(st.get('echo_ms'))} ms"),
        ("import_ms", imports.get("total_import_ms"), "",
         "top: " + ", ".join(f"{n} {v}" for n, v in imports.get("self_ms_by_package", [])[:5])
         + f"; llama_cpp imported before first frame: "
           f"{imports.get('llama_cpp_imported_before_first_frame')}"),
        ("rss_idle_mb", st.get("rss_idle_mb"), "", "VmRSS of the pty child, no model loaded"),
        ("rss_loaded_mb", st.get("rss_loaded_mb"), "",
         f"after ctrl+o, End, l on smollm2 (load {fmt(st.get('load_from_sidebar_s'))} s): app "
         f"{fmt(st.get('rss_app_loaded_mb'))} + model process "
         f"{fmt(st.get('rss_model_process_mb'))} MB ({st.get('model_processes')} process, "
         f"libllama there: {st.get('llama_mapped_in_model_process')})"),
        ("long_session_open_s", ls.get("open_s"), "< 1.0",
         f"{ls.get('messages')} messages: open_session -> first frame; "
         f"{ls.get('mounted_messages')} views mounted, {ls.get('widgets')} widgets"),
        ("long_session_scroll_ms", sum_or_none(ls.get("scroll_ms_p95"), ls.get("paint_ms_p95")),
         "", f"p95 scroll frame = scroll pass {fmt(ls.get('scroll_ms_p95'))} + paint "
             f"{fmt(ls.get('paint_ms_p95'))} ms ({ls.get('scroll_passes')} passes); PageUp "
             f"{fmt(ls.get('pageup_ms_median'))} ms (Textual's scroll animation); older "
             f"messages mounted near the top: {ls.get('layout_passes')} layouts, worst "
             f"{fmt(ls.get('layout_ms_max'))} ms"),
        ("route_ms_p95", rt.get("route_ms_p95"), "< 5",
         f"auto router per prompt, median {fmt(rt.get('route_ms_median'))} ms over "
         f"{rt.get('prompts')} prompts of held-out set G "
         f"({rt.get('wordllama', {}).get('correct')} right); the router's models add "
         f"{fmt(rt.get('router_rss_added_mb'))} MB RSS, load in "
         f"{fmt(rt.get('wordllama', {}).get('load_s'))} s on the first route"),
        ("search_ms_median", se.get("search_ms_median"), "< 50",
         f"{se.get('messages')} messages ({fmt(se.get('history_mb'))} MB): median of every "
         f"query, p95 {fmt(se.get('search_ms_p95'))} ms, worst query "
         f"{fmt(max((se.get('search_ms_by_query') or {'': None}).values(), default=None))} ms; "
         f"schema 3 -> 4 upgrade with the index build {fmt(se.get('upgrade_s'))} s; whole "
         f"`tui-chat sessions search` process {fmt(se.get('cli_search_s_median'))} s"),
        ("pty_bytes_per_token_200", pt200.get("bytes_per_token"), "<= 100",
         f"real app in a 120x40 pty, remote model streaming {pt.get('tokens')} Markdown pieces "
         f"at 200 tok/s, median of {pt.get('runs')}; {fmt(pt200.get('fps'))} frames/s, "
         f"{fmt(pt200.get('cpu_s_per_1k'))} CPU s per 1k tokens; 50 / 1000 tok/s / flood: "
         + " / ".join(fmt(pt.get(k, {}).get("bytes_per_token")) for k in ("50", "1000", "flood"))
         + " bytes per token"),
        ("pty_lag_ms_200", pt200.get("lag_ms"), "<= 150",
         "last token leaving the server -> on screen, at 200 tok/s; 50 / 1000 / flood: "
         + " / ".join(fmt(pt.get(k, {}).get("lag_ms")) for k in ("50", "1000", "flood"))
         + " ms"),
        ("pty_enter_to_request_ms", pt200.get("enter_to_request_ms"), "<= 130",
         "Enter in the pty -> the request streaming at the loopback server (remote model)"),
        ("pty_bytes_per_token_fps10", pt.get("200_fps10", {}).get("bytes_per_token"), "<= 30",
         "200 tok/s with [ui] max_fps = 10; --low-bandwidth: "
         f"{fmt(pt.get('200_low', {}).get('bytes_per_token'))}; final screens the same as "
         f"the plain run's: {pt.get('200_fps10', {}).get('same_screen_as_200')} and "
         f"{pt.get('200_low', {}).get('same_screen_as_200')} of {pt.get('runs')}"),
    ]
    return rows


def ratio(top: Any, bottom: Any) -> float | None:
    """top / bottom, or None when either is missing."""
    if not isinstance(top, (int, float)) or not isinstance(bottom, (int, float)) or not bottom:
        return None
    return top / bottom


def sum_or_none(*values: Any) -> float | None:
    """The sum, or None when a value is missing."""
    return None if any(v is None for v in values) else float(sum(values))


def fmt(value: Any) -> str:
    """A number with sensible precision."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return "nan"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    return str(value)


def main() -> int:
    """Run every section, print the table, write results.json."""
    began = time.perf_counter()
    start_load = loadavg()
    info = machine()
    print(f"tui-chat bench · {info['cpu']} · nproc {info['nproc']} "
          f"(usable {info['usable_cpus']}) · RAM {info['ram_gib']} GiB · Python {info['python']} "
          f"· textual {info['textual']} · llama-cpp-python {info['llama_cpp_python']}")
    print(f"load average at start: {start_load}", flush=True)
    sections: dict[str, dict[str, Any]] = {}
    for name, argv, timeout in SECTIONS:
        print(f"  running {name}…", flush=True)
        sections[name] = run_section(name, argv, timeout)
        if "error" in sections[name]:
            print(f"  {name} FAILED: {sections[name]['error']}", flush=True)
    end_load = loadavg()
    rows = figures(sections)
    width = max(len(r[0]) for r in rows)
    print(f"\nload average at end: {end_load}")
    print()
    print(f"{'figure':<{width}}  {'value':>9}  {'target':<8}  {'':4}  reference")
    for name, value, target, note in rows:
        print(f"{name:<{width}}  {fmt(value):>9}  {target:<8}  {verdict(name, value):4}  {note}")
    print()
    print(f"wall {time.perf_counter() - began:.0f} s")
    result = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": "make bench  (.venv/bin/python bench/run.py)",
        "machine": info,
        "loadavg_start": start_load,
        "loadavg_end": end_load,
        "figures": {name: {
            "value": value, "target": target, "verdict": verdict(name, value), "reference": note,
        } for name, value, target, note in rows},
        "sections": sections,
        "wall_s": time.perf_counter() - began,
    }
    RESULTS.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
