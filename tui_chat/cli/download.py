"""``tui-chat download NAME... | --all``: fetch model files from the Hugging Face Hub.

One progress line per file on stderr (redrawn in place on a terminal, a few plain lines
otherwise), one result line per file on stdout, one line per failure on stderr, then a
summary. Exits 1 when any file failed.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from tui_chat.cli.common import fail
from tui_chat.core.config import ModelSpec
from tui_chat.core.errors import TuiChatError
from tui_chat.core.library.download import (
    DownloadResult,
    Downloader,
    Progress,
    downloadable_models,
    skip_reason,
)
from tui_chat.core.units import format_bytes, format_duration

if TYPE_CHECKING:
    from tui_chat.core.runtime import Runtime

log = logging.getLogger(__name__)

BAR_CELLS = 24
REDRAW_S = 0.1
PLAIN_STEP = 0.25


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register the ``download`` subcommand."""
    parser = sub.add_parser(
        "download",
        parents=[common],
        help="download model files from the Hugging Face Hub",
        description=(
            "Download GGUF files into models_dir, check their sha256 and mark them verified. "
            "Set HF_TOKEN (or run `hf auth login`) for gated repos."
        ),
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="catalog names of the models")
    parser.add_argument(
        "--all", action="store_true", help="every llama model that has a Hugging Face repo"
    )


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Download the chosen models; 0 when every one succeeded or was skipped."""
    specs_or_error = _choose(args, runtime)
    if isinstance(specs_or_error, int):
        return specs_or_error
    downloader = Downloader(runtime.catalog, min_interval=REDRAW_S)
    tally = _Tally()
    for spec in specs_or_error:
        _download_one(downloader, spec, tally, runtime)
    print(tally.summary())
    return 1 if tally.failed else 0


# --------------------------------------------------------------------------- steps


def _choose(args: argparse.Namespace, runtime: Runtime) -> list[ModelSpec] | int:
    """The specs to handle, or an exit code after printing why there are none."""
    config = runtime.config
    if args.all and args.names:
        return fail("pass model names or --all, not both.")
    if args.all:
        specs = downloadable_models(config)
        if not specs:
            print("Nothing to download: no llama model in the config has a repo.")
            return 0
        return specs
    if not args.names:
        return fail("name the models to download (see `tui-chat models`) or pass --all.")
    known = config.names()
    unknown = [name for name in args.names if name not in known]
    if unknown:
        listed = ", ".join(repr(n) for n in unknown)
        return fail(f"unknown model {listed}; choose from: {', '.join(known)}.")
    return [config.model(name) for name in dict.fromkeys(args.names)]


def _download_one(downloader: Downloader, spec: ModelSpec, tally: _Tally, runtime: Runtime) -> None:
    """Download one model, printing its progress and outcome."""
    note = skip_reason(spec)
    if note is not None:
        print(f"note: {note}")
        tally.skipped.append(spec.name)
        return
    line = ProgressLine(spec.name, sys.stderr)
    try:
        result = downloader.download(spec, on_progress=line.update)
    except KeyboardInterrupt:
        line.close()
        raise
    except TuiChatError as exc:
        line.close()
        print(f"tui-chat: {exc}", file=sys.stderr)
        tally.failed.append(spec.name)
        return
    except Exception as exc:  # noqa: BLE001 - one line per file, traceback to the log
        line.close()
        log.exception("download of %s crashed", spec.name)
        print(
            f"tui-chat: {spec.name}: unexpected {type(exc).__name__}: {exc}; "
            f"details are in {runtime.log_path}.",
            file=sys.stderr,
        )
        tally.failed.append(spec.name)
        return
    line.close()
    print(_outcome(result))
    tally.add(result)


def _outcome(result: DownloadResult) -> str:
    """One stdout line for a finished file."""
    size = format_bytes(result.size)
    if not result.fetched:
        return f"{result.name}: already verified ({size}) {result.path}"
    if result.verified:
        return f"{result.name}: downloaded and verified ({size}) {result.path}"
    return f"{result.name}: downloaded ({size}) {result.path}; no sha256 was published to verify it"


@dataclass
class _Tally:
    """Names per outcome, for the summary."""

    fetched: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, result: DownloadResult) -> None:
        (self.fetched if result.fetched else self.present).append(result.name)

    def summary(self) -> str:
        parts = [
            f"{len(self.fetched)} downloaded",
            f"{len(self.present)} already verified",
            f"{len(self.skipped)} skipped",
            f"{len(self.failed)} failed",
        ]
        text = "Summary: " + ", ".join(parts)
        return text + (f" ({', '.join(self.failed)})." if self.failed else ".")


# --------------------------------------------------------------------------- progress line


class ProgressLine:
    """Draws one model's progress: redrawn with ``\\r`` on a terminal, sparse lines otherwise."""

    def __init__(
        self,
        label: str,
        stream: TextIO,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = stream
        self.tty = _is_tty(stream) if tty is None else tty
        self._clock = clock
        self._last_draw = float("-inf")
        self._width = 0
        self._phase = ""
        self._next_step = 0.0

    def update(self, progress: Progress) -> None:
        """Show ``progress`` (throttled)."""
        if self.tty:
            self._redraw(progress)
        else:
            self._plain(progress)

    def close(self) -> None:
        """End the line so later output starts on a fresh one."""
        if self.tty and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def _redraw(self, progress: Progress) -> None:
        now = self._clock()
        finished = progress.fraction == 1.0
        if progress.phase == self._phase and not finished and now - self._last_draw < REDRAW_S:
            return
        self._phase, self._last_draw = progress.phase, now
        columns = shutil.get_terminal_size((80, 24)).columns
        text = _bar_text(self.label, progress)[: max(columns - 1, 20)]
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def _plain(self, progress: Progress) -> None:
        fraction = progress.fraction
        if progress.phase != self._phase:
            self._phase, self._next_step = progress.phase, 0.0
            if progress.phase == "verify":
                self._emit(f"{self.label}: verifying sha256")
                return
        if progress.phase == "verify" or fraction is None or fraction < self._next_step:
            return
        while self._next_step <= fraction:
            self._next_step += PLAIN_STEP
        self._emit(f"{self.label}: {_figures(progress)}")

    def _emit(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


def _bar_text(label: str, progress: Progress) -> str:
    fraction = progress.fraction or 0.0
    filled = int(fraction * BAR_CELLS)
    bar = "#" * filled + "-" * (BAR_CELLS - filled)
    if progress.phase == "verify":
        return f"{label} [{bar}] verifying sha256 {fraction:4.0%}"
    return f"{label} [{bar}] {_figures(progress)}"


def _figures(progress: Progress) -> str:
    """``37% 1.6 GB/4.4 GB 12.3 MB/s ETA 40s``."""
    done = format_bytes(progress.done)
    amount = f"{done}/{format_bytes(progress.total)}" if progress.total else done
    parts = [amount, f"{format_bytes(progress.speed_bps)}/s"]
    if progress.fraction is not None:
        parts.insert(0, f"{progress.fraction:4.0%}")
    if progress.eta_s is not None and progress.fraction != 1.0:
        parts.append(f"ETA {format_duration(progress.eta_s)}")
    return " ".join(parts)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
