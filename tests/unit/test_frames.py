"""The frame filter (ui.frames): the terminal ends up showing exactly what Textual drew,
with fewer bytes. A terminal emulator (pyte) renders both streams and the cells
(characters, colours, attributes) are compared after every frame."""

from __future__ import annotations

import random
import re

import pyte
import pytest
from rich.cells import cell_len
from rich.style import Style

from tui_chat.ui.frames import FrameFilter

COLS, ROWS = 60, 12
STYLES = [Style(color="grey85", bgcolor="grey11"), Style(color="cyan", bgcolor="grey11"),
          Style(bold=True, color="yellow"), Style(italic=True, bgcolor="grey15"),
          Style(underline=True), Style(reverse=True), Style()]
PIECE = re.compile(r"\x1b\[\d+;\d+H(?:(?!\x1b\[\d+;\d+H).)*", re.S)
WORDS = ["the", "reply", "grows", "│", "█", "═", "日本", "naïve", "   ", "x", "—", "→",
         " " * 12]


def cells(screen: pyte.Screen) -> list[list[tuple[object, ...]]]:
    return [[tuple(screen.buffer[y][x]) for x in range(COLS)] for y in range(ROWS)]


def piece(rng: random.Random) -> str:
    """One Textual-like piece: a move, then segments each written as SGR text reset."""
    row, column = rng.randint(1, ROWS), rng.randint(1, COLS - 12)
    out, width = [f"\x1b[{row};{column}H"], 0
    for _ in range(rng.randint(1, 4)):
        text = rng.choice(WORDS)
        if width + len(text) * 2 > COLS - column:
            break
        width += len(text)
        style = rng.choice(STYLES)
        out.append(style.render(text, color_system="256") if style else text)
    return "".join(out)


def span(part: str) -> tuple[int, range]:
    move = re.match(r"\x1b\[(\d+);(\d+)H", part)
    assert move is not None
    row, column = int(move.group(1)), int(move.group(2))
    text = re.sub(r"\x1b\[[0-9;]*m", "", part[move.end():])
    return row, range(column - 1, column + cell_len(text) + 1)  # and a cell either side


def frame(rng: random.Random, previous: list[str]) -> str:
    """A frame: new pieces, and often pieces of the last frame again (unchanged cells).

    As in Textual's frames, no two pieces of one frame write the same cell (a later
    frame may write over any part of an earlier one, wide characters included)."""
    candidates = [p for p in previous if rng.random() < 0.6]
    candidates += [piece(rng) for _ in range(rng.randint(1, 6))]
    rng.shuffle(candidates)
    parts, taken = [], set()
    for part in candidates:
        row, columns = span(part)
        cells = {(row, c) for c in columns}
        if not cells & taken:
            parts.append(part)
            taken |= cells
    return "".join(parts) + f"\x1b[{rng.randint(1, ROWS)};{rng.randint(1, COLS)}H"


@pytest.mark.parametrize("erase", [False, True])
def test_the_filtered_stream_shows_the_same_cells_after_every_frame(erase: bool) -> None:
    rng = random.Random(20)
    plain, filtered = pyte.Screen(COLS, ROWS), pyte.Screen(COLS, ROWS)
    feed_plain, feed_filtered = pyte.Stream(plain), pyte.Stream(filtered)
    frames = FrameFilter(erase=erase)
    previous: list[str] = []
    for index in range(400):
        data = frame(rng, previous)
        previous = PIECE.findall(data)
        if index % 97 == 50:  # the screen is cleared behind the pieces' backs
            data_clear = "\x1b[2J"
            feed_plain.feed(data_clear)
            feed_filtered.feed(frames(data_clear))
        feed_plain.feed(data)
        feed_filtered.feed(frames(data))
        assert cells(filtered) == cells(plain), f"frame {index}"
        assert (filtered.cursor.x, filtered.cursor.y) == (plain.cursor.x, plain.cursor.y)
    assert frames.sent < 0.9 * frames.written  # it did leave bytes out


