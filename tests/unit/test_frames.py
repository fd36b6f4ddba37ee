"""The frame filter (ui.frames): the terminal ends up showing exactly what Textual drew,
with fewer bytes. A terminal emulator (pyte) renders both streams and the cells
(characters, colours, attributes) are compared after every frame."""

from __future__ import annotations

import random
import re

import pyte
from rich.style import Style

from tui_chat.ui.frames import FrameFilter, merge_styles

COLS, ROWS = 60, 12
STYLES = [Style(color="grey85", bgcolor="grey11"), Style(color="cyan", bgcolor="grey11"),
          Style(bold=True, color="yellow"), Style(italic=True, bgcolor="grey15"),
          Style(underline=True), Style(reverse=True), Style()]
PIECE = re.compile(r"\x1b\[\d+;\d+H(?:(?!\x1b\[\d+;\d+H).)*", re.S)
WORDS = ["the", "reply", "grows", "│", "█", "═", "日本", "naïve", "   ", "x", "—", "→"]


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


def frame(rng: random.Random, previous: list[str]) -> str:
    """A frame: new pieces, and often pieces of the last frame again (unchanged cells)."""
    parts = [p for p in previous if rng.random() < 0.6]
    parts += [piece(rng) for _ in range(rng.randint(1, 6))]
    rng.shuffle(parts)
    return "".join(parts) + f"\x1b[{rng.randint(1, ROWS)};{rng.randint(1, COLS)}H"


def test_the_filtered_stream_shows_the_same_cells_after_every_frame() -> None:
    rng = random.Random(20)
    plain, filtered = pyte.Screen(COLS, ROWS), pyte.Screen(COLS, ROWS)
    feed_plain, feed_filtered = pyte.Stream(plain), pyte.Stream(filtered)
    frames = FrameFilter()
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


def test_a_piece_over_another_makes_it_unknown() -> None:
    frames = FrameFilter()
    first = "\x1b[2;1H" + "abcdef"
    over = "\x1b[2;3H" + "XY"
    assert frames(first) and frames(over)
    assert "abcdef" in frames(first)  # row 2 now shows abXYef: written again


def test_neighbours_in_one_style_share_its_sequence() -> None:
    grey = Style(color="grey85", bgcolor="grey11").render
    body = grey("one ", color_system="256") + grey("two", color_system="256")
    merged = merge_styles(body)
    assert merged.count("\x1b[0m") == 1 and merged.endswith("\x1b[0m")
    assert "one two" in merged
    other = Style(bold=True).render("three", color_system="256")
    assert merge_styles(body + other).count("\x1b[0m") == 2  # another style: reset between


def test_adjacent_pieces_on_a_row_become_one() -> None:
    frames = FrameFilter()
    blank = Style(bgcolor="grey11").render(" ", color_system="256")
    out = frames(f"\x1b[4;10H{blank}\x1b[4;11H{blank}\x1b[4;12H{blank}")
    assert out.count("H") == 1 and out.count("\x1b[0m") == 1
