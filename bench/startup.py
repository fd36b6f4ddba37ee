"""startup_s, rss_mb and the import-time check: the real TUI in a pseudo-terminal.

``python -m tui_chat --config ... --data-dir <tmp>`` is spawned on a pty (the harness of
tests/e2e/ptyapp.py), every byte it writes is time-stamped as it arrives.

- first frame: process start (just before spawn) to the footer's "Quit" hint.
- prompt ready: a character typed at the first frame is echoed by the prompt.
- llama is lazy: /proc/<pid>/maps is read at the first frame and must not map libllama.
- rss: VmRSS of the child when idle with no model, then after loading smollm2 from the
  sidebar (ctrl+o, End, l) and seeing "loaded in" on screen: the app's process plus the
  model process it started (llama.cpp runs there).
- import time: ``python -X importtime`` of the same start-up path run headless until its
  first frame; the top-level imports with the largest cumulative cost are listed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import ROOT, isolate_env, median, write_config  # noqa: E402
from tests.e2e.ptyapp import PtyApp  # noqa: E402

ECHO = "§"
PROBE = r'''
import sys, time
from tui_chat.__main__ import build_parser
args = build_parser().parse_args(["--config", sys.argv[1], "--data-dir", sys.argv[2]])
from tui_chat.core.runtime import Runtime
runtime = Runtime.open(config_path=args.config, data_dir=args.data_dir)
from tui_chat.ui.app import TuiChatApp
app = TuiChatApp(runtime)
async def first_frame(pilot):
    await pilot.pause()
    print("LLAMA_LOADED=%s" % ("llama_cpp" in sys.modules), file=sys.stderr)
    app.exit()
app.run(headless=True, auto_pilot=first_frame)
runtime.close()
'''


class TimedPty(PtyApp):
    """PtyApp that also records when each piece of output arrived."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.arrivals: list[tuple[float, int]] = []
        super().__init__(*args, **kwargs)

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.perf_counter()
            with self._lock:
                self.output.extend(data)
                self.arrivals.append((now, len(self.output)))

    def when(self, marker: bytes, start: int = 0) -> float | None:
        """When ``marker`` first appeared at or after byte ``start`` (None: not yet)."""
        with self._lock:
            index = self.output.find(marker, start)
            if index < 0:
                return None
            end = index + len(marker)
            return next(t for t, size in self.arrivals if size >= end)

    def wait_marker(self, marker: bytes, start: int = 0, timeout: float = 60) -> float:
        """Poll (5 ms) until ``marker`` shows; returns its arrival time."""
        deadline = time.perf_counter() + timeout
        while True:
            found = self.when(marker, start)
            if found is not None:
                return found
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited before {marker!r}: {self.text()[-500:]!r}")
            if time.perf_counter() > deadline:
                raise RuntimeError(f"timed out waiting for {marker!r}; the screen's last "
                                   f"output: {self.text()[-500:]!r}")
            time.sleep(0.005)


