"""ui/layout.py: one reflow per change, with the geometry Textual's own two passes give.

Each case runs twice in a small app: once with Textual's ``Widget`` methods as they ship
and once with ``layout.install()``'s. The screen's reflows are counted by wrapping the
compositor's ``reflow``, and its frames by wrapping ``render_update`` (measurements only;
nothing is stubbed). Every frame is fed to a terminal emulator (pyte), which must end
showing what a full repaint shows. Both runs must end with the same regions for every
widget and the same screen; the patched one must reflow and draw fewer times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pyte
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown, Static

from tui_chat.ui import layout

LONG = "words that wrap " * 30


class FillsOnMount(Static):
    """Sets its content in its own on_mount, before it counts as mounted."""

    def on_mount(self) -> None:
        self.update(LONG)


class Page(App[None]):
    def __init__(self, start: str = "start") -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self.start)


@contextmanager
def textual_as_shipped() -> Iterator[None]:
    """Run with Textual's own ``_size_updated`` and ``_post_mount``, then restore."""
    patched = Widget._size_updated, Widget._post_mount
    Widget._size_updated = layout._TEXTUAL_SIZE_UPDATED  # type: ignore[method-assign]
    Widget._post_mount = layout._TEXTUAL_POST_MOUNT  # type: ignore[method-assign]
    try:
        yield
    finally:
        Widget._size_updated, Widget._post_mount = patched  # type: ignore[method-assign]


Regions = list[tuple[str, tuple[int, int, int, int]]]


class Terminal:
    """A terminal emulator (pyte) fed every frame the screen draws, as a terminal is."""

    def __init__(self, app: App[None], first: object) -> None:
        self.app = app
        width, height = app.size
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.Stream(self.screen)
        self.feed(first)

    def feed(self, update: object) -> None:
        if update is not None:
            self.stream.feed(update.render_segments(self.app.console))  # type: ignore[attr-defined]

    def recording(self, render_update: Callable[..., object]) -> Callable[..., object]:
        def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
            update = render_update(*args, **kwargs)
            self.feed(update)
            return update
        return recorded

    def text(self) -> list[str]:
        return list(self.screen.display)

    def rows(self) -> list[str]:
        """Each row's characters with their colours."""
        buffer = self.screen.buffer
        return ["".join(f"{c.data}{c.fg}/{c.bg};" for c in (buffer[y][x] for x in range(self.screen.columns)))
                for y in range(self.screen.lines)]


def counting(method: Callable[..., object], calls: list[None]) -> Callable[..., object]:
    """``method``, noting each call in ``calls``."""
    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(None)
        return method(*args, **kwargs)
    return counted


async def _run(change: str, start: str = "start") -> tuple[int, Regions, int, list[str]]:
    """(reflows after the change, every widget's region once settled, frames drawn after
    the change, the rows a terminal shows with their colours)."""
    app = Page(start)
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        reflows: list[None] = []  # one entry per call
        frames: list[None] = []
        render_update = compositor.render_update
        compositor.reflow = counting(compositor.reflow, reflows)  # type: ignore[method-assign]
        terminal = Terminal(app, render_update(full=True))
        compositor.render_update = terminal.recording(  # type: ignore[method-assign]
            counting(render_update, frames))
        markdown = app.query_one(Markdown)
        if change == "append":
            await markdown.append("\n\n# A heading\n\n" + LONG + "\n\n- one\n- two\n")
        else:
            await app.query_one(VerticalScroll).mount(FillsOnMount())
        for _ in range(5):
            await pilot.pause(0.05)
        regions = [(type(w).__name__, tuple(w.region)) for w in app.screen.walk_children()]
        scroll = app.query_one(VerticalScroll)
        if scroll.show_vertical_scrollbar:  # the thumb's geometry, as the scrollbar has it
            bar = scroll.vertical_scrollbar
            regions.append(("ScrollBar", (bar.window_virtual_size, bar.window_size,
                                          int(bar.position), bar.region.height)))
        rows = terminal.rows()
        # What the frames drew is what a full repaint of the screen draws now.
        assert rows == Terminal(app, render_update(full=True)).rows()
        return len(reflows), regions, len(frames), rows + terminal.text()


async def test_appended_markdown_blocks_are_laid_out_in_one_reflow() -> None:
    layout.install()
    with textual_as_shipped():
        shipped_reflows, shipped, shipped_frames, shipped_rows = await _run("append")
    reflows, regions, frames, rows = await _run("append")
    assert regions == shipped
    assert rows == shipped_rows
    assert any(name == "MarkdownH1" for name, _ in regions)
    assert any("A heading" in row for row in rows)
    assert reflows == 1
    assert shipped_reflows > reflows
    # One frame: the reflow that placed the new blocks painted them; no second frame
    # repaints them because they asked for it before they were mounted.
    assert frames == 1
    assert shipped_frames > frames


async def test_a_widget_that_fills_itself_on_mount_gets_its_full_height() -> None:
    layout.install()
    with textual_as_shipped():
        _, shipped, _, shipped_rows = await _run("mount")
    _, regions, _, rows = await _run("mount")
    assert regions == shipped
    assert rows == shipped_rows
    assert any("words that wrap" in row for row in rows)
    height = next(region[3] for name, region in regions if name == "FillsOnMount")
    assert height >= len(LONG) // 50  # it wraps over many rows, not one


async def test_an_append_that_moves_the_scrollbar_thumb_draws_one_frame() -> None:
    layout.install()
    overflowing = "\n\n".join([LONG] * 6)  # taller than the 30 rows: a scrollbar shows
    with textual_as_shipped():
        _, shipped, shipped_frames, shipped_rows = await _run("append", overflowing)
    reflows, regions, frames, rows = await _run("append", overflowing)
    assert any(name == "ScrollBar" for name, _ in regions)
    assert regions == shipped
    # The thumb is drawn where a full repaint draws it (the rows compare colours too).
    assert rows == shipped_rows
    assert reflows == 1
    # One frame: the reflow's own frame drew the thumb it moved; no frame for it alone.
    assert frames == 1
    assert shipped_frames > frames
