"""What reaches the terminal: each frame, less what the terminal already shows.

Textual repaints the whole visible region of every widget whose size or place changed,
so a reply that grows by a word rewrites every row of its message (and the log's
scrollbar), and it styles every segment on its own (``SGR text reset``) even when its
neighbour has the same style. Over SSH those bytes are the cost of streaming.

:class:`FrameFilter` sits between Textual and the terminal (:func:`filtered_driver`
wraps the driver's ``write``). A frame is a run of pieces, each an absolute cursor move
and the cells written from there. The filter keeps what each cell of the screen shows
(its character and style) and writes, of each piece, only the cells from the first that
differs to the last that differs, one escape sequence per run of one style. A piece the same as the last one
written at its place, with nothing written over it since, is skipped unparsed (Textual
repaints whole widgets, and repaints a region again after a layout pass that changed
nothing: most pieces of a streaming frame are repeats). Anything it
does not understand (a write that is not a frame, an escape other than a style inside a
piece) passes through unchanged and the cells it may have touched become unknown; a
write that may change the whole screen (a clear, the alternate screen) forgets them all,
so the next frame is written in full.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from rich.cells import cell_len, get_character_cell_size

MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")
"""An absolute cursor move: each piece of a frame starts with one."""

_ESCAPES = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;:?]*[ -/]*[@-~]")
"""Escape sequences (OSC such as hyperlinks, and CSI), to measure a piece's cells."""

_SCREEN_CHANGES = re.compile(r"\x1b\[[0-3]?J|\x1b\[\?(?:1049|47|1047)[hl]|\x1bc|\x1b\[\d*[LMST]")
"""Writes outside frames after which the screen is not what the filter remembers."""

RESET = ("\x1b[0m", "\x1b[m")
_SYNC = ("\x1b[?2026h", "\x1b[?2026l")
"""Textual's frame brackets (synchronized output): they move nothing."""


Cell = tuple[str, str]
"""(style, character): the style is the SGR sequences since the last reset ("" for
none); the right half of a wide character is ``(style, "")``."""

ERASE_RUN = 8
"""Blanks in a row written as an erase and a move instead of spaces (where the terminal
erases in colour)."""
GAP = 6
"""Unchanged cells between two changed ones on a row are written again when there are
at most this many: cheaper than a move and a style."""

_TOKENS = re.compile(r"(\x1b\[[0-9;:]*m)|(\x1b)|([^\x1b]+)")


