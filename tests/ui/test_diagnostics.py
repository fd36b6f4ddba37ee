"""The diagnostics screen (F2 / palette) during and after real SmolLM2 streams.

Inference is real (the embedded SmolLM2 GGUF); nothing waits with a fixed sleep:
``wait_until`` (tests/ui/helpers.py) polls with ``pilot.pause``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Log, Sparkline, Static, TabbedContent

from tests.conftest import NO_EOG, SMOLLM2_ENTRY, env_without_tui_chat
from tests.ui.helpers import no_reply_streaming, wait_until
from tui_chat.core.chat import LiveStream, SeenFallback
from tui_chat.core.diagnostics import LiveSampler, LogTail, fallback_rows, live_rows
from tui_chat.core.events import FallbackRecord, FallbackTrigger
from tui_chat.core.metrics import StreamClock
from tui_chat.core.runtime import Runtime
from tui_chat.ui.app import TuiChatApp
from tui_chat.ui.screens.diagnostics import DiagnosticsScreen, sync_table
from tui_chat.ui.widgets.prompt import PromptInput

REPO = Path(__file__).resolve().parents[2]
STORY = "Write a very long story about a dragon and a knight, with many chapters."


def smollm2(max_tokens: int, seed: int = 2) -> str:
    """A smollm2 entry with its own generation limits (independent of conftest's).

    End of generation is banned, so every reply runs to ``max_tokens`` on any CPU.
    """
    return SMOLLM2_ENTRY + (f"[models.generate]\nmax_tokens = {max_tokens}\nseed = {seed}\n"
                            f"temperature = 0.7\n{NO_EOG}\n")


GHOST = """
[[models]]
name = "ghost"
role = "chat"
backend = "llama"
repo = "example/ghost"
file = "ghost.Q4_K_M.gguf"
size = 1000000

[router.prefer]
chat = ["ghost"]
"""


async def send(pilot: Pilot[Any], app: TuiChatApp, text: str) -> None:
    """Type-free send: load the prompt and press Enter."""
    prompt = app.query_one(PromptInput)
    prompt.cursor_blink = False
    prompt.focus()
    prompt.load_text(text)
    await pilot.press("enter")


def column(table: DataTable[Any], key: str) -> list[str]:
    """The plain text of one column, top to bottom."""
    return [str(getattr(cell, "plain", cell)) for cell in table.get_column(key)]


def row_dict(table: DataTable[Any], index: int) -> dict[str, str]:
    """Row ``index`` as {column key: plain text}."""
    cells = table.get_row_at(index)
    keys = [c.key.value for c in table.ordered_columns]
    return {k: str(getattr(v, "plain", v)) for k, v in zip(keys, cells, strict=True)}


def diagnostics(app: TuiChatApp) -> DiagnosticsScreen:
    screen = app.screen
    assert isinstance(screen, DiagnosticsScreen)
    return screen


# --------------------------------------------------------------------------- real streams


@pytest.mark.slow
async def test_live_figures_while_streaming_then_the_stored_row(
    make_runtime: Callable[..., Runtime],
) -> None:
    runtime = make_runtime(smollm2(max_tokens=400), smollm2=False)
    app = TuiChatApp(runtime)
    service = runtime.service
    async with app.run_test(size=(120, 40)) as pilot:
        await send(pilot, app, STORY)
        await wait_until(pilot, lambda: any(s.clock.tokens
                                            for s in service.live_streams().values()),
                         what="the first streamed token")
        await pilot.press("f2")
        screen = diagnostics(app)
        spark = screen.query_one("#live-rate", Sparkline)
        label = screen.query_one("#live-label", Static)

        # Live while the stream is still in progress.
        seen: dict[str, object] = {}

        def live_figures() -> bool:
            data = list(spark.data or [])
            streaming = bool(service.live_streams())
            if streaming and data and max(data) > 0 and "smollm2" in str(label.content):
                seen.update(data=data, label=str(label.content), streaming=streaming)
                return True
            return False

        await wait_until(pilot, live_figures, timeout=30, what="live tokens/s samples")
        assert seen["streaming"] is True
        assert "tok/s" in str(seen["label"]) and "tokens" in str(seen["label"])

        # The request in progress is the top row of the requests table, updated in place.
        table = screen.query_one("#requests", DataTable)
        counts: list[int] = []

        def live_row_grows() -> bool:
            if not service.live_streams() or table.row_count == 0:
                return False
            top = row_dict(table, 0)
            if top["finish"] == "streaming" and top["model"] == "smollm2" \
                    and top["session"].startswith(f"{app.chat.session_id} "):  # id and title
                if not counts or int(top["completion"]) > counts[-1]:
                    counts.append(int(top["completion"]))
            return len(counts) >= 2

        await wait_until(pilot, live_row_grows, timeout=30, what="a growing live row")
        assert 0 < counts[0] < counts[-1]

        # Stop it the way a user would (Esc closes the screen, Esc stops the reply),
        # then reopen: the stored request is the top row, with its real figures.
        await pilot.press("escape")
        assert not isinstance(app.screen, DiagnosticsScreen)
        await pilot.press("escape")
        idle = no_reply_streaming(app)
        await wait_until(pilot, lambda: idle() and not service.live_streams(), timeout=30,
                         what="the reply to stop")
        await pilot.press("f2")
        screen = diagnostics(app)
        label = screen.query_one("#live-label", Static)
        table = screen.query_one("#requests", DataTable)
        await wait_until(pilot, lambda: table.row_count >= 1, timeout=10,
                         what="the request row")
        row = row_dict(table, 0)
        assert row["model"] == "smollm2"
        assert 0 < int(row["completion"]) < 400
        assert float(row["ttft"]) > 0 and float(row["rate"]) > 0
        assert float(row["total"]) >= float(row["ttft"])
        assert row["finish"] == "cancelled"
        assert row["fallback"] == "-"
        assert "No reply is streaming" in str(label.content)

        # Models tab: the model is resident with its load figures.
        await pilot.press("m")
        models = screen.query_one("#models-table", DataTable)
        assert screen.query_one("#diag-tabs", TabbedContent).active == "models-pane"
        smol = row_dict(models, column(models, "model").index("smollm2"))
        assert smol["status"] == "loaded"
        assert smol["ctx"] == "2048" and smol["gpu"] in ("0", "-1")
        assert "MB" in smol["memory"] and float(smol["load"]) > 0

        # Log tab: the tail shows this run's log lines, sanitised.
        await pilot.press("l")
        tail = screen.query_one("#log-tail", Log)
        await wait_until(pilot, lambda: any("loaded smollm2" in line for line in tail.lines),
                         timeout=10, what="the load line in the log pane")

        # System tab: versions and llama.cpp facts.
        await pilot.press("s")
        facts = screen.query_one("#system-facts", Static)
        await wait_until(pilot, lambda: "llama-cpp-python" in str(facts.content), timeout=20,
                         what="system facts")
        text = str(facts.content)
        for needle in ("textual", "huggingface_hub", "GPU offload", "llama.cpp system info",
                       str(runtime.config.models_dir), str(runtime.data_dir)):
            assert needle in text

        await pilot.press("escape")
        assert not isinstance(app.screen, DiagnosticsScreen)


@pytest.mark.slow
async def test_fallback_shows_on_screen_and_in_stats_json(
    make_runtime: Callable[..., Runtime],
) -> None:
    body = smollm2(max_tokens=8) + GHOST
    runtime = make_runtime(body, smollm2=False)
    app = TuiChatApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await send(pilot, app, "hello there, how are you?")
        await wait_until(
            pilot,
            lambda: runtime.diagnostics.request_records(1) and no_reply_streaming(app)()
            and not runtime.service.live_streams(),
            timeout=60, what="the reply to finish",
        )
        # Open it from the command palette this time.
        await pilot.press("ctrl+p")
        await pilot.press(*"diagnostics")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette)
                         and app.screen.query_one(CommandList).option_count > 0,
                         timeout=10, what="the palette hit")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DiagnosticsScreen), timeout=10,
                         what="the diagnostics screen")
        screen = diagnostics(app)
        fallbacks = screen.query_one("#fallbacks", DataTable)
        await wait_until(pilot, lambda: fallbacks.row_count >= 1, timeout=10,
                         what="a fallback row")
        row = row_dict(fallbacks, 0)
        assert row["model"] == "ghost" and row["trigger"] == "missing"
        assert "tui-chat download ghost" in row["message"]
        assert row["request"].startswith("#")  # the stored request, not a duplicate
        assert fallbacks.row_count == 1
        tab = screen.query_one("#diag-tabs", TabbedContent).get_tab("fallbacks-pane")
        assert "Fallbacks (1)" in tab.label_text
        requests = screen.query_one("#requests", DataTable)
        top = row_dict(requests, 0)
        assert top["fallback"] == "ghost missing" and top["model"] == "smollm2"
        assert top["finish"] in ("stop", "length") and 0 < int(top["completion"]) <= 8
        assert top["route"].startswith("chat")

        # Readable at 80x24: the tab strip and a table body fit.
        assert screen.query_one("#diag-tabs").region.height >= 15
        assert requests.region.width <= 80 and requests.region.height >= 10

    result = subprocess.run(
        [sys.executable, "-m", "tui_chat", "stats", "--json", "--last", "1",
         "--config", str(runtime.config.path), "--data-dir", str(runtime.data_dir)],
        capture_output=True, text=True, timeout=60, env=env_without_tui_chat(), cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    assert item["model"] == "smollm2"
    (fallback,) = item["fallbacks"]
    assert (fallback["model"], fallback["trigger"]) == ("ghost", "missing")
    assert fallback["message"].startswith("ghost ")
    assert item["route_reason"].startswith("chat")


# --------------------------------------------------------------------------- the parts


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="t")


async def test_sync_table_updates_in_place_and_keeps_order() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.query_one(DataTable)
        table.add_column("a", key="a")
        table.add_column("b", key="b")
        shown: dict[str, tuple[str, ...]] = {}
        shown = sync_table(table, ("a", "b"), [("r2", ("2", "x")), ("r1", ("1", "y"))], shown)
        assert [r.key.value for r in table.ordered_rows] == ["r2", "r1"]
        columns_before = list(table.columns)
        # A new row on top, one changed cell, one row gone.
        shown = sync_table(table, ("a", "b"), [("r3", ("3", "z")), ("r2", ("2", "X"))], shown)
        await pilot.pause()
        assert [r.key.value for r in table.ordered_rows] == ["r3", "r2"]
        assert table.get_cell("r2", "b").plain == "X"
        assert list(table.columns) == columns_before
        assert set(shown) == {"r3", "r2"}


def test_live_sampler_rates_and_reset() -> None:
    sampler = LiveSampler()
    clock = StreamClock()
    clock.started = 100.0
    clock.tokens = 10
    clock.first = 100.5
    figures = sampler.sample({1: LiveStream("smollm2", 3, clock)}, now=101.0)
    assert figures is not None and figures.rate == pytest.approx(10.0)
    assert figures.models == ("smollm2",) and figures.ttft_ms == pytest.approx(500.0)
    clock.tokens = 30
    assert sampler.sample({1: LiveStream("smollm2", 3, clock)},
                          now=102.0).rate == pytest.approx(20.0)
    assert list(sampler.samples) == pytest.approx([10.0, 20.0])
    assert sampler.sample({}) is None
    assert list(sampler.samples) == pytest.approx([10.0, 20.0])  # kept after the stream
    fresh = StreamClock()
    fresh.started, fresh.tokens = 200.0, 4
    sampler.sample({2: LiveStream("other", None, fresh)}, now=202.0)
    assert list(sampler.samples) == pytest.approx([2.0])  # a new burst starts over


def test_live_rows_name_the_model_and_session_of_each_stream() -> None:
    sampler = LiveSampler()
    one, two, three = StreamClock(), StreamClock(), StreamClock()
    one.started = two.started = three.started = 100.0
    one.tokens, two.tokens, three.tokens = 5, 7, 2
    # Two streams on one model, in different sessions, plus one not stored.
    figures = sampler.sample({1: LiveStream("smollm2", 11, one),
                              2: LiveStream("smollm2", 12, two),
                              3: LiveStream("coder", None, three)}, now=101.0)
    assert figures is not None and figures.models == ("smollm2", "coder")
    titles = {11: "Sea poems", 12: "A \x1b[2Jvery long title about dragons and knights"}
    rows = live_rows(figures, wall=1000.0, titles=titles)
    assert [(key, cells[2], cells[3], cells[5]) for key, cells in rows] == [
        ("live3", "-", "coder", "2"),
        ("live2", "12 A very long title ab…", "smollm2", "7"),  # sanitised, cut
        ("live1", "11 Sea poems", "smollm2", "5")]
    # Without titles (the history unreadable) the ids alone tell them apart.
    assert [cells[2] for _, cells in live_rows(figures, wall=1000.0)] == ["-", "12", "11"]


def test_log_tail_reads_only_new_bytes_and_sanitises(tmp_path: Path) -> None:
    path = tmp_path / "tui-chat.log"
    path.write_text("old line\n", encoding="utf-8")
    tail = LogTail(path, backlog=1024)
    assert tail.read() == ["old line"]
    assert tail.read() == []
    with path.open("a", encoding="utf-8") as handle:
        handle.write("model said \x1b]52;c;cHduZWQ=\x07 hi\npartial")
    assert tail.read() == ["model said  hi"]
    with path.open("a", encoding="utf-8") as handle:
        handle.write(" end\n")
    assert tail.read() == ["partial end"]
    path.write_text("rotated\n", encoding="utf-8")  # shorter: a rotation
    assert tail.read() == ["rotated"]


def test_fallback_rows_show_each_trigger_once() -> None:
    ghost = FallbackRecord("ghost", FallbackTrigger.MISSING, "ghost is not downloaded.")
    big = FallbackRecord("big", FallbackTrigger.LOAD_ERROR, "boom")
    stored = [{"id": 7, "time": 1000.0, "session_id": 3,
               "fallbacks": [ghost.as_dict(), big.as_dict()]}]
    logged = [SeenFallback(1000.1, 3, ghost), SeenFallback(1000.2, 3, big),
              SeenFallback(1001.0, 4, ghost)]
    rows = fallback_rows(stored, logged, streaming=True)
    assert [cells[1] for _, cells in rows] == ["in progress", "#7", "#7"]
    assert {cells[3] for _, cells in rows} == {"missing", "load_error"}


def test_bindings_have_ids_descriptions_and_no_clash_with_the_app() -> None:
    ids = [b.id for b in DiagnosticsScreen.BINDINGS]
    assert all(ids) and all(b.description for b in DiagnosticsScreen.BINDINGS)
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {b.id for b in TuiChatApp.BINDINGS}
    closing = next(b for b in DiagnosticsScreen.BINDINGS if b.id == "diagnostics_close")
    assert {"escape", "f2"} <= set(closing.key.split(","))
