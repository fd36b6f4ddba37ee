"""What a streaming reply leaves on a real terminal is the same with or without the frame
filter (ui.frames), following in steps (ui.widgets.follow) and --low-bandwidth, and the
filter writes fewer bytes.

The reply comes from a loopback OpenAI-compatible server (tests/servers.py BadServer)
through the real remote backend; the TUI runs in a real pty at 120x40 and a terminal
emulator (pyte) renders every byte it wrote.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pyte

from tests.e2e.ptyapp import PtyApp
from tests.servers import BadServer, REMOTE_ENTRY

END = "Qzfinalmarkerq"
STREAMING = "⟳"
"""The session list's mark of a chat whose reply is streaming."""


def document() -> list[str]:
    """About 900 token-sized pieces of Markdown: headings, lists, a code block, prose."""
    lines: list[str] = []
    for section in range(1, 7):
        lines += [f"## Section {section}", ""]
        lines += [f"Paragraph {section} says how the reply grows, word by word, until it "
                  f"wraps past the edge of the log and on to line {n}." for n in range(3)]
        lines += [""] + [f"- item {section}.{n} with a few words" for n in range(4)] + [""]
        if section % 2:
            lines += ["```python", f"def step_{section}(x):", "    return x * 2", "```", ""]
    text = "\n".join(lines) + f"\n\n{END}\n"
    return re.findall(r"\s*\S+", text) + ["\n"]


def final_screen(raw: bytes) -> list[str]:
    screen = pyte.Screen(120, 40)
    pyte.ByteStream(screen).feed(raw)
    lines = list(screen.display)
    lines[35] = re.sub(r"\d[\d,.]*", "#", lines[35])  # the status row's tok/s varies
    return lines


def run(config: Path, data_dir: Path, *, extra: list[str] = (), filtered: bool = True
        ) -> tuple[list[str], int]:
    env = dict(os.environ)
    env.pop("TUI_CHAT_FRAME_FILTER", None)
    if not filtered:
        env["TUI_CHAT_FRAME_FILTER"] = "0"
    with PtyApp(["--config", str(config), "--data-dir", str(data_dir), *extra], env=env) as app:
        app.wait_ready()
        time.sleep(1.0)  # the delayed start-up work (library scan) is done
        before = len(app.text())
        app.type("go\r")
        app.wait_for(lambda: END.encode() in app.text()[before:], 60, "the end of the reply")
        # The session list marks the chat streaming (⟳) until the reply has settled; the
        # filter may write nothing for a while before that (the final render looks the same).
        app.wait_for(lambda: STREAMING not in "\n".join(final_screen(app.text())), 30,
                     "the session list to show the reply settled")
        # Until nothing more is written for 0.4 s (the cursor blinks every 0.5 s), at most 5 s.
        quiet_since, size, deadline = time.monotonic(), len(app.text()), time.monotonic() + 5
        while time.monotonic() - quiet_since < 0.4 and time.monotonic() < deadline:
            time.sleep(0.05)
            if len(app.text()) != size:
                quiet_since, size = time.monotonic(), len(app.text())
        raw = app.text()
        app.type("\x11")  # ctrl+q
        assert app.close() == 0
    return final_screen(raw), len(raw) - before


def test_final_screen_is_the_same_with_every_way_of_writing_frames(
        write_config, tmp_path: Path) -> None:
    with BadServer() as server:
        server.configure("ok", contents=document(), models=["scripted"], interval=0.003)
        config = write_config(REMOTE_ENTRY.format(name="remote", url=server.base_url),
                              head='default_model = "remote"\n')
        plain, plain_bytes = run(config, tmp_path / "plain", filtered=False)
        filtered, filtered_bytes = run(config, tmp_path / "filtered")
        low, low_bytes = run(config, tmp_path / "low", extra=["--low-bandwidth"])
    shown = "\n".join(plain)
    assert END in shown and "def step_5(x):" in shown  # the end of the reply is on screen
    assert filtered == plain
    assert low == plain
    # How many frames a run takes depends on the machine's speed (the pacing adapts), so
    # the two filtered runs are not compared with each other, only with the plain one.
    assert filtered_bytes < 0.7 * plain_bytes, (filtered_bytes, plain_bytes)
    assert low_bytes < 0.7 * plain_bytes, (low_bytes, plain_bytes)
