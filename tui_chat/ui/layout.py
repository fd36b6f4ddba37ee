"""One layout pass (and one paint) where Textual 8.2 makes two, for three reasons.

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

3. A reflow that changed a scrollable widget's virtual size moved its scrollbar's thumb,
and the scrollbar asked for a repaint of its own: a frame after the reflow's, for the
thumb alone (each append to a long chat log, 3-10 ms of the UI thread on this machine).
:func:`install` has the reflow paint that thumb in its own frame: the scrollbar's
region joins the regions the reflow is about to draw, and its request is dropped.
Only scrollbars: taking every pending repaint into the reflow's frame made the frame
that shows a reply's last text larger, and that text later (issue 20's note).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

_TEXTUAL_SIZE_UPDATED = Widget._size_updated


def _size_updated_once(self: Widget, size: Size, virtual_size: Size, container_size: Size,
                       layout: bool = True) -> bool:
    """Textual's ``_size_updated``, never asking for another layout pass, and with the
    scrollbars it moved painted in the frame the screen draws next (this reflow's)."""
    changed = _TEXTUAL_SIZE_UPDATED(self, size, virtual_size, container_size, layout=False)
    if changed:
        _paint_scrollbars_with_reflow(self)
    return changed


def _paint_scrollbars_with_reflow(widget: Widget) -> None:
    """Put the repaint ``widget``'s scrollbars asked for into the reflow's own frame.

    Only the screen's reflow calls ``_size_updated``, and it draws its frame right after
    (``Screen._refresh_layout`` ends in ``_compositor_refresh``), from the compositor's
    dirty regions: the scrollbars' regions go there and their own requests are dropped.
    A scrollbar the compositor does not show yet is left to ask as usual.
    """
    bars = [bar for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar)
            if bar is not None and bar._repaint_required]
    if not bars:
        return
    screen = widget.screen
    if not screen.is_current:
        return
    compositor = screen._compositor
    shown = [bar for bar in bars if bar in compositor.visible_widgets]
    compositor.update_widgets(set(shown))
    for bar in shown:
        bar._repaint_required = False


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
