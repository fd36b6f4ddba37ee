"""Where a streaming reply's terminal bytes go: per region of the 120x40 screen, per frame.

Textual writes each frame as pieces, each an absolute cursor move (``ESC[row;colH``)
and the cells written from there. Each piece's bytes are counted for the region of the
screen it starts in (the layout of the app at 120x40), and the pieces that arrive
together (reads of the pty less than ``gap`` apart) make one frame.
"""

from __future__ import annotations

import re
import statistics
from typing import Any

MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
SGR = re.compile(rb"\x1b\[[0-9;:]*m")

SIDEBAR_COLUMNS = 29
"""The sidebar (models, sessions) is columns 1-29 at 120x40."""
SCROLLBAR_FROM = 118
"""The log's scrollbar (and its gutter) starts at this column."""


def region(row: int, column: int, rows: int = 40) -> str:
    """The part of the 120x40 screen a piece starting at ``row``, ``column`` is in."""
    if row == 1:
        return "header"
    if row == rows:
        return "footer"
    if column <= SIDEBAR_COLUMNS:
        return "sidebar"
    if row == rows - 4:
        return "status row"
    if row > rows - 4:
        return "prompt"
    if column >= SCROLLBAR_FROM:
        return "log scrollbar"
    return "log"


def frames_of(arrivals: list[tuple[float, int]], start: int, end: int,
              gap: float) -> list[tuple[int, int]]:
    """(first byte, end byte) of each frame between ``start`` and ``end``."""
    frames: list[list[int]] = []
    last_time, last_size = None, start
    for moment, size in arrivals:
        if size <= start or last_size >= end:
            last_time, last_size = moment, max(size, start)
            continue
        if last_time is None or moment - last_time >= gap or not frames:
            frames.append([last_size, min(size, end)])
        else:
            frames[-1][1] = min(size, end)
        last_time, last_size = moment, size
    return [(a, b) for a, b in frames if b > a]


def breakdown(output: bytes, arrivals: list[tuple[float, int]], start: int, end: int,
              gap: float) -> dict[str, Any]:
    """Bytes per region, the share of styles, and the frames' sizes."""
    data = output[start:end]
    by_region: dict[str, int] = {}
    moves = list(MOVE.finditer(data))
    outside = moves[0].start() if moves else len(data)
    for index, move in enumerate(moves):
        stop = moves[index + 1].start() if index + 1 < len(moves) else len(data)
        name = region(int(move.group(1)), int(move.group(2)))
        by_region[name] = by_region.get(name, 0) + stop - move.start()
    if outside:
        by_region["outside pieces"] = outside
    frames = frames_of(arrivals, start, end, gap)
    sizes = [b - a for a, b in frames]
    rows = [len({m.group(1) for m in MOVE.finditer(output[a:b])}) for a, b in frames]
    total = max(len(data), 1)
    return {
        "bytes": len(data),
        "regions": dict(sorted(by_region.items(), key=lambda item: -item[1])),
        "style_share": round(sum(len(m) for m in SGR.findall(data)) / total, 3),
        "frames": len(frames),
        "bytes_per_frame_median": statistics.median(sizes) if sizes else 0,
        "bytes_per_frame_max": max(sizes) if sizes else 0,
        "rows_per_frame_median": statistics.median(rows) if rows else 0,
        "frames_over_30_rows": sum(1 for r in rows if r > 30),
    }


def final_screen(output: bytes, size: tuple[int, int] = (120, 40)) -> list[str]:
    """What a terminal shows after ``output`` (pyte), the status row's figures masked
    (tokens/s differs from run to run)."""
    import pyte

    screen = pyte.Screen(*size)
    pyte.ByteStream(screen).feed(output)
    lines = list(screen.display)
    status = size[1] - 5
    lines[status] = re.sub(r"\d[\d,.]*", "#", lines[status])
    return lines
