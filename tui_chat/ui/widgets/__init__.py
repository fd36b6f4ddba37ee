"""Widgets: model sidebar, session list, chat log, message view, prompt."""