class FrameFilter:
    """Writes of each frame only the cells that change (see the module docstring)."""

    __slots__ = ("_rows", "_pieces", "_cursor", "written", "sent", "erase")

    def __init__(self, erase: bool = False) -> None:
        self.erase = erase
        """Write runs of blanks as erases (see :func:`_render`)."""
        self._rows: dict[int, list[Cell | None]] = {}
        self._pieces: dict[int, dict[int, tuple[str, int]]] = {}
        """Per row, per starting column: the last piece's body and the column it ends at
        (only pieces whose cells nothing has overwritten since)."""
        self._cursor: str | None = None
        """The move that ended the last frame (where the cursor is)."""
        self.written = 0
        """Characters Textual asked to write."""
        self.sent = 0
        """Characters that reached the terminal."""

    def forget(self) -> None:
        """The screen may have changed behind the filter's back: write the next frame whole."""
        self._rows.clear()
        self._pieces.clear()
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
        span: tuple[int, int, int] | None = None  # (row, first, stop) cells to write
        parts = MOVE.split(data)  # "", y, x, body, y, x, body, ...
        last = len(parts) - 3
        cursor: str | None = None
        for index in range(1, len(parts), 3):
            row, column = int(parts[index]), int(parts[index + 1])
            body = parts[index + 2].rstrip("\n")
            if not body:
                if index == last:  # the cursor's place at the end of the frame
                    cursor = f"\x1b[{row};{column}H"
                continue
            changed = self._piece(row, column, body)
            if isinstance(changed, str):  # not understood: written as it came
                self._flush(out, span)
                span = None
                out.append(changed)
            elif changed is not None:
                first, stop = changed
                if (span is not None and span[0] == row and span[1] <= first <= span[2] + GAP
                        and None not in self._rows[row][span[2]:first]):
                    span = (row, span[1], max(stop, span[2]))
                else:
                    self._flush(out, span)
                    span = (row, first, stop)
        self._flush(out, span)
        if cursor is not None:
            if out or cursor != self._cursor:  # else it is there already
                out.append(cursor)
            self._cursor = cursor
        elif out:
            self._cursor = None
        return "".join(out)

    def _flush(self, out: list[str], span: tuple[int, int, int] | None) -> None:
        """Write a span of a row's cells (around any that became unknown meanwhile)."""
        if span is None:
            return
        row, first, stop = span
        line = self._rows[row]
        column = first
        while column < stop:
            if line[column] is None:
                column += 1
                continue
            end = column
            while end < stop and line[end] is not None:
                end += 1
            cells = line[column:end]
            out.append(f"\x1b[{row};{column + 1}H{_render(cells, self.erase)}")  # type: ignore[arg-type]
            column = end

    def _piece(self, row: int, column: int, body: str) -> str | tuple[int, int] | None:
        """The cells of one piece that change, as (first, stop) columns from 0, after
        keeping them; None when none does; the piece itself when not understood."""
        start = column - 1
        pieces = self._pieces.get(row)
        if pieces is None:
            pieces = self._pieces[row] = {}
        else:
            known = pieces.get(start)
            if known is not None and known[0] == body:
                return None  # the same as the cells there (nothing overwrote them)
        line = self._rows.setdefault(row, [])
        cells = _cells(body)
        if cells is None:  # not understood: the cells it covers become unknown
            width = cell_len(_ESCAPES.sub("", body))
            line[start:start + width] = [None] * min(width, max(0, len(line) - start))
            _overwritten(pieces, start, start + width)
            return f"\x1b[{row};{column}H{body}"
        end = start + len(cells)
        _overwritten(pieces, start, end)  # they no longer show; this one does from now on
        pieces[start] = (body, end)
        if len(line) < end:
            line.extend([None] * (end - len(line)))
        old = line[start:end]
        if old == cells:
            return None
        first, stop = 0, len(cells)
        while old[first] == cells[first]:
            first += 1
        while old[stop - 1] == cells[stop - 1]:
            stop -= 1
        while first > 0 and cells[first][1] == "":  # not from the right half of a wide char
            first -= 1
        while stop < len(cells) and cells[stop][1] == "":
            stop += 1
        if start > 0 and old[0] is not None and old[0][1] == "":
            line[start - 1] = None  # the wide character whose right half this overwrote
            _overwritten(pieces, start - 1, start)
        line[start:end] = cells
        if end < len(line) and line[end] is not None and line[end][1] == "":  # type: ignore[index]
            line[end] = None  # the right half of a wide character whose left half went
            _overwritten(pieces, end, end + 1)
        return start + first, start + stop


def _overwritten(pieces: dict[int, tuple[str, int]], first: int, stop: int) -> None:
    """Drop the remembered pieces that cover any column in ``[first, stop)``."""
    for begin in [b for b, (_, end) in pieces.items() if b < stop and end > first]:
        del pieces[begin]


def _cells(body: str) -> list[Cell] | None:
    """The cells a piece writes, or None when it holds an escape other than a style."""
    cells: list[Cell] = []
    style = ""
    for sgr, escape, text in _TOKENS.findall(body):
        if sgr:
            style = "" if sgr in RESET else style + sgr
        elif escape:
            return None
        elif text.isascii() and text.isprintable():
            cells.extend((style, ch) for ch in text)
        else:
            for ch in text:
                width = get_character_cell_size(ch)
                if width == 2:
                    cells += [(style, ch), (style, "")]
                elif width == 1:
                    cells.append((style, ch))
                elif cells and ch.isprintable():  # a combining mark joins its character
                    cells[-1] = (cells[-1][0], cells[-1][1] + ch)
                else:
                    return None
    return cells


def _render(cells: list[Cell], erase: bool = False) -> str:
    """Cells as text from the reset state back to it: where the style changes, only what
    changes is set (:func:`_transition`).

    ``erase``: the terminal erases in the current background (terminfo ``bce`` and
    ``ech``), so a run of :data:`ERASE_RUN` or more blanks is written as an erase and
    a move right instead of as spaces.
    """
    out: list[str] = []
    current = ""
    index, count = 0, len(cells)
    while index < count:
        style, ch = cells[index]
        if style != current:
            out.append(_transition(current, style))
            current = style
        if erase and ch == " " and _erasable(style):
            end = index + 1
            while end < count and cells[end] == (style, " "):
                end += 1
            if end - index >= ERASE_RUN:
                out.append(f"\x1b[{end - index}X")
                if end < count:
                    out.append(f"\x1b[{end - index}C")
                index = end
                continue
        out.append(ch)
        index += 1
    if current:
        out.append(RESET[0])
    return "".join(out)


