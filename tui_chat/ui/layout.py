"""One layout pass (and one paint) where Textual 8.2 makes two, for two reasons.

1. Each reflow asked for another.

After a reflow, Textual's screen hands every widget its new geometry through
``Widget._size_updated``, which sets ``virtual_size``: a reactive with ``layout=True``.
So each widget whose size changed asks for a layout and a repaint of itself once more,
and the next screen update reflows the screen again (its ancestors' arrangements
cleared) and repaints those widgets: the same screen, drawn twice. While a reply
streams that is a second full frame after every append, of which the frame filter
writes nothing; on a busy 2-core machine it cost 30-90 ms of the UI thread each time.

:func:`install` has the reflow set the size without asking again, as Textual itself
does after a scroll (``layout=False``). A change that needs another pass still gets
one: scrollbars that appear or go set reactives of their own, and widgets handle their
``Resize`` events. Nothing is told of ``virtual_size`` through a watcher any more;
:class:`~tui_chat.ui.widgets.chat_log.ChatLog`, the one widget that watched it, looks
in its own ``_size_updated``.

2. A widget given its content before it was mounted asked for a layout of its own once
mounted, a frame after the one that placed it. Every Markdown block is built that way,
so each append that added blocks reflowed the screen twice. :func:`install` has the
mount drop that request: the layout the parent does on mount sizes the widget with the
content it has by then (``tests/ui/test_layout.py`` checks the geometry is Textual's).
It drops the repaint it asked for likewise: that reflow paints the new widget's whole
region anyway (a widget new to the compositor is a changed region), so the frame after
it repainted every new block a second time: 3-16 ms a Markdown append on this machine.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

_TEXTUAL_SIZE_UPDATED = Widget._size_updated


def _size_updated_once(self: Widget, size: Size, virtual_size: Size, container_size: Size,
                       layout: bool = True) -> bool:
    """Textual's ``_size_updated``, never asking for another layout pass."""
    return _TEXTUAL_SIZE_UPDATED(self, size, virtual_size, container_size, layout=False)


_TEXTUAL_POST_MOUNT = Widget._post_mount


def _post_mount_laid_out(self: Widget) -> None:
    """Textual's ``_post_mount``, then forget a layout and a repaint asked for before it.

    A widget given content before it is mounted (every Markdown block is built that way)
    keeps those requests, and once mounted it asks the screen for a layout and a repaint
    of its own, one frame after the one that placed it: the parent's layout on mount
    (``AwaitMount``) already sized it with that content, and painted all of it. (The
    compositor places no widget before this point, so nothing was drawn stale.)
    """
    _TEXTUAL_POST_MOUNT(self)
    if isinstance(self._parent, Widget):  # not a screen (the app is a screen's parent)
        self._layout_required = False
        self._repaint_required = False


def install() -> None:
    """Make every reflow one pass (idempotent; for the whole process)."""
    Widget._size_updated = _size_updated_once  # type: ignore[method-assign]
    Widget._post_mount = _post_mount_laid_out  # type: ignore[method-assign]
