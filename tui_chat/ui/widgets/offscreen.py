"""Hiding the blocks of a long reply while they are far above the chat log's viewport."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets.markdown import MarkdownBlock

if TYPE_CHECKING:
    from tui_chat.ui.widgets.message import MessageView


class BlockSpacer(Widget):
    """Stands in for the hidden blocks at the top of a long body (same height)."""

    DEFAULT_CSS = """
    BlockSpacer {
        height: 0;
        margin: 0;
        padding: 0;
    }
    """


class OffscreenBlocks:
    """Hides a body's leading blocks while they are far above the chat log's viewport.

    Textual lays out and places every displayed widget of the screen on each layout
    pass; a long reply holds hundreds of blocks (thousands of widgets), so each append
    would cost more than the one before. The leading blocks that are more than
    :attr:`HIDE_SCREENS` viewports above the top get ``display: none`` and one
    :class:`BlockSpacer` of exactly their height takes their place, so scroll
    positions and the scrollbar do not change. Where each hidden block started is
    remembered, so scrolling back up shows just the blocks coming near the viewport;
    a width change shows them all (their heights would be different).
    """

    MIN_BLOCKS = 24
    """Bodies with fewer blocks are left alone."""
    KEEP_BLOCKS = 4
    """The last blocks always stay displayed (the stream updates the last one)."""
    MIN_STEP = 4
    """Hide at least this many blocks at once (each change costs a layout)."""
    HIDE_SCREENS = 1
    """Blocks more than this many viewport heights above the top are hidden."""

    def __init__(self, view: MessageView) -> None:
        self.view = view
        self.hidden = 0
        """How many leading blocks are hidden."""
        self.width = 0
        self.spacer: BlockSpacer | None = None
        self._tops: list[int] = [0]
        """_tops[i]: the spacer height that stands in for the first i blocks."""

    def blocks(self) -> list[MarkdownBlock]:
        """The body's top-level blocks, in order."""
        return [child for child in self.view.body.children if isinstance(child, MarkdownBlock)]

    def _log(self) -> Widget | None:
        parent = self.view.parent
        return parent if isinstance(parent, Widget) and parent.is_scrollable else None

    def _body_y(self) -> int | None:
        """The body's top in the log's virtual (scrollable) coordinates."""
        region = self.view.body.virtual_region
        view_region = self.view.virtual_region
        if not region.height or not view_region.height:
            return None
        return view_region.y + self.view.styles.gutter.top + region.y

    def update(self) -> None:
        """Hide or show blocks for the log's scroll position (UI thread, after a layout)."""
        view = self.view
        log = self._log()
        if log is None or not view.is_mounted:
            return
        blocks = self.blocks()
        if len(blocks) < self.MIN_BLOCKS and not self.hidden:
            return
        width = view.body.size.width
        if self.hidden and width != self.width:
            self.restore()
            return
        body_y = self._body_y()
        if body_y is None:
            return
        screen = max(1, log.scrollable_content_region.height)
        limit = log.scroll_y - self.HIDE_SCREENS * screen
        tops = self._tops
        if self.hidden and body_y + tops[self.hidden] + screen // 2 > log.scroll_y:
            keep = self.hidden  # scrolled back up: show the blocks now near the viewport
            while keep and body_y + tops[keep] > limit:
                keep -= 1
            self._show_from(blocks, keep)
            return
        index = self.hidden
        last = len(blocks) - self.KEEP_BLOCKS
        del tops[index + 1:]
        while index < last:
            region = blocks[index].virtual_region
            if not region.height or body_y + region.bottom > limit:
                break
            index += 1
            following = blocks[index]
            tops.append(following.virtual_region.y - following.styles.margin.top)
        if index - self.hidden < self.MIN_STEP or tops[index] <= 0:
            return
        with view.app.batch_update():
            if self.spacer is None:
                self.spacer = BlockSpacer()
                view.body.mount(self.spacer, before=blocks[0])
            self.spacer.styles.height = tops[index]
            self.spacer.display = True
            for block in blocks[self.hidden:index]:
                block.display = False
        self.hidden, self.width = index, width

    def _show_from(self, blocks: list[MarkdownBlock], keep: int) -> None:
        """Show the hidden blocks from index ``keep`` on; the first ``keep`` stay hidden."""
        with self.view.app.batch_update():
            for block in blocks[keep:self.hidden]:
                block.display = True
            if self.spacer is not None:
                self.spacer.styles.height = self._tops[keep]
                self.spacer.display = keep > 0
        self.hidden = keep
        del self._tops[keep + 1:]

    def restore(self) -> None:
        """Show every hidden block again (UI thread)."""
        if self.hidden:
            self._show_from(self.blocks(), 0)

    async def remove(self) -> None:
        """Show every block and drop the spacer (before the body is rebuilt)."""
        self.restore()
        spacer, self.spacer = self.spacer, None
        if spacer is not None and spacer.is_attached:
            await spacer.remove()
