"""Inference backends behind one small protocol."""

from __future__ import annotations

from tui_chat.core.backends.base import Backend, Chunk, Message

__all__ = ["Backend", "Chunk", "Message"]
