"""Files shipped with tui-chat: inside the wheel, or at the repository's root in a checkout.

The wheel maps the repository's ``styles/`` to ``tui_chat/styles/`` and its
``config.toml`` to ``tui_chat/default_config.toml`` (``pyproject.toml``); in a source
checkout the files are read where they are.
"""

from __future__ import annotations

from pathlib import Path

from tui_chat.core.errors import TuiChatError

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``tui_chat`` package folder."""


def shipped_file(in_package: str, in_repository: str) -> Path | None:
    """``tui_chat/<in_package>`` in an install, else ``<repository>/<in_repository>``."""
    for candidate in (PACKAGE_DIR / in_package, PACKAGE_DIR.parent / in_repository):
        if candidate.is_file():
            return candidate
    return None


def styles_path(name: str = "app.tcss") -> Path:
    """The stylesheet ``name`` (``app.tcss``, ``diagnostics.tcss``...).

    Raises:
        TuiChatError: it is in neither place (a broken install); the sentence says so.
    """
    found = shipped_file(f"styles/{name}", f"styles/{name}")
    if found is None:
        raise TuiChatError(f"the stylesheet styles/{name} is missing from this install; "
                           "reinstall tui-chat (pip install --force-reinstall tui-chat).")
    return found


def builtin_config_file() -> Path | None:
    """The shipped default ``config.toml``, or None in a broken install."""
    return shipped_file("default_config.toml", "config.toml")