def vm_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def child_pids(pid: int) -> list[int]:
    """The direct children of ``pid`` (the model processes of the app)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found.extend(int(p) for p in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def maps_llama(pid: int) -> bool:
    """True when libllama is mapped into ``pid``."""
    return "libllama" in Path(f"/proc/{pid}/maps").read_text()


def child_env(root: Path) -> dict[str, str]:
    """The environment for the app: no user config, temp XDG dirs, offline."""
    env = dict(os.environ)
    env.pop("TUI_CHAT_CONFIG", None)
    env.pop("TUI_CHAT_DATA_DIR", None)
    env.update({"XDG_CONFIG_HOME": str(root / "xdg-config"), "XDG_DATA_HOME": str(root / "xdg-data"),
                "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT),
                "HF_HOME": str(root / "hf")})  # the model list stays the config's (no HF cache)
    return env


def one_start(root: Path, config: Path, index: int, measure_rss: bool) -> dict[str, Any]:
    """Spawn the TUI once; time first frame and prompt echo; optionally RSS with a load."""
    data = root / f"data{index}"
    started = time.perf_counter()
    app = TimedPty(["--config", str(config), "--data-dir", str(data)], env=child_env(root),
                   cwd=ROOT)
    result: dict[str, Any] = {}
    try:
        first = app.wait_marker(b"Quit")
        result["first_frame_s"] = first - started
        result["llama_mapped_at_first_frame"] = maps_llama(app.proc.pid)
        mark = len(app.text())
        typed = time.perf_counter()
        os.write(app.master, ECHO.encode())
        echoed = app.wait_marker(ECHO.encode(), mark)
        result["prompt_ready_s"] = echoed - started
        result["echo_ms"] = (echoed - typed) * 1000
        os.write(app.master, b"\x7f")  # backspace: leave the prompt empty
        if measure_rss:
            time.sleep(1.0)
            result["rss_idle_mb"] = vm_rss_mb(app.proc.pid)
            result["llama_mapped_idle"] = maps_llama(app.proc.pid)
            mark = len(app.text())
            load_started = time.perf_counter()
            app.type("\x0f")  # ctrl+o: the model list
            app.type("\x1b[F")  # End: the last row (smollm2)
            app.type("l")
            # Under run.py's 120 s budget for the section, so a stuck load says where it stuck.
            app.wait_marker(b"loaded in", mark, timeout=60)
            result["load_from_sidebar_s"] = time.perf_counter() - load_started
            time.sleep(1.0)
            models = child_pids(app.proc.pid)
            result["rss_app_loaded_mb"] = vm_rss_mb(app.proc.pid)
            result["rss_model_process_mb"] = sum(vm_rss_mb(pid) for pid in models)
            result["rss_loaded_mb"] = result["rss_app_loaded_mb"] + result["rss_model_process_mb"]
            result["model_processes"] = len(models)
            result["llama_mapped_loaded"] = maps_llama(app.proc.pid)
            result["llama_mapped_in_model_process"] = any(maps_llama(pid) for pid in models)
    finally:
        os.write(app.master, b"\x11")  # ctrl+q
        result["exit_code"] = app.close(timeout=20)
    return result


def import_profile(root: Path, config: Path) -> dict[str, Any]:
    """``-X importtime`` of the start-up path, run headless to its first frame."""
    probe = root / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(probe), str(config), str(root / "probe-data")],
        capture_output=True, text=True, env=child_env(root), cwd=ROOT, timeout=120,
    )
    wall = time.perf_counter() - started
    top: list[tuple[str, int]] = []
    by_package: dict[str, int] = {}
    total = 0
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
    for line in proc.stderr.splitlines():
        match = pattern.match(line)
        if not match:
            continue
        package = match.group(4).split(".")[0]
        by_package[package] = by_package.get(package, 0) + int(match.group(1))
        if len(match.group(3)) == 1:  # top-level imports only
            cumulative = int(match.group(2))
            total += cumulative
            top.append((match.group(4), cumulative))
    top.sort(key=lambda item: -item[1])
    packages = sorted(by_package.items(), key=lambda item: -item[1])
    loaded = re.search(r"LLAMA_LOADED=(\w+)", proc.stderr)
    return {
        "total_import_ms": total / 1000,
        "top_imports_ms": [[name, round(us / 1000, 1)] for name, us in top[:6]],
        "self_ms_by_package": [[name, round(us / 1000, 1)] for name, us in packages[:10]],
        "llama_cpp_imported_before_first_frame": loaded.group(1) == "True" if loaded else None,
        "probe_wall_s": wall,
        "probe_exit": proc.returncode,
    }


def bench(runs: int) -> dict[str, Any]:
    """Spawn the TUI ``runs`` times (RSS on the last one) and profile its imports."""
    with tempfile.TemporaryDirectory(prefix="tui-chat-bench-start-") as tmp:
        root = Path(tmp)
        config = write_config(root / "cfg", "temperature = 0.7\nmax_tokens = 64")
        starts = [one_start(root, config, i, measure_rss=(i == runs - 1)) for i in range(runs)]
        imports = import_profile(root, config)
    last = starts[-1]
    return {
        "startup_first_frame_s": median([s["first_frame_s"] for s in starts]),
        "startup_prompt_ready_s": median([s["prompt_ready_s"] for s in starts]),
        "echo_ms": median([s["echo_ms"] for s in starts]),
        "llama_mapped_at_first_frame": any(s["llama_mapped_at_first_frame"] for s in starts),
        "rss_idle_mb": last.get("rss_idle_mb"),
        "rss_loaded_mb": last.get("rss_loaded_mb"),
        "rss_app_loaded_mb": last.get("rss_app_loaded_mb"),
        "rss_model_process_mb": last.get("rss_model_process_mb"),
        "model_processes": last.get("model_processes"),
        "llama_mapped_in_model_process": last.get("llama_mapped_in_model_process"),
        "load_from_sidebar_s": last.get("load_from_sidebar_s"),
        "llama_mapped_idle": last.get("llama_mapped_idle"),
        "llama_mapped_loaded": last.get("llama_mapped_loaded"),
        "imports": imports,
        "runs": starts,
    }


def main() -> None:
    """Print the result as one JSON line."""
    isolate_env()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(json.dumps(bench(runs)))


if __name__ == "__main__":
    main()
