"""tui-chat: a keyboard-driven terminal app for chatting with local LLMs."""

from __future__ import annotations

__version__ = "0.1.0"
