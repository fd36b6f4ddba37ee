"""The Textual layer: a thin UI over tui_chat.core."""