_OFF = {22: (1, 2), 23: (3,), 24: (4, 21), 25: (5, 6), 27: (7,), 28: (8,), 29: (9,), 55: (53,)}
"""SGR codes that turn attributes off, and which."""


@functools.lru_cache(maxsize=4096)
def _state(style: str) -> tuple[str | None, str | None, str | None, frozenset[int]]:
    """What a style sets: (foreground, background, underline colour, attributes)."""
    fg = bg = ul = None
    attrs: set[int] = set()
    for sequence in re.findall(r"\x1b\[([0-9;:]*)m", style):
        params = [int(p or 0) for p in sequence.replace(":", ";").split(";")]
        index = 0
        while index < len(params):
            code = params[index]
            if code in (38, 48, 58) and index + 1 < len(params):
                size = 3 if params[index + 1] == 5 else 5
                value = ";".join(map(str, params[index:index + size]))
                fg, bg, ul = (value if code == 38 else fg, value if code == 48 else bg,
                              value if code == 58 else ul)
                index += size
                continue
            if code == 0:
                fg = bg = ul = None
                attrs.clear()
            elif 30 <= code <= 37 or 90 <= code <= 97:
                fg = str(code)
            elif 40 <= code <= 47 or 100 <= code <= 107:
                bg = str(code)
            elif code in (39, 49, 59):
                fg, bg, ul = (None if code == 39 else fg, None if code == 49 else bg,
                              None if code == 59 else ul)
            elif code in _OFF:
                attrs.difference_update(_OFF[code])
            else:
                attrs.add(code)
            index += 1
    return fg, bg, ul, frozenset(attrs)


@functools.lru_cache(maxsize=4096)
def _transition(old: str, new: str) -> str:
    """The shortest of: ``new`` after a reset, or only what differs from ``old``."""
    if not new:
        return RESET[0]
    fg, bg, ul, attrs = _state(new)
    full = f"{RESET[0] if old else ''}\x1b[{';'.join(_params(fg, bg, ul, attrs))}m"
    was_fg, was_bg, was_ul, was_attrs = _state(old)
    if not was_attrs <= attrs:
        return full
    params = [str(a) for a in sorted(attrs - was_attrs)]
    for now, was, default in ((fg, was_fg, "39"), (bg, was_bg, "49"), (ul, was_ul, "59")):
        if now != was:
            params.append(now if now is not None else default)
    delta = f"\x1b[{';'.join(params)}m" if params else ""
    return delta if len(delta) <= len(full) else full


def _params(fg: str | None, bg: str | None, ul: str | None, attrs: frozenset[int]) -> list[str]:
    return [str(a) for a in sorted(attrs)] + [c for c in (fg, bg, ul) if c is not None]


@functools.lru_cache(maxsize=256)
def _erasable(style: str) -> bool:
    """True when a blank in ``style`` looks like an erased cell: no underline, reverse,
    strike-through or overline (an erase keeps only the background)."""
    params = [int(p or 0) for p in re.findall(r"[0-9;:]+", style.replace(":", ";"))
              for p in p.split(";")]
    index = 0
    while index < len(params):
        code = params[index]
        if code in (38, 48, 58):  # a colour: 5;n or 2;r;g;b follow
            index += 3 if index + 1 < len(params) and params[index + 1] == 5 else 5
            continue
        if code in (4, 7, 9, 21, 53):
            return False
        index += 1
    return True


def terminal_erases_in_colour() -> bool:
    """True when terminfo says ``$TERM`` erases in the current background and has ECH."""
    try:
        import curses

        curses.setupterm()
        return bool(curses.tigetflag("bce") == 1 and curses.tigetstr("ech"))
    except Exception:  # noqa: BLE001 - no terminfo entry, no curses: write blanks
        return False


def filtered_driver(base: type[Any]) -> type[Any]:
    """A subclass of the driver class ``base`` whose writes go through a FrameFilter."""

    class FilteredDriver(base):  # type: ignore[misc, valid-type]
        """``base``, writing only what the terminal does not already show."""

        def write(self, data: str) -> None:
            out = self.frame_filter(data)
            if out:
                super().write(out)

    FilteredDriver.__name__ = f"Filtered{base.__name__}"
    FilteredDriver.frame_filter = FrameFilter(erase=terminal_erases_in_colour())
    return FilteredDriver