def test_an_unchanged_frame_writes_nothing_and_a_forgotten_screen_is_written_whole() -> None:
    frames = FrameFilter()
    data = "\x1b[3;5H" + Style(color="red").render("hello", color_system="256") + "\x1b[1;1H"
    assert frames(data) != ""
    assert frames(data) == ""  # the same cells again, the cursor where it was
    frames.forget()
    assert "hello" in frames(data)


def test_only_the_changed_cells_of_a_row_are_written() -> None:
    frames = FrameFilter()
    grey = Style(color="grey85", bgcolor="grey11")
    frames("\x1b[2;1H" + grey.render("the reply grows", color_system="256"))
    out = frames("\x1b[2;1H" + grey.render("the reply grows on", color_system="256"))
    assert out.startswith("\x1b[2;16H") and "the reply" not in out and " on" in out


def test_a_row_drawn_in_other_pieces_but_showing_the_same_is_not_written() -> None:
    frames = FrameFilter()
    frames("\x1b[5;1H" + "left|right")
    assert frames("\x1b[5;1H" + "left" + "\x1b[5;5H" + "|right") == ""


def test_neighbours_in_one_style_share_its_sequence() -> None:
    frames = FrameFilter()
    grey = Style(color="grey85", bgcolor="grey11").render
    out = frames("\x1b[4;10H" + grey(" ", color_system="256") + "\x1b[4;11H"
                 + grey(" ", color_system="256") + grey("ab", color_system="256"))
    assert out.count("H") == 1 and out.count("\x1b[0m") == 1 and "  ab" in out


def test_wide_characters_are_written_whole() -> None:
    frames = FrameFilter()
    frames("\x1b[1;1H" + "a日本b")
    out = frames("\x1b[1;1H" + "a日本c")
    assert out == "\x1b[1;6Hc"
    out = frames("\x1b[1;1H" + "a日木c")  # the right one changed: from its left half
    assert out == "\x1b[1;4H木"


def test_blanks_become_an_erase_where_the_terminal_erases_in_colour() -> None:
    grey = Style(bgcolor="grey11").render(" " * 40, color_system="256")
    under = Style(underline=True).render(" " * 40, color_system="256")
    assert "\x1b[40X" in FrameFilter(erase=True)("\x1b[1;1H" + grey)
    assert "\x1b[40X" not in FrameFilter(erase=False)("\x1b[1;1H" + grey)
    assert "\x1b[40X" not in FrameFilter(erase=True)("\x1b[1;1H" + under)  # shows its line
    out = FrameFilter(erase=True)("\x1b[1;1H" + grey + "end")
    assert "\x1b[40X\x1b[40C" in out and out.endswith("end")


def test_a_change_of_colour_sets_only_the_colour() -> None:
    grey = Style(color="grey85", bgcolor="grey11")
    cyan = Style(color="cyan", bgcolor="grey11")
    out = FrameFilter()("\x1b[1;1H" + grey.render("a", color_system="256")
                        + cyan.render("b", color_system="256"))
    assert out == "\x1b[1;1H\x1b[38;5;253;48;5;234ma\x1b[36mb\x1b[0m"


def test_a_repeated_piece_is_written_again_once_another_wrote_over_its_cells() -> None:
    frames = FrameFilter()
    frames("\x1b[2;1H" + "the reply")
    assert frames("\x1b[2;1H" + "the reply") == ""  # a repeat: skipped
    frames("\x1b[2;5H" + "X")  # over the "r"
    assert frames("\x1b[2;1H" + "the reply") == "\x1b[2;5Hr"
    frames("\x1b[3;1H" + "ab日")
    frames("\x1b[3;4H" + "c")  # the wide character's right half: it goes
    assert frames("\x1b[3;1H" + "ab日") == "\x1b[3;3H日"
