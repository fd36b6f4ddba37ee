"""Following a streaming reply in steps, so the screen is not rewritten for every line.

A log that follows the bottom line by line moves every message up each time the reply
gains a line, and a terminal can only be told so by rewriting every row of the log
(Textual draws no terminal scrolls, and the sidebar beside the log rules them out). Over
SSH that is most of what streaming costs.

So while a reply streams and the log follows it, the log keeps blank room below the
reply (:class:`TailRoom`, a share of the view's height) and stays still while the reply
fills it. Only when the reply's end passes the bottom of the view does the log jump, by
the height of the room at once. When the reply ends the room goes and the log settles on
the bottom, as it would have without the steps. A ``share`` of 0 follows line by line.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import ScrollableContainer
from textual.widget import MountError
from textual.widgets import Static

DEFAULT_SHARE = 0.5
"""The room below a streaming reply, as a share of the view's height."""

START_TRIES = 3
"""Refreshes a start waits for an anchored log to reach its new bottom."""


class TailRoom(Static):
    """Blank room below a streaming reply (the log jumps by its height)."""

    DEFAULT_CSS = """
    TailRoom {
        width: 1fr;
    }
    """


class StepFollow:
    """A log's following of a streaming reply in steps (see the module docstring)."""

    def __init__(self, log: ScrollableContainer, share: float = DEFAULT_SHARE) -> None:
        self.log = log
        self.share = share
        """The room's height as a share of the view's (0: follow line by line)."""
        self.room: TailRoom | None = None
        self._at: float | None = None
        """Where this put the view last (the user has scrolled when it is elsewhere)."""
        self._waiting: Callable[[], bool] | None = None
        """A streaming reply whose start found nothing to step through yet (see :meth:`grew`)."""

    @property
    def active(self) -> bool:
        """True while the room is in the log."""
        return self.room is not None and self.room.is_attached

    def _following(self) -> bool:
        log = self.log
        if log.scroll_y >= log.max_scroll_y - 0.5:
            return True
        return self._at is not None and abs(log.scroll_y - self._at) < 0.5

    async def start(self, live: Callable[[], bool] = lambda: True, tries: int = START_TRIES) -> None:
        """A reply starts streaming: make room below it if the log follows the bottom.

        ``live``: whether the reply still streams. An anchored log whose scroll to the
        new bottom is not laid out yet (the reply's views were just mounted; on a busy
        machine the start can come first) is looked at again after the next refresh,
        ``tries`` times at most, instead of following line by line.
        """
        log = self.log
        if self.room is not None or not live():
            return
        self._waiting = live
        if not log.is_anchored:
            return
        if log.scroll_y < log.max_scroll_y - 0.5:
            # Not laid out at the new bottom yet; or (scroll_y below 0) a short chat,
            # drawn at the foot of the view, which :meth:`grew` starts once it fills it.
            if tries > 0 and log.scroll_y >= 0:
                log.call_after_refresh(self.start, live, tries - 1)
            return
        height = min(log.scrollable_content_region.height - 1,
                     round(log.scrollable_content_region.height * self.share))
        if height < 1:
            return
        self._waiting = None
        log.release_anchor()  # the view stays put while the room goes in below
        self._at = log.scroll_y
        room = TailRoom()
        room.styles.height = height
        self.room = room
        try:
            await log.mount(room)
        except MountError:  # the log is going (the app quits as the reply starts)
            self.room = None

    def grew(self) -> None:
        """The log's content grew: jump if the reply passed the view's bottom, or start
        following in steps now that the content fills the view.

        A short chat sits at the foot of the view (Textual anchors its bottom there), and
        each line the reply gains moves it all up: it has nothing to step through until
        it fills the view. Without this the reply of a new chat, which starts short,
        was followed line by line to its end: every block of the log redrawn each append.
        """
        if self.active:
            self.log.call_later(self.check)
        elif self._waiting is not None and self.room is None:
            live = self._waiting
            if live():
                self.log.call_later(self.start, live, 0)
            else:
                self._waiting = None

    def check(self) -> None:
        """The log's content changed: jump when the reply's end is below the view."""
        if not self.active or not self._following():
            return
        assert self.room is not None
        log = self.log
        end = self.room.virtual_region.y
        if end > log.scroll_y + log.scrollable_content_region.height:
            log.scroll_to(y=log.max_scroll_y, animate=False, immediate=True)
        self._at = log.scroll_y
        log.release_anchor()

    async def stop(self) -> None:
        """The reply ended: the room goes; a log that followed settles on the bottom."""
        self._waiting = None
        room, self.room = self.room, None
        if room is None:
            return
        following = room.is_attached and self._following()
        self._at = None
        if room.is_attached:
            # Not awaited: a next reply may be mounting, or the log clearing, meanwhile.
            room.remove()
        if following:
            self.log.anchor()

    def forget(self) -> None:
        """The log was emptied (the room with it)."""
        self.room = None
        self._waiting = None
        self._at = None
