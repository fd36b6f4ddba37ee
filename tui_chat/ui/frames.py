"""What reaches the terminal: each frame, less what the terminal already shows.

Textual repaints the whole visible region of every widget whose size or place changed,
so a reply that grows by a word rewrites every row of its message (and the log's
scrollbar), and it styles every segment on its own (``SGR text reset``) even when its
neighbour has the same style. Over SSH those bytes are the cost of streaming.

:class:`FrameFilter` sits between Textual and the terminal (:func:`filtered_driver`
wraps the driver's ``write``). A frame is a run of pieces, each an absolute cursor move
and the cells written there. The filter remembers what every piece wrote and where, and
drops a piece that writes exactly the cells the terminal already shows; a piece that
overlaps a remembered one makes it unknown again. It also drops a reset followed by the
very style it reset (the bytes differ, the screen does not). Anything it does not
understand (a write that is not a frame, an escape other than style or hyperlink inside
a piece) passes through unchanged and, where it could change the screen, forgets
everything, so the next frame is written in full.
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len

MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")
"""An absolute cursor move: each piece of a frame starts with one."""

SGR = re.compile(r"(\x1b\[[0-9;:]*m)")
"""A style (select graphic rendition)."""

_ESCAPES = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;:?]*[ -/]*[@-~]")
"""Escape sequences (OSC such as hyperlinks, and CSI), to measure a piece's cells."""

_HARMLESS = re.compile(r"\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)")
"""Escapes inside a piece that write no cell: styles and hyperlinks."""

_SCREEN_CHANGES = re.compile(r"\x1b\[[0-3]?J|\x1b\[\?(?:1049|47|1047)[hl]|\x1bc|\x1b\[\d*[LMST]")
"""Writes outside frames after which the screen is not what the filter remembers."""

RESET = ("\x1b[0m", "\x1b[m")
_SYNC = ("\x1b[?2026h", "\x1b[?2026l")
"""Textual's frame brackets (synchronized output): they move nothing."""


class FrameFilter:
    """Drops the parts of each frame that the terminal already shows (module docstring)."""

    __slots__ = ("_rows", "_cursor", "written", "sent")

    def __init__(self) -> None:
        self._rows: dict[int, dict[int, tuple[int, str]]] = {}
        self._cursor: str | None = None
        """The move that ended the last frame (where the cursor is)."""
        self.written = 0
        """Characters Textual asked to write."""
        self.sent = 0
        """Characters that reached the terminal."""

    def forget(self) -> None:
        """The screen may have changed behind the filter's back: write the next frame whole."""
        self._rows.clear()
        self._cursor = None

    def __call__(self, data: str) -> str:
        """The part of ``data`` the terminal needs."""
        self.written += len(data)
        if MOVE.match(data) is None:
            if _SCREEN_CHANGES.search(data):
                self.forget()
            elif data not in _SYNC:
                self._cursor = None  # it may have moved the cursor
            out = data
        else:
            out = self._frame(data)
        self.sent += len(out)
        return out

    def _frame(self, data: str) -> str:
        out: list[str] = []
        run: list[str] = []  # bodies of kept pieces that follow each other on one row
        run_at: tuple[int, int] | None = None  # where the run's next piece would start
        cursor_only = True
        rows = self._rows
        parts = MOVE.split(data)  # "", y, x, body, y, x, body, ...
        for index in range(1, len(parts), 3):
            row, column = int(parts[index]), int(parts[index + 1])
            body = parts[index + 2].rstrip("\n")
            visible = _ESCAPES.sub("", body)
            if visible and _HARMLESS.sub("", body) == visible:
                cells = rows.setdefault(row, {})
                width = cell_len(visible)
                if cells.get(column) == (width, body):
                    continue
                _forget_under(cells, column, column + width)
                cells[column] = (width, body)
                cursor_only = False
                if run_at != (row, column):
                    _flush(out, run, run_at)
                    run = [f"\x1b[{row};{column}H"]
                run.append(body)
                run_at = (row, column + width)
                continue
            _flush(out, run, run_at)
            run, run_at = [], None
            if visible:  # something else in there: written as it is, not remembered
                _forget_under(rows.setdefault(row, {}), column, column + cell_len(visible))
                cursor_only = False
            out.append(f"\x1b[{row};{column}H{body}")
        _flush(out, run, run_at)
        text = "".join(out)
        if cursor_only:  # nothing changed: the cursor is already where this puts it
            if text == self._cursor:
                return ""
        self._cursor = out[-1] if out and not _ESCAPES.sub("", out[-1]) else None
        return text


def _forget_under(cells: dict[int, tuple[int, str]], start: int, end: int) -> None:
    """Forget what a row's remembered pieces wrote where cells start..end are written."""
    for column in [c for c, (w, _) in cells.items() if c < end and start < c + w]:
        del cells[column]


def _flush(out: list[str], run: list[str], run_at: tuple[int, int] | None) -> None:
    """Write a run of adjacent pieces as one: one move, neighbouring styles merged."""
    if run:
        out.append(run[0] + merge_styles("".join(run[1:])))


def merge_styles(body: str) -> str:
    """``body`` without a reset that is followed by the very styles it reset.

    Rich writes each segment as ``SGR text reset``; two neighbours in one style become
    ``SGR text text reset``. The piece still ends in the reset state.
    """
    parts = SGR.split(body)  # text, sgr, text, sgr, ...
    if len(parts) < 5:
        return body
    out: list[str] = []
    state: list[str] = []  # styles set since the last reset that was written
    pending: list[str] | None = None  # styles after a reset not yet written
    for index, part in enumerate(parts):
        if index % 2:
            if part in RESET:
                if pending is not None and not pending:
                    continue
                if pending:
                    out.append(RESET[0])
                    out.extend(pending)
                    state = pending
                pending = []
            elif pending is not None:
                pending.append(part)
            else:
                out.append(part)
                state.append(part)
        elif part:
            if pending is not None:
                if pending != state:
                    out.append(RESET[0])
                    out.extend(pending)
                    state = pending
                pending = None
            out.append(part)
    if pending is not None:
        out.append(RESET[0])
        out.extend(pending)
    return "".join(out)


def filtered_driver(base: type[Any]) -> type[Any]:
    """A subclass of the driver class ``base`` whose writes go through a FrameFilter."""

    class FilteredDriver(base):  # type: ignore[misc, valid-type]
        """``base``, writing only what the terminal does not already show."""

        frame_filter = FrameFilter()

        def write(self, data: str) -> None:
            out = self.frame_filter(data)
            if out:
                super().write(out)

    FilteredDriver.__name__ = f"Filtered{base.__name__}"
    FilteredDriver.frame_filter = FrameFilter()
    return FilteredDriver
